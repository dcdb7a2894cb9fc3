"""Moderation: reports by participants, the decisions of the moderators, the
authors' objections, and the region's word list.

Every contribution type (ideas, comments, later more) registers itself in
moderation/registry.py; the rows here point to the items through a generic
relation (content type + object id), so that this app imports none of
them.

ModerationAction is the audit log. It is append-only: its queryset refuses
update() and delete(), a saved row refuses save() and delete(), and the
backend offers no edit or delete. The only change the database ever makes
to a row is setting `actor` to NULL when that account is deleted (Django's
deletion goes through the model's base manager, not through the guarded
queryset): what happened stays, the person's name goes.
"""

import functools
import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ItemState(models.TextChoices):
    """The states the registry reports for any moderated item."""

    VISIBLE = "visible", _("sichtbar")
    PENDING = "pending", _("wartet auf Freigabe")
    HIDDEN = "hidden", _("ausgeblendet")
    REMOVED = "removed", _("entfernt")


class Report(models.Model):
    """A participant's notice that an item breaks the rules (DSA Art. 16)."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam oder Werbung")
        INSULT = "insult", _("Beleidigung oder Bedrohung")
        PERSONAL_DATA = "personal_data", _("persönliche Daten anderer")
        OFF_TOPIC = "off_topic", _("nicht zum Thema")
        ILLEGAL = "illegal", _("rechtswidriger Inhalt")
        OTHER = "other", _("anderer Grund")

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        UPHELD = "upheld", _("Inhalt ausgeblendet")
        DISMISSED = "dismissed", _("zurückgewiesen")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeldet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_reports",
    )
    reason = models.CharField(_("Grund"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("Erläuterung"), max_length=1000, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    # Copied from the item when it is reported: the queue filters and scopes
    # by them without asking every item's app.
    municipality = models.ForeignKey(
        "region.Municipality",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    process = models.ForeignKey(
        "participation.Process",
        verbose_name=_("Beteiligungsverfahren"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemeldet am"), default=timezone.now)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_status_created"),
            models.Index(fields=["content_type", "object_id", "status"], name="report_item_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=Q(status="open"),
                name="one_open_report_per_person_and_item",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.get_status_display()})"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses to change or remove rows in bulk."""

    def update(self, **kwargs):
        raise PermissionError("The moderation log is append-only.")

    def delete(self):
        raise PermissionError("The moderation log is append-only.")

    def for_item(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class ModerationAction(models.Model):
    """One entry of the audit log: who did what to which item, why, and the
    item's state before and after."""

    class Action(models.TextChoices):
        REPORT = "report", _("gemeldet")
        APPROVE = "approve", _("freigegeben")
        HIDE = "hide", _("ausgeblendet")
        RESTORE = "restore", _("wieder eingeblendet")
        DISMISS = "dismiss", _("Meldungen zurückgewiesen")
        HOLD = "hold", _("zur Prüfung zurückgehalten")
        OBJECTION = "objection", _("Widerspruch eingelegt")
        OBJECTION_UPHELD = "objection_upheld", _("Widerspruch stattgegeben")
        OBJECTION_REJECTED = "objection_rejected", _("Widerspruch abgelehnt")

    # PROTECT: a content type that disappears must not take the log along.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    item_label = models.CharField(_("Beitrag"), max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Aktion"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("Grund"), max_length=20, blank=True)
    note = models.TextField(_("Notiz"), blank=True)
    state_before = models.CharField(_("Zustand vorher"), max_length=10, choices=ItemState.choices, blank=True)
    state_after = models.CharField(_("Zustand nachher"), max_length=10, choices=ItemState.choices, blank=True)
    created_at = models.DateTimeField(_("am"), default=timezone.now, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Moderationsprotokoll-Eintrag")
        verbose_name_plural = _("Moderationsprotokoll")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="modaction_item_recent"),
            models.Index(fields=["action", "created_at"], name="modaction_action_created"),
        ]

    def __str__(self):
        return f"{self.item_label}: {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The moderation log is append-only.")

    def reason_display(self) -> str:
        """The label of `reason`, a HiddenReason or Report.Reason value."""
        from smartregion.participation.models import HiddenReason

        for choices in (HiddenReason, Report.Reason):
            if self.reason in choices.values:
                return str(choices(self.reason).label)
        return self.reason


