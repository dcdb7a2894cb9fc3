"""The shared vocabulary of the region: its municipalities, focus areas and
topics. Every other app points at these; this app imports no other app."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable
from wagtail.search import index


@register_setting(icon="site")
class RegionSettings(BaseGenericSetting):
    """Facts about the region as a whole, shown in the header and on home."""

    name = models.CharField(_("Name des Programms"), max_length=120, default="Smarte Region")
    short_name = models.CharField(_("Kurzname"), max_length=40, blank=True)
    territory = models.CharField(_("Gebiet"), max_length=120, blank=True, help_text=_("Zum Beispiel der Landkreis."))
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    population_date = models.DateField(_("Stand der Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.DecimalField(_("Fläche in km²"), max_digits=9, decimal_places=2, null=True, blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    map_center_lat = models.FloatField(_("Kartenmitte Breite"), default=51.0)
    map_center_lon = models.FloatField(_("Kartenmitte Länge"), default=10.0)
    map_zoom = models.PositiveSmallIntegerField(_("Kartenzoom"), default=10)
    boundary_attribution = models.CharField(
        _("Quellenangabe der Gemeindegrenzen"),
        max_length=200,
        blank=True,
        help_text=_("Erscheint auf der Karte, wenn Gemeindegrenzen eingelesen sind."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("territory"),
        MultiFieldPanel(
            [FieldPanel("population"), FieldPanel("population_date"), FieldPanel("area_km2")], heading=_("Zahlen")
        ),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("map_center_lat"),
                FieldPanel("map_center_lon"),
                FieldPanel("map_zoom"),
                FieldPanel("boundary_attribution"),
            ],
            heading=_("Karte"),
        ),
    ]

    class Meta:
        verbose_name = _("Region")


class FocusArea(index.Indexed, models.Model):
    """One of the central tasks for the future ("Zukunftsaufgaben")."""

    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(_("Kurzname in der Adresse"), unique=True)
    summary = models.TextField(_("Kurzbeschreibung"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("title"), index.SearchField("summary")]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("Zukunftsaufgabe")
        verbose_name_plural = _("Zukunftsaufgaben")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("region:focus-area-detail", args=[self.slug])


class Topic(index.Indexed, models.Model):
    """A field of action ("Handlungsfeld")."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(_("Kurzname in der Adresse"), unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region:topic-detail", args=[self.slug])


class Municipality(index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        LARGE_TOWN = "grosse_kreisangehoerige_stadt", _("große kreisangehörige Stadt")
        FREE_TOWN = "verbandsfreie_stadt", _("verbandsfreie Stadt")
        FREE_MUNICIPALITY = "verbandsfreie_gemeinde", _("verbandsfreie Gemeinde")
        ASSOCIATION = "verbandsgemeinde", _("Verbandsgemeinde")
        TOWN = "stadt", _("Stadt")
        MUNICIPALITY = "gemeinde", _("Gemeinde")

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname in der Adresse"), unique=True)
    kind = models.CharField(_("Art"), max_length=40, choices=Kind.choices)
    key = models.CharField(
        _("Gemeindeschlüssel"),
        max_length=12,
        unique=True,
        help_text=_("Amtlicher Gemeinde- oder Regionalschlüssel; verbindet die Gemeindegrenze."),
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"))
    population_date = models.DateField(_("Stand der Einwohnerzahl"))
    area_km2 = models.DecimalField(_("Fläche in km²"), max_digits=8, decimal_places=2)
    seat_name = models.CharField(_("Verwaltungssitz"), max_length=120)
    seat_note = models.CharField(_("Hinweis zum Sitz"), max_length=120, blank=True)
    seat_lat = models.FloatField(_("Sitz Breite"))
    seat_lon = models.FloatField(_("Sitz Länge"))
    regional_guide = models.CharField(
        _("Zuständige Regionallotsin oder zuständiger Regionallotse"),
        max_length=120,
        blank=True,
        help_text=_("Rollenbezeichnung, zum Beispiel „Regionallotsin Ost“."),
    )
    boundary = models.JSONField(
        _("Gemeindegrenze (GeoJSON)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wird mit „manage.py import_boundaries“ eingelesen."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("key"),
        MultiFieldPanel([FieldPanel("population"), FieldPanel("population_date")], heading=_("Einwohner")),
        FieldPanel("area_km2"),
        MultiFieldPanel(
            [FieldPanel("seat_name"), FieldPanel("seat_note"), FieldPanel("seat_lat"), FieldPanel("seat_lon")],
            heading=_("Verwaltungssitz"),
        ),
        FieldPanel("regional_guide"),
        InlinePanel("places", label=_("Ortsgemeinden")),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("seat_name"),
        index.AutocompleteField("name"),
        index.RelatedFields("places", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region:municipality-detail", args=[self.slug])

    @property
    def population_density(self):
        return round(self.population / float(self.area_km2)) if self.area_km2 else None


class Place(Orderable):
    """A member Ortsgemeinde or district of a municipality."""

    municipality = ParentalKey(Municipality, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("Name"), max_length=120)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ortsgemeinde")
        verbose_name_plural = _("Ortsgemeinden")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="unique_place_per_municipality")]

    def __str__(self):
        return self.name
