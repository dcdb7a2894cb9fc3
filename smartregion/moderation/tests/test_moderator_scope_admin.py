"""Account administration sets which municipalities a moderator moderates
(none: the whole county), next to roles and guide municipalities; the
change is logged. The Moderation group holds the permissions the roles
table names."""

import re

import pytest
from django.contrib.auth.models import Group

from smartregion.accounts.models import AccountAction
from smartregion.accounts.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_groups
from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.moderation.tests.queue_setup import QUEUE, reported_comment

pytestmark = pytest.mark.django_db


def roles_url(user):
    return f"/redaktion/konten/{user.pk}/rollen/"


@pytest.fixture
def as_admin(client, admin):
    return log_in_with_second_factor(client, admin)


def test_the_role_form_offers_moderated_municipalities(as_admin, moderator, mayen):
    page = as_admin.get(f"/redaktion/konten/{moderator.pk}/").content.decode()
    assert "Moderierte Kommunen" in page
    assert 'name="roles-moderated_municipalities"' in page
    assert "Keine Kommune: der ganze Landkreis." in page


def test_administration_scopes_a_moderator_to_mayen_and_it_is_logged(as_admin, admin, moderator, mayen, mendig):
    group = Group.objects.get(name=MODERATORS)
    response = as_admin.post(
        roles_url(moderator), {"roles-groups": [group.pk], "roles-moderated_municipalities": [mayen.pk]}
    )

    assert response.status_code == 302
    assert list(moderator.moderated_municipalities.all()) == [mayen]
    entry = AccountAction.objects.get(target=moderator, kind=AccountAction.Kind.MODERATED_MUNICIPALITIES_CHANGED)
    assert entry.actor == admin
    assert entry.details == "— → Mayen"
    page = as_admin.get(f"/redaktion/konten/{moderator.pk}/").content.decode()
    assert "moderierte Kommunen geändert" in page

    # Back to the whole county.
    as_admin.post(roles_url(moderator), {"roles-groups": [group.pk]})
    assert not moderator.moderated_municipalities.exists()


def test_the_scope_takes_effect_in_the_queue(as_admin, client, moderator, mayen, mendig):
    in_mendig = reported_comment(mendig)
    group = Group.objects.get(name=MODERATORS)
    as_admin.post(roles_url(moderator), {"roles-groups": [group.pk], "roles-moderated_municipalities": [mayen.pk]})

    from django.test import Client

    moderator_client = log_in_with_second_factor(Client(), moderator)
    entries = moderator_client.get(QUEUE).context["queue"].reports.entries
    assert in_mendig not in [entry.obj for entry in entries]


def test_moderated_municipalities_need_the_moderation_role(as_admin, citizen, editor, mayen):
    editors = Group.objects.get(name=EDITORS)
    response = as_admin.post(
        roles_url(editor), {"roles-groups": [editors.pk], "roles-moderated_municipalities": [mayen.pk]}
    )
    assert response.status_code == 200
    assert "Moderierte Kommunen gibt es nur für die Rolle „Moderation“." in response.content.decode()
    # What was ticked stays ticked.
    assert re.search(
        rf'value="{mayen.pk}"[^>]*id="id_roles-moderated_municipalities_0" checked', response.content.decode()
    )
    assert not editor.moderated_municipalities.exists()


def test_an_unknown_municipality_is_refused(as_admin, moderator):
    group = Group.objects.get(name=MODERATORS)
    response = as_admin.post(
        roles_url(moderator), {"roles-groups": [group.pk], "roles-moderated_municipalities": [9999]}
    )
    assert response.status_code == 200
    assert not moderator.moderated_municipalities.exists()


def test_other_staff_cannot_set_the_scope(client, moderator, mayen):
    log_in_with_second_factor(client, moderator)
    group = Group.objects.get(name=MODERATORS)
    response = client.post(
        roles_url(moderator), {"roles-groups": [group.pk], "roles-moderated_municipalities": [mayen.pk]}
    )
    assert response.url == "/redaktion/"
    assert not moderator.moderated_municipalities.exists()


def permissions_of(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_groups_hold_the_moderation_permissions():
    from django.apps import apps

    ensure_groups(apps)
    assert {
        "moderation.view_report",
        "moderation.change_report",
        "moderation.view_objection",
        "moderation.change_objection",
        "moderation.view_moderationaction",
    } <= permissions_of(MODERATORS)
    assert "moderation.view_moderationaction" in permissions_of(ADMINISTRATORS)
    # Nobody may change or delete the log.
    for name in (MODERATORS, ADMINISTRATORS, EDITORS):
        assert not {"moderation.change_moderationaction", "moderation.delete_moderationaction"} & permissions_of(name)
