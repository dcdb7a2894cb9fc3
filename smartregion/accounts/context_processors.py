from django.utils.functional import SimpleLazyObject

from smartregion.accounts.predicates import has_verified_email


def account(request):
    """Whether the visitor's address is verified, asked only when a template
    needs it (the banner asks only for logged-in people)."""
    user = request.user
    return {"user_has_verified_email": SimpleLazyObject(lambda: user.is_authenticated and has_verified_email(user))}