class Objection(models.Model):
    """The author's one complaint against a decision to hide their item
    (DSA Art. 20), decided by another moderator."""

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        UPHELD = "upheld", _("stattgegeben, Beitrag wieder sichtbar")
        REJECTED = "rejected", _("abgelehnt")

    hide_action = models.OneToOneField(
        ModerationAction, on_delete=models.PROTECT, related_name="objection", verbose_name=_("Entscheidung")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("Begründung"), max_length=2000)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("eingelegt am"), default=timezone.now)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.TextField(_("Begründung der Entscheidung"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Widerspruch")
        verbose_name_plural = _("Widersprüche")
        indexes = [models.Index(fields=["status", "created_at"], name="objection_status_created")]

    def __str__(self):
        return self.text[:60]


# Where the word list's version lives in the default cache: every change of
# the list bumps it, and each process recompiles its patterns when it sees
# a new one.
TERMS_VERSION_KEY = "moderation:watched-terms-version"


class WatchedTerm(models.Model):
    """A word or pattern of the region's word list: a contribution that
    contains it waits for the moderation instead of being published.
    Nothing is deleted automatically."""

    term = models.CharField(
        _("Wort oder Muster"),
        max_length=100,
        help_text=_("Ein Wort (ganzes Wort, Groß- und Kleinschreibung egal) oder ein regulärer Ausdruck."),
    )
    is_pattern = models.BooleanField(
        _("regulärer Ausdruck"), default=False, help_text=_("Nur für Fachleute: das Feld oben ist ein Python-Muster.")
    )
    note = models.CharField(_("Notiz"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        ordering = ["term", "pk"]
        verbose_name = _("Wort der Wortliste")
        verbose_name_plural = _("Wortliste")

    def __str__(self):
        return self.term

    def regex(self) -> str:
        """The term as a whole-word pattern (case is ignored by the caller)."""
        body = self.term if self.is_pattern else re.escape(self.term.strip())
        return rf"(?<!\w)(?:{body})(?!\w)"


# A group with a repeat inside that is itself repeated, e.g. "(a+)+": on an
# unlucky text such a pattern takes exponential time, and every
# contribution is checked against the list while its author waits.
NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot go on the word list (in German), or None."""
    probe = WatchedTerm(term=pattern, is_pattern=True)
    try:
        compiled = re.compile(probe.regex(), re.IGNORECASE)
    except re.error as error:
        return _("Das Muster ist ungültig: %(error)s") % {"error": error}
    if compiled.search(""):
        return _("Das Muster passt auf einen leeren Text und hielte damit jeden Beitrag an.")
    if NESTED_REPEAT.search(pattern):
        return _(
            "Das Muster wiederholt eine Gruppe, die selbst eine Wiederholung enthält (etwa „(a+)+“). "
            "Solche Muster können die Prüfung sehr lange aufhalten; bitte schreiben Sie es einfacher."
        )
    return None


def terms_changed() -> None:
    """Tell every process that the word list changed (called by the
    snippet's hooks after a save or delete)."""
    cache.set(TERMS_VERSION_KEY, uuid.uuid4().hex, timeout=None)


@functools.lru_cache(maxsize=4)
def _compiled_terms(version) -> tuple[tuple[str, re.Pattern], ...]:
    compiled = []
    for term in WatchedTerm.objects.only("term", "is_pattern"):
        # The form refuses broken, empty-matching and slow patterns; one
        # that slipped in by other means must not stop or stall every
        # contribution.
        if term.is_pattern and pattern_problem(term.term):
            continue
        compiled.append((term.term, re.compile(term.regex(), re.IGNORECASE)))
    return tuple(compiled)


def matches(text: str) -> list[str]:
    """The terms of the word list found in `text` (whole words, any case),
    in the list's order."""
    if not text:
        return []
    version = cache.get(TERMS_VERSION_KEY)
    if version is None:
        # A new token (not a counter from zero): after the cache was
        # emptied nobody may take an old compilation for the current one.
        cache.add(TERMS_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(TERMS_VERSION_KEY)
    return [term for term, pattern in _compiled_terms(version) if pattern.search(text)]
