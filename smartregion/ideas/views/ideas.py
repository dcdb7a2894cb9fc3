"""The pages of one idea: submit (with the compare step), detail, edit,
withdraw, and the support button.

Submitting takes two steps when the process already has similar ideas:
the form, then "Ähnliche Ideen" with the typed values in hidden fields and
the button "Trotzdem einreichen". An uploaded image is checked and
re-encoded at the first step and kept in the default storage under
ideas/tmp/ until the final submit; the session remembers which file belongs
to which form (by its submission key), so nobody needs to choose the file
again and no other person can use it. Without JavaScript every step works.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from smartregion.accounts.predicates import is_verified_participant
from smartregion.comments import threads
from smartregion.ideas import actions, tasks
from smartregion.ideas.forms import IdeaEditForm, IdeaForm
from smartregion.ideas.images import TMP_DIR
from smartregion.ideas.models import Idea, Support
from smartregion.lib import pagecache, ratelimit
from smartregion.lib.ratelimit import HOUR, MINUTE, Limit
from smartregion.participation.models import Moderation, Phase, Process
from smartregion.region.models import Topic

# Submitting is cheap for the person and costs the moderation time.
SUBMIT_LIMITS = (Limit(10, HOUR),)
# Supports and their withdrawals per person: more than anyone clicks by hand.
SUPPORT_LIMITS = (Limit(30, MINUTE), Limit(300, HOUR))
SIMILAR_LIMIT = 5
SESSION_IMAGES = "idea_images"


def _phases():
    return Prefetch("phases", queryset=Phase.objects.order_by("sort_order", "pk"))


def _get_process(request, slug) -> Process:
    """The published process `slug` with its phases, focus areas and
    topics; 404 for one the visitor may not see."""
    process = get_object_or_404(
        Process.objects.prefetch_related(_phases(), "focus_areas", "topics").defer("description"),
        slug=slug,
    )
    if not request.user.has_perm("participation.view_process", process):
        raise Http404
    return process


def _get_idea(request, slug, pk) -> Idea:
    """The idea `pk` of the process `slug` if the visitor may see it (404
    otherwise), with its process and phases, author, municipality, focus
    area and topics."""
    idea = _load_idea(slug, pk)
    if not request.user.has_perm("ideas.view_idea", idea):
        raise Http404
    return idea


def _load_idea(slug, pk) -> Idea:
    return get_object_or_404(
        Idea.objects.select_related("process", "author", "municipality", "focus_area")
        .defer("municipality__boundary", "process__description", "process__results_statement")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")),
            Prefetch("process__phases", queryset=Phase.objects.order_by("sort_order", "pk")),
        ),
        pk=pk,
        process__slug=slug,
    )


def _get_own_idea(request, slug, pk) -> Idea:
    """The idea for a change by its author; 403 for anybody else."""
    idea = _get_idea(request, slug, pk)
    if idea.author_id is None or idea.author_id != request.user.pk:
        raise PermissionDenied
    return idea


# Submit -----------------------------------------------------------------


def _why_not_submit(request, process) -> str:
    if not process.is_open("ideas.submit"):
        return _("In diesem Verfahren können gerade keine Ideen eingereicht werden.")
    if not is_verified_participant(request.user):
        return _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse, dann können Sie Ideen einreichen.")
    return _("Sie können in diesem Verfahren keine Ideen einreichen.")


def _similar(process, title, text):
    from smartregion.ideas.similar import find_similar

    return find_similar(process, title, text=text, limit=SIMILAR_LIMIT)


def _stored_images(request) -> dict:
    return request.session.get(SESSION_IMAGES, {})


def _stored_image(request, key) -> str | None:
    """The storage name of the image uploaded with the form `key`, if it is
    still there."""
    name = _stored_images(request).get(str(key)) if key else None
    if name and default_storage.exists(name):
        return name
    return None


def _store_image(request, key, image) -> str:
    """Keep the re-encoded `image` of form `key` until the final submit."""
    old = _stored_image(request, key)
    if old:
        default_storage.delete(old)
    extension = PurePosixPath(image.name).suffix
    name = default_storage.save(f"{TMP_DIR}/{key}{extension}", image)
    images = dict(_stored_images(request))
    images[str(key)] = name
    request.session[SESSION_IMAGES] = images
    return name


def _forget_image(request, key, name) -> None:
    images = dict(_stored_images(request))
    images.pop(str(key), None)
    request.session[SESSION_IMAGES] = images
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def _already_submitted(request, key) -> Idea | None:
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return Idea.objects.filter(submission_key=key, author=request.user).select_related("process").first()


def _rate_limited(request) -> bool:
    return not ratelimit.allow_all(f"ideas-submit:{request.user.pk}", *SUBMIT_LIMITS)


def _form_context(process, form, **extra) -> dict:
    """The context of idea_form.html: the map's tile server, and what the
    map script needs of the municipalities and places."""
    return {
        "process": process,
        "form": form,
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
        "map_places": form.map_places(),
        **extra,
    }


def _render_form(request, process, form, stored_image=None, status=200):
    # Similar ideas while typing the title (helper view ideas:similar-ideas).
    form.fields["title"].widget.attrs.update(
        {
            "data-hx-get": reverse("ideas:similar-ideas", args=[process.slug]),
            "data-hx-trigger": "keyup changed delay:600ms, change",
            "data-hx-target": "#similar-ideas",
            "data-hx-include": "[name='text']",
            "data-hx-sync": "this:replace",
        }
    )
    context = _form_context(process, form, stored_image=stored_image)
    return render(request, "ideas/idea_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def idea_create(request, slug):
    """GET: the empty form. POST: check the form; with similar ideas in the
    process show them first ("Ähnliche Ideen"), and submit when the person
    confirms ("Trotzdem einreichen", field `confirm`) or when there are
    none. The field `back` returns from the compare step to the form."""
    process = _get_process(request, slug)
    if not request.user.has_perm("ideas.add_idea", process):
        messages.error(request, _why_not_submit(request, process))
        return redirect(process)
    if request.method != "POST":
        form = IdeaForm(process=process, initial={"submission_key": uuid.uuid4()})
        return _render_form(request, process, form)

    key = request.POST.get("submission_key", "")
    existing = _already_submitted(request, key)
    if existing is not None:
        # A double click or a reload after the final POST.
        return redirect(existing)
    stored = _stored_image(request, key)
    if request.POST.get("remove_stored_image") and stored:
        _forget_image(request, key, stored)
        stored = None
    form = IdeaForm(request.POST, request.FILES, process=process, stored_image=bool(stored))
    valid = form.is_valid()
    new_image = form.cleaned_data.get("image")
    if not valid:
        # A good image survives the errors of the other fields.
        if new_image and form.cleaned_data.get("submission_key"):
            stored = _store_image(request, form.cleaned_data["submission_key"], new_image)
        return _render_form(request, process, form, stored)
    key = form.cleaned_data["submission_key"]
    similar = []
    if "back" not in request.POST and "confirm" not in request.POST:
        similar = _similar(process, form.cleaned_data["title"], form.cleaned_data["text"])
    rate_limited = not ("back" in request.POST or similar) and _rate_limited(request)
    if rate_limited:
        form.add_error(
            None, _("Sie haben in kurzer Zeit viele Ideen eingereicht. Bitte versuchen Sie es später noch einmal.")
        )
    if "back" in request.POST or similar or rate_limited:
        if new_image:
            stored = _store_image(request, key, new_image)
        if similar:
            return render(
                request,
                "ideas/idea_compare.html",
                {"process": process, "form": form, "similar": similar, "stored_image": stored},
            )
        return _render_form(request, process, form, stored, status=429 if rate_limited else 200)

    image = new_image
    if image is None and stored:
        with default_storage.open(stored, "rb") as file:
            image = ContentFile(file.read(), name=PurePosixPath(stored).name)
    with transaction.atomic():
        idea = actions.submit_idea(process, request.user, form.idea_fields(), image=image, submission_key=key)
        _forget_image(request, key, stored)
        transaction.on_commit(tasks.delete_stale_uploads.enqueue)
    if idea.moderation == Moderation.PENDING:
        messages.success(
            request,
            _("Danke für Ihre Idee! Sie erscheint, sobald die Moderation sie freigegeben hat."),
        )
    else:
        messages.success(request, _("Danke für Ihre Idee! Sie ist jetzt veröffentlicht."))
    return redirect(idea)


# Detail -----------------------------------------------------------------


def _support_state(request, idea, supported) -> str:
    """What the support box shows: "withdrawn", "closed", "anonymous",
    "own", "unverified", "supported" or "open"."""
    if idea.is_withdrawn:
        return "withdrawn"
    if not idea.process.is_open("ideas.support") or idea.moderation != Moderation.VISIBLE:
        return "closed"
    if not request.user.is_authenticated:
        return "anonymous"
    return _member_support_state(request.user, idea.author_id, supported)


def _member_support_state(user, author_id, supported) -> str:
    """The support box of a logged-in person on an idea that collects
    supports."""
    if author_id == user.pk:
        return "own"
    if supported:
        return "supported"
    if not is_verified_participant(user):
        return "unverified"
    return "open"


def _support_context(request, idea, supported=None) -> dict:
    if supported is None:
        supported = (
            request.user.is_authenticated and Support.objects.filter(idea_id=idea.pk, user=request.user).exists()
        )
    return {"idea": idea, "supported": supported, "support_state": _support_state(request, idea, supported)}


# The support boxes a member may get on an idea that collects supports.
MEMBER_SUPPORT_STATES = ("open", "supported", "unverified")
# Up to this many supporters are noted with the cached page; members' copies
# of an idea with more ask the database whether they support it.
MAX_NOTED_SUPPORTERS = 1000


def _note_for_members(request, idea, support_state) -> None:
    """Note what members' copies of the cached page need besides the
    comment thread's: the author (who gets the page rendered for them) and,
    if the idea collects supports, each support box a member may get,
    rendered once (the CSRF token goes in per request), and who supports
    it (any support or withdrawal is a POST, which ends the cached page)."""
    boxes = supporters = None
    if support_state == "anonymous":
        ids = Support.objects.filter(idea_id=idea.pk).values_list("user_id", flat=True)
        ids = list(ids[: MAX_NOTED_SUPPORTERS + 1])
        supporters = frozenset(ids) if len(ids) <= MAX_NOTED_SUPPORTERS else None
        boxes = {
            state: pagecache.render_kept(
                "ideas/includes/support_button.html",
                {"idea": idea, "supported": state == "supported", "support_state": state},
            )
            for state in MEMBER_SUPPORT_STATES
        }
    pagecache.note(
        request,
        "idea",
        {"pk": idea.pk, "author_id": idea.author_id, "support_boxes": boxes, "supporters": supporters},
    )


def _member_slots(request, notes, slug, pk) -> dict | None:
    """The slots of the cached idea page for a logged-in person (see
    pagecache.cache_member_page): the support box and the comment thread's,
    without a query (but for ideas with very many supporters). None, so
    that the page is rendered for them, for the author (their own links)
    and whoever the thread renders for (threads.member_slots). `slug` and
    `pk` are the view's arguments; the notes know the idea."""
    user = request.user
    idea, thread = notes.get("idea"), notes.get("comments")
    if idea is None or thread is None or idea["author_id"] == user.pk:
        return None
    slots = threads.member_slots(request, thread)
    if slots is not None and idea["support_boxes"]:
        if idea["supporters"] is not None:
            supported = user.pk in idea["supporters"]
        else:
            supported = Support.objects.filter(idea_id=idea["pk"], user=user).exists()
        slots["support"] = idea["support_boxes"][_member_support_state(user, idea["author_id"], supported)]
    return slots


