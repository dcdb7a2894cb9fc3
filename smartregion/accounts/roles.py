"""Staff roles as Django groups with exactly the permissions they need.

| group            | who                                   | may now                                        |
|------------------|---------------------------------------|------------------------------------------------|
| Redaktion        | editors                               | backend; pages, images, documents, region data |
|                  |                                       | events, processes, idea status, jury results,  |
|                  |                                       | the moderation's word list (by rule, no model  |
|                  |                                       | permission: moderation/word_list_admin.py)     |
| Moderation       | moderators, county-wide or scoped to  | backend; idea status; the moderation queue:    |
|                  | the user's moderated_municipalities   | reports, approve, hide, restore, objections    |
|                  |                                       | (rules moderation.*), the audit log            |
| Regionallotsin   | regional guides, scoped to the user's | backend; events of their municipalities (rule  |
|                  | guide_municipalities                  | events.manage_event); ideas collected on site  |
|                  |                                       | there (rule ideas.capture_idea)                |
| Jury             | jurors, assigned per process          | backend; the jury board of their processes     |
| Administration   | account administrators                | backend; find, block and unblock accounts,     |
|                  |                                       | assign roles (rule accounts.manage_accounts);  |
|                  |                                       | the moderation's audit log                     |

Every member of these groups (and every superuser) must log in with a second
factor before the backend opens (see middleware.StaffTwoFactorMiddleware).

Called from data migrations (so every database has the groups) and safe to
call again: it sets the permissions of each group to exactly the listed
ones. A change to the lists comes with a new data migration that calls
ensure_groups(), so that existing databases follow.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import Q

EDITORS = "Redaktion"
MODERATORS = "Moderation"
GUIDES = "Regionallotsin"
JURORS = "Jury"
ADMINISTRATORS = "Administration"

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
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_event"),
    ("participation", "add_process"),
    ("participation", "change_process"),
    ("participation", "view_process"),
    ("ideas", "add_idea"),
    ("ideas", "change_idea"),
    ("ideas", "view_idea"),
    ("comments", "change_comment"),
    ("comments", "view_comment"),
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


def _permissions(Permission, pairs, strict=True):
    query = Q()
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    if strict and len(found) != len(pairs):
        missing = set(pairs) - {(p.content_type.app_label, p.codename) for p in found}
        raise LookupError(f"Permissions missing: {sorted(missing)}")
    return found


# Model permissions of the other staff groups. Each opens the backend; the
# issues that bring moderation, analog capture and the jury board add theirs.
STAFF_MODEL_PERMISSIONS = {
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("ideas", "change_idea"),
        ("ideas", "view_idea"),
        ("comments", "change_comment"),
        ("comments", "view_comment"),
        # The queue and the decisions; the rules moderation.moderate_item
        # and moderation.decide_objection narrow them to the moderator's
        # municipalities, and all writes go through moderation.actions.
        ("moderation", "view_report"),
        ("moderation", "change_report"),
        ("moderation", "view_objection"),
        ("moderation", "change_objection"),
        ("moderation", "view_moderationaction"),
    ],
    # Guides edit only the events of their municipalities: the rule
    # events.manage_event narrows these model permissions per event.
    GUIDES: [
        ("wagtailadmin", "access_admin"),
        ("events", "add_event"),
        ("events", "change_event"),
        ("events", "view_event"),
        # Ideas collected on site, for their municipalities (rule
        # ideas.capture_idea).
        ("ideas", "add_idea"),
        ("ideas", "view_idea"),
    ],
    JURORS: [("wagtailadmin", "access_admin")],
    # Account administrators read the moderation's audit log (rule
    # moderation.view_audit_log).
    ADMINISTRATORS: [("wagtailadmin", "access_admin"), ("moderation", "view_moderationaction")],
}

# Every group whose members count as staff, in the order the backend lists
# them; settings.STAFF_GROUPS names the same groups.
STAFF_GROUPS = [EDITORS, MODERATORS, GUIDES, JURORS, ADMINISTRATORS]


def _create_permissions(apps):
    # Permissions are normally created after `migrate`; a data migration
    # that assigns them must create them first.
    for app_config in apps.get_app_configs():
        # Restore the real value: with django.apps.apps (post_migrate), None
        # would hide every app from the test database's serialization.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module


def ensure_editor_group(apps, strict=True):
    """Create or update the editors' group. `apps` is a migration's app
    registry or django.apps.apps."""
    _create_permissions(apps)
    return _ensure_editor_group(apps, strict)


def _ensure_editor_group(apps, strict=True):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(_permissions(Permission, EDITOR_MODEL_PERMISSIONS, strict))

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.create(group=group, page=root, permission=permission)
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        GroupCollectionPermission.objects.filter(group=group).delete()
        for permission in _permissions(Permission, EDITOR_COLLECTION_PERMISSIONS, strict):
            GroupCollectionPermission.objects.create(group=group, collection=collection, permission=permission)
    return group


def ensure_groups(apps, strict=True):
    """Create or update every staff group (STAFF_GROUPS) with exactly its
    permissions and return them by name. The groups other than the editors
    get no page or collection permissions: any found are removed.

    Data migrations call it with strict=False: they run with the lists of
    today's code, which may name permissions of apps not migrated yet. After
    every `migrate` the accounts app calls it again strictly (apps.py), so
    the groups end up exact."""
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {EDITORS: _ensure_editor_group(apps, strict)}
    for name, pairs in STAFF_MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(Permission, pairs, strict))
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        groups[name] = group
    return groups
