"""Editing one's own idea: only while ideas are open, before any jury
rating, and not once withdrawn."""

import uuid

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas import actions
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.tests.factories import JuryRatingFactory
from smartregion.participation.tests.factories import open_process, process_with_phase
from smartregion.region.tests.factories import TopicFactory

from .imagefiles import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(citizen):
    return IdeaFactory(process=open_process(), author=verify_email(citizen), title="Alter Titel")


def edit_url(idea):
    return reverse("ideas:idea-edit", args=[idea.process.slug, idea.pk])


def data(**overrides):
    values = {
        "title": "Neuer Titel",
        "text": "Neuer Text der Idee.",
        "municipality": "",
        "place": "",
        "focus_area": "",
        "image_alt": "",
        "latitude": "",
        "longitude": "",
        "submission_key": str(uuid.uuid4()),
    }
    values.update(overrides)
    return values


def test_the_form_shows_the_current_values(client, idea):
    client.force_login(idea.author)

    page = client.get(edit_url(idea)).content.decode()

    assert 'value="Alter Titel"' in page
    assert "Änderungen speichern" in page


def test_the_author_changes_the_idea_and_it_is_marked_edited(client, idea):
    topic = TopicFactory()
    client.force_login(idea.author)

    response = client.post(edit_url(idea), data(topics=[topic.pk]))

    idea.refresh_from_db()
    assert response["Location"] == idea.get_absolute_url()
    assert (idea.title, idea.text) == ("Neuer Titel", "Neuer Text der Idee.")
    assert idea.edited_at is not None
    assert list(idea.topics.all()) == [topic]
    assert "bearbeitet" in client.get(idea.get_absolute_url()).content.decode()


def test_bad_input_keeps_the_values_and_changes_nothing(client, idea):
    client.force_login(idea.author)

    response = client.post(edit_url(idea), data(title="", text="Mein neuer Text"))

    assert "Mein neuer Text" in response.content.decode()
    idea.refresh_from_db()
    assert idea.title == "Alter Titel"
    assert idea.edited_at is None


def test_an_image_can_be_added_and_removed(client, idea):
    client.force_login(idea.author)

    client.post(edit_url(idea), {**data(image_alt="Ein Foto"), "image": upload(jpeg_bytes())})
    idea.refresh_from_db()
    assert idea.image and idea.image_alt == "Ein Foto"

    client.post(edit_url(idea), data(image_alt="Ein Foto", remove_image="on"))
    idea.refresh_from_db()
    assert not idea.image and idea.image_alt == ""


def test_a_kept_image_needs_its_description(client, idea):
    client.force_login(idea.author)
    client.post(edit_url(idea), {**data(image_alt="Ein Foto"), "image": upload(jpeg_bytes())})

    response = client.post(edit_url(idea), data(image_alt=""))

    assert "Bitte beschreiben Sie kurz" in response.content.decode()


@pytest.mark.parametrize("switches", [("ideas.comment", "ideas.support"), ("jury.rate",), ()])
def test_after_the_submission_phase_the_idea_cannot_be_edited(client, citizen, switches):
    idea = IdeaFactory(process=process_with_phase(*switches), author=verify_email(citizen))
    client.force_login(citizen)

    get = client.get(edit_url(idea), follow=True)
    client.post(edit_url(idea), data())

    assert "nicht mehr bearbeiten" in get.content.decode()
    idea.refresh_from_db()
    assert idea.title != "Neuer Titel"


def test_after_a_jury_rating_the_idea_cannot_be_edited(client, idea):
    JuryRatingFactory(idea=idea, criterion__process=idea.process)
    client.force_login(idea.author)

    client.post(edit_url(idea), data())

    idea.refresh_from_db()
    assert idea.title == "Alter Titel"


def test_a_withdrawn_idea_cannot_be_edited(client, idea):
    actions.withdraw_idea(idea)
    client.force_login(idea.author)

    client.post(edit_url(idea), data())

    idea.refresh_from_db()
    assert idea.title == "Alter Titel"


def test_others_are_refused(client, idea, other_citizen, editor):
    for person in (verify_email(other_citizen), editor):
        client.force_login(person)
        assert client.get(edit_url(idea)).status_code == 403
        assert client.post(edit_url(idea), data()).status_code == 403
    idea.refresh_from_db()
    assert idea.title == "Alter Titel"


def test_an_anonymous_visitor_is_sent_to_the_login(client, idea):
    assert reverse("account_login") in client.get(edit_url(idea))["Location"]
