"""Events (Zukunftsforum, Kommunaldialoge, workshops, training, ...) and the
registrations for them, with a waitlist."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField

from smartregion.events.blocks import DocumentationBlock

# How long a guest's confirmation link works, at most: it also ends at the
# registration deadline (or the start, without a deadline).
CONFIRMATION_PERIOD = dt.timedelta(hours=48)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(models.Model):
    class Kind(models.TextChoices):
        ZUKUNFTSFORUM = "zukunftsforum", _("Zukunftsforum")
        KOMMUNALDIALOG = "kommunaldialog", _("Kommunaldialog")
        WERKSTATT = "werkstatt", _("Werkstatt")
        ARBEITSGRUPPE = "arbeitsgruppe", _("Arbeitsgruppe")
        EXPERTENBEIRAT = "expertenbeirat", _("Expertenbeirat")
        FORTBILDUNG = "fortbildung", _("Fortbildung")
        GESPRAECHSREIHE = "gespraechsreihe", _("Gesprächsreihe")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")
        CANCELLED = "cancelled", _("abgesagt")

    class Registration(models.TextChoices):
        NONE = "none", _("keine Anmeldung nötig")
        OPEN = "open", _("Anmeldung über die Website")
        INVITATION = "invitation", _("nur auf Einladung")

    title = models.CharField(_("Titel"), max_length=160)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    summary = models.TextField(_("Kurzbeschreibung"), max_length=400)
    description = RichTextField(_("Beschreibung"), features=["bold", "italic", "ul", "ol", "link"], blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("Alternativtext des Bildes"), max_length=200, blank=True, help_text=_("Was auf dem Bild zu sehen ist.")
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    all_day = models.BooleanField(_("ganztägig"), default=False)
    municipality = models.ForeignKey(
        "region.Municipality",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Leer lassen, wenn die Veranstaltung die ganze Region betrifft."),
    )
    topics = models.ManyToManyField("region.Topic", verbose_name=_("Handlungsfelder"), blank=True)
    process = models.ForeignKey(
        "participation.Process",
        verbose_name=_("Beteiligungsverfahren"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Das Verfahren, zu dem die Veranstaltung gehört, zum Beispiel ein Ideenwettbewerb."),
    )
    venue = models.CharField(_("Ort"), max_length=160, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    latitude = models.FloatField(_("Breite"), null=True, blank=True)
    longitude = models.FloatField(_("Länge"), null=True, blank=True)
    step_free = models.BooleanField(_("stufenlos erreichbar"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    accessibility_note = models.TextField(_("Weitere Hinweise zur Barrierefreiheit"), blank=True)
    online_url = models.URLField(
        _("Zugang zur Online-Veranstaltung"),
        blank=True,
        help_text=_("Nur angemeldete Personen sehen den Link; er steht auch in ihrer Bestätigung."),
    )
    registration = models.CharField(
        _("Anmeldung"), max_length=20, choices=Registration.choices, default=Registration.OPEN
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen, wenn die Zahl der Plätze nicht begrenzt ist.")
    )
    registration_deadline = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    question = models.CharField(
        _("Frage an die Teilnehmenden"),
        max_length=200,
        blank=True,
        help_text=_("Freiwillig zu beantworten, zum Beispiel „Welches Thema interessiert Sie besonders?“"),
    )
    documentation = StreamField(DocumentationBlock(), verbose_name=_("Dokumentation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", args=[self.pk])

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.venue


class RegistrationQuerySet(models.QuerySet):
    def holding_a_seat(self):
        return self.filter(status=EventRegistration.Status.CONFIRMED)

    def waiting(self):
        # A guest joins the queue when their link is clicked (confirmed_at).
        return self.filter(status=EventRegistration.Status.WAITLISTED).order_by("confirmed_at", "created_at", "pk")

    def active(self):
        return self.filter(status__in=EventRegistration.ACTIVE)


class EventRegistration(models.Model):
    """One person's registration. Members register with their account;
    guests give name and e-mail and confirm by a link before they hold a
    seat or a waitlist place."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("nicht bestätigt")
        CONFIRMED = "confirmed", _("angemeldet")
        WAITLISTED = "waitlisted", _("auf der Warteliste")
        CANCELLED = "cancelled", _("abgemeldet")
        EXPIRED = "expired", _("verfallen")

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PHONE = "phone", _("telefonisch")
        ON_SITE = "on_site", _("vor Ort")
        MAIL = "mail", _("per Post oder E-Mail")

    ACTIVE = [Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITLISTED]

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="event_registrations"
    )
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    channel = models.CharField(_("Weg"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    accessibility_needs = models.TextField(_("Unterstützung, die Sie brauchen"), blank=True)
    answer = models.TextField(_("Antwort auf die Frage"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    attended = models.BooleanField(_("anwesend"), null=True, blank=True)
    created_at = models.DateTimeField(_("angemeldet am"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingetragen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False, status__in=["unconfirmed", "confirmed", "waitlisted"]),
                name="one_active_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(user__isnull=True, status__in=["unconfirmed", "confirmed", "waitlisted"]) & ~Q(email=""),
                name="one_active_registration_per_guest_address",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="registration_has_a_member_or_a_name"
            ),
        ]

    def __str__(self):
        return f"{self.display_name} – {self.event}"

    @property
    def display_name(self) -> str:
        return self.user.public_name if self.user_id else self.name

    @property
    def contact_email(self) -> str:
        return self.user.email if self.user_id else self.email

    @property
    def confirmation_expires_at(self) -> dt.datetime:
        """When a guest's confirmation link stops working: 48 hours after
        the registration, or at the deadline (or the start) if that comes
        first."""
        event = self.event
        return min(self.created_at + CONFIRMATION_PERIOD, event.registration_deadline or event.starts_at)
