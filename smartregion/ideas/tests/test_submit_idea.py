"""Submitting an idea: who may, the form's checks, the compare step with
similar ideas, the image across the steps, double submits and
pre-moderation."""

import io
import uuid

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory, open_process, process_with_phase
from smartregion.region.tests.factories import MunicipalityFactory, TopicFactory

from .imagefiles import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

# A square around Mayen (lon, lat), as the boundary GeoJSON of a municipality.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[7.1, 50.3], [7.3, 50.3], [7.3, 50.4], [7.1, 50.4], [7.1, 50.3]]],
}


@pytest.fixture
def verified_citizen(citizen):
    return verify_email(citizen)


@pytest.fixture
def process():
    return open_process(title="Ideenspeicher", slug="ideenspeicher-test")


def create_url(process):
    return reverse("ideas:idea-create", args=[process.slug])


def form_data(**overrides):
    data = {
        "title": "Bücherschrank am Bahnhof",
        "text": "Ein offener Schrank, in den jede Person Bücher stellt und aus dem jede Person Bücher nimmt.",
        "municipality": "",
        "place": "",
        "focus_area": "",
        "image_alt": "",
        "latitude": "",
        "longitude": "",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


# Who may submit -----------------------------------------------------------


def test_a_verified_citizen_gets_the_form_with_a_fresh_key(client, verified_citizen, process):
    client.force_login(verified_citizen)

    response = client.get(create_url(process))

    assert response.status_code == 200
    assert 'name="submission_key"' in response.content.decode()
    assert response.context["form"].initial["submission_key"]


def test_an_anonymous_visitor_is_sent_to_the_login(client, process):
    response = client.get(create_url(process))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "switches",
    [(), ("ideas.comment",), ("ideas.support",), ("jury.rate",), ("ideas.comment", "ideas.support")],
)
def test_nobody_submits_while_ideas_are_closed(client, verified_citizen, switches):
    process = process_with_phase(*switches)
    client.force_login(verified_citizen)

    get = client.get(create_url(process))
    post = client.post(create_url(process), form_data(), follow=True)

    assert get.status_code == 302
    assert "gerade keine Ideen eingereicht" in post.content.decode()
    assert not Idea.objects.exists()


def test_between_phases_nobody_submits(client, verified_citizen):
    process = ProcessFactory()
    client.force_login(verified_citizen)

    assert client.post(create_url(process), form_data()).status_code == 302
    assert not Idea.objects.exists()


def test_an_unverified_person_is_asked_to_confirm_the_address(client, citizen, process):
    client.force_login(citizen)

    response = client.post(create_url(process), form_data(), follow=True)

    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_draft_process_is_not_found(client, verified_citizen):
    process = open_process(status=Process.Status.DRAFT)
    client.force_login(verified_citizen)

    assert client.get(create_url(process)).status_code == 404
    assert client.post(create_url(process), form_data()).status_code == 404


def test_an_unknown_process_is_not_found(client, verified_citizen):
    client.force_login(verified_citizen)

    assert client.get(reverse("ideas:idea-create", args=["gibt-es-nicht"])).status_code == 404


# Submitting ------------------------------------------------------------------


def test_a_valid_idea_is_published_and_the_author_sees_it(client, verified_citizen, process):
    topic = TopicFactory(name="Bildung")
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(topics=[topic.pk]))

    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    assert idea.author == verified_citizen
    assert idea.process == process
    assert idea.moderation == Moderation.VISIBLE
    assert idea.channel == Idea.Channel.ONLINE
    assert idea.municipality is None
    assert list(idea.topics.all()) == [topic]
    assert "Sie ist jetzt veröffentlicht" in client.get(response["Location"]).content.decode()


def test_under_pre_moderation_the_idea_waits_for_approval(client, verified_citizen):
    process = open_process(moderation=Process.ModerationMode.PRE)
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(), follow=True)

    idea = Idea.objects.get()
    assert idea.moderation == Moderation.PENDING
    page = response.content.decode()
    assert "sobald die Moderation sie freigegeben hat" in page
    assert "wartet auf die Freigabe" in page


def test_bad_input_keeps_what_was_typed_and_writes_nothing(client, verified_citizen, process):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(title="", text="Mein <b>Text</b> bleibt stehen."))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben" in page
    assert "Bitte geben Sie Ihrer Idee einen Titel." in page
    assert "Mein &lt;b&gt;Text&lt;/b&gt; bleibt stehen." in page
    assert not Idea.objects.exists()


def test_a_too_long_text_is_refused_with_the_limit(client, verified_citizen, process):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(title="x" * 121, text="y" * 4001))

    assert "höchstens 120 Zeichen" in response.content.decode()
    assert "höchstens 4000 Zeichen" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_double_submit_with_the_same_key_creates_one_idea(client, verified_citizen, process):
    client.force_login(verified_citizen)
    data = form_data()

    first = client.post(create_url(process), data)
    second = client.post(create_url(process), data)

    assert Idea.objects.count() == 1
    assert first["Location"] == second["Location"] == Idea.objects.get().get_absolute_url()


