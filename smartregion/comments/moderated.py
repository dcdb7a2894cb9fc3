"""How the moderation sees comments: registered under the key "kommentar"
(see moderation/registry.py). A comment belongs to the municipality and the
process of the contribution it is written on, as that one's own
registration tells.

approve is restore_comment on a pending comment: with pre-moderation on, it
is how a waiting comment becomes visible (and counted).
"""

from django.utils.translation import gettext_lazy as _

# Where a comment keeps its loaded target for the other functions.
TARGET_ATTRIBUTE = "_moderation_target"


def register() -> None:
    from django.contrib.contenttypes.models import ContentType

    from smartregion.comments import actions
    from smartregion.comments.models import Comment
    from smartregion.moderation import registry

    Status = Comment.Status

    def target(comment):
        """The commented item, loaded through its own registration (with
        what its functions read); None when it is gone."""
        if TARGET_ATTRIBUTE not in comment.__dict__:
            model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
            moderated = registry.for_model(model) if model is not None else None
            loaded = None
            if moderated is not None:
                try:
                    loaded = moderated.load(comment.object_id)
                except moderated.model.DoesNotExist:
                    loaded = None
            comment.__dict__[TARGET_ATTRIBUTE] = loaded
        return comment.__dict__[TARGET_ATTRIBUTE]

    def is_public(comment) -> bool:
        """Visible, on a target everybody may see: a visible comment on a
        hidden or pending idea is not public either."""
        if comment.status != Status.VISIBLE:
            return False
        item = target(comment)
        return item is not None and registry.for_object(item).public(item)

    def of_target(function_name):
        def read(comment):
            item = target(comment)
            if item is None:
                return None
            return getattr(registry.for_object(item), function_name)(item)

        return read

    def load_many(pks):
        """Comments by pk with their targets, loaded in bulk through the
        targets' registrations: a fixed number of queries however many."""
        comments = Comment.objects.select_related("author").in_bulk(pks)
        by_type = {}
        for comment in comments.values():
            by_type.setdefault(comment.content_type_id, set()).add(comment.object_id)
        for content_type_id, target_pks in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            moderated = registry.for_model(model) if model is not None else None
            targets = registry.load_many(moderated, target_pks) if moderated is not None else {}
            for comment in comments.values():
                if comment.content_type_id == content_type_id:
                    comment.__dict__[TARGET_ATTRIBUTE] = targets.get(comment.object_id)
        return comments

    def public_url(comment) -> str:
        item = target(comment)
        base = registry.for_object(item).public_url(item) if item is not None else ""
        return f"{base}#kommentar-{comment.pk}"

    def keep(comment, changed) -> None:
        comment.status, comment.hidden_reason = changed.status, changed.hidden_reason

    def approve(comment, by) -> bool:
        if comment.status != Status.PENDING:
            return False
        keep(comment, actions.restore_comment(comment))
        return True

    def hide(comment, by, reason) -> bool:
        if comment.status not in (Status.VISIBLE, Status.PENDING):
            return False
        keep(comment, actions.hide_comment(comment, reason))
        return True

    def restore(comment, by) -> bool:
        if comment.status != Status.HIDDEN:
            return False
        keep(comment, actions.restore_comment(comment))
        return True

    registry.register(
        registry.Moderated(
            key="kommentar",
            model=Comment,
            label=_("Kommentar"),
            load=lambda pk: Comment.objects.select_related("author").get(pk=pk),
            load_many=load_many,
            # The four states are the comment's own.
            state=lambda comment: comment.status,
            municipality=of_target("municipality"),
            process=of_target("process"),
            author=lambda comment: comment.author,
            excerpt=lambda comment: registry.excerpt(comment.text),
            public_url=public_url,
            approve=approve,
            hide=hide,
            restore=restore,
            pending=lambda: Comment.objects.filter(status=Status.PENDING),
            is_public=is_public,
        )
    )
