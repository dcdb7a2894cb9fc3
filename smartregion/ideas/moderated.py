"""How the moderation sees ideas: registered under the key "idee" (see
moderation/registry.py). approve/hide/restore are the staff actions, which
keep writing the idea's history (ideas/actions.py)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from smartregion.ideas import actions
    from smartregion.ideas.models import Idea
    from smartregion.moderation import registry
    from smartregion.moderation.models import ItemState
    from smartregion.participation.models import Moderation, Process

    def loaded():
        return Idea.objects.select_related("process__municipality", "municipality", "author").defer(
            "municipality__boundary", "process__municipality__boundary"
        )

    def load(pk):
        return loaded().get(pk=pk)

    def state(idea) -> str:
        if idea.moderation == Moderation.HIDDEN:
            return ItemState.HIDDEN
        if idea.moderation == Moderation.PENDING:
            return ItemState.PENDING
        if idea.is_withdrawn:
            return ItemState.REMOVED
        return ItemState.VISIBLE

    registry.register(
        registry.Moderated(
            key="idee",
            model=Idea,
            label=_("Idee"),
            load=load,
            load_many=lambda pks: loaded().in_bulk(pks),
            state=state,
            # An idea for the whole region in a process of one municipality
            # belongs to that municipality's moderators.
            municipality=lambda idea: idea.municipality or idea.process.municipality,
            process=lambda idea: idea.process,
            author=lambda idea: idea.author,
            excerpt=lambda idea: registry.excerpt(idea.title),
            public_url=lambda idea: idea.get_absolute_url(),
            approve=lambda idea, by: actions.approve_idea(idea, by),
            hide=lambda idea, by, reason: actions.hide_idea(idea, reason, by),
            restore=lambda idea, by: actions.restore_idea(idea, by),
            pending=lambda: Idea.objects.filter(moderation=Moderation.PENDING),
            is_public=lambda idea: (
                state(idea) == ItemState.VISIBLE and idea.process.status == Process.Status.PUBLISHED
            ),
        )
    )
