"""Participation processes ("Beteiligungsverfahren") and their phases.

A process (an idea competition, the standing Ideenspeicher, later dialogues
and surveys) runs through ordered phases. Each phase opens what people may
do while it runs, as the full keys of actions of the contribution types
("ideas.submit", "jury.rate"; see contributions.py); the active phase is
the one whose dates contain now, and between phases nothing is open.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from smartregion.participation import contributions


class Moderation(models.TextChoices):
    """Whether a contribution is public. One field on every contribution
    (idea, comment): a process with pre-moderation starts them PENDING."""

    PENDING = "pending", _("wartet auf Freigabe")
    VISIBLE = "visible", _("sichtbar")
    HIDDEN = "hidden", _("ausgeblendet")


class HiddenReason(models.TextChoices):
    """The public reason category of a contribution the moderation hid."""

    OFF_TOPIC = "off_topic", _("nicht zum Thema")
    DISRESPECTFUL = "disrespectful", _("respektlos oder beleidigend")
    PERSONAL_DATA = "personal_data", _("enthält persönliche Daten")
    ADVERTISING = "advertising", _("Werbung")
    ILLEGAL = "illegal", _("rechtswidriger Inhalt")
    OTHER = "other", _("anderer Grund")


class ProcessQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Process.Status.PUBLISHED)

    def with_phases(self):
        return self.prefetch_related(models.Prefetch("phases", queryset=Phase.objects.order_by("sort_order", "pk")))


class Process(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")

    class ModerationMode(models.TextChoices):
        POST = "post", _("Beiträge sind sofort sichtbar (Moderation danach)")
        PRE = "pre", _("Beiträge erscheinen erst nach Freigabe durch die Moderation")

    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(_("Kurzname in der Adresse"), unique=True, max_length=80)
    summary = models.TextField(_("Kurzbeschreibung"), max_length=400)
    description = RichTextField(
        _("Beschreibung"), features=["h2", "h3", "bold", "italic", "ul", "ol", "link"], blank=True
    )
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
    municipality = models.ForeignKey(
        "region.Municipality",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="processes",
        help_text=_("Leer lassen, wenn das Verfahren die ganze Region betrifft."),
    )
    focus_areas = ParentalManyToManyField("region.FocusArea", verbose_name=_("Zukunftsaufgaben"), blank=True)
    topics = ParentalManyToManyField("region.Topic", verbose_name=_("Handlungsfelder"), blank=True)
    moderation = models.CharField(
        _("Moderation"), max_length=10, choices=ModerationMode.choices, default=ModerationMode.POST
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    jurors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Jury"),
        blank=True,
        related_name="jury_processes",
        help_text=_("Konten der Gruppe „Jury“, die in diesem Verfahren bewerten."),
    )
    jury_shortlist_only = models.BooleanField(
        _("Jury bewertet nur die Auswahl"),
        default=False,
        help_text=_("Wenn gesetzt, sieht die Jury nur Ideen mit dem Status „in der Auswahl“."),
    )
    results_statement = models.TextField(
        _("Erklärung zu den Ergebnissen"), blank=True, help_text=_("Wird mit den Gewinnerideen veröffentlicht.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("Beteiligungsverfahren")
        verbose_name_plural = _("Beteiligungsverfahren")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("participation:process-detail", args=[self.slug])

    # Phases. These read self.phases.all(), so a list of processes loads
    # them once with ProcessQuerySet.with_phases().

    def ordered_phases(self) -> list["Phase"]:
        # sort_order is None for phases made outside the backend's form.
        return sorted(self.phases.all(), key=lambda phase: (phase.sort_order or 0, phase.pk or 0))

    def active_phase(self, now=None) -> "Phase | None":
        now = now or timezone.now()
        for phase in self.ordered_phases():
            if phase.contains(now):
                return phase
        return None

    def next_phase(self, now=None) -> "Phase | None":
        now = now or timezone.now()
        upcoming = [phase for phase in self.ordered_phases() if phase.starts_at > now]
        return min(upcoming, key=lambda phase: phase.starts_at) if upcoming else None

    def next_change(self, now=None):
        """The next moment after `now` at which a phase begins or ends:
        what people may do changes then. None if nothing is to come."""
        now = now or timezone.now()
        moments = [moment for phase in self.phases.all() for moment in (phase.starts_at, phase.ends_at)]
        return min((moment for moment in moments if moment and moment > now), default=None)

    def is_open(self, key: str, now=None) -> bool:
        """Whether the active phase opens the action `key`
        ("ideas.comment")."""
        phase = self.active_phase(now)
        return phase is not None and phase.has(key)

    def has_begun(self, key: str, now=None) -> bool:
        """Whether a phase that opens `key` has begun, also if it ended
        since: what such a phase opens stays (published results stay
        public)."""
        now = now or timezone.now()
        return any(phase.has(key) and phase.starts_at <= now for phase in self.phases.all())

    def opened_keys(self) -> set[str]:
        """Every action key any of the phases opens."""
        return {key for phase in self.phases.all() for key in phase.opens or ()}

    def state(self, now=None) -> str:
        """ "running", "upcoming" or "finished" (or "upcoming" without any
        phase yet)."""
        now = now or timezone.now()
        phases = self.ordered_phases()
        if not phases:
            return "upcoming"
        if all(phase.starts_at > now for phase in phases):
            return "upcoming"
        if all(phase.ends_at is not None and phase.ends_at <= now for phase in phases):
            return "finished"
        return "running"


class OpensChoiceField(forms.MultipleChoiceField):
    """Checkboxes for the registered actions, grouped by contribution type.
    The choices are read when the form is built, so that a type registered
    later (in a test) is offered too; a key no type declares is refused."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("„%(value)s“ kann eine Phase nicht öffnen. Bitte wählen Sie aus der Liste."),
        "invalid_list": _("Bitte wählen Sie aus der Liste, was in der Phase möglich ist."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(choices=contributions.choices, **kwargs)

    def prepare_value(self, value):
        return list(value or ())

    def clean(self, value):
        # Stored in the registry's order, whatever order the browser sent.
        chosen = set(super().clean(value))
        return [action.full_key for action in contributions.actions() if action.full_key in chosen]


class OpensField(models.JSONField):
    """A list of action keys ("ideas.submit"), edited as checkboxes."""

    def formfield(self, **kwargs):
        # No hidden copy of the initial value (Django adds one for a
        # callable default): an untouched new phase form stays unchanged.
        return super().formfield(**{"form_class": OpensChoiceField, "show_hidden_initial": False, **kwargs})


class Phase(Orderable):
    process = ParentalKey(Process, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("Titel"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(
        _("Ende"), null=True, blank=True, help_text=_("Leer lassen für eine Phase ohne Ende (z. B. Ideenspeicher).")
    )
    opens = OpensField(
        _("In dieser Phase möglich"),
        default=list,
        blank=True,
        help_text=_("Was Menschen tun können, solange die Phase läuft."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Phase")
        verbose_name_plural = _("Phasen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def contains(self, now) -> bool:
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    def has(self, key: str) -> bool:
        """Whether this phase opens the action `key` ("ideas.submit")."""
        return key in (self.opens or ())

    def opened_actions(self) -> list[contributions.Action]:
        """The registered actions this phase opens, in the registry's
        order (keys of types no longer registered are left out)."""
        return [action for action in contributions.actions() if self.has(action.full_key)]
