from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Accounts log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, email):
        # Addresses are stored lower-case; people type them as they like.
        return self.get(email__iexact=email)

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Öffentlicher Name"),
        max_length=60,
        blank=True,
        help_text=_("Wird bei Beiträgen angezeigt. Ein Pseudonym ist willkommen."),
    )

    home_municipality = models.ForeignKey(
        "region.Municipality",
        verbose_name=_("Heimatkommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Freiwillig. Wird nur für anonyme Statistiken verwendet."),
    )
    guide_municipalities = models.ManyToManyField(
        "region.Municipality",
        verbose_name=_("Betreute Kommunen"),
        blank=True,
        related_name="guides",
        help_text=_("Für Regionallotsinnen und -lotsen: die Kommunen, für die sie Beiträge erfassen."),
    )
    moderated_municipalities = models.ManyToManyField(
        "region.Municipality",
        verbose_name=_("Moderierte Kommunen"),
        blank=True,
        related_name="moderators",
        help_text=_("Für die Moderation: die Kommunen, deren Beiträge sie zuerst prüft. Leer: der ganze Landkreis."),
    )
    blocked_reason = models.CharField(
        _("Grund der Sperre"),
        max_length=300,
        blank=True,
        help_text=_("Wird der gesperrten Person beim Anmelden gezeigt."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to other people; never the e-mail address."""
        return self.display_name or self.get_full_name() or gettext("Teilnehmende Person")


class Consent(models.Model):
    """A person's acceptance of one version of a legal text."""

    class Document(models.TextChoices):
        TERMS = "terms", _("Teilnahmebedingungen")
        PRIVACY = "privacy", _("Datenschutzhinweise")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    document = models.CharField(_("Text"), max_length=20, choices=Document.choices)
    version = models.CharField(_("Fassung"), max_length=40)
    accepted_at = models.DateTimeField(_("Zugestimmt am"), auto_now_add=True)

    class Meta:
        ordering = ["accepted_at"]
        verbose_name = _("Zustimmung")
        verbose_name_plural = _("Zustimmungen")

    def __str__(self):
        return f"{self.get_document_display()} {self.version}"


class DeletedAccount(models.Model):
    """Tombstone of a deleted account: the id alone, so that a restore from
    a backup can delete the account's personal data again."""

    user_id = models.BigIntegerField(_("Konto-ID"), unique=True)
    deleted_at = models.DateTimeField(_("Gelöscht am"), auto_now_add=True)

    class Meta:
        ordering = ["deleted_at"]
        verbose_name = _("Gelöschtes Konto")
        verbose_name_plural = _("Gelöschte Konten")

    def __str__(self):
        return str(self.user_id)


class AccountAction(models.Model):
    """Audit log of what staff did to an account."""

    class Kind(models.TextChoices):
        BLOCKED = "blocked", _("gesperrt")
        UNBLOCKED = "unblocked", _("entsperrt")
        GROUPS_CHANGED = "groups_changed", _("Rollen geändert")
        MUNICIPALITIES_CHANGED = "municipalities_changed", _("Kommunen geändert")
        MODERATED_MUNICIPALITIES_CHANGED = "moderation_scope_changed", _("moderierte Kommunen geändert")

    actor = models.ForeignKey(User, verbose_name=_("durch"), null=True, on_delete=models.SET_NULL, related_name="+")
    target = models.ForeignKey(
        User, verbose_name=_("Konto"), null=True, on_delete=models.SET_NULL, related_name="account_actions"
    )
    kind = models.CharField(_("Aktion"), max_length=30, choices=Kind.choices)
    details = models.TextField(_("Einzelheiten"), blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Aktion an einem Konto")
        verbose_name_plural = _("Aktionen an Konten")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
