"""Ideas as a contribution type of a process (participation/contributions.py):
a phase can open submitting ("ideas.submit"), commenting ("ideas.comment")
and supporting ("ideas.support"); the process page lists the process's
public ideas. Registered in IdeasConfig.ready()."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartregion.accounts.predicates import is_verified_participant
from smartregion.participation.contributions import Action, ContributionType, Link, Listed, Shown, register

IDEAS_PER_PAGE = 20


def _may_submit(user, process) -> bool:
    return user.has_perm("ideas.add_idea", process)


def _on_some_idea(predicate):
    """Commenting and supporting are permissions on an idea; the box of the
    process page asks the parts that depend on the person and the process
    (the idea's own conditions, e.g. not withdrawn, are checked on the
    idea)."""
    from smartregion.participation.rules import is_process_published

    return is_verified_participant & is_process_published & predicate


def _to_the_ideas(process) -> Link:
    return Link("#ideen", _("Zu den Ideen"))


def show_ideas(request, process, now) -> Shown:
    """The public ideas of `process`, twenty a page, and how many were
    collected on site. Three queries: the counts, a page of ideas, their
    topics."""
    from smartregion.ideas.models import Idea

    ideas = Idea.objects.public().filter(process=process)
    counts = ideas.aggregate(total=Count("pk"), on_site=Count("pk", filter=~Q(channel=Idea.Channel.ONLINE)))
    paginator = Paginator(ideas.for_listing(), IDEAS_PER_PAGE)
    # The total is known already: spare the paginator its own COUNT.
    paginator.count = counts["total"]
    page = paginator.get_page(request.GET.get("seite"))
    return Shown(
        template="ideas/includes/process_ideas.html",
        facts_template="ideas/includes/process_idea_count.html",
        context={
            "idea_count": counts["total"],
            "on_site_count": counts["on_site"],
            "page_obj": page,
            "ideas": page.object_list,
        },
        order=20,
    )


def _list_annotations() -> dict:
    from smartregion.participation.models import Moderation

    return {"idea_count": Count("ideas", filter=Q(ideas__moderation=Moderation.VISIBLE))}


def search_ideas(text: str):
    """The public ideas whose title or text contain every word of `text`
    (the Ideenspeicher's search)."""
    from smartregion.ideas.filters import search_condition
    from smartregion.ideas.models import Idea

    return Idea.objects.public().filter(search_condition(text))


def register_type() -> ContributionType:
    from smartregion.ideas import rules as idea_rules

    return register(
        ContributionType(
            key="ideas",
            label=_("Ideen"),
            order=10,
            actions=(
                Action(
                    key="submit",
                    label=_("Idee einreichen"),
                    backend_label=_("Ideen einreichen"),
                    may=_may_submit,
                    ends=_("Die Einreichungsphase endet am %(date)s."),
                    begins=_("Die Einreichung beginnt am %(date)s."),
                    ended=_("Die Einreichungsphase ist am %(date)s zu Ende gegangen."),
                    never=_("In diesem Verfahren werden keine Ideen eingereicht."),
                    login=_("Bitte melden Sie sich an, um eine Idee einzureichen."),
                    link=lambda process: Link(
                        reverse("ideas:idea-create", args=[process.slug]), _("Idee einreichen"), button=True
                    ),
                ),
                Action(
                    key="comment",
                    label=_("Kommentieren"),
                    backend_label=_("Kommentieren"),
                    may=_on_some_idea(idea_rules.comments_open),
                    ends=_("Kommentieren ist bis zum %(date)s möglich."),
                    begins=_("Kommentieren ist ab dem %(date)s möglich."),
                    ended=_("Die Kommentarphase ist am %(date)s zu Ende gegangen."),
                    never=_("In diesem Verfahren wird nicht kommentiert."),
                    login=_("Bitte melden Sie sich an, um Ideen zu kommentieren."),
                    link=_to_the_ideas,
                ),
                Action(
                    key="support",
                    label=_("Unterstützen"),
                    backend_label=_("Unterstützen"),
                    may=_on_some_idea(idea_rules.supports_open),
                    ends=_("Unterstützen ist bis zum %(date)s möglich."),
                    begins=_("Unterstützen ist ab dem %(date)s möglich."),
                    ended=_("Die Unterstützungsphase ist am %(date)s zu Ende gegangen."),
                    never=_("In diesem Verfahren werden Ideen nicht unterstützt."),
                    login=_("Bitte melden Sie sich an, um Ideen zu unterstützen."),
                    link=_to_the_ideas,
                ),
            ),
            show=show_ideas,
            # The count of public ideas on the cards of the list of processes.
            listed=Listed(annotations=_list_annotations, template="ideas/includes/process_card_ideas.html"),
            privacy_export=("ideas", "idea_supports", "ideas_captured"),
            comment_target="idee",
            moderation_target="idee",
            search=search_ideas,
        )
    )
