"""Regional guides (for their municipalities) and editors (anywhere, also
for the whole region) enter ideas collected on paper, at a stand, at an
event, by mail or by phone. Such an idea has no author, is visible at once
and counts like the online ones; bad input writes nothing and keeps what
was typed."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas import staff_actions
from smartregion.ideas.models import Idea
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import FocusAreaFactory, MunicipalityFactory, TopicFactory

CAPTURE = reverse("ideas_staff:idea-capture")


@pytest.fixture
def andernach(db):
    return MunicipalityFactory(name="Andernach", slug="andernach")


@pytest.fixture
def process(db):
    # Pre-moderation: ideas from the staff are visible all the same.
    return ProcessFactory(title="Ideenspeicher", slug="ideenspeicher", moderation=Process.ModerationMode.PRE)


@pytest.fixture
def as_guide(client, guide_mayen):
    return log_in_with_second_factor(client, guide_mayen)


@pytest.fixture
def as_editor(client, editor):
    return log_in_with_second_factor(client, editor)


def yesterday():
    return timezone.localdate() - dt.timedelta(days=1)


def form_data(process, municipality, **overrides):
    data = {
        "process": process.pk,
        "channel": Idea.Channel.PAPER,
        "collected_on": f"{yesterday():%d.%m.%Y}",
        "collected_at": "Wochenmarkt Mayen",
        "contributor_name": "Erika",
        "title": "Trinkbrunnen am Marktplatz",
        "text": "Im Sommer fehlt in der Innenstadt frisches Wasser.",
        "municipality": "region" if municipality is None else municipality.pk,
        "focus_area": "",
        "latitude": "",
        "longitude": "",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_a_guide_captures_a_paper_idea_for_their_municipality(as_guide, guide_mayen, mayen, process):
    topic = TopicFactory(name="Daseinsvorsorge")
    focus_area = FocusAreaFactory()
    response = as_guide.post(
        CAPTURE,
        form_data(process, mayen, topics=[topic.pk], focus_area=focus_area.pk, latitude="50.33", longitude="7.22"),
    )
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("ideas_staff:idea-detail", args=[idea.pk])
    assert idea.process == process
    assert idea.author is None
    assert idea.captured_by == guide_mayen
    assert idea.channel == Idea.Channel.PAPER
    assert idea.is_on_site
    assert idea.collected_on == yesterday()
    assert idea.collected_at == "Wochenmarkt Mayen"
    assert idea.contributor_name == "Erika"
    assert idea.municipality == mayen
    assert idea.focus_area == focus_area
    assert list(idea.topics.all()) == [topic]
    assert (idea.latitude, idea.longitude) == (50.33, 7.22)
    assert idea.moderation == Moderation.VISIBLE
    assert idea.status == Idea.Status.SUBMITTED


def test_the_form_offers_a_guide_only_their_municipalities(as_guide, mayen, andernach, process):
    ProcessFactory(title="Entwurf", status=Process.Status.DRAFT)
    response = as_guide.get(CAPTURE)
    assert response.status_code == 200
    form = response.context["form"]
    assert [value for value, _ in form.fields["municipality"].choices] == ["", str(mayen.pk)]
    # Their one municipality is chosen already.
    assert form.initial["municipality"] == str(mayen.pk)
    assert list(form.fields["process"].queryset) == [process]
    assert "Speichern und weitere erfassen" in response.content.decode()


@pytest.mark.parametrize("where", ["andernach", "region"])
def test_a_guide_cannot_capture_for_another_municipality_or_the_whole_region(as_guide, request, where, process):
    municipality = None if where == "region" else request.getfixturevalue(where)
    response = as_guide.post(CAPTURE, form_data(process, municipality))
    assert response.status_code == 400
    assert response.context["form"].errors["municipality"]
    assert not Idea.objects.exists()


def test_the_rule_refuses_what_the_form_would_let_through(guide_mayen, mayen, andernach):
    assert guide_mayen.has_perm("ideas.capture_idea", mayen)
    assert not guide_mayen.has_perm("ideas.capture_idea", andernach)
    assert not guide_mayen.has_perm("ideas.capture_idea", None)


@pytest.mark.parametrize("where", ["mayen", "andernach", "region"])
def test_an_editor_captures_anywhere(as_editor, editor, request, where, process):
    municipality = None if where == "region" else request.getfixturevalue(where)
    response = as_editor.post(CAPTURE, form_data(process, municipality, channel=Idea.Channel.PHONE))
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.municipality == municipality
    assert idea.captured_by == editor
    assert idea.channel == Idea.Channel.PHONE


@pytest.mark.parametrize("person", ["citizen", "moderator", "juror"])
def test_others_cannot_open_the_capture_form(client, request, person, process, mayen):
    user = request.getfixturevalue(person)
    if person == "citizen":
        client.force_login(user)
    else:
        log_in_with_second_factor(client, user)
    assert client.get(CAPTURE).status_code == 302
    response = client.post(CAPTURE, form_data(process, mayen))
    assert response.status_code == 302
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("collected_on", "future", "Das Datum liegt in der Zukunft."),
        ("collected_on", "", "Bitte geben Sie an, an welchem Tag die Idee gesammelt wurde."),
        ("title", "   ", "Bitte geben Sie einen Titel an."),
        ("text", "", "Bitte geben Sie die Idee in einigen Sätzen wieder."),
        ("channel", Idea.Channel.ONLINE, "Bitte wählen Sie einen Weg aus der Liste."),
        ("latitude", "50.3", "Bitte geben Sie Breite und Länge an"),
    ],
)
def test_bad_input_writes_nothing_and_keeps_what_was_typed(as_guide, mayen, process, field, value, message):
    if value == "future":
        value = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    data = form_data(process, mayen, **{field: value})
    response = as_guide.post(CAPTURE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Bitte prüfen Sie diese Angaben:" in page
    assert not Idea.objects.exists()
    # What was typed is still there.
    if field != "text":
        assert "Im Sommer fehlt in der Innenstadt frisches Wasser.</textarea>" in page
    if field != "title":
        assert 'value="Trinkbrunnen am Marktplatz"' in page
    assert 'value="Wochenmarkt Mayen"' in page
    assert f'value="{data["submission_key"]}"' in page


def test_a_municipal_process_takes_only_its_municipality(as_editor, mayen, andernach):
    process = ProcessFactory(municipality=mayen)
    response = as_editor.post(CAPTURE, form_data(process, andernach))
    assert response.status_code == 400
    assert "Bitte wählen Sie die Kommune des Verfahrens." in response.content.decode()
    assert as_editor.post(CAPTURE, form_data(process, mayen)).status_code == 302


def test_a_draft_process_cannot_be_chosen(as_editor, mayen):
    draft = ProcessFactory(status=Process.Status.DRAFT)
    response = as_editor.post(CAPTURE, form_data(draft, mayen))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_save_and_next_keeps_what_a_batch_of_cards_shares(as_guide, mayen, process):
    data = form_data(process, mayen, another="1")
    response = as_guide.post(CAPTURE, data)
    assert response.status_code == 302
    assert response.url.startswith(CAPTURE + "?")
    response = as_guide.get(response.url)
    form = response.context["form"]
    assert form.initial["process"] == str(process.pk)
    assert form.initial["channel"] == Idea.Channel.PAPER
    assert form.initial["collected_on"] == yesterday()
    assert f'value="{yesterday():%d.%m.%Y}"' in response.content.decode()
    assert form.initial["collected_at"] == "Wochenmarkt Mayen"
    assert form.initial["municipality"] == str(mayen.pk)
    assert "title" not in form.initial
    # A new key for the next card.
    assert str(form.initial["submission_key"]) != data["submission_key"]
    assert "Die Idee „Trinkbrunnen am Marktplatz“ ist gespeichert." in response.content.decode()


def test_a_reload_after_saving_creates_no_second_idea(as_guide, mayen, process):
    data = form_data(process, mayen)
    as_guide.post(CAPTURE, data)
    as_guide.post(CAPTURE, data)
    assert Idea.objects.count() == 1


def test_the_action_refuses_the_online_channel_and_future_dates(editor, mayen, process):
    data = {
        "channel": Idea.Channel.ONLINE,
        "collected_on": yesterday(),
        "title": "Titel",
        "text": "Text",
        "municipality": mayen,
    }
    with pytest.raises(ValueError):
        staff_actions.capture_idea(process, editor, data)
    data.update(channel=Idea.Channel.STAND, collected_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValueError):
        staff_actions.capture_idea(process, editor, data)
    assert not Idea.objects.exists()


def test_a_captured_idea_counts_like_an_online_one(editor, mayen, process):
    from smartregion.ideas.tests.factories import IdeaFactory

    online = IdeaFactory(process=process, municipality=mayen)
    captured = staff_actions.capture_idea(
        process,
        editor,
        {
            "channel": Idea.Channel.EVENT,
            "collected_on": yesterday(),
            "collected_at": "Zukunftsforum",
            "contributor_name": "",
            "title": "Repair-Café im Jugendtreff",
            "text": "Einmal im Monat gemeinsam reparieren.",
            "municipality": mayen,
        },
    )
    assert set(Idea.objects.public()) == {online, captured}
    assert list(Idea.objects.on_site()) == [captured]
    assert Idea.objects.public().filter(municipality=mayen).count() == 2
    # What the badge "vor Ort gesammelt" shows.
    assert captured.is_on_site
    assert captured.get_channel_display() == "bei einer Veranstaltung"
    assert captured.contributor_name == ""  # shown as "anonym"
    assert captured.collected_on == yesterday()
    assert captured.collected_at == "Zukunftsforum"
