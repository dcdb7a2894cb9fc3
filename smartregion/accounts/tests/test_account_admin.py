"""Administration finds accounts in the backend ("Konten"), sees whether
their address is verified, blocks and unblocks them with a reason, assigns
roles and guide municipalities, and every such action is logged with who
and when. No other role may do any of it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from smartregion.accounts.models import AccountAction, User
from smartregion.accounts.roles import EDITORS, GUIDES, MODERATORS
from smartregion.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    log_in_with_second_factor,
    staff_group,
    verify_email,
)
from smartregion.accounts.wagtail_hooks import add_accounts_panel
from smartregion.lib.tests.dashboard import dashboard_request, rows, run_hook
from smartregion.region.tests.factories import MunicipalityFactory

# Marked for the whole module: tests that get their people by
# request.getfixturevalue would otherwise run after the transactional tests,
# which empty the database of the groups the migrations made.
pytestmark = pytest.mark.django_db

LIST = "/redaktion/konten/"


def detail_url(user):
    return f"/redaktion/konten/{user.pk}/"


def block_url(user):
    return f"/redaktion/konten/{user.pk}/sperren/"


def unblock_url(user):
    return f"/redaktion/konten/{user.pk}/entsperren/"


def roles_url(user):
    return f"/redaktion/konten/{user.pk}/rollen/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def is_ticked(response, group):
    return re.search(rf'value="{group.pk}" id="id_roles-groups_\d+" checked', response.text) is not None


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.fixture
def as_admin(client, admin):
    return log_in_with_second_factor(client, admin)


@pytest.fixture
def blocked_citizen(citizen, admin):
    citizen.blocked_reason = "Wiederholt beleidigende Kommentare."
    citizen.save()
    return citizen


# --- the URLs --------------------------------------------------------------


def test_the_views_live_under_konten_in_the_backend():
    assert reverse("accounts_admin:account-list") == LIST
    assert reverse("accounts_admin:account-detail", args=[7]) == "/redaktion/konten/7/"
    assert reverse("accounts_admin:account-block", args=[7]) == "/redaktion/konten/7/sperren/"
    assert reverse("accounts_admin:account-unblock", args=[7]) == "/redaktion/konten/7/entsperren/"
    assert reverse("accounts_admin:account-roles", args=[7]) == "/redaktion/konten/7/rollen/"


# --- the menu ---------------------------------------------------------------


@pytest.mark.django_db
def test_administration_finds_konten_in_the_backend_menu(as_admin):
    response = as_admin.get("/redaktion/")

    assert '"label": "Konten"' in response.text
    assert f'"url": "{LIST}"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["editor", "moderator", "guide_mayen", "juror"])
def test_other_staff_do_not_see_the_menu_item(client, request, person):
    log_in_with_second_factor(client, request.getfixturevalue(person))

    response = client.get("/redaktion/")

    assert response.status_code == 200
    assert f'"url": "{LIST}"' not in response.text


# --- finding an account -----------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_every_account_with_its_verification_state(as_admin, citizen, other_citizen):
    verify_email(other_citizen)

    response = as_admin.get(LIST)

    assert response.status_code == 200
    rows = {account.email: account.has_verified_email for account in response.context["page"].object_list}
    assert rows == {"admin@example.org": True, "citizen@example.org": False, "other.citizen@example.org": True}
    assert detail_url(citizen) in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("citizen@example", {"citizen@example.org", "other.citizen@example.org"}),
        ("OTHER.citizen", {"other.citizen@example.org"}),
        ("bürgerin", {"citizen@example.org"}),
        ("Beispiel", {"anna@example.org"}),
        ("Anna Beispiel", {"anna@example.org"}),
        ("niemand", set()),
    ],
)
def test_an_account_is_found_by_e_mail_address_or_name(as_admin, citizen, other_citizen, query, expected):
    UserFactory(email="anna@example.org", display_name="Radfahrerin", first_name="Anna", last_name="Beispiel")

    response = as_admin.get(LIST, {"q": query})

    assert {account.email for account in response.context["page"].object_list} == expected
    assert response.context["search_form"]["q"].value() == query


@pytest.mark.django_db
def test_a_search_without_a_match_says_so(as_admin):
    response = as_admin.get(LIST, {"q": "niemand"})

    assert "Kein Konto passt zur Suche „niemand“." in response.text


@pytest.mark.django_db
def test_the_list_is_paged(as_admin):
    UserFactory.create_batch(55)

    first = as_admin.get(LIST)
    second = as_admin.get(LIST, {"p": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 6
    assert "?p=2" in first.text


@pytest.mark.django_db
def test_the_list_needs_a_fixed_number_of_queries(as_admin, django_assert_num_queries):
    # 1 session, 2 the staff member, 3 her group names (the rules), 4 her
    # authenticators (two-factor middleware), 5-6 her user and group
    # permissions (Wagtail's access check), 7 her Wagtail profile, 8 the
    # number of accounts, 9 locales, 10-11 page and collection permissions
    # (Wagtail's menu), 12 the page of accounts with their verification
    # state, 13 their groups.
    for _ in range(3):
        UserFactory(groups=[staff_group(MODERATORS)])
    as_admin.get(LIST)  # the first request after logging in renews the session
    with django_assert_num_queries(13):
        as_admin.get(LIST)

    for _ in range(20):
        verify_email(UserFactory(groups=[staff_group(EDITORS), staff_group(GUIDES)]))
    with django_assert_num_queries(13):
        response = as_admin.get(LIST)
    assert len(response.context["page"].object_list) == 24


# --- an account's page -------------------------------------------------------


@pytest.mark.django_db
def test_the_account_page_shows_state_roles_municipalities_and_addresses(as_admin, guide_mayen):
    response = as_admin.get(detail_url(guide_mayen))

    assert response.status_code == 200
    assert response.context["account"].has_verified_email
    text = response.text
    assert "guide.mayen@example.org" in text
    assert "Lotsin Mayen" in text
    assert is_ticked(response, staff_group(GUIDES))
    assert not is_ticked(response, staff_group(EDITORS))
    assert list(response.context["roles_form"].initial["municipalities"]) == list(
        guide_mayen.guide_municipalities.all()
    )
    assert "nicht eingerichtet" in text  # no authenticator app yet


@pytest.mark.django_db
def test_the_account_page_of_an_unverified_address_says_so(as_admin, citizen):
    response = as_admin.get(detail_url(citizen))

    assert not response.context["account"].has_verified_email
    assert "Zu diesem Konto ist keine E-Mail-Adresse bestätigt oder hinterlegt." in response.text


@pytest.mark.django_db
def test_an_unknown_account_is_not_found(as_admin):
    assert as_admin.get("/redaktion/konten/999999/").status_code == 404


@pytest.mark.django_db
def test_the_account_page_needs_a_fixed_number_of_queries(as_admin, admin, guide_mayen, django_assert_num_queries):
    # 1-7 as for the list (session, staff member, groups, authenticators,
    # permissions, profile), 8 the account with its verification state,
    # 9 its groups, 10 its municipalities, 11 the municipalities it
    # moderates, 12 whether it has an authenticator app, 13 locales, 14-15
    # page and collection permissions, 16 its addresses, 17 the staff
    # groups, 18 the municipalities to choose from as a guide and 19 as a
    # moderator, 20 the log with who did it.
    AccountAction.objects.create(actor=admin, target=guide_mayen, kind=AccountAction.Kind.GROUPS_CHANGED)
    as_admin.get(detail_url(guide_mayen))  # the first request after logging in renews the session
    with django_assert_num_queries(20):
        as_admin.get(detail_url(guide_mayen))

    other_admin = UserFactory()
    for municipality in MunicipalityFactory.create_batch(5):
        guide_mayen.guide_municipalities.add(municipality)
    guide_mayen.groups.add(staff_group(EDITORS))
    for number in range(10):
        AccountAction.objects.create(
            actor=other_admin if number % 2 else admin,
            target=guide_mayen,
            kind=AccountAction.Kind.BLOCKED,
            details=f"Grund {number}",
        )
    with django_assert_num_queries(20):
        response = as_admin.get(detail_url(guide_mayen))
    assert len(response.context["log"]) == 11


# --- blocking ---------------------------------------------------------------


@pytest.mark.django_db
def test_administration_blocks_an_account_with_a_reason(as_admin, admin, citizen):
    response = as_admin.post(block_url(citizen), {"block-reason": "  Wiederholt beleidigende Kommentare.  "})

    assert response.status_code == 302
    assert response.url == detail_url(citizen)
    citizen.refresh_from_db()
    assert citizen.blocked_reason == "Wiederholt beleidigende Kommentare."
    entry = AccountAction.objects.get()
    assert (entry.actor, entry.target, entry.kind, entry.details) == (
        admin,
        citizen,
        AccountAction.Kind.BLOCKED,
        "Wiederholt beleidigende Kommentare.",
    )


@pytest.mark.django_db
def test_the_account_page_shows_the_log_with_who_and_when(as_admin, admin, citizen):
    as_admin.post(block_url(citizen), {"block-reason": "Spam"})

    response = as_admin.get(detail_url(citizen))

    entry = AccountAction.objects.get()
    assert list(response.context["log"]) == [entry]
    log = response.text.split('id="log-title"')[1]
    assert "gesperrt" in log
    assert "admin@example.org" in log
    assert "Spam" in log
    assert str(entry.created_at.astimezone().year) in log


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_a_block_without_a_reason_is_refused(as_admin, citizen, reason):
    response = as_admin.post(block_url(citizen), {"block-reason": reason})

    assert response.status_code == 200
    assert response.context["block_form"].errors["reason"] == ["Bitte geben Sie einen Grund für die Sperre an."]
    assert "Das Konto ist nicht gesperrt." in messages_of(response)[0]
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_a_too_long_reason_is_refused_and_kept_in_the_form(as_admin, citizen):
    reason = "Zu lang. " * 40

    response = as_admin.post(block_url(citizen), {"block-reason": reason})

    assert response.status_code == 200
    assert "höchstens 300 Zeichen" in response.context["block_form"].errors["reason"][0]
    assert reason.strip() in response.text
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_a_blocked_account_cannot_log_in_and_sees_why(client, blocked_citizen):
    response = client.post(reverse("account_login"), {"login": blocked_citizen.email, "password": PASSWORD})

    assert response.status_code == 403
    assert "Wiederholt beleidigende Kommentare." in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_open_session_ends_at_its_next_request(as_admin, citizen):
    citizen_client = Client()
    citizen_client.force_login(citizen)
    assert citizen_client.get("/konto/").status_code == 200

    as_admin.post(block_url(citizen), {"block-reason": "Spam"})
    response = citizen_client.get("/konto/")

    assert response.status_code == 403
    assert "Spam" in response.text
    assert citizen_client.get("/konto/").url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_blocking_a_blocked_account_again_changes_nothing(as_admin, blocked_citizen):
    response = as_admin.post(block_url(blocked_citizen), {"block-reason": "Noch ein Grund"}, follow=True)

    assert "Dieses Konto ist bereits gesperrt." in messages_of(response)
    blocked_citizen.refresh_from_db()
    assert blocked_citizen.blocked_reason == "Wiederholt beleidigende Kommentare."
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_the_blocked_state_shows_in_list_and_page(as_admin, blocked_citizen):
    assert "gesperrt" in as_admin.get(LIST).text
    response = as_admin.get(detail_url(blocked_citizen))
    assert "Wiederholt beleidigende Kommentare." in response.text
    assert unblock_url(blocked_citizen) in response.text
    assert block_url(blocked_citizen) not in response.text


# --- unblocking -------------------------------------------------------------


@pytest.mark.django_db
def test_administration_unblocks_an_account_with_a_reason(client, as_admin, admin, blocked_citizen):
    response = as_admin.post(unblock_url(blocked_citizen), {"unblock-reason": "Einsicht gezeigt"})

    assert response.status_code == 302
    blocked_citizen.refresh_from_db()
    assert blocked_citizen.blocked_reason == ""
    entry = AccountAction.objects.get()
    assert (entry.actor, entry.kind, entry.details) == (admin, AccountAction.Kind.UNBLOCKED, "Einsicht gezeigt")
    citizen_client = Client()
    response = citizen_client.post(reverse("account_login"), {"login": blocked_citizen.email, "password": PASSWORD})
    assert response.status_code == 302
    assert citizen_client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_unblocking_needs_a_reason(as_admin, blocked_citizen):
    response = as_admin.post(unblock_url(blocked_citizen), {"unblock-reason": ""})

    assert response.status_code == 200
    assert response.context["unblock_form"].errors["reason"] == ["Bitte geben Sie einen Grund für die Entsperrung an."]
    blocked_citizen.refresh_from_db()
    assert blocked_citizen.blocked_reason
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_unblocking_an_account_that_is_not_blocked_changes_nothing(as_admin, citizen):
    response = as_admin.post(unblock_url(citizen), {"unblock-reason": "Versehen"}, follow=True)

    assert "Dieses Konto ist nicht gesperrt." in messages_of(response)
    assert not AccountAction.objects.exists()


# --- roles and municipalities -----------------------------------------------


@pytest.mark.django_db
def test_administration_makes_a_citizen_a_guide_for_two_municipalities(as_admin, admin, citizen, mayen):
    verify_email(citizen)
    mendig = MunicipalityFactory(name="Mendig", slug="mendig")

    response = as_admin.post(
        roles_url(citizen), {"roles-groups": [staff_group(GUIDES).pk], "roles-municipalities": [mayen.pk, mendig.pk]}
    )

    assert response.status_code == 302
    assert group_names(citizen) == {GUIDES}
    assert set(citizen.guide_municipalities.all()) == {mayen, mendig}
    entries = {entry.kind: entry for entry in AccountAction.objects.all()}
    assert entries[AccountAction.Kind.GROUPS_CHANGED].details == "— → Regionallotsin"
    assert entries[AccountAction.Kind.MUNICIPALITIES_CHANGED].details == "— → Mayen, Mendig"
    assert all(entry.actor == admin and entry.target == citizen for entry in entries.values())


@pytest.mark.django_db
def test_changing_roles_logs_before_and_after(as_admin, guide_mayen):
    response = as_admin.post(
        roles_url(guide_mayen), {"roles-groups": [staff_group(MODERATORS).pk, staff_group(EDITORS).pk]}
    )

    assert response.status_code == 302
    assert group_names(guide_mayen) == {MODERATORS, EDITORS}
    assert not guide_mayen.guide_municipalities.exists()
    details = dict(AccountAction.objects.values_list("kind", "details"))
    assert details == {
        AccountAction.Kind.GROUPS_CHANGED: "Regionallotsin → Moderation, Redaktion",
        AccountAction.Kind.MUNICIPALITIES_CHANGED: "Mayen → —",
    }


@pytest.mark.django_db
def test_groups_that_are_not_staff_roles_stay_as_they_are(as_admin, moderator):
    newsletter = Group.objects.create(name="Newsletter-Team")
    moderator.groups.add(newsletter)

    as_admin.post(roles_url(moderator), {"roles-groups": []})

    assert group_names(moderator) == {"Newsletter-Team"}


@pytest.mark.django_db
def test_saving_the_same_roles_logs_nothing(as_admin, moderator):
    response = as_admin.post(roles_url(moderator), {"roles-groups": [staff_group(MODERATORS).pk]}, follow=True)

    assert "Es gab nichts zu ändern." in messages_of(response)
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_a_guide_needs_at_least_one_municipality(as_admin, moderator):
    response = as_admin.post(roles_url(moderator), {"roles-groups": [staff_group(GUIDES).pk]})

    assert response.status_code == 200
    assert response.context["roles_form"].errors["municipalities"] == [
        "Bitte wählen Sie mindestens eine Kommune für die Regionallotsin oder den -lotsen."
    ]
    # What was ticked stays ticked.
    assert is_ticked(response, staff_group(GUIDES))
    assert not is_ticked(response, staff_group(MODERATORS))
    assert group_names(moderator) == {MODERATORS}
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_municipalities_need_the_guide_role(as_admin, moderator, mayen):
    response = as_admin.post(
        roles_url(moderator), {"roles-groups": [staff_group(MODERATORS).pk], "roles-municipalities": [mayen.pk]}
    )

    assert response.status_code == 200
    assert "nur Regionallotsinnen und -lotsen" in response.context["roles_form"].errors["municipalities"][0]
    assert not moderator.guide_municipalities.exists()
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_an_account_without_a_verified_address_gets_no_role(as_admin, citizen):
    response = as_admin.post(roles_url(citizen), {"roles-groups": [staff_group(EDITORS).pk]})

    assert response.status_code == 200
    assert "keine bestätigte E-Mail-Adresse" in response.context["roles_form"].errors["groups"][0]
    assert group_names(citizen) == set()
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_a_role_can_be_taken_from_an_account_without_a_verified_address(as_admin):
    former_editor = UserFactory(groups=[staff_group(EDITORS)])

    response = as_admin.post(roles_url(former_editor), {"roles-groups": []})

    assert response.status_code == 302
    assert group_names(former_editor) == set()


@pytest.mark.django_db
def test_an_unknown_group_is_refused(as_admin, moderator):
    other = Group.objects.create(name="Eigene Gruppe")

    response = as_admin.post(roles_url(moderator), {"roles-groups": [other.pk]})

    assert response.status_code == 200
    assert response.context["roles_form"].errors["groups"]
    assert group_names(moderator) == {MODERATORS}


@pytest.mark.django_db
def test_a_new_editor_must_set_up_two_factors_before_the_backend_opens(as_admin, citizen):
    verify_email(citizen)
    as_admin.post(roles_url(citizen), {"roles-groups": [staff_group(EDITORS).pk]})
    citizen_client = Client()
    citizen_client.post(reverse("account_login"), {"login": citizen.email, "password": PASSWORD})

    response = citizen_client.get("/redaktion/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


# --- who may not -----------------------------------------------------------


@pytest.mark.django_db
def test_administration_may_not_block_itself_or_change_its_own_roles(as_admin, admin):
    block = as_admin.post(block_url(admin), {"block-reason": "Versehen"})
    roles = as_admin.post(roles_url(admin), {"roles-groups": []})

    # Wagtail answers a denied permission with a redirect to the dashboard.
    assert (block.status_code, block.url) == (302, "/redaktion/")
    assert (roles.status_code, roles.url) == (302, "/redaktion/")
    admin.refresh_from_db()
    assert admin.blocked_reason == ""
    assert group_names(admin) == {"Administration"}
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_administration_may_not_block_a_superuser(as_admin):
    superuser = User.objects.create_superuser("super@example.org", PASSWORD)

    response = as_admin.post(block_url(superuser), {"block-reason": "Versuch"})

    assert (response.status_code, response.url) == (302, "/redaktion/")
    superuser.refresh_from_db()
    assert superuser.blocked_reason == ""


@pytest.mark.django_db
def test_a_superuser_may_block_administration(client, admin):
    superuser = verify_email(User.objects.create_superuser("super@example.org", PASSWORD))
    log_in_with_second_factor(client, superuser)

    response = client.post(block_url(admin), {"block-reason": "Ausgeschieden"})

    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.blocked_reason == "Ausgeschieden"


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["editor", "moderator", "guide_mayen", "juror"])
def test_other_staff_can_neither_see_nor_change_accounts(client, request, person, citizen):
    log_in_with_second_factor(client, request.getfixturevalue(person))
    verify_email(citizen)

    responses = [
        client.get(LIST),
        client.get(detail_url(citizen)),
        client.post(block_url(citizen), {"block-reason": "Spam"}),
        client.post(roles_url(citizen), {"roles-groups": [staff_group(EDITORS).pk]}),
    ]

    assert [(response.status_code, response.url) for response in responses] == [(302, "/redaktion/")] * 4
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""
    assert group_names(citizen) == set()
    assert not AccountAction.objects.exists()


@pytest.mark.django_db
def test_a_blocked_citizen_cannot_be_unblocked_by_an_editor(client, editor, blocked_citizen):
    log_in_with_second_factor(client, editor)

    client.post(unblock_url(blocked_citizen), {"unblock-reason": "Bitte"})

    blocked_citizen.refresh_from_db()
    assert blocked_citizen.blocked_reason


@pytest.mark.django_db
def test_a_citizen_is_sent_to_the_login(client, citizen, other_citizen):
    client.force_login(citizen)

    response = client.post(block_url(other_citizen), {"block-reason": "Spam"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    other_citizen.refresh_from_db()
    assert other_citizen.blocked_reason == ""


@pytest.mark.django_db
def test_changes_need_a_post(as_admin, citizen):
    for url in (block_url(citizen), unblock_url(citizen), roles_url(citizen)):
        assert as_admin.get(url).status_code == 405


@pytest.mark.django_db
def test_changes_need_the_csrf_token(admin, citizen):
    client = log_in_with_second_factor(Client(enforce_csrf_checks=True), admin)

    response = client.post(block_url(citizen), {"block-reason": "Spam"})

    assert response.status_code == 403
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""


@pytest.mark.django_db
def test_the_forms_carry_the_csrf_token(as_admin, citizen):
    response = as_admin.get(detail_url(citizen))

    assert response.text.count('name="csrfmiddlewaretoken"') == 2


# The dashboard panel and the list of blocked accounts it links to.


def test_administration_sees_the_blocked_accounts_on_the_dashboard(blocked_citizen, admin, other_citizen):
    panel = run_hook(add_accounts_panel, admin)["accounts"]

    assert rows(panel) == [("Gesperrte Konten", 1, "/redaktion/konten/?blocked=on")]


def test_only_administration_gets_the_accounts_panel(editor, moderator, juror, guide_mayen, citizen):
    for person in (editor, moderator, juror, guide_mayen, citizen):
        assert run_hook(add_accounts_panel, person) == {}


@pytest.mark.parametrize("blocked", [1, 4])
def test_the_accounts_panel_needs_two_queries_whatever_the_numbers(admin, django_assert_num_queries, blocked):
    UserFactory.create_batch(blocked, blocked_reason="Spam")
    request = dashboard_request(admin)

    # The administrator's groups (rule accounts.manage_accounts), the count.
    with django_assert_num_queries(2):
        panels = run_hook(add_accounts_panel, request)

    assert panels["accounts"].items[0].count == blocked


def test_the_list_shows_only_blocked_accounts_when_asked(as_admin, blocked_citizen, other_citizen):
    response = as_admin.get("/redaktion/konten/?blocked=on")

    html = response.content.decode()
    assert blocked_citizen.email in html
    assert other_citizen.email not in html
    assert "Alle zeigen" in html


def test_the_list_says_so_when_no_account_is_blocked(as_admin, other_citizen):
    response = as_admin.get("/redaktion/konten/?blocked=on")

    assert "Kein Konto ist gesperrt." in response.content.decode()
    assert other_citizen.email not in response.content.decode()
