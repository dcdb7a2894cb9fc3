from django.core import mail

from smartregion.accounts import privacy
from smartregion.accounts.actions import delete_account
from smartregion.accounts.tests.factories import UserFactory
from smartregion.events.actions import add_registration_by_staff, register_member
from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, verified_people

Status = EventRegistration.Status


def test_the_export_lists_all_registrations_of_the_person(verified_citizen, other_citizen):
    first = RegistrationFactory(user=verified_citizen, event=EventFactory(title="Zukunftsforum"), answer="Mobilität")
    RegistrationFactory(user=verified_citizen, status=Status.CANCELLED, event=EventFactory(title="Werkstatt"))
    RegistrationFactory(user=other_citizen)

    data = privacy.export_user_data(verified_citizen)

    rows = data["event_registrations"]
    assert [row["event"] for row in rows] == ["Zukunftsforum", "Werkstatt"]
    assert rows[0]["answer"] == "Mobilität"
    assert rows[0]["status"] == Status.CONFIRMED
    assert "token" not in rows[0]
    assert first.token not in str(data)


def test_deleting_the_account_deletes_the_registrations_and_promotes_the_next(
    verified_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    register_member(event, verified_citizen)
    [waiting_person] = verified_people(1)
    waiting = register_member(event, waiting_person)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(verified_citizen)

    assert not EventRegistration.objects.filter(email="citizen@example.org").exists()
    assert list(event.registrations.values_list("pk", "status")) == [(waiting.pk, Status.CONFIRMED)]
    [message] = mail.outbox
    assert message.to == [waiting_person.email]
    assert message.subject.startswith("Ein Platz ist frei geworden")


def test_registrations_entered_by_a_deleted_staff_member_stay(editor):
    registration = add_registration_by_staff(EventFactory(), name="Anrufer", staff_user=editor)
    exported = privacy.export_user_data(editor)["event_registrations_entered"]
    assert exported[0]["channel"] == EventRegistration.Channel.PHONE
    assert "Anrufer" not in str(exported)

    delete_account(editor)

    registration.refresh_from_db()
    assert registration.entered_by is None
    assert registration.name == "Anrufer"


def test_a_person_without_registrations_exports_empty_lists(db):
    data = privacy.export_user_data(UserFactory())

    assert data["event_registrations"] == []
    assert data["event_registrations_entered"] == []
