"""Registrations for events: register, confirm, cancel, the waitlist.

Every write locks the event row (SELECT ... FOR UPDATE) before it counts
seats, so that the capacity holds exactly however many people register at
the same moment; on SQLite the IMMEDIATE transactions of the settings
serialise the writers instead. E-mails go out after the commit, through a
task, so that nobody is told about a seat that a rollback took away.

Permission checks (rules in events/rules.py) belong to the caller; the
actions themselves refuse what would break the registration's state:
registering when registration is closed, a used or expired link.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartregion.events import tasks
from smartregion.events.emails import Kind
from smartregion.events.models import CONFIRMATION_PERIOD, Event, EventRegistration
from smartregion.events.rules import registration_is_open
from smartregion.lib.errors import RefusedAction

Status = EventRegistration.Status


class RegistrationError(RefusedAction):
    """A registration that cannot go on; the message is for the person."""

    message = _("Die Anmeldung ist nicht möglich.")


class RegistrationClosed(RegistrationError):
    message = _("Für diese Veranstaltung ist keine Anmeldung (mehr) möglich.")


class InvalidLink(RegistrationError):
    message = _("Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben.")


class LinkAlreadyUsed(RegistrationError):
    message = _("Dieser Link wurde bereits benutzt. Ihre Anmeldung ist schon bestätigt.")


class LinkExpired(RegistrationError):
    message = _(
        "Dieser Link ist abgelaufen, weil die Anmeldung nicht rechtzeitig bestätigt wurde. "
        "Bitte melden Sie sich erneut an, solange die Anmeldung offen ist."
    )


def _lock(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _mail_on_commit(registration, kind) -> None:
    transaction.on_commit(partial(tasks.send_registration_mail.enqueue, registration.pk, kind))


def _free_seats(event) -> int | None:
    """Seats left, or None without a limit. Call with the event locked."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.registrations.holding_a_seat().count(), 0)


def _waitlist(event):
    # Arrival order: when the registration became binding (a guest's
    # confirmation, a member's click); the pk breaks ties.
    return event.registrations.waiting().order_by("confirmed_at", "created_at", "pk")


def _place(event, registration, now) -> None:
    """Give `registration` a seat if one is free and nobody waits for it,
    else a place at the end of the waitlist; save and mail it."""
    free = _free_seats(event)
    if free is None or (free > 0 and not _waitlist(event).exists()):
        registration.status = Status.CONFIRMED
        kind = Kind.CONFIRMED
    else:
        registration.status = Status.WAITLISTED
        kind = Kind.WAITLISTED
    registration.confirmed_at = now
    registration.save()
    _mail_on_commit(registration, kind)


def _promote(event) -> list[EventRegistration]:
    """Move people from the waitlist into free seats, in arrival order, and
    mail them. Call with the event locked."""
    free = _free_seats(event)
    waiting = _waitlist(event)
    promoted = list(waiting if free is None else waiting[:free])
    if promoted:
        EventRegistration.objects.filter(pk__in=[r.pk for r in promoted]).update(status=Status.CONFIRMED)
        for registration in promoted:
            registration.status = Status.CONFIRMED
            _mail_on_commit(registration, Kind.PROMOTED)
    return promoted


def _check_open(event, now) -> None:
    if not registration_is_open(event, now):
        raise RegistrationClosed()


def register_member(event, user, accessibility_needs: str = "", answer: str = "", now=None) -> EventRegistration:
    """Register the account `user` for `event`: confirmed if a seat is free,
    else waitlisted, with a mail either way. A person who already has an
    active registration gets that one back, unchanged and without a mail.
    Raises RegistrationClosed when registration is not open.
    """
    with transaction.atomic():
        event = _lock(event)
        # Taken under the lock, so that times follow the order of arrival.
        now = now or timezone.now()
        existing = event.registrations.active().filter(user=user).first()
        if existing is not None:
            return existing
        _check_open(event, now)
        registration = EventRegistration(
            event=event,
            user=user,
            accessibility_needs=accessibility_needs.strip(),
            answer=answer.strip(),
            channel=EventRegistration.Channel.ONLINE,
            created_at=now,
        )
        _place(event, registration, now)
    return registration


def register_guest(
    event, name: str, email: str, accessibility_needs: str = "", answer: str = "", now=None
) -> EventRegistration:
    """Register a guest without an account. The registration holds nothing
    until the guest opens the link in the confirmation mail (single use,
    valid until its confirmation_expires_at).

    The same address registering again gets its registration back and the
    matching mail once more (the confirmation link, or the confirmation
    with the .ics), so that the form says the same for everyone and tells
    nobody whether an address is registered. Raises RegistrationClosed.
    """
    email = email.strip().lower()
    with transaction.atomic():
        event = _lock(event)
        # Taken under the lock, so that times follow the order of arrival.
        now = now or timezone.now()
        _check_open(event, now)
        existing = event.registrations.active().filter(user=None, email=email).first()
        if existing is not None and existing.status == Status.UNCONFIRMED and existing.confirmation_expires_at <= now:
            existing.status = Status.EXPIRED
            existing.save(update_fields=["status"])
            existing = None
        if existing is not None:
            kind = {
                Status.UNCONFIRMED: Kind.GUEST_CONFIRMATION,
                Status.CONFIRMED: Kind.CONFIRMED,
                Status.WAITLISTED: Kind.WAITLISTED,
            }[existing.status]
            _mail_on_commit(existing, kind)
            return existing
        registration = EventRegistration.objects.create(
            event=event,
            name=name.strip(),
            email=email,
            status=Status.UNCONFIRMED,
            accessibility_needs=accessibility_needs.strip(),
            answer=answer.strip(),
            channel=EventRegistration.Channel.ONLINE,
            created_at=now,
        )
        _mail_on_commit(registration, Kind.GUEST_CONFIRMATION)
    return registration


