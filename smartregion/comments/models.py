"""Comments on any contribution (ideas now, theses and more later), with one
level of replies.

A comment's state is one field: visible, waiting for approval (processes
with pre-moderation), hidden by the moderation (with a public reason
category) or removed by its author. Hidden and removed comments keep their
place in the thread, so that replies stay readable.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartregion.participation.models import HiddenReason

MAX_LENGTH = 2000


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("sichtbar")
        PENDING = "pending", _("wartet auf Freigabe")
        HIDDEN = "hidden", _("von der Moderation ausgeblendet")
        REMOVED = "removed", _("vom Verfasser entfernt")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies", verbose_name=_("Antwort auf")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    text = models.TextField(_("Kommentar"), max_length=MAX_LENGTH)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    hidden_reason = models.CharField(_("Grund"), max_length=20, choices=HiddenReason.choices, blank=True)
    created_at = models.DateTimeField(_("geschrieben am"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    # Same purpose as Idea.submission_key: one comment per form, however
    # often it is sent.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        indexes = [
            models.Index(fields=["content_type", "object_id", "parent", "created_at"], name="comment_thread"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="hidden") | Q(hidden_reason=""), name="comment_reason_only_when_hidden"
            ),
        ]

    def __str__(self):
        return self.text[:60]