@require_GET
@pagecache.cache_member_page(_member_slots, shelf=pagecache.PARTICIPATION)
def idea_detail(request, slug, pk):
    idea = _load_idea(slug, pk)
    if not request.user.has_perm("ideas.view_idea", idea):
        if idea.moderation == Moderation.HIDDEN and idea.process.status == Process.Status.PUBLISHED:
            # In place of a hidden idea everybody else sees why it is gone
            # (the author and the staff see the idea with the reason).
            return render(request, "ideas/idea_hidden.html", {"idea": idea})
        raise Http404
    is_author = request.user.is_authenticated and idea.author_id == request.user.pk
    context = {
        **_support_context(request, idea),
        "is_author": is_author,
        "can_edit": is_author and request.user.has_perm("ideas.change_idea", idea),
        "can_withdraw": is_author and request.user.has_perm("ideas.withdraw_idea", idea),
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
        # Everybody but the author sees "Melden" on a public idea; the page
        # asks for a login or says why someone may not report (the page is
        # the same for every visitor but the author, see _member_slots).
        "may_be_reported": not is_author and idea.moderation == Moderation.VISIBLE and not idea.is_withdrawn,
        "objection_url": _objection_url(idea) if is_author and idea.moderation == Moderation.HIDDEN else None,
    }
    # Supports and comments open and close with the phases.
    pagecache.valid_until(request, idea.process.next_change())
    if pagecache.collecting_notes(request):
        _note_for_members(request, idea, context["support_state"])
    return render(request, "ideas/idea_detail.html", context)


