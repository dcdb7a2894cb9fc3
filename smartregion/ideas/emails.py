"""The e-mail staff work on ideas sends: the author hears when the status of
their idea changes, with the staff's public note and the link, built from
templates/ideas/emails/status_subject.txt and status_message.txt."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from smartregion.region.models import RegionSettings


def status_mail(idea) -> EmailMessage:
    """The mail to the author of `idea` about its current status and note.
    The caller makes sure there is an author with an address."""
    context = {
        "idea": idea,
        "name": idea.author.public_name,
        "title": idea.title,
        "process_title": idea.process.title,
        "status": idea.get_status_display(),
        "note": idea.status_note,
        "idea_url": settings.SITE_URL + idea.get_absolute_url(),
        "site_name": RegionSettings.load().name,
        "site_url": settings.SITE_URL + "/",
    }
    return EmailMessage(
        subject=render_to_string("ideas/emails/status_subject.txt", context).strip().replace("\n", " "),
        body=render_to_string("ideas/emails/status_message.txt", context),
        to=[idea.author.email],
    )


def send_status_mail(idea) -> bool:
    """Send the status mail if the idea has an author with an address (ideas
    collected on site have none); returns whether a mail went out."""
    if idea.author is None or not idea.author.email or not idea.author.is_active:
        return False
    status_mail(idea).send()
    return True
