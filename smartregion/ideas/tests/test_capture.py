"""Regional guides (for their municipalities) and editors (anywhere, also
for the whole region) enter ideas collected on paper, at a stand, at an
event, by mail or by phone. Such an idea has no author, is visible at once
and counts like the online ones; bad input writes nothing and keeps what
was typed.

The place is chosen as on the public idea form (municipality, then one of
its places; the map optional), only processes whose phase takes ideas are
offered (the rule citizens' ideas follow), and similar ideas are shown
before saving, as on the public form."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas import actions
from smartregion.ideas.models import Idea
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory, open_process, process_with_phase
from smartregion.region.tests.factories import FocusAreaFactory, MunicipalityFactory, PlaceFactory, TopicFactory

CAPTURE = reverse("ideas_staff:idea-capture")


@pytest.fixture
def andernach(db):
    return MunicipalityFactory(name="Andernach", slug="andernach")


@pytest.fixture
def process(db):
    # Pre-moderation: ideas from the staff are visible all the same.
    return open_process(title="Ideenspeicher", slug="ideenspeicher", moderation=Process.ModerationMode.PRE)


@pytest.fixture
def jury_phase(db):
    """A competition whose jury rates right now: no new ideas."""
    return process_with_phase("jury.rate", title="Ideenwettbewerb in der Jurysitzung", slug="wettbewerb")


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
        "municipality": "" if municipality is None else municipality.pk,
        "place": "",
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
    response = as_guide.get(CAPTURE)
    assert response.status_code == 200
    form = response.context["form"]
    assert [str(value) for value, _ in form.fields["municipality"].choices] == ["", str(mayen.pk)]
    # Their one municipality is chosen already.
    assert form.initial["municipality"] == str(mayen.pk)
    assert "Speichern und weitere erfassen" in response.content.decode()


@pytest.mark.parametrize("where", ["andernach", "region"])
def test_a_guide_cannot_capture_for_another_municipality_or_the_whole_region(as_guide, request, where, process):
    municipality = None if where == "region" else request.getfixturevalue(where)
    response = as_guide.post(CAPTURE, form_data(process, municipality))
    assert response.status_code == 200
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
        ("latitude", "50.3", "Der Punkt auf der Karte ist unvollständig."),
    ],
)
def test_bad_input_writes_nothing_and_keeps_what_was_typed(as_guide, mayen, process, field, value, message):
    if value == "future":
        value = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    data = form_data(process, mayen, **{field: value})
    response = as_guide.post(CAPTURE, data)
    assert response.status_code == 200
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
    process = process_with_phase("ideas.submit", municipality=mayen)
    response = as_editor.post(CAPTURE, form_data(process, andernach))
    assert response.status_code == 200
    assert "Bitte wählen Sie die Kommune des Verfahrens." in response.content.decode()
    assert as_editor.post(CAPTURE, form_data(process, mayen)).status_code == 302


def test_a_draft_process_cannot_be_chosen(as_editor, mayen):
    draft = process_with_phase("ideas.submit", status=Process.Status.DRAFT)
    response = as_editor.post(CAPTURE, form_data(draft, mayen))
    assert response.status_code == 200
    assert "Bitte wählen Sie ein veröffentlichtes Verfahren." in response.content.decode()
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
        actions.capture_idea(process, editor, data)
    data.update(channel=Idea.Channel.STAND, collected_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValueError):
        actions.capture_idea(process, editor, data)
    assert not Idea.objects.exists()


def test_a_captured_idea_counts_like_an_online_one(editor, mayen, process):
    from smartregion.ideas.tests.factories import IdeaFactory

    online = IdeaFactory(process=process, municipality=mayen)
    captured = actions.capture_idea(
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


# --- Where: municipality, then place, as on the public form ---------------


@pytest.fixture
def vordereifel(db, guide_mayen):
    municipality = MunicipalityFactory(name="Verbandsgemeinde Vordereifel", places=["Ettringen", "Kottenheim"])
    guide_mayen.guide_municipalities.add(municipality)
    return municipality


def place_named(name):
    from smartregion.region.models import Place

    return Place.objects.get(name=name)


def test_the_form_offers_municipalities_and_their_places_not_coordinates(as_guide, mayen, vordereifel, process):
    MunicipalityFactory(name="Andernach", places=["Miesenheim"])
    page = as_guide.get(CAPTURE).content.decode()
    form_fields = as_guide.get(CAPTURE).context["form"].fields
    # Only the places of the guide's municipalities, grouped by them.
    assert form_fields["place"].choices == [
        ("", "keine Angabe"),
        (
            "Verbandsgemeinde Vordereifel",
            [(place_named("Ettringen").pk, "Ettringen"), (place_named("Kottenheim").pk, "Kottenheim")],
        ),
    ]
    assert '<select name="place"' in page
    # The point is set on the map (hidden fields), not typed in degrees.
    assert 'type="hidden" name="latitude"' in page
    assert "Breite" not in page
    assert "Karte laden" in page
    assert 'id="idea-map-places"' in page
    assert "js/idea-map.js" in page


def test_a_place_alone_gives_its_municipality(as_guide, vordereifel, process):
    # Without JavaScript nothing fills in the municipality for the place.
    data = form_data(process, None, place=place_named("Kottenheim").pk)
    response = as_guide.post(CAPTURE, data)
    assert response.status_code == 302
    assert Idea.objects.get().municipality == vordereifel


def test_a_place_of_another_municipality_is_refused(as_guide, mayen, vordereifel, process):
    response = as_guide.post(CAPTURE, form_data(process, mayen, place=place_named("Ettringen").pk))
    assert response.status_code == 200
    assert "Der Ort gehört nicht zur gewählten Kommune." in response.content.decode()
    assert not Idea.objects.exists()


def test_a_guide_cannot_choose_a_place_outside_their_municipalities(as_guide, mayen, process):
    miesenheim = PlaceFactory(name="Miesenheim", municipality=MunicipalityFactory(name="Andernach"))
    response = as_guide.post(CAPTURE, form_data(process, None, place=miesenheim.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["place"] == ["Bitte wählen Sie einen Ort aus der Liste."]
    assert not Idea.objects.exists()


def test_a_guide_must_name_a_municipality_or_a_place(as_guide, mayen, process):
    response = as_guide.post(CAPTURE, form_data(process, None))
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"] == ["Bitte wählen Sie die Kommune."]
    assert not Idea.objects.exists()


def test_an_editor_may_leave_the_municipality_empty_for_the_whole_region(as_editor, mayen, process):
    form = as_editor.get(CAPTURE).context["form"]
    assert form.fields["municipality"].empty_label == "Ganze Region"
    assert as_editor.post(CAPTURE, form_data(process, None)).status_code == 302
    assert Idea.objects.get().municipality is None


def test_the_capture_form_costs_the_same_queries_with_more_processes_and_places(
    as_guide, vordereifel, process, django_assert_num_queries
):
    def count():
        # 1 session, 2 user, 3-4 its permissions (user, groups), 5 second
        # factor (staff middleware), 6 Wagtail's user profile, 7 groups
        # (roles), 8 the guide's municipalities (capture_municipalities),
        # 9-10 published processes and their phases (the select offers
        # those taking ideas), 11 places for the select, 12-13 seats and
        # places for the map, 14 locales, 15-16 page and collection
        # permissions (menu), 17 the municipality select, 18 region
        # settings (map centre), 19 focus areas, 20 topics.
        with django_assert_num_queries(20):
            assert as_guide.get(CAPTURE).status_code == 200

    as_guide.get(CAPTURE)  # the session settles
    count()
    for n in range(5):
        open_process(title=f"Weiteres Verfahren {n}")
        PlaceFactory(municipality=vordereifel, name=f"Ortsteil {n}")
    count()


# --- Only processes that take ideas now -----------------------------------


def test_only_processes_that_take_ideas_now_are_offered(as_guide, mayen, process, jury_phase):
    ProcessFactory(title="Ohne Phase")
    process_with_phase("ideas.submit", title="Entwurf", status=Process.Status.DRAFT)
    form = as_guide.get(CAPTURE).context["form"]
    offered = [value for value, _ in form.fields["process"].widget.choices]
    assert offered == ["", process.pk]


def test_the_process_is_required(as_guide, mayen, process):
    response = as_guide.post(CAPTURE, {**form_data(process, mayen), "process": ""})
    assert "Bitte wählen Sie das Verfahren, zu dem die Idee gehört." in response.content.decode()
    assert not Idea.objects.exists()


def test_a_process_in_its_jury_phase_is_refused_with_the_reason(as_guide, mayen, jury_phase):
    response = as_guide.post(CAPTURE, form_data(jury_phase, mayen))
    assert response.status_code == 200
    assert response.context["form"].errors["process"] == [
        "Im Verfahren „Ideenwettbewerb in der Jurysitzung“ werden gerade keine Ideen gesammelt: Die laufende "
        "Phase nimmt keine Ideen an. Bitte wählen Sie ein Verfahren aus der Liste."
    ]
    assert "Die Idee ist nicht gespeichert." in response.content.decode()
    assert not Idea.objects.exists()


def test_a_process_whose_idea_phase_has_ended_is_refused(as_editor, mayen):
    ended = ProcessFactory(title="Vorbei")
    from smartregion.participation.tests.factories import PhaseFactory

    PhaseFactory(
        process=ended,
        opens=["ideas.submit"],
        starts_at=timezone.now() - dt.timedelta(days=30),
        ends_at=timezone.now() - dt.timedelta(days=1),
    )
    response = as_editor.post(CAPTURE, form_data(ended, mayen))
    assert "werden gerade keine Ideen gesammelt" in response.content.decode()
    assert not Idea.objects.exists()


def test_the_action_refuses_a_process_that_takes_no_ideas(editor, mayen, jury_phase):
    data = {
        "channel": Idea.Channel.PAPER,
        "collected_on": yesterday(),
        "title": "Titel",
        "text": "Text",
        "municipality": mayen,
    }
    with pytest.raises(ValueError):
        actions.capture_idea(jury_phase, editor, data)
    assert not Idea.objects.exists()


# --- Similar ideas first, as on the public form ---------------------------


@pytest.fixture
def fountain(process, mayen):
    from smartregion.ideas.tests.factories import IdeaFactory

    return IdeaFactory(
        process=process,
        municipality=mayen,
        title="Trinkbrunnen für die Innenstadt",
        text="Ein Trinkbrunnen am Marktplatz, damit im Sommer alle frisches Wasser bekommen.",
    )


def test_similar_ideas_are_shown_before_saving(as_guide, mayen, process, fountain):
    data = form_data(process, mayen)
    response = as_guide.post(CAPTURE, data)
    assert response.status_code == 200
    assert not Idea.objects.exclude(pk=fountain.pk).exists()
    assert response.context["similar"] == [fountain]
    page = response.content.decode()
    assert "Ähnliche Ideen gibt es schon" in page
    assert f'href="{fountain.get_absolute_url()}"' in page
    # What was typed is kept, with the note that these ideas were seen.
    assert 'value="Trinkbrunnen am Marktplatz"' in page
    assert f'name="similar_seen" value="{response.context["similar_seen"]}"' in page

    # Saving again saves.
    response = as_guide.post(CAPTURE, {**data, "similar_seen": response.context["similar_seen"]})
    assert response.status_code == 302
    assert Idea.objects.exclude(pk=fountain.pk).get().title == "Trinkbrunnen am Marktplatz"


def test_a_changed_title_is_compared_again(as_guide, mayen, process, fountain):
    data = form_data(process, mayen)
    seen = as_guide.post(CAPTURE, data).context["similar_seen"]
    response = as_guide.post(CAPTURE, {**data, "title": "Trinkbrunnen am Bahnhof", "similar_seen": seen})
    assert response.status_code == 200
    assert response.context["similar"] == [fountain]
    assert Idea.objects.count() == 1


def test_without_similar_ideas_the_idea_is_saved_at_once(as_guide, mayen, process, fountain):
    data = form_data(process, mayen, title="Repair-Café im Jugendtreff", text="Einmal im Monat gemeinsam reparieren.")
    assert as_guide.post(CAPTURE, data).status_code == 302
    assert Idea.objects.count() == 2


def test_ideas_of_other_processes_are_not_similar(as_guide, mayen, process):
    from smartregion.ideas.tests.factories import IdeaFactory

    IdeaFactory(process=open_process(), municipality=mayen, title="Trinkbrunnen am Marktplatz")
    assert as_guide.post(CAPTURE, form_data(process, mayen)).status_code == 302


def test_the_map_centres_inside_a_municipality_run_from_outside(editor):
    from shapely.geometry import Point, shape

    from smartregion.ideas.admin_views import CaptureForm

    square = {"type": "Polygon", "coordinates": [[[7.0, 50.3], [7.1, 50.3], [7.1, 50.4], [7.0, 50.4], [7.0, 50.3]]]}
    # Seated in a town outside its own area, as the Vordereifel in Mayen.
    outside = MunicipalityFactory(boundary=square, seat_lat=50.33, seat_lon=7.22)
    inside = MunicipalityFactory(boundary=square, seat_lat=50.35, seat_lon=7.05)
    centres = CaptureForm(user=editor).map_places()["municipalities"]
    lat, lon = centres[outside.pk]
    assert shape(square).covers(Point(lon, lat))
    assert centres[inside.pk] == [50.35, 7.05]
