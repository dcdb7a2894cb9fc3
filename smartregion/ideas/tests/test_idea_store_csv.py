"""/ideenspeicher/ideen.csv: the filtered list as a spreadsheet, with no
personal data and no cell a spreadsheet would run as a formula."""

import csv
import io

import pytest

from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import FocusAreaFactory, TopicFactory

pytestmark = pytest.mark.django_db

CSV = "/ideenspeicher/ideen.csv"
HEADER = [
    "Nummer",
    "Titel",
    "Beschreibung",
    "Verfahren",
    "Kommune",
    "Zukunftsaufgabe",
    "Handlungsfelder",
    "Status",
    "Rückmeldung zum Status",
    "Weg",
    "Unterstützungen",
    "Kommentare",
    "eingereicht am",
    "Adresse",
]


def download(client, params=None):
    response = client.get(CSV, params or {})
    assert response.status_code == 200
    assert response.streaming
    return response, b"".join(response.streaming_content).decode("utf-8")


def rows(text):
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_it_is_a_semicolon_separated_file_with_a_byte_order_mark(client):
    response, text = download(client)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="ideenspeicher-')
    assert text.startswith("\ufeffNummer;Titel;Beschreibung;")
    assert rows(text) == [HEADER]


def test_it_has_one_row_per_public_idea_with_its_public_fields(client, mayen):
    process = ProcessFactory(title="Ideenwettbewerb 2021", slug="ideenwettbewerb-2021")
    area = FocusAreaFactory(title="Innovative Mobilität")
    idea = IdeaFactory(
        process=process,
        title="Bürgerbus",
        text="Ein Bus, den Ehrenamtliche fahren.\nAuch abends.",
        municipality=mayen,
        focus_area=area,
        topics=[TopicFactory(name="Mobilität", sort_order=1), TopicFactory(name="Ehrenamt", sort_order=0)],
        status=Idea.Status.IN_IMPLEMENTATION,
        status_note="Der Kreis prüft die Finanzierung.",
        support_count=12,
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=4)
    IdeaFactory(title="Ausgeblendet", moderation=Moderation.HIDDEN)
    idea.refresh_from_db()

    _, text = download(client)

    assert rows(text)[1:] == [
        [
            str(idea.pk),
            "Bürgerbus",
            "Ein Bus, den Ehrenamtliche fahren.\nAuch abends.",
            "Ideenwettbewerb 2021",
            "Mayen",
            "Innovative Mobilität",
            "Ehrenamt, Mobilität",
            "in Umsetzung",
            "Der Kreis prüft die Finanzierung.",
            "online",
            "12",
            "4",
            idea.created_at.astimezone().date().isoformat(),
            f"http://testserver/beteiligung/ideenwettbewerb-2021/ideen/{idea.pk}/",
        ]
    ]


def test_it_names_the_whole_region_and_the_on_site_channel(client, guide_mayen):
    IdeaFactory(title="Vom Infostand", author=None, channel=Idea.Channel.STAND, captured_by=guide_mayen)

    row = rows(download(client)[1])[1]

    assert row[HEADER.index("Kommune")] == "ganze Region"
    assert row[HEADER.index("Weg")] == "am Infostand"


def test_it_contains_no_personal_data(client, citizen, guide_mayen):
    IdeaFactory(title="Online-Idee", author=citizen)
    IdeaFactory(
        title="Vom Papier",
        author=None,
        channel=Idea.Channel.PAPER,
        captured_by=guide_mayen,
        contributor_name="Hildegard",
        collected_at="Dorffest Kruft",
    )

    _, text = download(client)

    for private in (
        citizen.email,
        citizen.display_name,
        guide_mayen.email,
        guide_mayen.display_name,
        "Hildegard",
        "Dorffest Kruft",
        "@",
    ):
        assert private not in text


def test_it_defuses_cells_a_spreadsheet_would_run_as_formulas(client):
    IdeaFactory(title='=HYPERLINK("http://böse.example","klick")', text="+49 2651 1234", status_note="")
    IdeaFactory(title="-Minus am Anfang", text="@SUM(A1)")

    data = rows(download(client)[1])[1:]

    cells = {cell for row in data for cell in row[1:3]}
    assert cells == {'\'=HYPERLINK("http://böse.example","klick")', "'+49 2651 1234", "'-Minus am Anfang", "'@SUM(A1)"}


def test_it_follows_the_filters_search_and_order(client, mayen):
    IdeaFactory(title="Dorfladen Mayen", municipality=mayen, support_count=1)
    IdeaFactory(title="Dorfladen beliebt", municipality=mayen, support_count=5)
    IdeaFactory(title="Dorfladen anderswo")
    IdeaFactory(title="Bus in Mayen", municipality=mayen)

    data = rows(download(client, {"municipality": "mayen", "q": "dorfladen", "sort": "unterstuetzung"})[1])[1:]

    assert [row[1] for row in data] == ["Dorfladen beliebt", "Dorfladen Mayen"]


def test_it_is_not_cached(client):
    IdeaFactory()

    response = client.get(CSV)

    assert "X-Page-Cache" not in response
