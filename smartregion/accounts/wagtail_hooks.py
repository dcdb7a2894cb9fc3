from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from smartregion.accounts import admin_views
from smartregion.accounts.models import User
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel

admin_urlpatterns = [
    path("", admin_views.account_list, name="account-list"),
    path("<int:pk>/", admin_views.account_detail, name="account-detail"),
    path("<int:pk>/sperren/", admin_views.block, name="account-block"),
    path("<int:pk>/entsperren/", admin_views.unblock, name="account-unblock"),
    path("<int:pk>/rollen/", admin_views.assign_roles, name="account-roles"),
]


@hooks.register("register_admin_urls")
def register_account_urls():
    return [path("konten/", include((admin_urlpatterns, "accounts_admin"), namespace="accounts_admin"))]


class AccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts.manage_accounts")


@hooks.register("register_admin_menu_item")
def register_accounts_menu_item():
    return AccountsMenuItem(
        _("Konten"), reverse("accounts_admin:account-list"), name="konten", icon_name="user", order=900
    )


@hooks.register("construct_homepage_panels")
def add_accounts_panel(request, panels):
    """Account administrators: the blocked accounts (one query)."""
    if not request.user.has_perm("accounts.manage_accounts"):
        return
    blocked = User.objects.exclude(blocked_reason="").count()
    url = reverse("accounts_admin:account-list") + "?" + urlencode({"blocked": "on"})
    panels.append(
        WaitingPanel(
            "accounts",
            _("Konten"),
            [WaitingItem(gettext("Gesperrte Konten"), blocked, url)],
        )
    )
