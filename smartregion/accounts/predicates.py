"""Rule predicates about people and their roles (django-rules).

Other apps combine these into their permissions, e.g.
`rules.add_perm("ideas.add_idea", is_verified_participant & phase_opens("ideas.submit"))`.
"""

import rules

from smartregion.accounts.roles import ADMINISTRATORS, EDITORS, GUIDES, MODERATORS


def in_group(user, name) -> bool:
    """Whether `user` (anyone, logged in or not) is in the group `name`
    (see roles.py); for roles that are no predicate of their own here,
    such as the jurors of a process."""
    if not user.is_authenticated:
        return False
    # Group names are cached on the user object for the request.
    cache = getattr(user, "_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._group_names = cache
    return name in cache


@rules.predicate
def is_verified_participant(user) -> bool:
    """Logged in, active, not blocked, with a verified e-mail address."""
    if not user.is_authenticated or not user.is_active or user.blocked_reason:
        return False
    return has_verified_email(user)


# Where has_verified_email keeps its answer on the user object.
VERIFIED_ATTRIBUTE = "_has_verified_email"


def has_verified_email(user) -> bool:
    """Whether the login address of `user` (logged in) is verified. Cached
    on the user object for the request: a list of ideas asks once per
    support button, and the layout's banner asks too. A verified address
    is also remembered in the session (accounts.middleware.
    RememberVerifiedAddressMiddleware sets the answer before it is asked)."""
    cached = getattr(user, VERIFIED_ATTRIBUTE, None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
        setattr(user, VERIFIED_ATTRIBUTE, cached)
    return cached


@rules.predicate
def is_editor(user) -> bool:
    return in_group(user, EDITORS)


@rules.predicate
def is_moderator(user) -> bool:
    return in_group(user, MODERATORS)


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or in_group(user, ADMINISTRATORS))


@rules.predicate
def is_guide(user) -> bool:
    return in_group(user, GUIDES)


@rules.predicate
def is_guide_for(user, municipality) -> bool:
    """A regional guide responsible for `municipality`."""
    if municipality is None or not is_guide(user):
        return False
    return user.guide_municipalities.filter(pk=municipality.pk).exists()


def is_staff_member(user) -> bool:
    """May open the backend (any group with that permission, including
    groups created by hand or by Wagtail), or is a superuser: such accounts
    need a second factor."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")
