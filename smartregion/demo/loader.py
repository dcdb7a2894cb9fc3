"""Load a demo region from its folder, `smartregion/demo/regions/<name>/`.

The folder holds the region's facts and texts as YAML, one file per content
type (region, pages, news, timeline, images, events, accounts, processes,
ideas), its pictures and the boundaries of its municipalities. The product
itself knows no region; only `manage.py seed_demo` calls `load()`.

Loading is idempotent: every item is looked up by a natural key (slug,
title, e-mail) and created only when it is missing. What exists is left as
staff or editors made it, so a second run changes nothing, and a deleted
item comes back. Times in the files are the region's local times; those of
events are relative to the day of loading.
"""

import datetime as dt
import hashlib
import io
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from shapely.geometry import Point, shape
from wagtail.models import Page, Site
from wagtail.search import index

from smartregion.participation import contributions

REGIONS = Path(__file__).resolve().parent / "regions"

# Models by label, written once: the demo does not care which app holds
# them.
MODELS = {
    "criterion": "jury.JuryCriterion",
    "rating": "jury.JuryRating",
    "idea": "ideas.Idea",
    "support": "ideas.Support",
    "comment": "comments.Comment",
    "process": "participation.Process",
    "phase": "participation.Phase",
    "event": "events.Event",
    "registration": "events.EventRegistration",
    "user": "accounts.User",
    "consent": "accounts.Consent",
    "image": "wagtailimages.Image",
    "timeline": "cms.TimelineEntry",
    "site_links": "cms.SiteLinks",
    "opening_hours": "cms.OpeningHours",
    "region": "region.RegionSettings",
    "focus_area": "region.FocusArea",
    "topic": "region.Topic",
    "municipality": "region.Municipality",
    "place": "region.Place",
}


def model(name):
    return apps.get_model(MODELS[name])


def phase_opens(keys) -> list[str]:
    """The actions a phase opens, as keys such as "ideas.submit", in the
    order of the registry of contribution types; a key no registered type
    offers is refused (KeyError), so a region file cannot open an action
    this installation does not have."""
    unknown = [key for key in keys if contributions.action(key) is None]
    if unknown:
        raise KeyError(f"no contribution type offers {', '.join(unknown)}")
    return [action.full_key for action in contributions.actions() if action.full_key in keys]


