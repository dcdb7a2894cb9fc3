"""A contribution type that exists only in this module works end to end
without a line of `participation` knowing it: a phase opens its action, the
process page shows its section and its action in the box "Was Sie jetzt tun
können", its rule allows while the phase runs and refuses before and after,
and the backend's phase form offers its checkbox.

The type: pledges ("Zusagen"), with one action "pledges.make" ("Zusage
geben"), registered by the fixture `pledges` and removed again after the
test."""

import ast
import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
import rules
from django.db.models import Value
from django.utils import timezone

from smartregion.accounts.predicates import is_verified_participant
from smartregion.accounts.tests.factories import verify_email
from smartregion.participation import contributions
from smartregion.participation.contributions import Action, ContributionType, Link, Listed, Shown
from smartregion.participation.models import Process
from smartregion.participation.rules import is_process_published, phase_opens
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory
from smartregion.participation.tests.test_process_admin import ADD, form_data, form_errors, moment, phase

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
PERMISSION = "pledges.make_pledge"
SECTION = """<section aria-labelledby="pledges-title" id="zusagen">
<h2 id="pledges-title">Zusagen</h2><p>{{ pledge_count }} Zusagen für {{ process.title }}</p>
</section>"""


def show_pledges(request, process, now):
    return Shown(template="pledges/section.html", context={"pledge_count": 7}, order=50)


@pytest.fixture
def pledges(settings, tmp_path):
    """The test-only type, its template and its permission."""
    (tmp_path / "pledges").mkdir()
    (tmp_path / "pledges" / "section.html").write_text(SECTION)
    (tmp_path / "pledges" / "card.html").write_text(" · {{ process.pledge_total }} Zusagen")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]},
        *settings.TEMPLATES[1:],
    ]
    may_pledge = is_verified_participant & is_process_published & phase_opens("pledges.make")
    rules.add_perm(PERMISSION, may_pledge)
    declared = contributions.register(
        ContributionType(
            key="pledges",
            label="Zusagen",
            order=50,
            actions=(
                Action(
                    key="make",
                    label="Zusage geben",
                    backend_label="Zusagen sammeln",
                    may=may_pledge,
                    ends="Zusagen sind bis zum %(date)s möglich.",
                    begins="Zusagen sind ab dem %(date)s möglich.",
                    ended="Die Zusagen endeten am %(date)s.",
                    never="Hier gibt es keine Zusagen.",
                    login="Bitte melden Sie sich an, um zuzusagen.",
                    link=lambda process: Link("#zusagen", "Zu den Zusagen"),
                ),
            ),
            show=show_pledges,
            listed=Listed(annotations=lambda: {"pledge_total": Value(12)}, template="pledges/card.html"),
        )
    )
    yield declared
    contributions.unregister("pledges")
    rules.remove_perm(PERMISSION)


def days(n):
    return timezone.now() + dt.timedelta(days=n)


def pledge_process(starts_at, ends_at, **fields) -> Process:
    process = ProcessFactory(title="Zusagen für den Dorfladen", slug="dorfladen", **fields)
    PhaseFactory(
        process=process, title="Zusagen sammeln", starts_at=starts_at, ends_at=ends_at, opens=["pledges.make"]
    )
    return process


def test_the_registry_knows_the_type_and_its_action(pledges):
    assert contributions.action("pledges.make").label == "Zusage geben"
    assert contributions.action("pledges.make").full_key == "pledges.make"
    assert contributions.action("pledges.nothing") is None
    assert ("Zusagen", [("pledges.make", "Zusagen sammeln")]) in contributions.choices()


def test_the_process_page_shows_the_section_and_the_action(client, citizen, pledges):
    process = pledge_process(days(-1), dt.datetime(2099, 3, 1, tzinfo=BERLIN))
    client.force_login(verify_email(citizen))

    response = client.get(process.get_absolute_url())

    assert response.status_code == 200
    assert "7 Zusagen für Zusagen für den Dorfladen" in response.text
    (action,) = response.context["actions"]
    assert action["key"] == "pledges.make" and action["available"]
    assert action["notes"] == ["Zusagen sind bis zum 28. Februar 2099 möglich."]
    assert 'href="#zusagen"' in response.text
    assert "Zusage geben: möglich" in response.text
    assert "In dieser Phase: Zusagen sammeln" in response.text
    # A process without ideas shows nothing of them.
    assert 'id="ideen"' not in response.text and "Idee einreichen" not in response.text


