"""Ideas and the supports they collect (the jury's criteria and ratings are
in the jury app).

An idea belongs to a process. Ideas submitted online have an author; ideas
collected on paper, at a stand, at an event, by mail or by phone are entered
by staff or a regional guide (`captured_by`) with the channel, the date and
the place, and count like the online ones everywhere.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartregion.participation.models import HiddenReason, Moderation


class IdeaQuerySet(models.QuerySet):
    def public(self):
        """Ideas everybody may see: visible (not pending or hidden) in a
        published process. Withdrawn ideas stay public, marked as such."""
        from smartregion.participation.models import Process

        # "process in (published processes)" rather than a join on the
        # process's status: a join makes SQLite sort every matching idea
        # before it returns a page of 20 (40 ms at 10,000 ideas), the
        # subquery lets it walk the index of the order and stop at 20.
        return self.filter(
            moderation=Moderation.VISIBLE, process__in=Process.objects.filter(status=Process.Status.PUBLISHED)
        )

    def on_site(self):
        return self.exclude(channel=Idea.Channel.ONLINE)

    def for_listing(self):
        """What an idea card shows, in a fixed number of queries: the
        process, municipality and focus area joined, the topics prefetched
        (one query), the long text and the boundary left out."""
        from smartregion.region.models import Topic

        return (
            self.select_related("process", "municipality", "focus_area")
            .defer("municipality__boundary", "process__description", "process__results_statement")
            .prefetch_related(models.Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")))
        )


class Idea(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("eingereicht")
        IN_REVIEW = "in_review", _("in Prüfung")
        SHORTLISTED = "shortlisted", _("in der Auswahl")
        WINNER = "winner", _("ausgezeichnet")
        IN_IMPLEMENTATION = "in_implementation", _("in Umsetzung")
        IMPLEMENTED = "implemented", _("umgesetzt")
        NOT_PURSUED = "not_pursued", _("nicht weiterverfolgt")
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("auf Papier")
        STAND = "stand", _("am Infostand")
        EVENT = "event", _("bei einer Veranstaltung")
        MAIL = "mail", _("per Post oder E-Mail")
        PHONE = "phone", _("am Telefon")

    process = models.ForeignKey(
        "participation.Process", verbose_name=_("Verfahren"), on_delete=models.PROTECT, related_name="ideas"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    title = models.CharField(_("Titel"), max_length=120)
    text = models.TextField(_("Beschreibung"), max_length=4000)
    municipality = models.ForeignKey(
        "region.Municipality",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ideas",
        help_text=_("Leer bedeutet: die ganze Region."),
    )
    focus_area = models.ForeignKey(
        "region.FocusArea",
        verbose_name=_("Zukunftsaufgabe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    topics = models.ManyToManyField(
        "region.Topic", verbose_name=_("Handlungsfelder"), blank=True, related_name="ideas"
    )
    latitude = models.FloatField(_("Breite"), null=True, blank=True)
    longitude = models.FloatField(_("Länge"), null=True, blank=True)
    image = models.ImageField(_("Bild"), upload_to="ideas/%Y/%m/", blank=True)
    image_alt = models.CharField(_("Beschreibung des Bildes"), max_length=200, blank=True)

    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    status_note = models.TextField(_("Rückmeldung zum Status"), blank=True)
    status_changed_at = models.DateTimeField(_("Status geändert am"), null=True, blank=True)
    jury_statement = models.TextField(
        _("Erklärung der Jury"), blank=True, help_text=_("Wird bei ausgezeichneten Ideen mit den Ergebnissen gezeigt.")
    )
    moderation = models.CharField(
        _("Moderation"), max_length=10, choices=Moderation.choices, default=Moderation.VISIBLE
    )
    hidden_reason = models.CharField(_("Grund"), max_length=20, choices=HiddenReason.choices, blank=True)

    channel = models.CharField(_("Weg"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    contributor_name = models.CharField(
        _("Vorname der Person"), max_length=60, blank=True, help_text=_("Leer lassen für „anonym“.")
    )
    collected_on = models.DateField(_("Gesammelt am"), null=True, blank=True)
    collected_at = models.CharField(_("Gesammelt in"), max_length=160, blank=True)
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingetragen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The form's hidden key: a double click or a reload after POST sends the
    # same key again, and the unique constraint lets only one idea in.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    # Kept exact by the actions (F() updates in the same transaction as the
    # row they count); sorting 10,000 ideas by a COUNT() join is too slow.
    support_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    created_at = models.DateTimeField(_("eingereicht am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Idee")
        verbose_name_plural = _("Ideen")
        indexes = [
            models.Index(fields=["process", "moderation", "-created_at"], name="idea_process_recent"),
            models.Index(fields=["-support_count", "-id"], name="idea_most_supported"),
            models.Index(fields=["-comment_count", "-id"], name="idea_most_discussed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="idea_point_complete",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:idea-detail", args=[self.process.slug, self.pk])

    @property
    def is_on_site(self) -> bool:
        return self.channel != self.Channel.ONLINE

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Support(models.Model):
    """One person's "Unterstützen" of one idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Unterstützung")
        verbose_name_plural = _("Unterstützungen")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_support_per_person_and_idea")]

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"
