"""The thread of a contribution as a page of its own (and its htmx
fragments), and the writes: comment, reply, edit, remove.

The thread itself is rendered on the contribution's page by
`{% comment_thread target %}`; its forms post here. Without JavaScript
each write answers with a redirect back to the page the form was on
(`next`), at the comment; with htmx (HX-Request) it answers with the
fragment to swap: the form with its errors, or the whole thread.
"""

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from smartregion.accounts.privacy import DELETED_ACCOUNT_NAME
from smartregion.comments import actions, targets, threads
from smartregion.comments.forms import EditCommentForm
from smartregion.comments.models import Comment
from smartregion.comments.rules import EDIT_WINDOW, may_see_target
from smartregion.lib import ratelimit
from smartregion.lib.ratelimit import HOUR, MINUTE, Limit

# Per account: enough for a lively discussion, too few for a flood.
COMMENT_LIMITS = (Limit(5, MINUTE), Limit(60, HOUR))


def _get_target(request, key, pk):
    """The contribution `key`/`pk` (a key registered in comments/targets.py)
    if the visitor may see it; 404 otherwise."""
    registration = targets.by_key(key)
    if registration is None:
        raise Http404
    try:
        target = registration.load(pk)
    except registration.model.DoesNotExist:
        raise Http404 from None
    if not may_see_target(request.user, target):
        raise Http404
    return target


def _get_comment(request, pk):
    """The comment `pk` and its target, if the visitor may see both (other
    people's pending comments do not exist for them); 404 otherwise."""
    comment = get_object_or_404(Comment.objects.select_related("author", "parent"), pk=pk)
    if not threads.is_shown_to(comment, request.user):
        raise Http404
    registration = targets.by_model(ContentType.objects.get_for_id(comment.content_type_id).model_class())
    if registration is None:
        raise Http404
    try:
        target = registration.load(comment.object_id)
    except registration.model.DoesNotExist:
        raise Http404 from None
    if not may_see_target(request.user, target):
        raise Http404
    return comment, target


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _safe_path(request, url) -> str | None:
    hosts = {request.get_host()}
    if not url or not url_has_allowed_host_and_scheme(url, hosts, require_https=request.is_secure()):
        return None
    path = urlsplit(url).path
    # Checked again: "https://this-host//evil.example" passes the first
    # check, and its path "//evil.example" leads to another host.
    if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, hosts):
        return None
    return path


def _host_path(request, default) -> str:
    """The path of the page the thread is on: the browser's address for
    htmx, the form's `next` for a POST, the `next` of the link for a GET."""
    if _is_htmx(request):
        path = _safe_path(request, request.headers.get("HX-Current-URL", ""))
    else:
        path = _safe_path(request, request.POST.get("next") or request.GET.get("next"))
    return path or default


def _location(request, comment, target, host_path) -> str:
    """Where to show `comment` after a write: its page of the thread (the
    newest first, as the thread opens), at the comment."""
    page = threads.page_of(comment, request.user)
    base = host_path if page == 1 else f"{threads.thread_url(target)}?seite={page}"
    return f"{base}#kommentar-{comment.pk}"


