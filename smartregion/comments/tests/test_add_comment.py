"""Writing a comment: who may (phase and role), what bad input does, the
double submit, pre-moderation and the target's comment_count."""

import uuid

import pytest

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, process_with_phase

pytestmark = pytest.mark.django_db

TEXT = "Die Bank sollte auch einen Fahrplan des Bürgerbusses haben."


def post(client, idea, text=TEXT, key=None, **extra):
    data = {"text": text, "submission_key": str(key or uuid.uuid4()), "next": idea.get_absolute_url()}
    return client.post(f"/kommentare/idee/{idea.pk}/neu/", data, **extra)


def test_a_verified_participant_comments_and_lands_at_the_comment(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    response = post(client, idea)

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    assert comment.target == idea
    assert comment.author == verified_citizen
    assert comment.text == TEXT
    assert comment.status == Comment.Status.VISIBLE
    assert comment.parent is None
    idea.refresh_from_db()
    assert idea.comment_count == 1


@pytest.mark.parametrize(
    ("switches", "allowed"),
    [
        (("ideas.comment",), True),
        (("ideas.submit", "ideas.comment", "ideas.support"), True),
        (("ideas.submit",), False),
        (("ideas.support", "jury.rate"), False),
        ((), False),
    ],
)
def test_comments_follow_the_phase(client, verified_citizen, switches, allowed):
    idea = IdeaFactory(process=process_with_phase(*switches))
    client.force_login(verified_citizen)

    assert verified_citizen.has_perm("comments.add_comment", idea) is allowed
    response = post(client, idea)

    assert response.status_code == 302
    assert Comment.objects.exists() is allowed


def test_nobody_comments_between_phases(client, verified_citizen):
    process = ProcessFactory()
    PhaseFactory(process=process, opens=["ideas.comment"], starts_at=_days(-20), ends_at=_days(-10))
    PhaseFactory(process=process, opens=["ideas.comment"], starts_at=_days(10), ends_at=_days(20))
    idea = IdeaFactory(process=process)
    client.force_login(verified_citizen)

    post(client, idea)

    assert not Comment.objects.exists()


def _days(n):
    import datetime as dt

    from django.utils import timezone

    return timezone.now() + dt.timedelta(days=n)


def test_anonymous_visitors_are_sent_to_the_login(client, idea):
    response = post(client, idea)

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/?next=")
    assert not Comment.objects.exists()


def test_an_unverified_person_is_told_to_confirm_the_address(client, other_citizen, idea):
    client.force_login(other_citizen)

    response = post(client, idea, follow=True)

    assert not Comment.objects.exists()
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse, um zu kommentieren." in response.text


def test_a_blocked_person_may_not_comment(client, verified_citizen, idea):
    verified_citizen.blocked_reason = "Spam"
    verified_citizen.save()
    client.force_login(verified_citizen)

    post(client, idea)

    assert not Comment.objects.exists()


def test_staff_comment_like_everybody_else(client, moderator, idea):
    client.force_login(moderator)

    post(client, idea)

    assert Comment.objects.get().author == moderator


def test_after_the_phase_the_form_says_so(client, verified_citizen):
    process = ProcessFactory()
    PhaseFactory(process=process, opens=["ideas.comment"], starts_at=_days(-20), ends_at=_days(-10))
    idea = IdeaFactory(process=process)
    client.force_login(verified_citizen)

    response = post(client, idea, follow=True)

    assert not Comment.objects.exists()
    assert "Die Kommentarphase ist beendet." in response.text


def test_a_withdrawn_idea_takes_no_new_comments(client, verified_citizen, idea):
    idea.status = Idea.Status.WITHDRAWN
    idea.save()
    client.force_login(verified_citizen)

    post(client, idea)

    assert not Comment.objects.exists()


def test_an_idea_the_person_may_not_see_does_not_exist(client, verified_citizen):
    hidden = IdeaFactory(process=process_with_phase("ideas.comment"), moderation=Moderation.HIDDEN)
    draft = IdeaFactory(process=process_with_phase("ideas.comment", status=Process.Status.DRAFT))
    client.force_login(verified_citizen)

    assert post(client, hidden).status_code == 404
    assert post(client, draft).status_code == 404
    assert client.post("/kommentare/gibtsnicht/1/neu/", {"text": TEXT}).status_code == 404
    assert client.post("/kommentare/idee/999999/neu/", {"text": TEXT}).status_code == 404
    assert not Comment.objects.exists()


def test_only_post_creates(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    assert client.get(f"/kommentare/idee/{idea.pk}/neu/").status_code == 405


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Bitte schreiben Sie Ihren Kommentar in das Feld."),
        ("   \n  ", "Bitte schreiben Sie Ihren Kommentar in das Feld."),
        ("Zu lang. " * 250, "Bitte fassen Sie sich kürzer: höchstens 2000 Zeichen (jetzt sind es 2249)."),
    ],
)
def test_bad_input_comes_back_with_the_typed_text_and_writes_nothing(client, verified_citizen, idea, text, message):
    client.force_login(verified_citizen)
    key = uuid.uuid4()

    response = post(client, idea, text=text, key=key)

    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben" in response.text
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    if text.strip():
        assert text.strip() in response.text
    # The same key again: once corrected, the form still gives one comment.
    assert f'value="{key}"' in response.text
    assert not Comment.objects.exists()
    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_a_double_submit_gives_one_comment(client, verified_citizen, idea):
    client.force_login(verified_citizen)
    key = uuid.uuid4()

    first = post(client, idea, key=key)
    second = post(client, idea, key=key)

    comment = Comment.objects.get()
    assert first.url == second.url == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    idea.refresh_from_db()
    assert idea.comment_count == 1


