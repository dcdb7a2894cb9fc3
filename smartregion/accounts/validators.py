import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]", "", text.lower())


class RegionWordsValidator:
    """Refuse passwords made of the region's obvious words: its name and
    short name, the names of its municipalities and places, and the words of
    the programme ("smarteregion"). A password that merely contains such a
    word among enough other characters is fine."""

    GENERIC_WORDS = ["smarteregion", "smartregion", "smartcity", "smartcities", "beteiligung", "passwort"]

    def _words(self):
        from smartregion.region.models import Municipality, Place, RegionSettings

        region = RegionSettings.load()
        words = set(self.GENERIC_WORDS)
        words.update(_normalise(value) for value in (region.name, region.short_name, region.territory) if value)
        for name, slug in Municipality.objects.values_list("name", "slug"):
            words.update({_normalise(name), _normalise(slug), _normalise(name.split()[-1])})
        words.update(_normalise(name) for name in Place.objects.values_list("name", flat=True))
        return {word for word in words if len(word) >= 3}

    def validate(self, password, user=None):
        remainder = _normalise(password)
        for word in sorted(self._words(), key=len, reverse=True):
            remainder = remainder.replace(word, "")
        # What is left after taking out the region's words (and digits, the
        # usual "2024" or "123") must itself be a meaningful password.
        if len(re.sub(r"[0-9]", "", remainder)) < 6:
            raise ValidationError(
                _("Dieses Passwort besteht fast nur aus Namen der Region. Bitte wählen Sie ein anderes."),
                code="password_region_words",
            )

    def get_help_text(self):
        return _("Ihr Passwort darf nicht fast nur aus Namen der Region oder der Kommunen bestehen.")
