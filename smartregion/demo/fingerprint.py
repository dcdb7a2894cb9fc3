"""A stable description of the demo site, to show that a change of the
seeding (or of the region's data files) leaves the site as it was.

`fingerprint()` walks every table the demo fills: pages with their type,
path, title and a hash of their content, every model row with its fields
(foreign keys by a natural key such as slug, e-mail or title, times
relative to now where the demo makes them relative), counts of all tables
and the internal links in rich text. Primary keys, random block ids and the
moment of seeding do not show, so two seeds on fresh databases give the same
fingerprint. `manage.py demo_fingerprint` prints it.
"""

import datetime as dt
import hashlib
import json
import re

from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

# Tables whose rows are counted only: their content holds ids, random keys or
# the moment of seeding (revisions, logs, search and reference indexes).
COUNT_ONLY = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagesubscription",
    "sessions.session",
    "django_tasks_database.dbtaskresult",
}
# Tables that say more about the installation than about the demo, left
# out so that the fingerprint is the same on SQLite and PostgreSQL and with
# or without optional apps: Wagtail's search index (an FTS table on SQLite,
# a plain one on PostgreSQL), content types and permissions (one per model
# of every installed app).
LEFT_OUT = {"wagtailsearch", "contenttypes.contenttype", "auth.permission"}
# Times the demo sets relative to the day of seeding.
# Event times are days from today at a time of day; the demo's
# registrations are minutes from the moment their event was created.
RELATIVE_MODELS = {"events.event": "days", "events.eventregistration": "minutes"}
# Fields that change on every save, are random or hold secrets.
SKIPPED_FIELDS = {"password", "last_login", "date_joined", "token"}
HREF = re.compile(r'(?:href=\\?"|"url": ")([^"\\]+)')


def fingerprint(full=False):
    """The description as a dict of JSON-ready values. Page contents and the
    rows of each table are hashes; with `full` they are given in full (to
    see what differs)."""
    now = timezone.now()
    result = {"counts": {}, "pages": [], "links": {}, "rows": {}}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label_lower):
        label = model._meta.label_lower
        if model._meta.app_label in LEFT_OUT or label in LEFT_OUT:
            continue
        count = model.objects.count()
        if count:
            result["counts"][label] = count
        if not count or label in COUNT_ONLY or issubclass(model, Page) or model._meta.proxy:
            continue
        rows = [_row(obj, now) for obj in model.objects.all()]
        result["rows"][label] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False))
    for page in Page.objects.order_by("path").specific():
        content = _page_content(page, now)
        dumped = json.dumps(content, sort_keys=True, ensure_ascii=False)
        result["pages"].append(
            {
                "type": page._meta.label_lower,
                "path": page.url_path,
                "title": page.title,
                "live": page.live,
                "in_menu": page.show_in_menus,
                "content": content if full else _digest(dumped),
            }
        )
        links = sorted(set(HREF.findall(dumped)))
        if links:
            result["links"][page.url_path] = links
    for label, rows in result["rows"].items():
        links = sorted({link for row in rows for link in HREF.findall(json.dumps(row, ensure_ascii=False))})
        if links:
            result["links"][label] = links
    if not full:
        result["rows"] = {label: _digest(_dump(rows)) for label, rows in result["rows"].items()}
    return result


def _dump(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def natural_key(obj):
    """What names a row across databases: its slug, e-mail, path or title."""
    if obj is None:
        return None
    if isinstance(obj, Page):
        return obj.url_path
    for field in ("email", "slug", "username", "title", "name", "hostname"):
        value = getattr(obj, field, None)
        if isinstance(value, str) and value:
            return value
    if hasattr(obj, "text"):
        return obj.text[:60]
    return f"{obj._meta.label_lower}:{_row(obj, timezone.now())}"


def _row(obj, now):
    relative = RELATIVE_MODELS.get(obj._meta.label_lower)
    if relative == "minutes":
        now = obj.event.created_at
    row = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in SKIPPED_FIELDS or isinstance(field, models.OneToOneField):
            continue
        if isinstance(field, models.ForeignKey):
            row[field.name] = natural_key(getattr(obj, field.name))
        else:
            row[field.name] = _value(field, field.value_from_object(obj), now, relative)
    if hasattr(obj, "content_type_id") and hasattr(obj, "object_id") and obj.content_type_id:
        target = obj.content_type.get_object_for_this_type(pk=obj.object_id)
        row["object_id"] = natural_key(target)
    for field in obj._meta.many_to_many:
        row[field.name] = sorted(str(natural_key(related)) for related in getattr(obj, field.name).all())
    # Per-row references that embed a primary key (registration addresses).
    if obj._meta.label_lower == "events.eventregistration":
        row["email"] = re.sub(r"\.\d+@", ".<event>@", row["email"])
    return row


def _value(field, value, now, relative):
    if isinstance(field, StreamField):
        return _stream(field.stream_block, value)
    if isinstance(value, dt.datetime):
        if abs((value - now).total_seconds()) < 600:
            return "now"
        if relative == "minutes":
            return f"created{round((value - now).total_seconds() / 60):+d}min"
        if relative:
            local = timezone.localtime(value)
            return f"today{(local.date() - timezone.localdate(now)).days:+d}d {local:%H:%M}"
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(field, models.JSONField) or (isinstance(value, (dict, list)) and len(json.dumps(value)) > 200):
        return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]
    if isinstance(value, models.fields.files.FieldFile):
        # The storage appends a random suffix when the name is taken.
        return re.sub(r"_[A-Za-z0-9]{7}(\.\w+)$", r"\1", value.name)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _stream(block, value):
    """The block tree as plain values, images by title, pages by path,
    without the random ids of the blocks."""
    if value is None:
        return None
    if isinstance(block, ImageChooserBlock):
        return f"image:{value.title}"
    if isinstance(block, blocks.PageChooserBlock):
        return value.url_path
    if isinstance(block, blocks.StreamBlock):
        return [[child.block_type, _stream(child.block, child.value)] for child in value]
    if isinstance(block, blocks.ListBlock):
        return [_stream(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {name: _stream(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, StreamField):
        return _stream(block.stream_block, value)
    prepared = block.get_prep_value(value)
    return prepared if isinstance(prepared, (str, int, float, bool, type(None))) else str(prepared)


def _page_content(page, now):
    content = {"slug": page.slug, "seo_title": page.seo_title, "search_description": page.search_description}
    for field in page._meta.concrete_fields:
        if field.model is Page or field.primary_key or isinstance(field, models.OneToOneField):
            continue
        if isinstance(field, models.ForeignKey):
            content[field.name] = natural_key(getattr(page, field.name))
        else:
            content[field.name] = _value(field, field.value_from_object(page), now, False)
    for field in page._meta.many_to_many:
        if field.model is Page:
            continue
        content[field.name] = sorted(str(natural_key(related)) for related in getattr(page, field.name).all())
    for relation in page._meta.related_objects:
        if relation.related_model._meta.label_lower.startswith("cms.") and relation.one_to_many:
            children = getattr(page, relation.get_accessor_name()).all()
            content[relation.name] = [
                {k: v for k, v in _row(child, now).items() if k != relation.field.name} for child in children
            ]
    return content
