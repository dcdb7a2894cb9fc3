"""Print how well the similar-ideas search finds the labelled duplicates of
the German set in ideas/tests/data/similar_labelled.json (read by
ideas/tests/similar_labelled.py).

Runs the same prefilter and scoring as `find_similar`, on the labelled
ideas in memory: no database is read or written."""

from django.core.management.base import BaseCommand

from smartregion.ideas.tests.similar_labelled import (
    DEV_QUERIES,
    FRESH_QUERIES,
    HELD_OUT_QUERIES,
    POOL,
    measure,
    report,
)


class Command(BaseCommand):
    help = "Prints precision@3 and hit rate of the similar-ideas search on the labelled German set."

    def handle(self, *args, **options):
        self.stdout.write(f"{len(POOL)} ideas in the pool.")
        for name, queries in (
            ("development set (tuned on)", DEV_QUERIES),
            ("held-out set (seen once, before the last change)", HELD_OUT_QUERIES),
            ("fresh set (written after the last change, never tuned on)", FRESH_QUERIES),
        ):
            figures = measure(queries)
            self.stdout.write(report(name, figures))
            if options["verbosity"] > 1:
                for query, suggestions in figures["rows"]:
                    self.stdout.write(self._row(query, suggestions))
        self.stdout.write(report("all", measure(DEV_QUERIES + HELD_OUT_QUERIES + FRESH_QUERIES)))

    @staticmethod
    def _row(query, suggestions):
        if query.duplicates:
            verdict = "hit " if set(suggestions) & query.duplicates else "MISS"
        else:
            verdict = "ok  " if not suggestions else "NOISE"
        expected = ", ".join(sorted(query.duplicates)) or "-"
        return f"  {verdict} {query.title!r}: expected {expected}; suggested {', '.join(suggestions) or '-'}"
