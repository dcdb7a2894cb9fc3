"""The filters of the Ideenspeicher, read from the query string.

One form serves the list, the map data, the CSV export and the feed, so all
four always show the same ideas for the same address.

Full-text search is a substring match (LIKE/ILIKE) of every word over title
and text, all words required. At 10,000 ideas that is one scan of a few
megabytes, which both databases do in milliseconds, and it composes with the
other filters in the same query. It also finds German compounds
("bank" finds "Mitfahrbank"), which a token index such as Wagtail's database
backend (SQLite FTS5, PostgreSQL tsvector) does not, and it needs no index
kept in step with every write, bulk insert and moderation decision.
"""

import re
from urllib.parse import urlencode

from django import forms
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartregion.ideas.models import Idea
from smartregion.participation.models import Process
from smartregion.region.models import FocusArea, Municipality, Topic

# The municipality filter's value for ideas about the whole region (no
# municipality). Slugs of municipalities are names of places, never this.
WHOLE_REGION = "ganze-region"
# The channel filter's value for every channel but online.
ON_SITE = "vor-ort"

SORT_NEWEST = "neueste"
SORT_SUPPORTED = "unterstuetzung"
SORT_DISCUSSED = "kommentare"
# Each order matches an index of Idea (see its Meta), with the primary key
# last so that pages do not overlap when values are equal.
ORDERINGS = {
    SORT_NEWEST: ("-created_at", "-pk"),
    SORT_SUPPORTED: ("-support_count", "-id"),
    SORT_DISCUSSED: ("-comment_count", "-id"),
}

SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")

# Words of a search beyond this are ignored: each adds a scan condition.
MAX_SEARCH_WORDS = 8


def _once(load):
    """Choices loaded on first use and then kept: a select with choices from
    the database costs its query only when the form is validated against it
    or rendered, and then only once."""
    loaded = []

    def choices():
        if not loaded:
            loaded.append(list(load()))
        return loaded[0]

    return choices


def _case_variants(word: str, *, unicode_case: bool) -> set[str]:
    """Spellings of `word` to match in the database.

    SQLite's LIKE ignores case for ASCII letters only, so "übergang" would
    not find "Übergang": without `unicode_case` (a database whose icontains
    ignores the case of every letter, as PostgreSQL's UPPER() LIKE does)
    the common capitalisations are matched as well, which covers German
    nouns and abbreviations. "ss" and "ß" are interchangeable when people
    type.
    """
    variants = {word}
    if not word.isascii() and not unicode_case:
        variants |= {word.lower(), word.upper(), word[:1].upper() + word[1:].lower()}
    for variant in list(variants):
        if "ß" in variant:
            variants.add(variant.replace("ß", "ss"))
        if "ss" in variant:
            variants.add(variant.replace("ss", "ß"))
    return variants


def search_condition(text: str) -> Q:
    """The condition "every word of `text` occurs in the title or the
    text" (an empty Q when `text` has no words)."""
    unicode_case = connection.vendor == "postgresql"
    condition = Q()
    words = [word.strip(".,;:!?\"'()[]{}„“”‚‘’«»") for word in text.split()]
    for word in [word for word in words if word][:MAX_SEARCH_WORDS]:
        any_spelling = Q()
        for variant in _case_variants(word, unicode_case=unicode_case):
            any_spelling |= Q(title__icontains=variant) | Q(text__icontains=variant)
        condition &= any_spelling
    return condition


class _ListChoiceField(forms.ChoiceField):
    """A select whose choices come from the database. With `trusted` set,
    any slug passes without loading the choices: the endpoints that do
    not show the form (map data, CSV, feed) get their query strings from
    the rendered list, and an unknown slug there simply matches nothing."""

    trusted = False

    def validate(self, value):
        if self.trusted:
            forms.Field.validate(self, value)
            if value and not SLUG.match(value):
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            return
        super().validate(value)


