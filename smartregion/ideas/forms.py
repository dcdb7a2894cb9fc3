"""The form citizens submit and edit ideas with, and where an idea is (also
for the ideas staff collect on site)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from smartregion.ideas import images
from smartregion.ideas.models import Idea
from smartregion.region.models import FocusArea, Municipality, Place, Topic

# Narrow enough for a 320 px wide screen (as the event forms).
TEXTAREA_COLS = 28
REGION = ""


def _too_long(limit):
    return _("Bitte fassen Sie sich kürzer (höchstens %(limit)d Zeichen).") % {"limit": limit}


def _centre(lat, lon, boundary) -> list:
    """The seat of a municipality, or a point inside its boundary where
    the seat lies outside it (the Verbandsgemeinde Vordereifel is run from
    Mayen)."""
    if boundary:
        area = shape(boundary)
        if not area.covers(Point(lon, lat)):
            inside = area.representative_point()
            return [inside.y, inside.x]
    return [lat, lon]


class IdeaLocationForm(forms.Form):
    """Where an idea is, chosen as on the public idea form: the
    municipality (or the whole region), optionally one of the places that
    belong to it (choosing only the place is enough: it gives the
    municipality), and optionally a point on the map. The map needs
    JavaScript; without it municipality and place are all there is.

    The public idea form and the staff's on-site capture build on it and
    render it with templates/ideas/includes/idea_location.html (with the
    map script static/js/idea-map.js). A subclass calls `set_up_location`
    in its __init__ with the municipalities on offer.

    cleaned_data["municipality"] is a Municipality or None (the whole
    region); a place of another municipality and a point outside the
    chosen municipality (or the region) are refused.
    """

    municipality = forms.ModelChoiceField(
        label=_("Kommune"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Ganze Region"),
        help_text=_("Für welche Kommune ist die Idee gedacht? „Ganze Region“, wenn sie überall gilt."),
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Kommune aus der Liste.")},
    )
    place = forms.TypedChoiceField(
        label=_("Ort (freiwillig)"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Sie kennen nur Ihren Ort? Wählen Sie ihn, dann ergibt sich die Kommune von selbst."),
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste.")},
    )
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    whole_region = True

    def set_up_location(self, municipalities, *, whole_region=True):
        """Offer the `municipalities` (a queryset), each with its places.
        With `whole_region` the empty choice is "Ganze Region"; without
        it, it is "Bitte wählen" and a municipality (or a place, which
        gives it) is required."""
        municipalities = municipalities.defer("boundary").order_by("name")
        field = self.fields["municipality"]
        field.queryset = municipalities
        self.whole_region = whole_region
        if not whole_region:
            field.empty_label = _("Bitte wählen")
            field.help_text = _("Für welche Kommune ist die Idee gedacht?")
        self.fields["place"].choices = self._place_choices(municipalities)
        self.fields["latitude"].widget.attrs["data-idea-lat"] = ""
        self.fields["longitude"].widget.attrs["data-idea-lon"] = ""

    @staticmethod
    def _place_choices(municipalities):
        """The places of `municipalities`, grouped by municipality."""
        places = Place.objects.filter(municipality__in=municipalities).order_by("municipality__name", "name")
        groups: dict[str, list] = {}
        for pk, name, municipality in places.values_list("pk", "name", "municipality__name"):
            groups.setdefault(municipality, []).append((pk, name))
        return [("", _("keine Angabe")), *groups.items()]

    def map_places(self) -> dict:
        """What the map script needs (idea-map.js): a point inside each
        municipality on offer and the municipality of each place, to centre
        the map on what the person chose ("Punkt in die Kartenmitte
        setzen" then sets a point the form accepts). Two queries."""
        municipalities = self.fields["municipality"].queryset.values_list("pk", "seat_lat", "seat_lon", "boundary")
        centres = {pk: _centre(lat, lon, boundary) for pk, lat, lon, boundary in municipalities}
        places = dict(Place.objects.filter(municipality__in=list(centres)).values_list("pk", "municipality_id"))
        return {"municipalities": centres, "places": places}

    def clean(self):
        data = super().clean()
        self._clean_place(data)
        if not self.whole_region and data.get("municipality") is None and "municipality" not in self.errors:
            self.add_error("municipality", _("Bitte wählen Sie die Kommune."))
        self._clean_point(data)
        return data

    def _clean_place(self, data):
        place_pk = data.get("place")
        if place_pk is None:
            return
        place = Place.objects.filter(pk=place_pk).values_list("municipality_id", flat=True).first()
        municipality = data.get("municipality")
        if place is None:
            self.add_error("place", _("Bitte wählen Sie einen Ort aus der Liste."))
        elif municipality is None and "municipality" not in self.errors:
            data["municipality"] = self.fields["municipality"].queryset.get(pk=place)
        elif municipality is not None and municipality.pk != place:
            self.add_error("place", _("Der Ort gehört nicht zur gewählten Kommune. Bitte prüfen Sie beides."))

    def _clean_point(self, data):
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            # Hidden fields: their errors would point nowhere.
            self.errors.pop("latitude", None)
            self.errors.pop("longitude", None)
            self.add_error(None, _("Der Punkt auf der Karte ist ungültig. Bitte setzen Sie ihn neu."))
            return
        if (latitude is None) != (longitude is None):
            self.add_error(None, _("Der Punkt auf der Karte ist unvollständig. Bitte setzen Sie ihn neu."))
            return
        if latitude is None or "municipality" in self.errors:
            return
        area = self._area(data.get("municipality"))
        if area is not None and not area.covers(Point(longitude, latitude)):
            if data.get("municipality") is None:
                message = _("Der Punkt auf der Karte liegt außerhalb der Region. Bitte setzen Sie ihn neu.")
            else:
                message = _(
                    "Der Punkt auf der Karte liegt nicht in %(name)s. Bitte setzen Sie ihn neu oder wählen "
                    "Sie die passende Kommune."
                ) % {"name": data["municipality"].name}
            self.add_error(None, message)

    def _area(self, municipality):
        """The shape a point must lie in, or None where no boundary is
        known (then any point is accepted)."""
        if municipality is not None:
            boundary = Municipality.objects.filter(pk=municipality.pk).values_list("boundary", flat=True).first()
            return shape(boundary) if boundary else None
        boundaries = [
            shape(boundary)
            for boundary in Municipality.objects.filter(boundary__isnull=False).values_list("boundary", flat=True)
            if boundary
        ]
        return unary_union(boundaries) if boundaries else None


class IdeaForm(IdeaLocationForm):
    """Title, text, where (municipality or the whole region, optionally a
    point), what (focus area, topics) and an optional image with its
    description. `process` limits the municipalities, focus areas and
    topics to the process's own (all of them where it names none).

    `stored_image` tells the form that an image from an earlier step (the
    compare step, or the idea being edited) will be used if no new file
    comes, so that its description is required too.

    cleaned_data["image"] is the re-encoded image (a ContentFile) or None.
    """

    title = forms.CharField(
        label=_("Titel Ihrer Idee"),
        max_length=120,
        help_text=_("Ein kurzer Satz, höchstens 120 Zeichen."),
        error_messages={"required": _("Bitte geben Sie Ihrer Idee einen Titel."), "max_length": _too_long(120)},
    )
    text = forms.CharField(
        label=_("Beschreibung"),
        max_length=4000,
        help_text=_(
            "Was schlagen Sie vor, und wem hilft es? Höchstens 4.000 Zeichen. Absätze und Links bleiben erhalten."
        ),
        widget=forms.Textarea(attrs={"rows": 10, "cols": TEXTAREA_COLS}),
        error_messages={"required": _("Bitte beschreiben Sie Ihre Idee."), "max_length": _too_long(4000)},
    )
    focus_area = forms.ModelChoiceField(
        label=_("Zukunftsaufgabe (freiwillig)"),
        queryset=FocusArea.objects.none(),
        required=False,
        empty_label=_("keine Angabe"),
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Zukunftsaufgabe aus der Liste.")},
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder (freiwillig)"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Bitte wählen Sie nur Handlungsfelder aus der Liste.")},
    )
    image = forms.FileField(
        label=_("Bilddatei"),
        required=False,
        help_text=_("JPEG, PNG oder WebP, höchstens 8 MB. Ortsangaben und andere Daten der Kamera entfernen wir."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"empty": _("Die Datei ist leer. Bitte wählen Sie ein anderes Bild.")},
    )
    image_alt = forms.CharField(
        label=_("Was ist auf dem Bild zu sehen?"),
        max_length=200,
        required=False,
        help_text=_("Pflicht, wenn Sie ein Bild hochladen: für Menschen, die das Bild nicht sehen können."),
        error_messages={"max_length": _too_long(200)},
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["title", "text", "municipality", "place", "focus_area", "topics", "image", "image_alt"]

    def __init__(self, *args, process, stored_image=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.stored_image = stored_image
        # ClearableFileInput would offer a "clear" box; this form has its own.
        self.fields["image"].widget = forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        if process.municipality_id:
            self.set_up_location(Municipality.objects.filter(pk=process.municipality_id), whole_region=False)
            # Its one municipality is the only choice, chosen already.
            self.fields["municipality"].empty_label = None
        else:
            self.set_up_location(Municipality.objects.all())

        # The process's vocabulary, or all of it where the process names none.
        focus_areas = list(process.focus_areas.all()) or list(FocusArea.objects.all())
        self.fields["focus_area"].queryset = FocusArea.objects.filter(pk__in=[f.pk for f in focus_areas])
        topics = list(process.topics.all()) or list(Topic.objects.all())
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])
        # A region without this vocabulary gets no empty question about it.
        if not focus_areas:
            del self.fields["focus_area"]
        if not topics:
            del self.fields["topics"]

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Bitte geben Sie Ihrer Idee einen Titel."))
        return title

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if not text:
            raise forms.ValidationError(_("Bitte beschreiben Sie Ihre Idee."))
        return text

    def clean_image_alt(self):
        return " ".join(self.cleaned_data["image_alt"].split())

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return images.reencode(upload)

    def clean(self):
        data = super().clean()
        if (data.get("image") or self.stored_image) and not data.get("image_alt") and "image_alt" not in self.errors:
            self.add_error("image_alt", _("Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist."))
        return data

    def idea_fields(self) -> dict:
        """The cleaned values as keyword arguments of the actions."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "text": data["text"],
            "municipality": data.get("municipality"),
            "focus_area": data.get("focus_area"),
            "topics": list(data.get("topics") or []),
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "image_alt": data.get("image_alt", ""),
        }


class IdeaEditForm(IdeaForm):
    """The author's changes; an existing image stays unless replaced or
    removed."""

    remove_image = forms.BooleanField(label=_("Bild entfernen"), required=False)

    field_order = ["title", "text", "municipality", "place", "focus_area", "topics", "image", "remove_image"]

    def __init__(self, *args, idea: Idea, **kwargs):
        super().__init__(*args, process=idea.process, stored_image=bool(idea.image), **kwargs)
        self.idea = idea
        if not idea.image:
            del self.fields["remove_image"]
        self.fields["submission_key"].required = False

    def clean(self):
        if self.data.get(self.add_prefix("remove_image")):
            self.stored_image = False
        return super().clean()