def _objection_url(idea) -> str | None:
    """Where the author of the hidden `idea` may object to the decision;
    None when that is no longer possible."""
    from smartregion.moderation import actions as moderation_actions

    hide = moderation_actions.latest_hide(idea)
    if hide is None or not moderation_actions.may_object(hide, idea):
        return None
    return reverse("moderation:object", args=[hide.pk])


# Edit and withdraw --------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def idea_edit(request, slug, pk):
    idea = _get_own_idea(request, slug, pk)
    if not request.user.has_perm("ideas.change_idea", idea):
        messages.error(
            request,
            _(
                "Diese Idee können Sie nicht mehr bearbeiten: Das geht nur, solange Ideen eingereicht werden "
                "können und die Jury noch nicht bewertet hat."
            ),
        )
        return redirect(idea)
    if request.method == "POST":
        form = IdeaEditForm(request.POST, request.FILES, idea=idea)
        if form.is_valid():
            actions.edit_idea(
                idea,
                form.idea_fields(),
                image=form.cleaned_data["image"],
                remove_image=form.cleaned_data.get("remove_image", False),
            )
            messages.success(request, _("Ihre Änderungen sind gespeichert."))
            return redirect(idea)
    else:
        form = IdeaEditForm(
            idea=idea,
            initial={
                "title": idea.title,
                "text": idea.text,
                "municipality": idea.municipality_id,
                "focus_area": idea.focus_area_id,
                "topics": [topic.pk for topic in idea.topics.all()],
                "latitude": idea.latitude,
                "longitude": idea.longitude,
                "image_alt": idea.image_alt,
            },
        )
    return render(request, "ideas/idea_form.html", _form_context(idea.process, form, idea=idea))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def idea_withdraw(request, slug, pk):
    """GET asks; POST withdraws."""
    idea = _get_own_idea(request, slug, pk)
    if not request.user.has_perm("ideas.withdraw_idea", idea):
        messages.info(request, _("Diese Idee ist bereits zurückgezogen."))
        return redirect(idea)
    if request.method == "POST":
        actions.withdraw_idea(idea)
        messages.success(request, _("Sie haben Ihre Idee zurückgezogen. Sie bleibt mit den Kommentaren sichtbar."))
        return redirect(idea)
    return render(request, "ideas/idea_withdraw.html", {"idea": idea, "process": idea.process})


