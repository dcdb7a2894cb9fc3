from django.utils.functional import SimpleLazyObject


def _has_verified_email(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def account(request):
    """Whether the visitor's address is verified, asked only when a template
    needs it (the banner asks only for logged-in people)."""
    user = request.user
    return {"user_has_verified_email": SimpleLazyObject(lambda: user.is_authenticated and _has_verified_email(user))}