# --- Reading ---------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """YAML with one tag of its own: `!image Title` names a picture of
    images.yaml."""


@dataclass(frozen=True)
class ImageRef:
    title: str


_Loader.add_constructor("!image", lambda loader, node: ImageRef(loader.construct_scalar(node)))


@dataclass
class Region:
    name: str
    folder: Path

    def read(self, name):
        """The content of `<name>.yaml`, or {} when the region has none."""
        path = self.folder / f"{name}.yaml"
        if not path.exists():
            return {}
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def region_folder(name):
    folder = REGIONS / name
    if not folder.is_dir() or name.startswith((".", "_")):
        known = ", ".join(sorted(p.name for p in REGIONS.iterdir() if p.is_dir() and not p.name.startswith("_")))
        raise ValueError(f"No demo region {name!r} in {REGIONS} (known: {known}).")
    return Region(name, folder)


def load(name):
    """Create what is missing of the region `name`. Returns its demo
    accounts (dicts as in accounts.yaml), for the command to print."""
    region = region_folder(name)
    today = timezone.localdate()
    load_region(region)
    load_pages(region)
    load_timeline(region)
    load_events(region, today)
    accounts = load_accounts(region)
    load_processes(region)
    load_ideas(region)
    return accounts


def _local(value, time=dt.time()):
    """A date or "YYYY-MM-DD HH:MM" as an aware datetime in the region's
    (the site's) time zone."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, time)
    return value.replace(tzinfo=timezone.get_default_timezone())


def _time(text):
    return dt.time.fromisoformat(text)


# --- Region ----------------------------------------------------------------


def load_region(region):
    data = region.read("region")
    settings_ = model("region").load()
    if not settings_.short_name:
        for field, value in data.get("settings", {}).items():
            setattr(settings_, field, Decimal(value) if field == "area_km2" else value)
        settings_.save()
    for order, area in enumerate(data.get("focus_areas", []), start=1):
        model("focus_area").objects.get_or_create(slug=area["slug"], defaults={**area, "sort_order": order})
    for order, topic in enumerate(data.get("topics", []), start=1):
        model("topic").objects.get_or_create(slug=topic["slug"], defaults={**topic, "sort_order": order})
    Municipality, Place = model("municipality"), model("place")
    for item in data.get("municipalities", []):
        fields = {k: v for k, v in item.items() if k not in ("slug", "places")}
        fields["area_km2"] = Decimal(fields["area_km2"])
        municipality, created = Municipality.objects.get_or_create(slug=item["slug"], defaults=fields)
        if created:
            Place.objects.bulk_create(
                Place(municipality=municipality, name=name, sort_order=order)
                for order, name in enumerate(item.get("places", []))
            )
            # The search index holds the member places too; refresh it now
            # that they exist.
            index.insert_or_update_object(municipality)
    boundaries = data.get("boundaries")
    if boundaries and not Municipality.objects.filter(boundary__isnull=False).exists():
        call_command("import_boundaries", str(region.folder / boundaries), stdout=io.StringIO())


# --- Pages, images, timeline -----------------------------------------------


def load_pages(region):
    """The home page and site, the page tree of pages.yaml and the news of
    news.yaml under their parent, and the footer links that are empty."""
    data = region.read("pages")
    if not data:
        return
    images = _Images(region)
    home = _home(data["home"], data.get("site", {}), images)
    news = region.read("news")
    items = [
        *data.get("pages", []),
        *({"parent": news["parent"], "type": news["type"], **item} for item in news.get("news", [])),
    ]
    pages = {"": home}
    for item in items:
        pages[_path(item)] = _ensure_page(pages[item["parent"]], item, images)
    links = model("site_links").load()
    changed = False
    for name, path in data.get("site_links", {}).items():
        if getattr(links, f"{name}_id") is None and path in pages:
            setattr(links, name, pages[path])
            changed = True
    if changed:
        links.save()


def _path(item):
    return f"{item['parent']}/{item['slug']}".strip("/")


def _home(fields, site_fields, images):
    HomePage = apps.get_model("cms", fields["type"])
    home = HomePage.objects.first()
    if home is None:
        home = Page.objects.get(depth=1).add_child(instance=_build(fields, images))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(root_page=home, is_default_site=True, **site_fields)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's "Welcome" page is in the way; a real page never is.
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()
    return home


def _ensure_page(parent, item, images):
    """The child of `parent` with the item's slug; only when there is none
    is the page built, added and published."""
    existing = parent.get_children().filter(slug=item["slug"]).specific().first()
    if existing is not None:
        return existing
    page = _build(item, images)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _build(item, images):
    """An unsaved page of the item's type. Opening hours (modelcluster
    children) are set on the instance, so the first revision has them;
    topics and municipalities are linked by slug."""
    fields = {k: images.resolve(v) for k, v in item.items() if k not in ("parent", "type", "in_menu")}
    if "body" in fields:
        fields["body"] = [next(iter(block.items())) for block in fields["body"]]
    if "opening_hours" in fields:
        OpeningHours = model("opening_hours")
        fields["opening_hours"] = [
            OpeningHours(
                sort_order=order,
                weekday=OpeningHours.Weekday[hours["weekday"].upper()],
                opens=_time(hours["opens"]),
                closes=_time(hours["closes"]),
            )
            for order, hours in enumerate(fields["opening_hours"])
        ]
    for name, kind in (("topics", "topic"), ("municipalities", "municipality")):
        if name in fields:
            fields[name] = list(model(kind).objects.filter(slug__in=fields[name]))
    return apps.get_model("cms", item["type"])(show_in_menus=item.get("in_menu", False), **fields)


class _Images:
    """The pictures of images.yaml, created on first use (when a page that
    shows them is built), looked up by title."""

    def __init__(self, region):
        self.folder = region.folder / "images"
        self.specs = {spec["title"]: spec for spec in region.read("images").get("images", [])}

    def resolve(self, value):
        if isinstance(value, ImageRef):
            return self.get(value.title)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        return value

    def get(self, title):
        Image = model("image")
        image = Image.objects.filter(title=title).first()
        if image is not None:
            return image
        spec = self.specs[title]
        data = (self.folder / spec["file"]).read_bytes()
        image = Image(
            title=title,
            description=spec.get("description", ""),
            file=ImageFile(io.BytesIO(data), name=spec["file"]),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # what Wagtail stores to find duplicates
        )
        image.save()
        return image


def load_timeline(region):
    for entry in region.read("timeline").get("timeline", []):
        model("timeline").objects.get_or_create(
            title=entry["title"], defaults={k: v for k, v in entry.items() if k != "title"}
        )


# --- Events ----------------------------------------------------------------


def load_events(region, today):
    """The events that are missing (by title), with their demo guests."""
    Event = model("event")
    items = region.read("events").get("events", [])
    existing = set(Event.objects.filter(title__in=[item["title"] for item in items]).values_list("title", flat=True))
    municipalities = model("municipality").objects.in_bulk(field_name="slug")
    topics = model("topic").objects.in_bulk(field_name="slug")
    created = []
    for item in items:
        if item["title"] in existing:
            continue
        day = today + dt.timedelta(days=item["starts_in_days"])
        closes = item.get("registration_closes_days_before")
        event = Event.objects.create(
            title=item["title"],
            kind=item["kind"],
            status=Event.Status.PUBLISHED,
            summary=item["summary"],
            description=item.get("description", ""),
            starts_at=_local(day, _time(item["starts"])),
            ends_at=_local(day, _time(item["ends"])),
            municipality=municipalities.get(item.get("municipality", "")),
            venue=item.get("venue", ""),
            address=item.get("address", ""),
            online_url=item.get("online_url", ""),
            registration=item.get("registration", Event.Registration.OPEN),
            capacity=item.get("capacity"),
            registration_deadline=(
                _local(day - dt.timedelta(days=closes), dt.time(23, 59)) if closes is not None else None
            ),
            question=item.get("question", ""),
            accessibility_note=item.get("accessibility_note", ""),
            documentation=[("text", paragraph) for paragraph in item.get("documentation", [])],
        )
        event.topics.set([topics[slug] for slug in item.get("topics", []) if slug in topics])
        guests = item.get("demo_registrations", {})
        _add_registrations(event, guests.get("confirmed", 0), guests.get("waitlisted", 0))
        created.append(event)
    return created


def _add_registrations(event, confirmed, waitlisted):
    """Demo guests (addresses under .invalid, which never receive mail), in
    the state they would reach through the website: confirmed first, then
    the waitlist in order."""
    Registration = model("registration")
    now = timezone.now()
    channels = [Registration.Channel.ONLINE] * 3 + [Registration.Channel.PHONE]
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Demo-Gast {number}",
            email=f"gast{number:02d}.{event.pk}@demo.invalid",
            status=Registration.Status.CONFIRMED if number <= confirmed else Registration.Status.WAITLISTED,
            channel=channels[number % len(channels)],
            created_at=now - dt.timedelta(days=10, minutes=-number),
            confirmed_at=now - dt.timedelta(days=10, minutes=-number),
            accessibility_needs="Rollstuhlplatz" if number == 3 else "",
        )
        for number in range(1, confirmed + waitlisted + 1)
    )


