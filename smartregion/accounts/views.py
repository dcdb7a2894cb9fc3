from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from smartregion.accounts import actions, privacy
from smartregion.accounts.forms import DeleteAccountForm, ProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own account: public name, home municipality, and the
    ways to their e-mail, password, two factors and privacy functions."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihre Angaben sind gespeichert."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@permission_required("accounts.export_data", raise_exception=True)
@require_GET
@never_cache
def data_export(request):
    """Everything the platform holds about the logged-in person, readable,
    with the link to the same data as a JSON file."""
    sections = privacy.export_sections(request.user)
    return render(
        request,
        "accounts/data_export.html",
        {
            "account_items": privacy.account_items(request.user),
            "sections": [section for section in sections if section.rows],
            "empty_sections": [section for section in sections if not section.rows],
        },
    )


@login_required
@permission_required("accounts.export_data", raise_exception=True)
@require_GET
@never_cache
def data_export_json(request):
    """The same data as data_export, as a JSON file to download (DSGVO
    Art. 20: structured and machine-readable)."""
    response = JsonResponse(
        privacy.export_user_data(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    filename = f"meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@permission_required("accounts.delete_account", raise_exception=True)
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Explains what deleting the account does and, given the current
    password, does it, logs out and goes home."""
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        actions.delete_account(request.user)
        logout(request)
        messages.success(request, _("Ihr Konto ist gelöscht. Alle Anmeldungen auf allen Geräten sind beendet."))
        return redirect(reverse("wagtail_serve", args=[""]))
    return render(request, "accounts/delete_account.html", {"form": form})