def confirm_guest(token: str, now=None) -> EventRegistration:
    """Confirm the guest registration with `token`: confirmed if a seat is
    free, else waitlisted, with the matching mail.

    Raises InvalidLink for an unknown token, LinkAlreadyUsed when the
    registration was confirmed (or cancelled) before, LinkExpired after
    confirmation_expires_at (the registration becomes expired), and
    RegistrationClosed when the event was cancelled meanwhile.
    """
    with transaction.atomic():
        event_id = EventRegistration.objects.filter(token=token).values_list("event_id", flat=True).first()
        if event_id is None:
            raise InvalidLink()
        event = _lock(Event(pk=event_id))
        now = now or timezone.now()
        registration = EventRegistration.objects.select_for_update().select_related("event").get(token=token)
        registration.event = event
        if registration.status == Status.EXPIRED:
            raise LinkExpired()
        if registration.status != Status.UNCONFIRMED:
            raise LinkAlreadyUsed()
        if registration.confirmation_expires_at <= now:
            registration.status = Status.EXPIRED
            registration.save(update_fields=["status"])
            # Raised after the block, so that the expiry stays written.
            expired = True
        else:
            expired = False
            _check_open(event, now)
            _place(event, registration, now)
    if expired:
        raise LinkExpired()
    return registration


def cancel_registration(registration, now=None, notify: bool = True) -> EventRegistration:
    """Cancel `registration` (confirmed, waitlisted or unconfirmed) and mail
    the person (unless `notify` is false: an account being deleted). If it
    held a seat, the first person on the waitlist gets it and a mail.
    Cancelling twice changes nothing and sends nothing."""
    with transaction.atomic():
        event = _lock(registration.event)
        now = now or timezone.now()
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        registration.event = event
        if registration.status not in EventRegistration.ACTIVE:
            return registration
        held_a_seat = registration.status == Status.CONFIRMED
        was_binding = registration.status != Status.UNCONFIRMED
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if was_binding and notify:
            _mail_on_commit(registration, Kind.CANCELLED)
        if held_a_seat:
            _promote(event)
    return registration


def change_capacity(event, new_capacity: int | None) -> list[EventRegistration]:
    """Set the number of seats. Fewer seats than confirmed people cancels
    nobody (the event is then overbooked and new people wait); more seats
    promote people from the waitlist in order. Returns the promoted."""
    if new_capacity is not None and new_capacity < 0:
        raise ValueError("The capacity cannot be negative.")
    with transaction.atomic():
        locked = _lock(event)
        locked.capacity = new_capacity
        locked.save(update_fields=["capacity", "updated_at"])
        event.capacity = new_capacity
        return _promote(locked)


def fill_free_seats(event) -> list[EventRegistration]:
    """Promote from the waitlist into seats freed outside these actions,
    e.g. when staff edited the capacity in the backend form."""
    with transaction.atomic():
        return _promote(_lock(event))


def expire_unconfirmed(now=None) -> int:
    """Mark guest registrations whose confirmation link has run out as
    expired, so that the address can register again; returns how many.
    They never held a seat, so nobody moves up."""
    now = now or timezone.now()
    stale = Q(created_at__lte=now - CONFIRMATION_PERIOD) | Q(event__registration_deadline__lte=now)
    stale |= Q(event__starts_at__lte=now)
    return EventRegistration.objects.filter(stale, status=Status.UNCONFIRMED).update(status=Status.EXPIRED)


def add_registration_by_staff(
    event,
    name: str,
    staff_user,
    email: str = "",
    channel: str = EventRegistration.Channel.PHONE,
    accessibility_needs: str = "",
    answer: str = "",
    now=None,
) -> EventRegistration:
    """Register someone who phoned, wrote or came to the door, entered by
    `staff_user`: confirmed if a seat is free, else waitlisted, also after
    the deadline and for events by invitation. With an e-mail address the
    person gets the usual mail (with the .ics and the cancellation link);
    an address that already has an active registration gets that one back.
    Raises RegistrationClosed for a cancelled event."""
    email = email.strip().lower()
    with transaction.atomic():
        event = _lock(event)
        # Taken under the lock, so that times follow the order of arrival.
        now = now or timezone.now()
        if event.status == Event.Status.CANCELLED:
            raise RegistrationClosed()
        if email:
            existing = event.registrations.active().filter(user=None, email=email).first()
            if existing is not None and existing.status == Status.UNCONFIRMED:
                # Staff vouch for the address the guest has not confirmed yet.
                _place(event, existing, now)
            if existing is not None:
                return existing
        registration = EventRegistration(
            event=event,
            name=name.strip(),
            email=email,
            channel=channel,
            accessibility_needs=accessibility_needs.strip(),
            answer=answer.strip(),
            entered_by=staff_user,
            created_at=now,
        )
        _place(event, registration, now)
    return registration


def mark_attendance(registration, attended: bool | None) -> EventRegistration:
    """Record at the door whether the person came (None: not recorded)."""
    with transaction.atomic():
        EventRegistration.objects.filter(pk=registration.pk).update(attended=attended)
        registration.attended = attended
    return registration


def message_registered(event, subject: str, text: str, staff_user) -> int:
    """Write to everyone with a seat for `event` (one mail each, after the
    commit, through a task). Returns the number of recipients."""
    subject, text = subject.strip(), text.strip()
    if not subject or not text:
        raise ValueError("A message needs a subject and a text.")
    ids = list(
        event.registrations.holding_a_seat().exclude(user=None, email="").order_by("pk").values_list("pk", flat=True)
    )
    if ids:
        transaction.on_commit(partial(tasks.send_event_message.enqueue, ids, subject, text))
    return len(ids)
