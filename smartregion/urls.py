from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from smartregion.cms import views as cms_views
from smartregion.lib.health import healthz

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
    path("suche/", cms_views.search, name="search"),
    path("konto/", include("smartregion.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