class IdeaFilterForm(forms.Form):
    """Filters, search and order of the Ideenspeicher. A value that does not
    exist is ignored rather than reported: filters come from links and
    bookmarks as often as from the form."""

    q = forms.CharField(label=_("Suchbegriffe"), required=False, max_length=200)
    process = _ListChoiceField(label=_("Verfahren"), required=False)
    municipality = _ListChoiceField(label=_("Kommune"), required=False)
    focus_area = _ListChoiceField(label=_("Zukunftsaufgabe"), required=False)
    topic = _ListChoiceField(label=_("Handlungsfeld"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    channel = forms.ChoiceField(label=_("Weg"), required=False)
    sort = forms.ChoiceField(
        label=_("Sortierung"),
        required=False,
        choices=[
            (SORT_NEWEST, _("Neueste zuerst")),
            (SORT_SUPPORTED, _("Meiste Unterstützung")),
            (SORT_DISCUSSED, _("Meiste Kommentare")),
        ],
    )

    # Query string keys in the order of query_string().
    KEYS = ("q", "process", "municipality", "focus_area", "topic", "status", "channel", "sort")

    def __init__(self, *args, trust_slugs: bool = False, **kwargs):
        """`trust_slugs`: accept any slug for process, municipality, focus
        area and topic without loading their choices (one query each);
        for the endpoints that never render the form."""
        super().__init__(*args, **kwargs)
        fields = self.fields
        for name in ("process", "municipality", "focus_area", "topic"):
            fields[name].trusted = trust_slugs
        fields["q"].widget.input_type = "search"
        fields["process"].choices = _once(
            lambda: [
                ("", _("Alle Verfahren")),
                *Process.objects.published().order_by("title").values_list("slug", "title"),
            ]
        )
        fields["municipality"].choices = _once(
            lambda: [
                ("", _("Alle Kommunen")),
                (WHOLE_REGION, _("Ganze Region (keine einzelne Kommune)")),
                *Municipality.objects.order_by("name").values_list("slug", "name"),
            ]
        )
        fields["focus_area"].choices = _once(
            lambda: [("", _("Alle Zukunftsaufgaben")), *FocusArea.objects.values_list("slug", "title")]
        )
        fields["topic"].choices = _once(
            lambda: [("", _("Alle Handlungsfelder")), *Topic.objects.values_list("slug", "name")]
        )
        fields["status"].choices = [("", _("Alle Status")), *Idea.Status.choices]
        fields["channel"].choices = [
            ("", _("Alle Wege")),
            (Idea.Channel.ONLINE, _("online eingereicht")),
            (ON_SITE, _("vor Ort gesammelt (alle Wege)")),
            *[
                (value, _("vor Ort: %(channel)s") % {"channel": label})
                for value, label in Idea.Channel.choices
                if value != Idea.Channel.ONLINE
            ],
        ]

    def _valid_data(self) -> dict:
        """The cleaned values of the valid fields; invalid ones are left
        out (and so ignored)."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}

    @property
    def search_text(self) -> str:
        return self._valid_data().get("q", "").strip()

    @property
    def sort_key(self) -> str:
        return self._valid_data().get("sort") or SORT_NEWEST

    @property
    def is_filtered(self) -> bool:
        """Whether anything narrows the list (the order does not)."""
        return any(key != "sort" for key in self._valid_data())

    def filter(self, ideas):
        """`ideas` narrowed to the valid filters and the search, without
        ordering them (see `order`)."""
        data = self._valid_data()
        if data.get("q"):
            ideas = ideas.filter(search_condition(data["q"]))
        if data.get("process"):
            ideas = ideas.filter(process__slug=data["process"])
        if data.get("municipality") == WHOLE_REGION:
            ideas = ideas.filter(municipality__isnull=True)
        elif data.get("municipality"):
            ideas = ideas.filter(municipality__slug=data["municipality"])
        if data.get("focus_area"):
            ideas = ideas.filter(focus_area__slug=data["focus_area"])
        if data.get("topic"):
            ideas = ideas.filter(topics__slug=data["topic"])
        if data.get("status"):
            ideas = ideas.filter(status=data["status"])
        if data.get("channel") == ON_SITE:
            ideas = ideas.exclude(channel=Idea.Channel.ONLINE)
        elif data.get("channel"):
            ideas = ideas.filter(channel=data["channel"])
        return ideas

    def order(self, ideas):
        """`ideas` in the chosen order (newest first by default)."""
        return ideas.order_by(*ORDERINGS[self.sort_key])

    def query_string(self, *, with_sort: bool = True) -> str:
        """The valid filters (and the order unless it is the default) as a
        query string, for the page links, the map data and the exports."""
        data = self._valid_data()
        if not with_sort or data.get("sort") == SORT_NEWEST:
            data.pop("sort", None)
        return urlencode([(key, data[key]) for key in self.KEYS if key in data])