# --- Accounts --------------------------------------------------------------


def load_accounts(region):
    """Create the demo accounts, or bring back what they need (password,
    role, verified address, a citizen's consents); other changes made to
    them are left alone."""
    User, Consent = model("user"), model("consent")
    municipalities = model("municipality").objects.in_bulk(field_name="slug")
    accounts = region.read("accounts").get("accounts", [])
    for account in accounts:
        user, created = User.objects.get_or_create(
            email=account["email"],
            defaults={
                "display_name": account["display_name"],
                "home_municipality": municipalities.get(account.get("home_municipality", "")),
            },
        )
        if created or not user.check_password(account["password"]):
            user.set_password(account["password"])
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account["email"], defaults={"verified": True, "primary": True}
        )
        groups = account.get("groups", [])
        if groups:
            user.groups.add(*Group.objects.filter(name__in=groups))
        guided = account.get("guide_municipalities", [])
        if guided:
            user.guide_municipalities.add(*(municipalities[slug] for slug in guided))
        if not groups:
            for document, version in [
                (Consent.Document.TERMS, settings.TERMS_VERSION),
                (Consent.Document.PRIVACY, settings.PRIVACY_VERSION),
            ]:
                Consent.objects.get_or_create(user=user, document=document, version=version)
    return accounts


# --- Processes -------------------------------------------------------------