def test_the_list_of_processes_shows_the_line_of_the_type(client, pledges):
    pledge_process(days(-1), days(10))

    response = client.get("/beteiligung/")

    assert "ganze Region · 12 Zusagen" in response.text
    assert "Ideen" not in response.text.split("Zusagen für den Dorfladen")[1].split("</li>")[0]


def test_an_anonymous_visitor_is_asked_to_log_in(client, pledges):
    process = pledge_process(days(-1), days(10))

    (action,) = client.get(process.get_absolute_url()).context["actions"]

    assert not action["available"]
    assert action["reason"] == "Bitte melden Sie sich an, um zuzusagen."


def test_before_the_phase_the_box_says_when_it_begins(client, pledges):
    process = pledge_process(dt.datetime(2099, 5, 4, 10, tzinfo=BERLIN), None)

    (action,) = client.get(process.get_absolute_url()).context["actions"]

    assert action["reason"] == "Zurzeit ist keine Phase aktiv. Zusagen sind ab dem 4. Mai 2099 möglich."


@pytest.mark.parametrize(
    ("starts", "ends", "allowed"),
    [(-1, 1, True), (2, 5, False), (-5, -2, False)],
    ids=["while-the-phase-runs", "before", "after"],
)
def test_the_rule_allows_only_while_the_phase_runs(citizen, pledges, starts, ends, allowed):
    process = pledge_process(days(starts), days(ends))

    assert verify_email(citizen).has_perm(PERMISSION, process) is allowed


def test_the_rule_refuses_an_unverified_person_and_a_draft(citizen, pledges):
    process = pledge_process(days(-1), days(1))
    draft = ProcessFactory(status=Process.Status.DRAFT)
    PhaseFactory(process=draft, opens=["pledges.make"])

    assert not citizen.has_perm(PERMISSION, process)
    assert not verify_email(citizen).has_perm(PERMISSION, draft)


def test_an_idea_phase_does_not_open_the_pledges(citizen, pledges):
    process = ProcessFactory()
    PhaseFactory(process=process, opens=["ideas.submit", "ideas.comment", "ideas.support"])

    assert not verify_email(citizen).has_perm(PERMISSION, process)


def test_the_backend_phase_form_offers_and_saves_the_action(client, editor, pledges):
    from smartregion.accounts.tests.factories import log_in_with_second_factor

    log_in_with_second_factor(client, editor)
    add = client.get(ADD)
    assert 'value="pledges.make"' in add.text and "Zusagen sammeln" in add.text

    phases = [phase("Zusagen sammeln", moment(-1), moment(10), opens=["pledges.make", "ideas.comment"])]
    response = client.post(ADD, form_data(phases=phases))

    assert response.status_code == 302, form_errors(response)
    saved = Process.objects.get().phases.get()
    # In the registry's order: ideas come before pledges.
    assert saved.opens == ["ideas.comment", "pledges.make"]


def test_the_backend_phase_form_refuses_an_unknown_action(client, editor):
    from smartregion.accounts.tests.factories import log_in_with_second_factor

    log_in_with_second_factor(client, editor)
    phases = [phase("Zusagen sammeln", moment(-1), moment(10), opens=["pledges.make"])]

    response = client.post(ADD, form_data(phases=phases))

    assert response.status_code == 200
    assert form_errors(response)["phases-0-opens"] == [
        "„pledges.make“ kann eine Phase nicht öffnen. Bitte wählen Sie aus der Liste."
    ]
    assert not Process.objects.exists()
    assert 'value="Zusagen sammeln"' in response.text


# --- participation names no contribution type --------------------------------

PARTICIPATION = Path(__file__).resolve().parents[1]
# What participation may import of the project: the shared vocabulary and
# helpers, and the accounts' roles and privacy registry.
ALLOWED = ("smartregion.participation", "smartregion.accounts", "smartregion.lib", "smartregion.region")


def project_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "smartregion":
            # `from smartregion import ideas`
            names.update(f"smartregion.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if name.startswith("smartregion.")}


def test_participation_imports_no_contribution_type():
    modules = [path for path in PARTICIPATION.rglob("*.py") if "tests" not in path.relative_to(PARTICIPATION).parts]
    assert len(modules) > 5
    offending = {
        str(path.relative_to(PARTICIPATION)): sorted(
            name for name in project_imports(path) if not name.startswith(ALLOWED)
        )
        for path in modules
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_import_check_finds_an_import_of_ideas(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("from smartregion.ideas.models import Idea\nfrom smartregion import jury\n")

    assert project_imports(module) == {"smartregion.ideas.models", "smartregion.jury"}
