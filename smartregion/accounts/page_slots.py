"""The two slots of base.html's header that the page cache fills for each
logged-in person (lib/pagecache.py, `register_person_slot`): the account
links and the banner asking to verify the address. They show only whether
the address is verified and the address itself, so a rendered slot is
kept per process by language and those two; registered in
AccountsConfig.ready()."""

from django.utils.translation import get_language

from smartregion.accounts.predicates import has_verified_email
from smartregion.lib import pagecache

TEMPLATES = {
    "account": "includes/account_nav.html",
    "banner": "includes/verification_banner.html",
}
# Rendered slots by name, language and what they show of the person; kept
# per process (templates do not change while it runs).
_rendered: dict[tuple, str] = {}
MAX_RENDERED = 2000


def render_slot(name: str, request) -> str:
    """The HTML of the slot `name` for request.user, with the CSRF token's
    stand-in."""
    user = request.user
    verified = has_verified_email(user)
    key = (name, get_language(), user.pk, user.email, verified)
    html = _rendered.get(key)
    if html is None:
        context = {"user": user, "request": request, "user_has_verified_email": verified}
        html = pagecache.render_kept(TEMPLATES[name], context)
        if len(_rendered) >= MAX_RENDERED:
            _rendered.clear()
        _rendered[key] = html
    return html


def register() -> None:
    for name in TEMPLATES:
        pagecache.register_person_slot(name, lambda request, name=name: render_slot(name, request))
