"""The e-mails of the moderation, built from the templates
moderation/emails/<kind>_subject.txt and <kind>_message.txt:

- the reporter: a confirmation of the report, later the decision;
- the author of a hidden item: the reason, the moderator's note, the rule
  it breaks and how to object (DSA Art. 17, statement of reasons);
- the author of an objection: the decision on it.

The mails to reporters name the item by its type and the date of the
report, never by its text: a hidden item's words leave the platform in no
mail but the one to its own author.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from smartregion.moderation import registry
from smartregion.region.models import RegionSettings

# The page of the rules a hidden contribution breaks, by slug, the first
# live one found.
TERMS_SLUGS = ("nutzungsbedingungen", "teilnahmebedingungen")


def site_url(path: str) -> str:
    return settings.SITE_URL + path


def terms_url() -> str:
    """The address of the rules of participation: the page
    /nutzungsbedingungen/ if it exists, else the Teilnahmebedingungen,
    else the home page."""
    from wagtail.models import Page

    pages = {page.slug: page for page in Page.objects.live().filter(slug__in=TERMS_SLUGS)}
    for slug in TERMS_SLUGS:
        if slug in pages:
            url = pages[slug].get_url()
            if url:
                return site_url(url) if url.startswith("/") else url
    return site_url("/")


def load_item(content_type_id: int, object_id: int):
    """(registration, item) of a generic reference; item None when it is
    gone."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    moderated = registry.for_model(model) if model is not None else None
    if moderated is None:
        return None, None
    try:
        return moderated, moderated.load(object_id)
    except moderated.model.DoesNotExist:
        return moderated, None


def _mail(kind: str, to: str, context: dict) -> EmailMessage:
    context = {"site_name": RegionSettings.load().name, "site_url": site_url("/"), **context}
    return EmailMessage(
        subject=render_to_string(f"moderation/emails/{kind}_subject.txt", context).strip().replace("\n", " "),
        body=render_to_string(f"moderation/emails/{kind}_message.txt", context),
        to=[to],
    )


def _reachable(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


def send_report_confirmation(report) -> bool:
    """Confirm `report` to its reporter; returns whether a mail went out."""
    if not _reachable(report.reporter):
        return False
    moderated, item = load_item(report.content_type_id, report.object_id)
    _mail(
        "report_confirmation",
        report.reporter.email,
        {
            "name": report.reporter.public_name,
            "item_type": moderated.label if moderated else "",
            "reason": report.get_reason_display(),
            "reported_at": report.created_at,
            "transparency_url": site_url(reverse("moderation:transparency")),
        },
    ).send()
    return True


def send_report_decision(report) -> bool:
    """Tell the reporter how `report` was decided."""
    if not _reachable(report.reporter):
        return False
    moderated, item = load_item(report.content_type_id, report.object_id)
    _mail(
        "report_decision",
        report.reporter.email,
        {
            "name": report.reporter.public_name,
            "item_type": moderated.label if moderated else "",
            "reported_at": report.created_at,
            "upheld": report.status == report.Status.UPHELD,
            "item_url": site_url(moderated.public_url(item)) if item is not None else "",
        },
    ).send()
    return True


def send_hide_notice(action) -> bool:
    """Tell the author of the item that `action` (a hide) hid it, why,
    which rule it breaks and how to object."""
    moderated, item = load_item(action.content_type_id, action.object_id)
    if item is None:
        return False
    author = moderated.author(item)
    if not _reachable(author):
        return False
    _mail(
        "hide_notice",
        author.email,
        {
            "name": author.public_name,
            "item_type": moderated.label,
            "item_label": action.item_label,
            "reason": action.reason_display(),
            "note": action.note,
            "decided_at": action.created_at,
            "terms_url": terms_url(),
            "item_url": site_url(moderated.public_url(item)),
            "objection_url": site_url(reverse("moderation:object", args=[action.pk])),
        },
    ).send()
    return True


def send_objection_decision(objection) -> bool:
    """Tell the author of `objection` how it was decided."""
    if not _reachable(objection.author):
        return False
    moderated, item = load_item(objection.content_type_id, objection.object_id)
    _mail(
        "objection_decision",
        objection.author.email,
        {
            "name": objection.author.public_name,
            "item_label": objection.hide_action.item_label,
            "upheld": objection.status == objection.Status.UPHELD,
            "note": objection.decision_note,
            "item_url": site_url(moderated.public_url(item)) if item is not None else "",
        },
    ).send()
    return True
