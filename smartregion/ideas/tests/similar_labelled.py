"""The labelled German set of the similar-ideas search (`ideas.similar`),
read from data/similar_labelled.json; `measure()` computes its figures, the
tests (test_similar.py) and `manage.py similar_precision` print them.

The pool is one process's ideas: themes of a rural German county, several
with a near neighbour that is *not* the same proposal (a Mitfahrbank and a
Mitfahr-App, a Dorfladen and a Wochenmarkt, a solar bench that charges
phones). Each query is phrased as a second person would phrase the same
idea (other inflections, compounds split or joined, other words) and is
labelled with the keys of the pool ideas it duplicates; no duplicates
means the pool has none and nothing should be suggested.

DEV_QUERIES ("development") were used to tune the scorer's constants.
HELD_OUT_QUERIES were written afterwards and measured once; that
measurement showed a weakness (IDF over the candidates weighted the query
too) which was then fixed, so they are not entirely unseen. FRESH_QUERIES
were written after that fix and never tuned on: their figures are the
honest ones.
"""

import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "similar_labelled.json"


@dataclass(frozen=True)
class PoolIdea:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Query:
    title: str
    text: str
    duplicates: frozenset


def _load(path=DATA):
    data = json.loads(path.read_text(encoding="utf-8"))
    pool = [PoolIdea(item["key"], item["title"], item["text"]) for item in data["pool"]]

    def queries(name):
        return [Query(item["title"], item.get("text", ""), frozenset(item["duplicates"])) for item in data[name]]

    return pool, queries("development"), queries("held_out"), queries("fresh")


POOL, DEV_QUERIES, HELD_OUT_QUERIES, FRESH_QUERIES = _load()


def measure(queries, pool=POOL, rank=None, k=3):
    """Run `queries` against `pool` with `rank` (by default
    ideas.similar.rank_in_memory, the database path without a database) and
    return the figures at `k` as a dict:

    - precision: suggested top-k items that are labelled duplicates, over
      the queries that got any suggestion;
    - hit_rate: queries with a duplicate that got at least one of their
      duplicates in the top k;
    - recall: labelled duplicates found in the top k, over all labelled
      duplicates;
    - quiet: queries without a duplicate that got no suggestion at all.

    and the per-query suggestions under "rows"."""
    if rank is None:
        from smartregion.ideas.similar import rank_in_memory as rank
    suggested_total = correct_total = hits = found = labelled = quiet = 0
    with_duplicates = without_duplicates = 0
    rows = []
    for query in queries:
        suggestions = [idea.key for _score, idea in rank(query.title, query.text, pool, limit=k)]
        correct = [key for key in suggestions if key in query.duplicates]
        suggested_total += len(suggestions)
        correct_total += len(correct)
        if query.duplicates:
            with_duplicates += 1
            labelled += min(len(query.duplicates), k)
            found += len(correct)
            hits += bool(correct)
        else:
            without_duplicates += 1
            quiet += not suggestions
        rows.append((query, suggestions))
    return {
        "queries": len(queries),
        "precision": correct_total / suggested_total if suggested_total else 1.0,
        "hit_rate": hits / with_duplicates if with_duplicates else 1.0,
        "recall": found / labelled if labelled else 1.0,
        "quiet": quiet / without_duplicates if without_duplicates else 1.0,
        "rows": rows,
    }


def report(name, figures) -> str:
    return (
        f"{name}: {figures['queries']} queries, precision@3 {figures['precision']:.2f}, "
        f"hit rate@3 {figures['hit_rate']:.2f}, recall@3 {figures['recall']:.2f}, "
        f"no suggestion for queries without duplicate {figures['quiet']:.2f}"
    )