def load_processes(region):
    """Create the processes that are missing (by slug) with their phases,
    topics, focus areas and jury criteria. An existing process is left as
    staff made it; only its demo jurors are assigned again if removed."""
    Process, Phase, Criterion = model("process"), model("phase"), model("criterion")
    topics = model("topic").objects.in_bulk(field_name="slug")
    focus_areas = model("focus_area").objects.in_bulk(field_name="slug")
    items = region.read("processes").get("processes", [])
    jurors = model("user").objects.in_bulk(
        [email for item in items for email in item.get("jurors", [])], field_name="email"
    )
    for item in items:
        process, created = Process.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "summary": item["summary"],
                "description": item["description"],
                "status": item.get("status", Process.Status.PUBLISHED),
                "moderation": item.get("moderation", Process.ModerationMode.POST),
                "results_statement": item.get("results_statement", ""),
            },
        )
        if created:
            Phase.objects.bulk_create(
                Phase(
                    process=process,
                    sort_order=order,
                    title=phase["title"],
                    description=phase["description"],
                    starts_at=_local(phase["starts_at"]),
                    ends_at=_local(phase["ends_at"]) if phase.get("ends_at") else None,
                    opens=phase_opens(phase.get("opens", [])),
                )
                for order, phase in enumerate(item.get("phases", []))
            )
            # Through the tables: ParentalManyToManyField.set() would wait
            # for another save() of the process.
            Process.topics.through.objects.bulk_create(
                Process.topics.through(process=process, topic=topics[slug])
                for slug in item.get("topics", [])
                if slug in topics
            )
            Process.focus_areas.through.objects.bulk_create(
                Process.focus_areas.through(process=process, focusarea=focus_areas[slug])
                for slug in item.get("focus_areas", [])
                if slug in focus_areas
            )
        if not Criterion.objects.filter(process=process).exists():
            Criterion.objects.bulk_create(
                Criterion(process=process, sort_order=order, **criterion)
                for order, criterion in enumerate(item.get("jury_criteria", []))
            )
        for email in item.get("jurors", []):
            if email in jurors:
                Process.jurors.through.objects.get_or_create(process=process, user=jurors[email])


# --- Ideas -----------------------------------------------------------------


def load_ideas(region):
    """Create the ideas that are missing (by process and title) with their
    comments and supports, and jury ratings where the process has criteria
    and jurors; then set the counts of the new ideas."""
    data = region.read("ideas")
    Process, Criterion = model("process"), model("criterion")
    jurors = {item["slug"]: item.get("jurors", []) for item in region.read("processes").get("processes", [])}
    context = _IdeaContext.load(data.get("entered_by", {}))
    created = []
    for slug, items in data.get("ideas", {}).items():
        process = Process.objects.get(slug=slug)
        new = _create_ideas(process, items, context)
        criteria = list(Criterion.objects.filter(process=process).order_by("sort_order", "pk"))
        _rate(new, criteria, [context.users[email] for email in jurors.get(slug, []) if email in context.users])
        created += new
    _count(created)
    return created


@dataclass
class _IdeaContext:
    users: dict
    municipalities: dict
    topics: dict
    focus_areas: dict
    guide: object
    editors: object
    guide_municipality_ids: set

    @classmethod
    def load(cls, entered_by):
        users = {user.email: user for user in model("user").objects.all()}
        guide = users.get(entered_by.get("guide", ""))
        return cls(
            users=users,
            municipalities=model("municipality").objects.in_bulk(field_name="slug"),
            topics=model("topic").objects.in_bulk(field_name="slug"),
            focus_areas=model("focus_area").objects.in_bulk(field_name="slug"),
            guide=guide,
            editors=users.get(entered_by.get("editors", "")),
            guide_municipality_ids=set(guide.guide_municipalities.values_list("pk", flat=True)) if guide else set(),
        )


def _at(day, hour=10, minute=0):
    return _local(day, dt.time(hour, minute))


def _create_ideas(process, items, context):
    Idea, Support = model("idea"), model("support")
    existing = set(
        Idea.objects.filter(process=process, title__in=[item["title"] for item in items]).values_list(
            "title", flat=True
        )
    )
    created = []
    for number, item in enumerate(items):
        if item["title"] in existing:
            continue
        idea = _create_idea(process, item, number, context)
        for comment in item.get("comments", []):
            parent = _create_comment(idea, comment, None, context)
            for reply in comment.get("replies", []):
                _create_comment(idea, reply, parent, context)
        author = item.get("author", "")
        Support.objects.bulk_create(
            Support(idea=idea, user=context.users[email]) for email in item.get("supporters", []) if email != author
        )
        # auto_now_add stamped today: move the supports after the idea.
        Support.objects.filter(idea=idea).update(created_at=_at(item["submitted"] + dt.timedelta(days=1), 12))
        created.append(idea)
    return created