def test_the_same_key_from_another_person_creates_nothing_for_them(client, verified_citizen, process):
    data = form_data()
    first = IdeaFactory(process=process, submission_key=data["submission_key"])
    client.force_login(verified_citizen)

    with pytest.raises(Exception):  # noqa: B017, PT011 - IntegrityError inside the request
        client.post(create_url(process), data)

    assert list(Idea.objects.all()) == [first]


def test_submitting_is_rate_limited(client, verified_citizen, process, settings):
    client.force_login(verified_citizen)
    for number in range(10):
        client.post(create_url(process), form_data(title=f"Idee Nummer {number} über Radwege", confirm="1"))

    response = client.post(create_url(process), form_data(title="Noch eine Idee zum Radweg", confirm="1"))

    assert response.status_code == 429
    assert "viele Ideen eingereicht" in response.content.decode()
    assert Idea.objects.count() == 10


# Where ---------------------------------------------------------------------


def test_a_point_inside_the_chosen_municipality_is_kept(client, verified_citizen, process):
    mayen = MunicipalityFactory(name="Mayen", boundary=SQUARE)
    client.force_login(verified_citizen)

    client.post(create_url(process), form_data(municipality=mayen.pk, latitude="50.33", longitude="7.22"))

    idea = Idea.objects.get()
    assert (idea.municipality, idea.latitude, idea.longitude) == (mayen, 50.33, 7.22)


def test_a_point_outside_the_chosen_municipality_is_refused(client, verified_citizen, process):
    mayen = MunicipalityFactory(name="Mayen", boundary=SQUARE)
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(municipality=mayen.pk, latitude="50.9", longitude="7.22"))

    assert "liegt nicht in Mayen" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_region_wide_point_must_lie_in_some_municipality(client, verified_citizen, process):
    MunicipalityFactory(name="Mayen", boundary=SQUARE)
    client.force_login(verified_citizen)

    outside = client.post(create_url(process), form_data(latitude="52.5", longitude="13.4"))
    inside = client.post(create_url(process), form_data(latitude="50.35", longitude="7.2"))

    assert "außerhalb der Region" in outside.content.decode()
    assert inside.status_code == 302
    assert Idea.objects.get().municipality is None


def test_half_a_point_is_refused(client, verified_citizen, process):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(latitude="50.35"))

    assert "unvollständig" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_place_sets_its_municipality(client, verified_citizen, process):
    mendig = MunicipalityFactory(name="Mendig", places=["Bell", "Thür"])
    client.force_login(verified_citizen)

    client.post(create_url(process), form_data(place=mendig.places.get(name="Thür").pk))

    assert Idea.objects.get().municipality == mendig


def test_a_place_of_another_municipality_is_refused(client, verified_citizen, process):
    mendig = MunicipalityFactory(name="Mendig", places=["Bell"])
    mayen = MunicipalityFactory(name="Mayen")
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(municipality=mayen.pk, place=mendig.places.get().pk))

    assert "gehört nicht zur gewählten Kommune" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_process_of_one_municipality_offers_only_that_one(client, verified_citizen):
    mayen = MunicipalityFactory(name="Mayen")
    MunicipalityFactory(name="Andernach")
    process = open_process(municipality=mayen)
    client.force_login(verified_citizen)

    form = client.get(create_url(process)).context["form"]
    response = client.post(create_url(process), form_data(municipality=""))

    assert list(form.fields["municipality"].queryset) == [mayen]
    assert "Bitte wählen Sie die Kommune." in response.content.decode()


# The image -------------------------------------------------------------------


def test_an_image_is_stored_re_encoded_with_its_description(
    client, verified_citizen, process, django_capture_on_commit_callbacks
):
    client.force_login(verified_citizen)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(create_url(process), {**form_data(image_alt="Ein rotes Quadrat"), "image": upload(jpeg_bytes())})

    idea = Idea.objects.get()
    assert idea.image_alt == "Ein rotes Quadrat"
    with idea.image.open("rb") as file:
        image = Image.open(io.BytesIO(file.read()))
    assert dict(image.getexif()) == {}
    assert not default_storage.exists("ideas/tmp")


def test_an_image_without_description_is_refused(client, verified_citizen, process):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), {**form_data(), "image": upload(jpeg_bytes())})

    assert "Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist." in response.content.decode()
    assert not Idea.objects.exists()


def test_a_text_file_named_like_an_image_is_refused(client, verified_citizen, process):
    client.force_login(verified_citizen)
    fake = upload(b"kein Bild\n" * 50, name="foto.jpg")

    response = client.post(create_url(process), {**form_data(image_alt="Foto"), "image": fake})

    assert "kein Bild im Format JPEG, PNG oder WebP" in response.content.decode()
    assert not Idea.objects.exists()


# The compare step ------------------------------------------------------------


