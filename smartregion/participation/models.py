"""Participation processes ("Beteiligungsverfahren") and their phases.

A process (an idea competition, the standing Ideenspeicher, later dialogues
and surveys) runs through ordered phases. Each phase switches on what people
may do while it runs; the active phase is the one whose dates contain now,
and between phases nothing is open.
"""

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

# The switches of a phase, in the order the backend shows them.
SWITCHES = ("ideas_open", "comments_open", "supports_open", "jury_open", "results_published")


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

    def is_open_for(self, switch: str, now=None) -> bool:
        """Whether the active phase has `switch` (one of SWITCHES) on."""
        if switch not in SWITCHES:
            raise ValueError(switch)
        phase = self.active_phase(now)
        return phase is not None and getattr(phase, switch)

    def results_visible(self, now=None) -> bool:
        """Results stay public once a phase that publishes them has begun,
        also after it ended."""
        now = now or timezone.now()
        return any(phase.results_published and phase.starts_at <= now for phase in self.phases.all())

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


class Phase(Orderable):
    process = ParentalKey(Process, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("Titel"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(
        _("Ende"), null=True, blank=True, help_text=_("Leer lassen für eine Phase ohne Ende (z. B. Ideenspeicher).")
    )
    ideas_open = models.BooleanField(_("Ideen einreichen"), default=False)
    comments_open = models.BooleanField(_("Kommentieren"), default=False)
    supports_open = models.BooleanField(_("Unterstützen"), default=False)
    jury_open = models.BooleanField(_("Jury bewertet"), default=False)
    results_published = models.BooleanField(_("Ergebnisse veröffentlicht"), default=False)

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
