"""Accounts in the staff backend ("Konten" under /redaktion/): find a person
by e-mail address or name, see the verification state, block and unblock,
assign roles and guide municipalities, and read what staff did.

The URLs are registered through wagtail_hooks.py, so Wagtail's
require_admin_access wraps every view (no backend access: sent to the
login). The rules below decide the rest; Wagtail turns a PermissionDenied
into a redirect to the dashboard with a message.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from smartregion.accounts import actions
from smartregion.accounts.models import AccountAction, User
from smartregion.accounts.roles import GUIDES, MODERATORS, STAFF_GROUPS
from smartregion.region.models import Municipality

ACCOUNTS_PER_PAGE = 50
LOG_ENTRIES_SHOWN = 50


class AccountSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("E-Mail-Adresse oder Name"), required=False, max_length=100)
    blocked = forms.BooleanField(label=gettext_lazy("Nur gesperrte Konten"), required=False)


class ReasonForm(forms.Form):
    """A required reason for a block or an unblock; blank after trimming
    counts as missing."""

    missing_message = ""

    reason = forms.CharField(max_length=300, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = self.label
        self.fields["reason"].help_text = self.help_text
        self.fields["reason"].error_messages["required"] = self.missing_message

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.missing_message)
        return reason


class BlockForm(ReasonForm):
    label = gettext_lazy("Grund der Sperre")
    help_text = gettext_lazy("Die gesperrte Person sieht diesen Text, wenn sie sich anmelden will.")
    missing_message = gettext_lazy("Bitte geben Sie einen Grund für die Sperre an.")


class UnblockForm(ReasonForm):
    label = gettext_lazy("Grund der Entsperrung")
    help_text = gettext_lazy("Steht nur im Protokoll dieses Kontos.")
    missing_message = gettext_lazy("Bitte geben Sie einen Grund für die Entsperrung an.")


class RolesForm(forms.Form):
    groups = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Rollen"),
        queryset=Group.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Wer eine Rolle hat, meldet sich in der Redaktion in zwei Schritten an."),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Betreute Kommunen"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Nur für Regionallotsinnen und -lotsen: die Kommunen, für die sie zuständig sind."),
    )
    moderated_municipalities = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Moderierte Kommunen"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy(
            "Nur für die Moderation: die Kommunen, deren Beiträge sie moderiert. Keine Kommune: der ganze Landkreis."
        ),
    )

    def __init__(self, *args, account, has_verified_email, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account
        self.has_verified_email = has_verified_email
        self.fields["groups"].queryset = Group.objects.filter(name__in=STAFF_GROUPS).order_by("name")
        self.fields["municipalities"].queryset = Municipality.objects.only("name").order_by("name")
        self.fields["moderated_municipalities"].queryset = Municipality.objects.only("name").order_by("name")

    def clean(self):
        cleaned = super().clean()
        groups = cleaned.get("groups")
        municipalities = cleaned.get("municipalities")
        if groups is None or municipalities is None:
            return cleaned
        is_guide = any(group.name == GUIDES for group in groups)
        if is_guide and not municipalities:
            self.add_error(
                "municipalities",
                _("Bitte wählen Sie mindestens eine Kommune für die Regionallotsin oder den -lotsen."),
            )
        if municipalities and not is_guide:
            self.add_error(
                "municipalities",
                _(
                    "Kommunen werden nur Regionallotsinnen und -lotsen zugeordnet. "
                    "Bitte wählen Sie die Rolle „Regionallotsin“ oder keine Kommune."
                ),
            )
        moderated = cleaned.get("moderated_municipalities")
        if moderated and not any(group.name == MODERATORS for group in groups):
            self.add_error(
                "moderated_municipalities",
                _(
                    "Moderierte Kommunen gibt es nur für die Rolle „Moderation“. "
                    "Bitte wählen Sie die Rolle oder keine Kommune."
                ),
            )
        current = set(self.account.groups.values_list("pk", flat=True))
        added = {group.pk for group in groups} - current
        if added and not self.has_verified_email:
            # Two factors can only be set up with a verified address, and
            # every staff role needs them.
            self.add_error(
                "groups",
                _(
                    "Dieses Konto hat keine bestätigte E-Mail-Adresse. "
                    "Eine Rolle bekommt es erst nach der Bestätigung."
                ),
            )
        return cleaned


def _verified_email_exists():
    # The same test as predicates.is_verified_participant: the login address.
    return Exists(EmailAddress.objects.filter(user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True))


def _require(request, perm, account=None):
    if not request.user.has_perm(perm, account):
        raise PermissionDenied


def _get_account_for(request, pk, perm="accounts.manage_accounts") -> User:
    """The account `pk` if the staff member in `request` holds `perm` on it
    (404 if there is no such account, PermissionDenied if not allowed)."""
    _require(request, "accounts.manage_accounts")
    account = get_object_or_404(
        User.objects.annotate(has_verified_email=_verified_email_exists())
        .select_related("home_municipality")
        .prefetch_related(
            "groups",
            Prefetch("guide_municipalities", Municipality.objects.only("name")),
            Prefetch("moderated_municipalities", Municipality.objects.only("name")),
        ),
        pk=pk,
    )
    if perm != "accounts.manage_accounts":
        _require(request, perm, account)
    return account


def _breadcrumbs(account=None):
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Start")},
        {"url": reverse("accounts_admin:account-list"), "label": _("Konten")},
    ]
    if account is not None:
        items.append({"url": None, "label": account.email})
    return items


@require_GET
def account_list(request):
    """Accounts, searched by e-mail address, public or full name."""
    _require(request, "accounts.manage_accounts")
    search_form = AccountSearchForm(request.GET)
    accounts = (
        User.objects.annotate(has_verified_email=_verified_email_exists()).prefetch_related("groups").order_by("email")
    )
    query = search_form.cleaned_data["q"].strip() if search_form.is_valid() else ""
    only_blocked = search_form.is_valid() and search_form.cleaned_data["blocked"]
    if only_blocked:
        accounts = accounts.exclude(blocked_reason="")
    if query:
        condition = Q(email__icontains=query) | Q(display_name__icontains=query)
        for word in query.split():
            condition |= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        accounts = accounts.filter(condition)
    page = Paginator(accounts, ACCOUNTS_PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "accounts/admin/account_list.html",
        {
            "header_title": _("Konten"),
            "header_icon": "user",
            "breadcrumbs_items": _breadcrumbs(),
            "search_form": search_form,
            "query": query,
            "only_blocked": only_blocked,
            "page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
        },
    )


def _render_detail(request, account, *, block_form=None, unblock_form=None, roles_form=None):
    if roles_form is None:
        roles_form = RolesForm(
            prefix="roles",
            account=account,
            has_verified_email=account.has_verified_email,
            initial={
                "groups": list(account.groups.all()),
                "municipalities": list(account.guide_municipalities.all()),
                "moderated_municipalities": list(account.moderated_municipalities.all()),
            },
        )
    log = AccountAction.objects.filter(target=account).select_related("actor")[:LOG_ENTRIES_SHOWN]
    return render(
        request,
        "accounts/admin/account_detail.html",
        {
            "header_title": account.email,
            "header_icon": "user",
            "breadcrumbs_items": _breadcrumbs(account),
            "account": account,
            "email_addresses": EmailAddress.objects.filter(user=account).order_by("-primary", "email"),
            "has_two_factors": Authenticator.objects.filter(user=account, type=Authenticator.Type.TOTP).exists(),
            "may_block": request.user.has_perm("accounts.block_account", account),
            "may_assign_roles": request.user.has_perm("accounts.assign_roles", account),
            "block_form": block_form or BlockForm(prefix="block"),
            "unblock_form": unblock_form or UnblockForm(prefix="unblock"),
            "roles_form": roles_form,
            "log": log,
            "log_entries_shown": LOG_ENTRIES_SHOWN,
            "may_view_moderation_log": request.user.has_perm("moderation.view_audit_log"),
        },
    )


@require_GET
def account_detail(request, pk):
    account = _get_account_for(request, pk)
    return _render_detail(request, account)


@require_POST
def block(request, pk):
    account = _get_account_for(request, pk, "accounts.block_account")
    if account.blocked_reason:
        messages.error(request, _("Dieses Konto ist bereits gesperrt."))
        return redirect("accounts_admin:account-detail", pk=account.pk)
    form = BlockForm(request.POST, prefix="block")
    if not form.is_valid():
        messages.error(request, _("Das Konto ist nicht gesperrt. Bitte prüfen Sie die Eingabe."))
        return _render_detail(request, account, block_form=form)
    actions.block_user(request.user, account, form.cleaned_data["reason"])
    messages.success(request, _("Das Konto ist gesperrt. Eine offene Sitzung endet bei der nächsten Anfrage."))
    return redirect("accounts_admin:account-detail", pk=account.pk)


@require_POST
def unblock(request, pk):
    account = _get_account_for(request, pk, "accounts.block_account")
    if not account.blocked_reason:
        messages.error(request, _("Dieses Konto ist nicht gesperrt."))
        return redirect("accounts_admin:account-detail", pk=account.pk)
    form = UnblockForm(request.POST, prefix="unblock")
    if not form.is_valid():
        messages.error(request, _("Das Konto ist weiterhin gesperrt. Bitte prüfen Sie die Eingabe."))
        return _render_detail(request, account, unblock_form=form)
    actions.unblock_user(request.user, account, form.cleaned_data["reason"])
    messages.success(request, _("Das Konto ist entsperrt."))
    return redirect("accounts_admin:account-detail", pk=account.pk)


@require_POST
def assign_roles(request, pk):
    account = _get_account_for(request, pk, "accounts.assign_roles")
    form = RolesForm(request.POST, prefix="roles", account=account, has_verified_email=account.has_verified_email)
    if not form.is_valid():
        messages.error(request, _("Die Rollen sind nicht geändert. Bitte prüfen Sie die Eingabe."))
        return _render_detail(request, account, roles_form=form)
    entries = actions.set_roles(
        request.user,
        account,
        form.cleaned_data["groups"],
        form.cleaned_data["municipalities"],
        moderated_municipalities=form.cleaned_data["moderated_municipalities"],
    )
    if entries:
        messages.success(request, _("Rollen und Kommunen sind gespeichert."))
    else:
        messages.info(request, _("Es gab nichts zu ändern."))
    return redirect("accounts_admin:account-detail", pk=account.pk)
