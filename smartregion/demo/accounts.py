"""Demo accounts: one per staff role and a few citizens, all with a verified
address. Their passwords are public: seed_demo refuses to run with DEBUG off
unless forced, and prints them.

Staff accounts have no second factor yet: the first visit to the backend
asks to set up an authenticator app, as it would for real staff.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group

from smartregion.accounts.models import Consent, User
from smartregion.accounts.roles import ADMINISTRATORS, EDITORS, GUIDES, JURORS, MODERATORS
from smartregion.region.models import Municipality


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str
    display_name: str
    groups: tuple[str, ...] = ()
    # Slugs: the municipalities a regional guide looks after, and a
    # citizen's home municipality.
    guide_municipalities: tuple[str, ...] = ()
    home_municipality: str = ""


DEMO_ACCOUNTS = [
    DemoAccount("Redaktion", "redaktion@demo.invalid", "demo-redaktion-2026", "Redaktion (Demo)", (EDITORS,)),
    DemoAccount("Moderation", "moderation@demo.invalid", "demo-moderation-2026", "Moderation (Demo)", (MODERATORS,)),
    DemoAccount(
        "Regionallotsin",
        "lotsin@demo.invalid",
        "demo-lotsin-2026",
        "Regionallotsin (Demo)",
        (GUIDES,),
        guide_municipalities=("mayen", "mendig", "vordereifel"),
    ),
    DemoAccount("Jury", "jury@demo.invalid", "demo-jury-2026", "Jury (Demo)", (JURORS,)),
    # The Ideenwettbewerb 2021 was rated by three jurors.
    DemoAccount("Jury", "jury2@demo.invalid", "demo-jury2-2026", "Jury 2 (Demo)", (JURORS,)),
    DemoAccount("Jury", "jury3@demo.invalid", "demo-jury3-2026", "Jury 3 (Demo)", (JURORS,)),
    DemoAccount(
        "Administration",
        "administration@demo.invalid",
        "demo-administration-2026",
        "Administration (Demo)",
        (ADMINISTRATORS,),
    ),
    DemoAccount("Bürgerin", "anna@demo.invalid", "demo-anna-2026", "Anna aus Mendig", home_municipality="mendig"),
    DemoAccount("Bürger", "ben@demo.invalid", "demo-ben-2026", "Ben_Radfahrer", home_municipality="mayen"),
    DemoAccount("Bürgerin", "clara@demo.invalid", "demo-clara-2026", "Clara K."),
]


def seed():
    """Create the demo accounts, or bring back what they need (password,
    role, verified address); other changes made to them are left alone."""
    municipalities = Municipality.objects.in_bulk(field_name="slug")
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "display_name": account.display_name,
                "home_municipality": municipalities.get(account.home_municipality),
            },
        )
        if created or not user.check_password(account.password):
            user.set_password(account.password)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.groups:
            user.groups.add(*Group.objects.filter(name__in=account.groups))
        if account.guide_municipalities:
            user.guide_municipalities.add(*(municipalities[slug] for slug in account.guide_municipalities))
        if not account.groups:
            for document, version in [
                (Consent.Document.TERMS, settings.TERMS_VERSION),
                (Consent.Document.PRIVACY, settings.PRIVACY_VERSION),
            ]:
                Consent.objects.get_or_create(user=user, document=document, version=version)
    return DEMO_ACCOUNTS
