"""Demo staff accounts. Their passwords are public: seed_demo refuses to run
with DEBUG off unless forced."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from smartregion.accounts.models import User
from smartregion.accounts.roles import EDITORS


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str
    display_name: str
    group: str


DEMO_ACCOUNTS = [
    DemoAccount("Redaktion", "redaktion@demo.invalid", "demo-redaktion-2026", "Redaktion (Demo)", EDITORS),
]


def seed():
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email, defaults={"display_name": account.display_name, "is_staff": False}
        )
        if created or not user.check_password(account.password):
            user.set_password(account.password)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=account.group))
    return DEMO_ACCOUNTS
