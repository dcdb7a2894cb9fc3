"""The editors' group "Redaktion", created by the accounts migration with
exactly the permissions the editorial team needs."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from smartregion.accounts.roles import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_MODEL_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    ensure_editor_group,
    ensure_groups,
)


def model_permissions(group):
    return {(p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")}


def page_permissions(group):
    return {
        (gpp.page_id, gpp.permission.codename)
        for gpp in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }


def collection_permissions(group):
    return {
        (gcp.collection_id, gcp.permission.content_type.app_label, gcp.permission.codename)
        for gcp in GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type")
    }


@pytest.mark.django_db
def test_the_group_exists_after_the_migrations():
    assert Group.objects.filter(name=EDITORS).exists()
    assert EDITORS == "Redaktion"


@pytest.mark.django_db
def test_it_may_enter_the_staff_backend_and_edit_the_region():
    group = Group.objects.get(name=EDITORS)

    assert model_permissions(group) == set(EDITOR_MODEL_PERMISSIONS)
    assert ("wagtailadmin", "access_admin") in model_permissions(group)
    # Municipalities and focus areas are part of the region's skeleton.
    assert ("region", "delete_municipality") not in model_permissions(group)
    assert ("region", "delete_focusarea") not in model_permissions(group)


@pytest.mark.django_db
def test_it_may_add_edit_and_publish_pages_in_the_whole_tree_but_not_delete_subtrees():
    group = Group.objects.get(name=EDITORS)
    root = Page.get_first_root_node()

    assert page_permissions(group) == {(root.pk, codename) for codename in EDITOR_PAGE_PERMISSIONS}
    assert {"add_page", "change_page", "publish_page"} <= set(EDITOR_PAGE_PERMISSIONS)
    assert "bulk_delete_page" not in EDITOR_PAGE_PERMISSIONS


@pytest.mark.django_db
def test_it_may_upload_and_choose_images_and_documents():
    group = Group.objects.get(name=EDITORS)
    root_collection = Collection.get_first_root_node()

    assert collection_permissions(group) == {
        (root_collection.pk, app_label, codename) for app_label, codename in EDITOR_COLLECTION_PERMISSIONS
    }


@pytest.mark.django_db
def test_running_it_again_changes_nothing():
    group = Group.objects.get(name=EDITORS)
    before = (model_permissions(group), page_permissions(group), collection_permissions(group))

    again = ensure_editor_group(apps)

    assert again.pk == group.pk
    assert Group.objects.filter(name=EDITORS).count() == 1
    assert (model_permissions(again), page_permissions(again), collection_permissions(again)) == before


@pytest.mark.django_db
def test_creating_all_staff_groups_leaves_the_editors_as_they_are():
    group = Group.objects.get(name=EDITORS)
    before = (model_permissions(group), page_permissions(group), collection_permissions(group))

    groups = ensure_groups(apps)

    assert groups[EDITORS].pk == group.pk
    assert (model_permissions(group), page_permissions(group), collection_permissions(group)) == before


@pytest.mark.django_db
def test_it_restores_a_permission_taken_away_by_hand():
    group = Group.objects.get(name=EDITORS)
    group.permissions.clear()
    GroupPagePermission.objects.filter(group=group).delete()

    ensure_editor_group(apps)

    assert model_permissions(group) == set(EDITOR_MODEL_PERMISSIONS)
    assert len(page_permissions(group)) == len(EDITOR_PAGE_PERMISSIONS)


@pytest.mark.django_db
def test_an_editor_has_the_permissions_and_a_citizen_has_none(editor, citizen):
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("region.change_municipality")
    assert not editor.has_perm("region.delete_municipality")
    assert not citizen.has_perm("wagtailadmin.access_admin")
    assert not citizen.get_all_permissions()
