from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedMail(models.Model):
    """A mail that could not be delivered after every attempt. It keeps
    who it was for and why it failed, not its text (a sign-up or password
    link in it would be a key to an account). The addresses are personal
    data: only administrators see these rows (rules.py)."""

    created_at = models.DateTimeField(_("aufgegeben am"), auto_now_add=True)
    subject = models.CharField(_("Betreff"), max_length=255)
    recipients = models.TextField(_("Empfänger"))
    error = models.TextField(_("Fehler"))
    attempts = models.PositiveSmallIntegerField(_("Versuche"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nicht zugestellte E-Mail")
        verbose_name_plural = _("nicht zugestellte E-Mails")

    def __str__(self):
        return self.subject
