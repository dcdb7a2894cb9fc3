"""Staff roles as Django groups with exactly the permissions they need.

Called from a data migration (so every database has the groups) and safe to
call again: it sets the permissions of each group to the listed ones.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import Q

EDITORS = "Redaktion"

# Model permissions of the editors, as (app_label, codename).
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("region", "change_regionsettings"),
    ("region", "add_municipality"),
    ("region", "change_municipality"),
    ("region", "add_focusarea"),
    ("region", "change_focusarea"),
    ("region", "add_topic"),
    ("region", "change_topic"),
    ("region", "delete_topic"),
    ("cms", "add_timelineentry"),
    ("cms", "change_timelineentry"),
    ("cms", "delete_timelineentry"),
    ("cms", "change_sitelinks"),
]

# Page permissions on the whole tree. Editors publish; deleting and moving
# the tree's skeleton stay with administrators ("bulk_delete" is not given).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(Permission, pairs):
    query = Q()
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    if len(found) != len(pairs):
        missing = set(pairs) - {(p.content_type.app_label, p.codename) for p in found}
        raise LookupError(f"Permissions missing: {sorted(missing)}")
    return found


def ensure_editor_group(apps):
    """Create or update the editors' group. `apps` is a migration's app
    registry or django.apps.apps."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(_permissions(Permission, EDITOR_MODEL_PERMISSIONS))

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.create(group=group, page=root, permission=permission)
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        GroupCollectionPermission.objects.filter(group=group).delete()
        for permission in _permissions(Permission, EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.create(group=group, collection=collection, permission=permission)
    return group
