"""The little the stack tests need, written into the stack's fresh database
by deploy/stack.py (`manage.py shell -c "...seed import main; main()"`):
verified participants, a process open for ideas, comments and supports with
one idea in it. Prints what it made as one line of JSON."""

import datetime as dt
import json

PASSWORD = "stack-passwort-2026"
PARTICIPANTS = 40


def main():
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from smartregion.accounts.models import Consent, User
    from smartregion.events.models import Event
    from smartregion.ideas.models import Idea
    from smartregion.participation.models import Phase, Process

    with transaction.atomic():
        password = make_password(PASSWORD)  # hashed once for all of them
        users = User.objects.bulk_create(
            User(email=f"teilnehmerin{number:02d}@stack.invalid", display_name=f"Teilnehmerin {number:02d}")
            for number in range(PARTICIPANTS)
        )
        User.objects.filter(pk__in=[user.pk for user in users]).update(password=password)
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        Consent.objects.bulk_create(
            Consent(user=user, document=document, version=version)
            for user in users
            for document, version in [
                (Consent.Document.TERMS, settings.TERMS_VERSION),
                (Consent.Document.PRIVACY, settings.PRIVACY_VERSION),
            ]
        )
        process = Process.objects.create(
            title="Ideen für den Stapel",
            slug="stapel",
            summary="Welche Idee macht das Leben in der Region leichter?",
            status=Process.Status.PUBLISHED,
            moderation=Process.ModerationMode.POST,
        )
        now = timezone.now()
        Phase.objects.create(
            process=process,
            title="Ideen sammeln",
            starts_at=now - dt.timedelta(days=1),
            ends_at=now + dt.timedelta(days=30),
            opens=["ideas.submit", "ideas.comment", "ideas.support"],
        )
        idea = Idea.objects.create(
            process=process,
            author=users[0],
            title="Mitfahrbank am Ortsausgang",
            text="Eine Bank, auf der man zeigt, dass man mitgenommen werden möchte.",
        )
        starts = now + dt.timedelta(days=14)
        event = Event.objects.create(
            title="Kommunaldialog im Stapel",
            kind=Event.Kind.KOMMUNALDIALOG,
            status=Event.Status.PUBLISHED,
            summary="Wie soll die Kommune digitaler werden? Reden Sie mit.",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            venue="Bürgerhaus",
            address="Marktplatz 1\n56727 Mayen",
            registration=Event.Registration.OPEN,
        )
    print(
        json.dumps(
            {
                "password": PASSWORD,
                # users[0] wrote the idea; the others may support it.
                "author": users[0].email,
                "users": [user.email for user in users[1:]],
                "process_path": process.get_absolute_url(),
                "idea_id": idea.pk,
                "idea_path": idea.get_absolute_url(),
                "support_path": f"{idea.get_absolute_url()}unterstuetzen/",
                "event_path": event.get_absolute_url(),
                "register_path": f"{event.get_absolute_url()}anmelden/",
            }
        )
    )