# Support ----------------------------------------------------------------


@login_required
@require_POST
def idea_support(request, slug, pk):
    """Support (field support=1) or take the support back (support=0).
    With htmx (header HX-Request) the answer is the support box alone,
    otherwise a redirect to the idea with a message."""
    idea = _get_idea(request, slug, pk)
    htmx = request.headers.get("HX-Request") == "true"
    wanted = request.POST.get("support") != "0"
    error = None
    if not request.user.has_perm("ideas.support_idea", idea):
        error = _("Diese Idee können Sie gerade nicht unterstützen.")
        if idea.author_id == request.user.pk:
            error = _("Ihre eigene Idee können Sie nicht unterstützen.")
        elif not is_verified_participant(request.user):
            error = _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse, dann können Sie Ideen unterstützen.")
        supported = None
    elif not ratelimit.allow_all(f"ideas-support:{request.user.pk}", *SUPPORT_LIMITS):
        error = _(
            "Sie haben gerade sehr oft unterstützt. Bitte warten Sie etwas und versuchen Sie es dann noch einmal."
        )
        supported = None
    elif wanted:
        try:
            actions.support_idea(idea, request.user)
        except actions.SupportRefused:
            # Only reachable for a superuser: has_perm says yes to them.
            error = _("Ihre eigene Idee können Sie nicht unterstützen.")
            supported = None
        else:
            supported = True
    else:
        actions.withdraw_support(idea, request.user)
        supported = False
    if htmx:
        context = _support_context(request, idea, supported)
        context["support_error"] = error
        context["support_changed"] = error is None
        return render(request, "ideas/includes/support_button.html", context)
    if error:
        messages.error(request, error)
    elif supported:
        messages.success(request, _("Danke! Sie unterstützen diese Idee."))
    else:
        messages.success(request, _("Sie unterstützen diese Idee nicht mehr."))
    return redirect(f"{idea.get_absolute_url()}#unterstuetzen")
