"""Sections that other apps contribute to the pages of a municipality or a
topic.

The region app imports no other app; instead each app registers, in its
AppConfig.ready(), what it has to show about a municipality or a topic (the
news mentioning it, later its ideas, events and projects). The page renders
every registered section in order, with an empty state where a section has
nothing yet.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MUNICIPALITY = "municipality"
TOPIC = "topic"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    items: Callable[[Any], Any]
    empty_text: str
    order: int = 100


@dataclass(frozen=True)
class FilledSection:
    section: Section
    items: list


_registry: dict[str, dict[str, Section]] = {MUNICIPALITY: {}, TOPIC: {}}


def register(kind: str, section: Section) -> None:
    """Add (or replace, by key) a section for pages of `kind`."""
    _registry[kind][section.key] = section


def sections_for(kind: str, obj) -> list[FilledSection]:
    """The registered sections for `obj`, in order, each with its items
    evaluated (one query per section, whatever the number of rows)."""
    sections = sorted(_registry[kind].values(), key=lambda section: (section.order, section.key))
    return [FilledSection(section, list(section.items(obj))) for section in sections]
