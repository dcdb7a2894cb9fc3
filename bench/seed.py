"""Add N ideas to the Ideenspeicher of a demo database, each with 5 comments
(one of them a reply) and 10 supports, written with bulk_create in batches;
a pool of verified participants writes and supports them. The denormalised
counts are set to match the rows.

    DATABASE_URL=sqlite:///bench/results/bench-1000.sqlite3 DJANGO_SETTINGS_MODULE=bench.settings \\
        python -m bench.seed 1000 --meta bench/results/bench-1000.json

run.py calls it on a copy of a database that `seed_demo` filled; the meta
file it writes last (the idea to measure, the accounts to log in with) marks
the database as complete.
"""

import argparse
import datetime as dt
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import django

POOL = 200
PASSWORD = "bench-passwort-2026"
BATCH = 2000
COMMENTS_PER_IDEA = 5
SUPPORTS_PER_IDEA = 10

WHAT = [
    "Mitfahrbank",
    "Dorfladen",
    "Bürgerbus",
    "Coworking-Raum",
    "Repair-Café",
    "Radweg",
    "Spielplatz",
    "Bücherschrank",
    "Ladestation",
    "Videosprechstunde",
    "Jugendtreff",
    "Wochenmarkt",
    "Sporthalle",
    "Vereinskalender",
    "Fahrplanauskunft",
    "Nachbarschaftshilfe",
]
WHERE = ["am Bahnhof", "im Ortskern", "an der Schule", "am Rathaus", "im Neubaugebiet", "am Sportplatz", "am Rhein"]
HOW = ["mit App", "für alle Generationen", "am Wochenende", "mit Online-Buchung", "ohne Auto erreichbar", "digital"]
TEXT = (
    "Ich wünsche mir {what} {where}, {how}. Viele Menschen in unserem Ort würden davon profitieren, "
    "besonders diejenigen ohne eigenes Auto. Die Gemeinde könnte mit Vereinen und Betrieben zusammenarbeiten "
    "und das Angebot zuerst ein Jahr lang ausprobieren.\n\nWer macht mit?"
)
COMMENTS = [
    "Gute Idee, das würde ich nutzen.",
    "Wie soll das finanziert werden?",
    "Bei uns gibt es so etwas schon, die Erfahrungen sind gut.",
    "Bitte auch an Menschen mit Rollator denken.",
    "Danke für die Rückfragen, ich ergänze die Idee gern.",
]


def pool_email(number: int) -> str:
    """The address of bench participant `number` (0 to POOL - 1); all of
    them have the password PASSWORD and a verified address."""
    return f"teilnehmerin{number:03d}@bench.invalid"


@contextmanager
def _explicit_timestamps(*models):
    """Let bulk_create keep the created_at values it is given: auto_now_add
    would stamp every row with now (bench only)."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def participants():
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.hashers import make_password

    from smartregion.accounts.models import Consent, User

    emails = [pool_email(number) for number in range(POOL)]
    existing = User.objects.in_bulk(emails, field_name="email")
    password = make_password(PASSWORD)  # hashed once: hashing 200 times takes long
    new = [
        User(email=email, display_name=f"Teilnehmerin {number:03d}", password=password)
        for number, email in enumerate(emails)
        if email not in existing
    ]
    User.objects.bulk_create(new)
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in new
    )
    Consent.objects.bulk_create(
        Consent(user=user, document=document, version=version)
        for user in new
        for document, version in [
            (Consent.Document.TERMS, settings.TERMS_VERSION),
            (Consent.Document.PRIVACY, settings.PRIVACY_VERSION),
        ]
    )
    users = User.objects.in_bulk(emails, field_name="email")
    return [users[email] for email in emails]


def seed(count: int) -> dict:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from smartregion.comments.models import Comment
    from smartregion.ideas.models import Idea, Support
    from smartregion.lib import pagecache
    from smartregion.participation.models import Process
    from smartregion.region.models import Municipality, Topic

    store = Process.objects.get(slug="ideenspeicher")
    municipalities = [*Municipality.objects.defer("boundary").order_by("slug"), None]
    topics = list(Topic.objects.order_by("sort_order"))
    idea_type = ContentType.objects.get_for_model(Idea)
    now = timezone.now()

    with transaction.atomic(), _explicit_timestamps(Idea, Comment, Support):
        pool = participants()
        done = 0
        while done < count:
            numbers = range(done, min(done + BATCH, count))
            ideas = []
            for number in numbers:
                municipality = municipalities[number % len(municipalities)]
                what = WHAT[number % len(WHAT)]
                where = WHERE[(number // len(WHAT)) % len(WHERE)]
                how = HOW[(number // 7) % len(HOW)]
                with_point = municipality is not None and number % 4 == 0
                ideas.append(
                    Idea(
                        process=store,
                        author=pool[number % POOL],
                        title=f"{what} {where} {how} ({number + 1})",
                        text=TEXT.format(what=what, where=where, how=how),
                        municipality=municipality,
                        latitude=municipality.seat_lat + 0.001 * (number % 5) if with_point else None,
                        longitude=municipality.seat_lon + 0.001 * (number % 3) if with_point else None,
                        # The newest idea is the one with the highest number,
                        # an hour after the one before.
                        created_at=now - dt.timedelta(hours=count - number),
                        support_count=SUPPORTS_PER_IDEA,
                        comment_count=COMMENTS_PER_IDEA,
                    )
                )
            Idea.objects.bulk_create(ideas, batch_size=BATCH)
            Idea.topics.through.objects.bulk_create(
                (Idea.topics.through(idea=idea, topic=topics[idea.pk % len(topics)]) for idea in ideas),
                batch_size=BATCH,
            )
            supports, comments = [], []
            for number, idea in zip(numbers, ideas, strict=True):
                # Ten different people, never the author (number % POOL).
                supports += [
                    Support(idea=idea, user=pool[(number + 1 + k) % POOL], created_at=idea.created_at)
                    for k in range(SUPPORTS_PER_IDEA)
                ]
                comments += [
                    Comment(
                        content_type=idea_type,
                        object_id=idea.pk,
                        author=pool[(number + 20 + k) % POOL],
                        text=COMMENTS[k],
                        created_at=idea.created_at + dt.timedelta(minutes=10 * (k + 1)),
                    )
                    for k in range(COMMENTS_PER_IDEA - 1)
                ]
            Support.objects.bulk_create(supports, batch_size=BATCH)
            Comment.objects.bulk_create(comments, batch_size=BATCH)
            # One reply per idea, to its first comment.
            firsts = comments[:: COMMENTS_PER_IDEA - 1]
            Comment.objects.bulk_create(
                (
                    Comment(
                        content_type=idea_type,
                        object_id=first.object_id,
                        parent=first,
                        author=ideas[index].author,
                        text=COMMENTS[-1],
                        created_at=first.created_at + dt.timedelta(minutes=5),
                    )
                    for index, first in enumerate(firsts)
                ),
                batch_size=BATCH,
            )
            done = numbers.stop
            print(f"  {done} of {count} ideas", file=sys.stderr)
        newest = store.ideas.order_by("-created_at", "-pk").first()
        transaction.on_commit(pagecache.invalidate)
    return {
        "ideas": count,
        "idea_path": newest.get_absolute_url(),
        "users": [user.email for user in pool[:32]],
        "password": PASSWORD,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of ideas to add")
    parser.add_argument("--meta", type=Path, required=True, help="JSON file to write when done")
    args = parser.parse_args(argv)
    django.setup()
    meta = seed(args.count)
    args.meta.write_text(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