@pytest.fixture
def similar_idea(process):
    return IdeaFactory(
        process=process,
        title="Mitfahrbank am Marktplatz",
        text="Eine Bank am Marktplatz, auf der man zeigt, dass man mitgenommen werden möchte.",
    )


def mitfahrbank(**overrides):
    return form_data(
        title="Mitfahrbänke am Marktplatz",
        text="Mitfahrbänke am Marktplatz, damit man ohne Auto mitgenommen wird.",
        **overrides,
    )


def test_similar_ideas_are_shown_before_anything_is_saved(client, verified_citizen, process, similar_idea):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), mitfahrbank())

    page = response.content.decode()
    assert response.templates[0].name == "ideas/idea_compare.html"
    assert "Ähnliche Ideen" in page
    assert similar_idea.title in page
    assert f"{similar_idea.get_absolute_url()}#unterstuetzen" in page
    assert "Trotzdem einreichen" in page
    assert Idea.objects.count() == 1


def test_submitting_anyway_creates_the_idea(client, verified_citizen, process, similar_idea):
    client.force_login(verified_citizen)
    data = mitfahrbank()
    client.post(create_url(process), data)

    response = client.post(create_url(process), {**data, "confirm": "1"})

    idea = Idea.objects.exclude(pk=similar_idea.pk).get()
    assert response["Location"] == idea.get_absolute_url()
    assert idea.title == "Mitfahrbänke am Marktplatz"


def test_the_image_survives_the_compare_step(
    client, verified_citizen, process, similar_idea, django_capture_on_commit_callbacks
):
    client.force_login(verified_citizen)
    data = mitfahrbank(image_alt="Eine Holzbank")

    compare = client.post(create_url(process), {**data, "image": upload(jpeg_bytes())})
    assert compare.templates[0].name == "ideas/idea_compare.html"
    assert len(default_storage.listdir("ideas/tmp")[1]) == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(create_url(process), {**data, "confirm": "1"})

    idea = Idea.objects.exclude(pk=similar_idea.pk).get()
    assert idea.image
    assert idea.image.name.startswith("ideas/20")
    assert idea.image_alt == "Eine Holzbank"
    assert default_storage.listdir("ideas/tmp")[1] == []


def test_another_session_cannot_use_the_stored_image(client, verified_citizen, other_citizen, process, similar_idea):
    client.force_login(verified_citizen)
    data = mitfahrbank(image_alt="Eine Holzbank")
    client.post(create_url(process), {**data, "image": upload(jpeg_bytes())})

    client.force_login(verify_email(other_citizen))
    client.post(create_url(process), {**data, "submission_key": data["submission_key"], "confirm": "1"})

    assert not Idea.objects.filter(author=other_citizen).exclude(image="").exists()


def test_an_image_survives_errors_in_other_fields(client, verified_citizen, process):
    client.force_login(verified_citizen)
    data = form_data(image_alt="Eine Holzbank")

    response = client.post(create_url(process), {**data, "title": "", "image": upload(jpeg_bytes())})
    assert "Ihr Bild ist hochgeladen" in response.content.decode()
    client.post(create_url(process), data)

    assert Idea.objects.get().image


def test_back_returns_to_the_form_with_the_values(client, verified_citizen, process, similar_idea):
    client.force_login(verified_citizen)
    data = mitfahrbank()

    response = client.post(create_url(process), {**data, "back": "1"})

    assert response.templates[0].name == "ideas/idea_form.html"
    assert "Mitfahrbänke am Marktplatz" in response.content.decode()
    assert Idea.objects.count() == 1


def test_without_similar_ideas_there_is_no_compare_step(client, verified_citizen, process, similar_idea):
    client.force_login(verified_citizen)

    response = client.post(create_url(process), form_data(title="Schnelles Internet für Vereinsheime"))

    assert response.status_code == 302
    assert Idea.objects.count() == 2


def test_the_stored_image_can_be_dropped_on_the_way_back(client, verified_citizen, process, similar_idea):
    client.force_login(verified_citizen)
    data = mitfahrbank(image_alt="Eine Holzbank")
    client.post(create_url(process), {**data, "image": upload(jpeg_bytes())})

    client.post(create_url(process), {**data, "image_alt": "", "remove_stored_image": "1", "confirm": "1"})

    idea = Idea.objects.exclude(pk=similar_idea.pk).get()
    assert not idea.image
    assert idea.image_alt == ""


def test_images_of_abandoned_forms_are_deleted_after_a_day(settings):
    import datetime as dt
    import os

    from django.core.files.base import ContentFile

    from smartregion.ideas.tasks import delete_stale_uploads

    old = default_storage.save("ideas/tmp/alt.jpg", ContentFile(b"x"))
    new = default_storage.save("ideas/tmp/neu.jpg", ContentFile(b"x"))
    two_days_ago = (dt.datetime.now() - dt.timedelta(days=2)).timestamp()
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))

    assert delete_stale_uploads.call() == 1

    assert not default_storage.exists(old)
    assert default_storage.exists(new)
