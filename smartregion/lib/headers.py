"""Response headers about what a page may use and who may keep it.

- Permissions-Policy: the site uses no camera, microphone, location,
  payment, USB or sensors, so no page (nor anything it frames) may ask the
  browser for them.
- Cache-Control: a response to a logged-in person, and every page under
  the account area (its forms carry tokens, its pages personal data), is
  never stored, by the browser's history cache or by a proxy on the way.
  Pages for visitors keep what their views set (the page cache).
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class PrivacyHeadersMiddleware:
    """Must come after AuthenticationMiddleware (it asks whether someone is
    logged in, which costs nothing for visitors without a session)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.private_prefixes = tuple(settings.PRIVATE_PATH_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.user.is_authenticated or self.is_private_path(request.path_info):
            add_never_cache_headers(response)
        return response

    def is_private_path(self, path: str) -> bool:
        """Whether `path` lies in a private area, also below a language
        prefix (/en/konto/…)."""
        if path.startswith(self.private_prefixes):
            return True
        prefix, _, rest = path[1:].partition("/")
        return len(prefix) == 2 and ("/" + rest).startswith(self.private_prefixes)
