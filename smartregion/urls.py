from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from smartregion.cms import views as cms_views
from smartregion.lib.health import healthz
from smartregion.lib.pagecache import cache_shared_page

# Wagtail's page URLs, with the editorial pages served from the page cache
# (they show nothing that depends on the person but the header's account
# slots).
page_urls = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"]
page_urls.append(re_path(wagtail_urls.serve_pattern, cache_shared_page(wagtail_views.serve), name="wagtail_serve"))

# A database outage is answered with 503 and Retry-After, other errors with
# the plain 500 page (lib/outage.py).
handler500 = "smartregion.lib.outage.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The backend's own login form would skip allauth's rate limits and the
    # blocked-account check: everyone logs in at /konto/login/.
    path(
        f"{settings.STAFF_BACKEND_PATH}login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="staff-login",
    ),
    path(settings.STAFF_BACKEND_PATH, include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("", include("smartregion.region.urls")),
    path("", include("smartregion.events.urls")),
    path("", include("smartregion.participation.urls")),
    path("", include("smartregion.ideas.urls")),
    path("kommentare/", include("smartregion.comments.urls")),
    path("moderation/", include("smartregion.moderation.urls")),
    path("suche/", cms_views.search, name="search"),
    path("konto/", include("smartregion.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("", include(page_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