def test_the_same_key_of_another_person_does_not_swallow_their_comment(verified_citizen, idea):
    other = verify_email(UserFactory())
    key = uuid.uuid4()

    first = actions.add_comment(idea, verified_citizen, TEXT, submission_key=key)
    second = actions.add_comment(idea, other, "Ich auch.", submission_key=key)

    assert first.pk != second.pk
    assert second.author == other
    assert second.submission_key is None


def test_pre_moderation_keeps_the_comment_pending_and_uncounted(client, verified_citizen, other_citizen):
    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    client.force_login(verified_citizen)

    response = post(client, idea, follow=True)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert "Ihr Kommentar erscheint, sobald die Moderation ihn freigegeben hat." in response.text
    idea.refresh_from_db()
    assert idea.comment_count == 0
    own_view = client.get(f"/kommentare/idee/{idea.pk}/").text
    assert TEXT in own_view
    assert "wartet auf Freigabe" in own_view
    client.force_login(other_citizen)
    assert TEXT not in client.get(f"/kommentare/idee/{idea.pk}/").text


def test_the_count_follows_every_visible_comment(verified_citizen, idea):
    first = actions.add_comment(idea, verified_citizen, "Eins")
    actions.add_comment(idea, verified_citizen, "Zwei", parent=first)
    actions.add_comment(idea, verified_citizen, "Drei")

    # The in-memory target is refreshed too.
    assert idea.comment_count == 3
    assert Idea.objects.get(pk=idea.pk).comment_count == 3


def test_an_empty_text_is_refused_by_the_action(verified_citizen, idea):
    with pytest.raises(actions.CommentError):
        actions.add_comment(idea, verified_citizen, "  ")


def test_too_many_comments_in_a_minute_are_refused(client, verified_citizen, idea):
    client.force_login(verified_citizen)
    for n in range(5):
        post(client, idea, text=f"Kommentar {n}")

    response = post(client, idea, text="Noch einer")

    assert response.status_code == 200
    assert "Sie haben gerade viele Kommentare geschrieben." in response.text
    assert "Noch einer" in response.text
    assert Comment.objects.count() == 5


def test_with_htmx_the_thread_comes_back_with_the_new_comment_focused(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    response = post(
        client, idea, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=f"http://testserver{idea.get_absolute_url()}"
    )

    comment = Comment.objects.get()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#kommentare"
    assert response["HX-Reswap"] == "outerHTML"
    assert response.text.lstrip().startswith('<section class="comments" id="kommentare"')
    assert f'id="kommentar-{comment.pk}" tabindex="-1" autofocus' in response.text
    assert "Kommentare (1)" in response.text
    # Forms in the fragment return to the idea page, not to the POST address.
    assert f'name="next" value="{idea.get_absolute_url()}"' in response.text


def test_with_htmx_errors_replace_only_the_form(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    response = post(client, idea, text="", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form method="post"')
    assert "Bitte schreiben Sie Ihren Kommentar in das Feld." in response.text
    assert "HX-Retarget" not in response
    assert not Comment.objects.exists()


def test_with_htmx_a_refusal_loads_the_page(client, other_citizen, idea):
    client.force_login(other_citizen)

    response = post(client, idea, HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{idea.get_absolute_url()}#kommentare"
