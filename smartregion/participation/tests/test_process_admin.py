"""Editors create and edit processes in the backend ("Beteiligungsverfahren"
under /redaktion/): phases and jury criteria in the same form, jurors from
the Jury group. Nobody else reaches these views."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from smartregion.accounts.tests.factories import UserFactory, log_in_with_second_factor
from smartregion.participation.models import Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory

LIST = "/redaktion/snippets/participation/process/"
ADD = "/redaktion/beteiligungsverfahren/add/"

pytestmark = pytest.mark.django_db


def edit_url(process):
    return f"/redaktion/beteiligungsverfahren/edit/{process.pk}/"


def moment(days, hour=10):
    value = timezone.localtime() + dt.timedelta(days=days)
    return value.replace(hour=hour, minute=0, second=0, microsecond=0)


def phase(title, starts, ends, opens=()):
    data = {
        "id": "",
        "title": title,
        "description": "",
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": ends.strftime("%Y-%m-%d %H:%M") if ends else "",
        "ORDER": "",
        "DELETE": "",
        # A tuple, which nested_form_data leaves alone: one value per
        # ticked checkbox.
        "opens": tuple(opens),
    }
    return data


def two_phases():
    return [
        phase("Ideen sammeln", moment(-5), moment(20), opens=["ideas.submit", "ideas.comment", "ideas.support"]),
        phase("Jury", moment(20), moment(40), opens=["jury.rate"]),
    ]


def form_data(phases=None, criteria=(), existing_phases=0, jurors=(), **overrides):
    """A complete process form as the backend posts it."""
    phases = two_phases() if phases is None else phases
    for number, item in enumerate(phases):
        item["ORDER"] = str(number + 1)
    data = {
        "title": "Ideenwettbewerb Mobilität",
        "slug": "ideenwettbewerb-mobilitaet",
        "summary": "Wie kommen wir ohne Auto ins Nachbardorf?",
        "description": rich_text(""),
        "image": "",
        "image_alt": "",
        "municipality": "",
        "moderation": Process.ModerationMode.POST,
        "status": Process.Status.PUBLISHED,
        "results_statement": "",
        "phases": inline_formset(phases, initial=existing_phases),
        "jury_criteria": inline_formset(list(criteria)),
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["jurors"] = [str(pk) for pk in jurors]
    return data


@pytest.fixture
def as_editor(client, editor):
    return log_in_with_second_factor(client, editor)


def form_errors(response):
    form = response.context["form"]
    errors = dict(form.errors)
    for name, formset in form.formsets.items():
        for number, child in enumerate(formset.forms):
            for field, messages in child.errors.items():
                errors[f"{name}-{number}-{field}"] = messages
    return errors


def test_an_editor_creates_a_process_with_two_phases(as_editor):
    criteria = [{"id": "", "name": "Wirkung", "description": "", "weight": "3", "ORDER": "1", "DELETE": ""}]

    response = as_editor.post(ADD, form_data(criteria=criteria))

    assert response.status_code == 302, form_errors(response)
    process = Process.objects.get(slug="ideenwettbewerb-mobilitaet")
    assert [p.title for p in process.ordered_phases()] == ["Ideen sammeln", "Jury"]
    assert process.active_phase().has("ideas.submit")
    assert process.is_open("ideas.submit")
    assert [(c.name, c.weight) for c in process.jury_criteria.all()] == [("Wirkung", 3)]


def test_an_editor_sees_the_list_and_the_add_form(as_editor, juror):
    process = ProcessFactory(title="Ideenspeicher")
    PhaseFactory(process=process, title="Immer offen", ends_at=None, opens=["ideas.submit"])

    listing = as_editor.get("/redaktion/beteiligungsverfahren/")
    add = as_editor.get(ADD)

    assert listing.status_code == 200
    assert "Ideenspeicher" in listing.text and "Immer offen" in listing.text
    assert add.status_code == 200


def test_the_jurors_are_offered_from_the_jury_group_only(as_editor, juror, citizen, editor):
    response = as_editor.get(ADD)

    assert list(response.context["form"].fields["jurors"].queryset) == [juror]


def test_an_editor_assigns_a_juror(as_editor, juror):
    response = as_editor.post(ADD, form_data(jurors=[juror.pk]))

    assert response.status_code == 302, form_errors(response)
    assert list(Process.objects.get().jurors.all()) == [juror]


def test_it_refuses_a_juror_outside_the_jury_group(as_editor, citizen):
    response = as_editor.post(ADD, form_data(jurors=[citizen.pk]))

    assert response.status_code == 200
    assert "jurors" in form_errors(response)
    assert not Process.objects.exists()


def test_it_rejects_a_phase_that_ends_before_it_starts_and_keeps_the_input(as_editor):
    phases = [phase("Verdreht", moment(10), moment(5), opens=["ideas.submit"])]

    response = as_editor.post(ADD, form_data(phases=phases))

    assert response.status_code == 200
    assert form_errors(response)["phases-0-ends_at"] == [
        "Das Ende muss nach dem Beginn liegen. Bitte prüfen Sie die Zeiten."
    ]
    assert "Verdreht" in response.text
    assert not Process.objects.exists()


def test_it_rejects_overlapping_phases(as_editor):
    phases = [
        phase("Ideen sammeln", moment(0), moment(20), opens=["ideas.submit"]),
        phase("Zu früh", moment(10), moment(30), opens=["jury.rate"]),
    ]

    response = as_editor.post(ADD, form_data(phases=phases))

    assert response.status_code == 200
    [message] = form_errors(response)["phases-1-starts_at"]
    assert message.startswith("Diese Phase überschneidet sich mit der Phase „Ideen sammeln“")
    assert not Process.objects.exists()


def test_an_open_ended_phase_overlaps_every_later_one(as_editor):
    phases = [phase("Immer offen", moment(0), None, opens=["ideas.submit"]), phase("Später", moment(30), moment(40))]

    response = as_editor.post(ADD, form_data(phases=phases))

    assert response.status_code == 200
    assert "phases-1-starts_at" in form_errors(response)


def test_it_requires_the_alt_text_of_an_image(as_editor):
    image = Image.objects.create(title="Marktplatz", file=get_test_image_file())

    response = as_editor.post(ADD, form_data(image=image.pk))

    assert response.status_code == 200
    assert form_errors(response)["image_alt"] == [
        "Bitte beschreiben Sie, was auf dem Bild zu sehen ist (Alternativtext für blinde Menschen)."
    ]
    assert not Process.objects.exists()


def test_an_image_with_alt_text_is_saved(as_editor):
    image = Image.objects.create(title="Marktplatz", file=get_test_image_file())

    response = as_editor.post(ADD, form_data(image=image.pk, image_alt="Der Marktplatz von Mayen"))

    assert response.status_code == 302, form_errors(response)
    assert Process.objects.get().image_alt == "Der Marktplatz von Mayen"


def test_an_editor_edits_the_phases(as_editor):
    process = ProcessFactory(slug="ideenwettbewerb-mobilitaet")
    existing = PhaseFactory(process=process, title="Alt", starts_at=moment(-5), ends_at=moment(5), sort_order=0)
    phases = [
        {**phase("Ideen sammeln", moment(-5), moment(5), opens=["ideas.submit"]), "id": str(existing.pk)},
        phase("Jury", moment(5), moment(15), opens=["jury.rate"]),
    ]

    assert as_editor.get(edit_url(process)).status_code == 200

    response = as_editor.post(edit_url(process), form_data(phases=phases, existing_phases=1))

    assert response.status_code == 302, form_errors(response)
    assert [p.title for p in process.ordered_phases()] == ["Ideen sammeln", "Jury"]


@pytest.mark.parametrize("person", ["citizen", "guide_mayen", "moderator", "juror"])
def test_other_people_cannot_create_a_process(client, request, person):
    log_in_with_second_factor(client, request.getfixturevalue(person))

    response = client.post(ADD, form_data())

    assert response.status_code == 302
    assert not Process.objects.exists()
    assert client.get("/redaktion/beteiligungsverfahren/").status_code == 302


def test_a_citizen_without_second_factor_is_sent_away(client):
    client.force_login(UserFactory())

    assert client.get(ADD).status_code == 302