def _create_idea(process, item, number, context):
    Idea = model("idea")
    municipality = context.municipalities.get(item.get("municipality", ""))
    point = _point_in(municipality, number) if item.get("point") and municipality else None
    submitted = item["submitted"]
    on_site = item.get("channel", Idea.Channel.ONLINE) != Idea.Channel.ONLINE
    # On-site ideas are entered a few days after they were collected, by the
    # guide when the municipality is hers, otherwise by the editorial team.
    entered = submitted + dt.timedelta(days=3 if on_site else 0)
    if on_site and municipality and municipality.pk in context.guide_municipality_ids:
        captured_by = context.guide
    elif on_site:
        captured_by = context.editors
    else:
        captured_by = None
    status_days = item.get("status_days", 0)
    idea = Idea.objects.create(
        process=process,
        author=context.users.get(item.get("author", "")),
        title=item["title"],
        text=item["text"],
        municipality=municipality,
        focus_area=context.focus_areas.get(item.get("focus_area", "")),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        status=item.get("status", Idea.Status.SUBMITTED),
        status_note=item.get("status_note", ""),
        status_changed_at=_at(submitted + dt.timedelta(days=status_days), 15) if status_days else None,
        jury_statement=item.get("jury_statement", ""),
        channel=item.get("channel", Idea.Channel.ONLINE),
        contributor_name=item.get("contributor_name", ""),
        collected_on=submitted if on_site else None,
        collected_at=item.get("collected_at", ""),
        captured_by=captured_by,
    )
    idea.topics.add(*(context.topics[slug] for slug in item.get("topics", []) if slug in context.topics))
    created_at = _at(entered, 9 + number % 10, (number * 7) % 60)
    Idea.objects.filter(pk=idea.pk).update(created_at=created_at)
    idea.created_at = created_at
    return idea


def _create_comment(idea, item, parent, context):
    Comment = model("comment")
    comment = Comment.objects.create(
        content_type=ContentType.objects.get_for_model(idea),
        object_id=idea.pk,
        parent=parent,
        author=context.users.get(item.get("author", "")),
        text=item["text"],
    )
    day = timezone.localtime(idea.created_at).date() + dt.timedelta(days=item.get("days", 1))
    Comment.objects.filter(pk=comment.pk).update(created_at=_at(day, 18, 30))
    return comment


def _rate(ideas, criteria, jurors):
    """Every juror rates every idea on every criterion. Scores follow the
    outcome (winners best, then the shortlist) with a deterministic spread,
    so that the jury's ranking puts the winners on top."""
    Idea, Rating = model("idea"), model("rating")
    base = {Idea.Status.WINNER: 5, Idea.Status.SHORTLISTED: 4}
    rows = []
    for idea in ideas:
        for juror in jurors:
            for criterion in criteria:
                draw = random.Random(f"{idea.title}|{criterion.name}|{juror.email}").random()
                score = base.get(idea.status, 3) - (draw < 0.3) + (draw > 0.85 and idea.status != Idea.Status.WINNER)
                rows.append(
                    Rating(
                        idea=idea,
                        criterion=criterion,
                        juror=juror,
                        score=max(1, min(5, score)),
                        note="Überzeugend; Umsetzung mit der Gemeinde klären." if score == 5 and draw > 0.95 else "",
                    )
                )
    Rating.objects.bulk_create(rows)


def _count(ideas):
    """Set the denormalised counts of the new ideas from their rows (one
    UPDATE); the demo writes rows directly instead of going through the
    actions."""
    if not ideas:
        return
    Idea, Support, Comment = model("idea"), model("support"), model("comment")
    supports = Support.objects.filter(idea=OuterRef("pk")).order_by().values("idea").annotate(n=Count("pk"))
    comments = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(Idea),
            object_id=OuterRef("pk"),
            status=Comment.Status.VISIBLE,
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
    )
    Idea.objects.filter(pk__in=[idea.pk for idea in ideas]).update(
        support_count=Coalesce(Subquery(supports.values("n")), 0),
        comment_count=Coalesce(Subquery(comments.values("n")), 0),
    )


# Offsets (degrees of latitude, longitude) from a municipality's anchor, a
# few hundred metres to about a kilometre: the demo's points spread around
# the seat without leaving the municipality.
OFFSETS = [(0.004, 0.006), (-0.005, 0.003), (0.002, -0.008), (-0.003, -0.005), (0.007, -0.002), (-0.006, 0.009)]


def _point_in(municipality, number):
    """A point (lat, lon) inside `municipality`'s boundary near its seat,
    or None without a boundary. When the seat lies outside, the anchor is a
    point inside the boundary. An offset that would leave the boundary is
    halved until it fits."""
    if not municipality.boundary:
        return None
    area = shape(municipality.boundary)
    anchor = Point(municipality.seat_lon, municipality.seat_lat)
    if not area.contains(anchor):
        anchor = area.representative_point()
    d_lat, d_lon = OFFSETS[number % len(OFFSETS)]
    for _ in range(6):
        lat, lon = round(anchor.y + d_lat, 5), round(anchor.x + d_lon, 5)
        if area.contains(Point(lon, lat)):
            return lat, lon
        d_lat, d_lon = d_lat / 2, d_lon / 2
    return anchor.y, anchor.x
