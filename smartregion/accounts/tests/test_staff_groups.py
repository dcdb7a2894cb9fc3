"""The staff groups, created by the accounts migrations with exactly the
permissions each role needs now, and kept so by ensure_groups()."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from smartregion.accounts.roles import (
    ADMINISTRATORS,
    EDITOR_MODEL_PERMISSIONS,
    EDITORS,
    GUIDES,
    JURORS,
    MODERATORS,
    STAFF_GROUPS,
    STAFF_MODEL_PERMISSIONS,
    ensure_groups,
)

BACKEND = ("wagtailadmin", "access_admin")


def model_permissions(group):
    return {(p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")}


def staff_groups_with_permissions():
    return {group.name: (group.pk, model_permissions(group)) for group in Group.objects.filter(name__in=STAFF_GROUPS)}


def test_the_staff_groups_are_the_five_roles_of_the_issue():
    assert STAFF_GROUPS == ["Redaktion", "Moderation", "Regionallotsin", "Jury", "Administration"]


@pytest.mark.django_db
def test_every_staff_group_exists_after_the_migrations():
    assert set(Group.objects.filter(name__in=STAFF_GROUPS).values_list("name", flat=True)) == set(STAFF_GROUPS)


@pytest.mark.django_db
@pytest.mark.parametrize("name", [MODERATORS, GUIDES, JURORS, ADMINISTRATORS])
def test_the_other_roles_have_exactly_their_listed_permissions_and_no_pages(name):
    group = Group.objects.get(name=name)

    assert model_permissions(group) == set(STAFF_MODEL_PERMISSIONS[name])
    assert BACKEND in model_permissions(group)
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()


def test_jurors_and_administrators_only_open_the_backend():
    # Jurors reach their boards through the rule jury.view_jury_board,
    # administrators the accounts through accounts.manage_accounts; they
    # also read the moderation's audit log (moderation.view_audit_log).
    assert set(STAFF_MODEL_PERMISSIONS[JURORS]) == {BACKEND}
    assert set(STAFF_MODEL_PERMISSIONS[ADMINISTRATORS]) == {BACKEND, ("moderation", "view_moderationaction")}


def test_moderators_may_work_on_ideas_and_comments():
    assert set(STAFF_MODEL_PERMISSIONS[MODERATORS]) == {
        BACKEND,
        ("ideas", "change_idea"),
        ("ideas", "view_idea"),
        ("comments", "change_comment"),
        ("comments", "view_comment"),
        ("moderation", "view_report"),
        ("moderation", "change_report"),
        ("moderation", "view_objection"),
        ("moderation", "change_objection"),
        ("moderation", "view_moderationaction"),
    }


def test_regional_guides_may_also_manage_events_and_capture_ideas():
    assert set(STAFF_MODEL_PERMISSIONS[GUIDES]) == {
        BACKEND,
        ("events", "add_event"),
        ("events", "change_event"),
        ("events", "view_event"),
        ("ideas", "add_idea"),
        ("ideas", "view_idea"),
    }


@pytest.mark.django_db
def test_the_editors_keep_their_permissions():
    assert model_permissions(Group.objects.get(name=EDITORS)) == set(EDITOR_MODEL_PERMISSIONS)


@pytest.mark.django_db
def test_account_administration_is_a_rule_not_a_model_permission(admin, editor):
    # Administration manages accounts through the backend's "Konten" views,
    # decided by the rule; Wagtail's own user management stays with
    # superusers.
    assert admin.has_perm("accounts.manage_accounts")
    assert not editor.has_perm("accounts.manage_accounts")
    assert not admin.has_perm("auth.change_user")
    assert not admin.has_perm("accounts.change_user")
    assert not admin.has_perm("wagtailusers.change_user")


@pytest.mark.django_db
def test_running_it_again_changes_nothing():
    before = staff_groups_with_permissions()

    groups = ensure_groups(apps)

    assert set(groups) == set(STAFF_GROUPS)
    assert Group.objects.filter(name__in=STAFF_GROUPS).count() == len(STAFF_GROUPS)
    assert staff_groups_with_permissions() == before


@pytest.mark.django_db
def test_it_takes_back_a_permission_given_by_hand_and_restores_a_missing_one():
    moderators = Group.objects.get(name=MODERATORS)
    moderators.permissions.set(
        [Permission.objects.get(content_type__app_label="region", codename="delete_municipality")]
    )
    GroupPagePermission.objects.create(
        group=moderators,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page"),
    )

    ensure_groups(apps)

    assert model_permissions(moderators) == set(STAFF_MODEL_PERMISSIONS[MODERATORS])
    assert not GroupPagePermission.objects.filter(group=moderators).exists()


@pytest.mark.django_db
def test_it_creates_a_group_deleted_by_hand():
    Group.objects.filter(name=JURORS).delete()

    ensure_groups(apps)

    assert model_permissions(Group.objects.get(name=JURORS)) == {BACKEND}


@pytest.mark.django_db
def test_every_staff_member_may_open_the_backend_and_a_citizen_may_not(
    editor, moderator, guide_mayen, juror, admin, citizen
):
    for person in [editor, moderator, guide_mayen, juror, admin]:
        assert person.has_perm("wagtailadmin.access_admin"), person.email
    assert not citizen.has_perm("wagtailadmin.access_admin")