@require_GET
def thread(request, key, pk):
    """GET /kommentare/<key>/<pk>/?sortierung=neueste|aelteste&seite=N: a
    page of the thread as a page; for htmx ("Weitere Kommentare laden")
    only that page's comments and the next link.

    Not in the page cache: the page and its fragment share one address."""
    target = _get_target(request, key, pk)
    context = threads.thread_context(
        request,
        target,
        host_path=_host_path(request, request.path),
        ordering=threads.ordering_from(request.GET.get("sortierung")),
        page_number=threads.page_number_from(request.GET.get("seite")),
    )
    if _is_htmx(request):
        response = render(request, "comments/includes/thread_page.html", context)
    else:
        response = render(request, "comments/thread.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _rate_limited(request) -> bool:
    return not ratelimit.allow_all(f"comments-add:{request.user.pk}", *COMMENT_LIMITS)


def _refused(request, target, host_path):
    """The answer to a comment the person may not write (the form was
    shown before the phase ended, or the page was old)."""
    reason, _opens_at = threads.why_not(request.user, target)
    if reason == "login":
        location = f"{reverse('account_login')}?{urlencode({'next': f'{host_path}#kommentare'})}"
    else:
        texts = {
            "withdrawn": _("Dieser Beitrag wurde zurückgezogen. Neue Kommentare sind nicht mehr möglich."),
            "closed": _("Die Kommentarphase ist beendet."),
            "unverified": _("Bitte bestätigen Sie Ihre E-Mail-Adresse, um zu kommentieren."),
            "blocked": _("Ihr Konto ist gesperrt. Sie können nicht kommentieren."),
        }
        messages.error(request, texts.get(reason, _("Hier können Sie nicht kommentieren.")))
        location = f"{host_path}#kommentare"
    return _redirect(request, location)


def _redirect(request, location):
    # htmx follows a redirect inside its request and would swap the whole
    # page into the form: tell it to load the page instead.
    if _is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = location
        return response
    return redirect(location)


def _create(request, target, parent, form, error_page):
    """Validate `form` and add the comment (a reply when `parent` is
    given); `error_page(form, host_path, ordering)` renders the page that
    shows the errors without htmx."""
    host_path = _host_path(request, target.get_absolute_url())
    ordering = threads.ordering_from(request.POST.get("sortierung"))
    if not request.user.has_perm("comments.add_comment", target):
        return _refused(request, target, host_path)
    if form.is_valid() and _rate_limited(request):
        form.add_error(
            None,
            _(
                "Sie haben gerade viele Kommentare geschrieben. "
                "Bitte warten Sie etwas und versuchen Sie es dann noch einmal."
            ),
        )
    if form.is_valid():
        try:
            comment = actions.add_comment(
                target,
                request.user,
                form.cleaned_data["text"],
                parent=parent,
                submission_key=form.cleaned_data["submission_key"],
            )
        except actions.CommentError as error:
            form.add_error(None, str(error.message))
    if not form.is_valid():
        if _is_htmx(request):
            return render(
                request,
                "comments/includes/comment_form.html",
                {
                    "form": form,
                    "action": request.path,
                    "submit_label": _("Antwort veröffentlichen") if parent else _("Kommentar veröffentlichen"),
                    "host_path": host_path,
                    "ordering": ordering,
                },
            )
        return error_page(form, host_path, ordering)

    if _is_htmx(request) and threads.page_of(comment, request.user) == 1:
        context = threads.thread_context(request, target, host_path=host_path, highlight=comment.pk)
        response = render(request, "comments/includes/thread.html", context)
        response["HX-Retarget"] = "#kommentare"
        response["HX-Reswap"] = "outerHTML"
        return response
    if comment.status == Comment.Status.PENDING:
        messages.success(request, _("Danke! Ihr Kommentar erscheint, sobald die Moderation ihn freigegeben hat."))
    else:
        messages.success(request, _("Danke! Ihr Kommentar ist veröffentlicht."))
    return _redirect(request, _location(request, comment, target, host_path))


@require_POST
def comment_create(request, key, pk):
    """POST /kommentare/<key>/<pk>/neu/: a new top-level comment."""
    target = _get_target(request, key, pk)

    def error_page(form, host_path, ordering):
        context = threads.thread_context(request, target, host_path=host_path, ordering=ordering, form=form)
        return render(request, "comments/thread.html", context)

    return _create(request, target, None, threads.new_comment_form(request.POST), error_page)


@require_http_methods(["GET", "HEAD", "POST"])
def comment_reply(request, pk):
    """/kommentare/<id>/antworten/: the reply form on a page of its own
    (GET; the thread opens it in place), and the reply (POST). A reply to
    a reply goes to its top-level comment."""
    comment, target = _get_comment(request, pk)
    if comment.parent_id is not None:
        comment = comment.parent
    back_url = _host_path(request, target.get_absolute_url())

    def error_page(form, host_path, ordering):
        return _reply_page(request, comment, target, form, host_path)

    if request.method == "POST":
        return _create(request, target, comment, threads.reply_form(comment, request.POST), error_page)
    form = threads.reply_form(comment) if request.user.has_perm("comments.add_comment", target) else None
    return _reply_page(request, comment, target, form, back_url)


def _reply_page(request, comment, target, form, host_path):
    reason = None
    if form is None and comment.status == Comment.Status.VISIBLE:
        reason, _opens_at = threads.why_not(request.user, target)
    elif comment.status != Comment.Status.VISIBLE:
        form = None
    return render(
        request,
        "comments/comment_reply.html",
        {
            "comment": comment,
            "target": target,
            "form": form,
            "reason": reason,
            "host_path": host_path,
            "back_url": f"{host_path}#kommentar-{comment.pk}",
            "ordering": threads.DEFAULT_ORDERING,
            "deleted_account_name": DELETED_ACCOUNT_NAME,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_edit(request, pk):
    """/kommentare/<id>/bearbeiten/: the author changes the text within 15
    minutes of writing it."""
    comment, target = _get_comment(request, pk)
    next_path = _host_path(request, target.get_absolute_url())
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    if not request.user.has_perm("comments.change_comment", comment):
        messages.error(
            request,
            _(
                "Diesen Kommentar können Sie nicht mehr bearbeiten: "
                "Das geht nur in den ersten 15 Minuten nach dem Schreiben."
            ),
        )
        return redirect(_location(request, comment, target, next_path))
    form = EditCommentForm(request.POST or None, initial={"text": comment.text})
    form.html_id = "kommentar-bearbeiten"
    if request.method == "POST" and form.is_valid():
        try:
            comment = actions.edit_comment(comment, form.cleaned_data["text"])
        except actions.CommentError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Ihr Kommentar ist geändert."))
            return redirect(_location(request, comment, target, next_path))
    return render(
        request,
        "comments/comment_edit.html",
        {
            "comment": comment,
            "target": target,
            "form": form,
            "next_path": next_path,
            "back_url": f"{next_path}#kommentar-{comment.pk}",
            "editable_until": comment.created_at + EDIT_WINDOW,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_remove(request, pk):
    """/kommentare/<id>/entfernen/: the author takes a comment back. GET
    asks, POST removes."""
    comment, target = _get_comment(request, pk)
    next_path = _host_path(request, target.get_absolute_url())
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    if not request.user.has_perm("comments.delete_comment", comment):
        messages.error(request, _("Dieser Kommentar ist bereits entfernt oder ausgeblendet."))
        return redirect(_location(request, comment, target, next_path))
    if request.method == "POST":
        try:
            comment = actions.remove_comment(comment)
        except actions.CommentError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Ihr Kommentar ist entfernt."))
        return redirect(_location(request, comment, target, next_path))
    return render(
        request,
        "comments/comment_remove.html",
        {
            "comment": comment,
            "target": target,
            "next_path": next_path,
            "back_url": f"{next_path}#kommentar-{comment.pk}",
        },
    )
