"""Demo ideas of the first region, "Smarte Region MYK10": the ideas, jury
criteria, ratings and winners of the finished "Ideenwettbewerb 2021", and
the ideas of the standing "Ideenspeicher" (online and collected on site),
with comments and supports by the demo citizens. Only `manage.py seed_demo`
uses it; the product itself knows no region.

Everything is deterministic: fixed dates, fixed texts, and jury scores from a
random generator seeded with the idea, criterion and juror. An idea is
looked up by process and title; an existing one (with its comments,
supports and ratings) is left as it is, so a second run creates nothing.
"""

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from shapely.geometry import Point, shape

from smartregion.accounts.models import User
from smartregion.comments.models import Comment
from smartregion.ideas.models import Idea, Support
from smartregion.jury.models import JuryCriterion, JuryRating
from smartregion.participation import demo as participation_demo
from smartregion.region.models import FocusArea, Municipality, Topic

BERLIN = ZoneInfo("Europe/Berlin")
S = Idea.Status
C = Idea.Channel

CITIZENS = {"anna": "anna@demo.invalid", "ben": "ben@demo.invalid", "clara": "clara@demo.invalid"}
GUIDE = "lotsin@demo.invalid"
EDITOR = "redaktion@demo.invalid"

# Focus areas by short name.
EQUAL = "gleichwertige-entwicklung"
MOBILITY = "innovative-mobilitaet"
TOWNS = "zukunftsfaehige-kommunen"


@dataclass(frozen=True)
class DemoComment:
    author: str  # key of CITIZENS
    text: str
    days: int = 1  # after the idea
    replies: tuple["DemoComment", ...] = ()


@dataclass(frozen=True)
class DemoIdea:
    title: str
    text: str
    municipality: str  # slug; empty: the whole region
    topics: tuple[str, ...]
    submitted: dt.date
    author: str = ""  # key of CITIZENS; empty for ideas collected on site
    focus_area: str = ""
    point: bool = False
    status: str = S.SUBMITTED
    status_note: str = ""
    status_days: int = 0  # status changed this many days after submission
    jury_statement: str = ""
    channel: str = C.ONLINE
    contributor_name: str = ""
    collected_at: str = ""
    comments: tuple[DemoComment, ...] = ()
    supporters: tuple[str, ...] = ()  # keys of CITIZENS


def _d(text):
    return dt.date.fromisoformat(text)


def _on_site(channel, contributor, place, **fields):
    return DemoIdea(channel=channel, contributor_name=contributor, collected_at=place, **fields)


# --- Ideenwettbewerb 2021 --------------------------------------------------

# The six criteria of the competition (programme facts), with the weight the
# demo jury gave them.
CRITERIA = [
    ("Verbessert den Alltag", "Macht die Idee das tägliche Leben der Menschen spürbar leichter?", 3),
    ("Innovativ", "Ist die Idee neu für die Region oder verbindet sie Bekanntes auf neue Weise?", 2),
    ("In einem Jahr umsetzbar", "Lässt sich die Idee mit überschaubarem Aufwand innerhalb eines Jahres umsetzen?", 2),
    ("Mehrwert für die Region", "Nützt die Idee vielen Menschen in der Region, nicht nur wenigen?", 3),
    ("Übertragbar", "Kann die Idee auch in anderen Orten des Landkreises funktionieren?", 2),
    ("Bereitschaft zur Mitwirkung", "Möchte die einreichende Person an der Umsetzung mitarbeiten?", 1),
]

AB = participation_demo.CATEGORY_TOPICS["Arbeit und Bildung"]
VE = participation_demo.CATEGORY_TOPICS["Versorgen"]
MO = participation_demo.CATEGORY_TOPICS["Mobilität"]
FR = participation_demo.CATEGORY_TOPICS["Freizeit"]

COMPETITION_IDEAS = [
    DemoIdea(
        "Dorfbüro: Arbeitsplätze im alten Schulhaus",
        "Im ehemaligen Schulhaus stehen Räume leer. Mit schnellem Internet, ein paar Schreibtischen und einem "
        "Buchungssystem könnte daraus ein Dorfbüro werden, in dem man tageweise arbeitet statt nach Koblenz zu "
        "pendeln.\n\nAbends könnten dieselben Räume für Kurse der Volkshochschule genutzt werden.",
        "vordereifel",
        AB,
        _d("2021-10-09"),
        author="anna",
        focus_area=EQUAL,
        point=True,
        status=S.WINNER,
        status_days=52,
        jury_statement=(
            "Das Dorfbüro verbindet zwei Bedürfnisse, die die Jury in vielen Einsendungen gesehen hat: kürzere "
            "Wege zur Arbeit und Orte zum Lernen im Dorf. Die Idee nutzt ein vorhandenes Gebäude, ist schnell "
            "umsetzbar und lässt sich in vielen Ortsgemeinden wiederholen."
        ),
        comments=(
            DemoComment(
                "ben",
                "Das würde ich sofort nutzen. Zwei Tage pro Woche im Dorf arbeiten statt im Stau stehen.",
                replies=(DemoComment("anna", "Genau daran habe ich gedacht. Danke für die Rückmeldung!", 2),),
            ),
            DemoComment("clara", "Gibt es im Schulhaus schon einen Glasfaseranschluss?", 3),
        ),
    ),
    DemoIdea(
        "Abholstation für den Dorfladen",
        "Viele Dorfläden schließen um 18 Uhr – zu früh für Berufstätige. Eine gekühlte Abholstation vor dem "
        "Laden, in die man online bestellte Waren am Abend abholen kann, würde den Laden stärken und Fahrten "
        "in den Supermarkt sparen.",
        "maifeld",
        VE,
        _d("2021-10-12"),
        author="ben",
        focus_area=TOWNS,
        point=True,
        status=S.WINNER,
        status_days=49,
        jury_statement=(
            "Die Abholstation hilft den kleinen Läden, die die Versorgung auf dem Land tragen, und sie spart "
            "Wege. Die Jury hat besonders überzeugt, dass die Idee mit einem Laden vor Ort erprobt und dann auf "
            "weitere Orte übertragen werden kann."
        ),
    ),
    DemoIdea(
        "Mitfahrnetz Eifel mit Anzeige an der Mitfahrbank",
        "Mitfahrbänke gibt es schon, aber niemand weiß, ob gerade jemand fährt. Eine kleine Anzeige an der "
        "Bank und eine App, in der Fahrerinnen und Fahrer ihre Strecke melden, würden aus den Bänken ein "
        "echtes Mitfahrnetz machen.",
        "mendig",
        MO,
        _d("2021-10-20"),
        author="clara",
        focus_area=MOBILITY,
        point=True,
        status=S.WINNER,
        status_days=41,
        jury_statement=(
            "Gut von A nach B zu kommen, ist auf dem Land ohne Auto schwer. Das Mitfahrnetz baut auf etwas "
            "Bekanntem auf und macht es verlässlicher. Die Jury sieht darin einen großen Nutzen für ältere und "
            "junge Menschen ohne eigenes Auto."
        ),
        comments=(DemoComment("anna", "Die Anzeige sollte auch ohne App funktionieren, zum Beispiel mit einer SMS."),),
    ),
    DemoIdea(
        "Digitale Sprechstunde im Rathaus",
        "Einmal pro Woche eine Sprechstunde, in der Ehrenamtliche beim Ausfüllen von Online-Anträgen helfen. "
        "Viele scheitern nicht am Antrag, sondern an der Technik.",
        "mayen",
        VE,
        _d("2021-10-08"),
        author="ben",
        focus_area=TOWNS,
        status=S.SHORTLISTED,
        status_days=45,
    ),
    DemoIdea(
        "Lernpatenschaften per Videochat",
        "Studierende der Hochschulen in der Nähe helfen Schülerinnen und Schülern per Videochat bei den "
        "Hausaufgaben. Die Schulen stellen Kontakte her, eine einfache Plattform bucht die Termine.",
        "vallendar",
        AB,
        _d("2021-10-14"),
        author="clara",
        focus_area=EQUAL,
        status=S.SHORTLISTED,
        status_days=39,
    ),
    DemoIdea(
        "Rufbus, der per App und Telefon kommt",
        "In den Abendstunden fährt kaum ein Bus. Ein Rufbus, den man per App oder telefonisch bis eine Stunde "
        "vorher bestellt, würde die Lücke schließen – auch für Menschen ohne Smartphone.",
        "rhein-mosel",
        MO,
        _d("2021-10-16"),
        author="anna",
        focus_area=MOBILITY,
        status=S.SHORTLISTED,
        status_days=37,
        comments=(DemoComment("clara", "Am Wochenende wäre das besonders wichtig, dann fährt bei uns gar nichts."),),
    ),
    DemoIdea(
        "Vereinskalender für alle Ortsgemeinden",
        "Jeder Verein pflegt seine Termine anders. Ein gemeinsamer Kalender, in den Vereine selbst eintragen, "
        "würde zeigen, was in der Region los ist, und Terminüberschneidungen vermeiden.",
        "pellenz",
        FR,
        _d("2021-10-18"),
        author="ben",
        focus_area=TOWNS,
        status=S.SHORTLISTED,
        status_days=35,
    ),
    DemoIdea(
        "Ausbildungsbörse der Betriebe aus dem Landkreis",
        "Kleine Handwerksbetriebe finden kaum Auszubildende. Eine Börse, auf der sie sich mit kurzen Videos "
        "vorstellen und Praktikumsplätze anbieten, würde Jugendlichen zeigen, was es vor der Haustür gibt.",
        "andernach",
        AB,
        _d("2021-10-25"),
        author="anna",
        focus_area=EQUAL,
        status=S.SHORTLISTED,
        status_days=28,
    ),
    DemoIdea(
        "Fahrradboxen am Bahnhof",
        "Wer mit dem Rad zum Bahnhof fährt, möchte es sicher abstellen. Abschließbare Boxen, die man online "
        "bucht, machen den Umstieg auf die Bahn leichter.",
        "weissenthurm",
        MO,
        _d("2021-10-11"),
        author="clara",
        focus_area=MOBILITY,
        point=True,
    ),
    DemoIdea(
        "Wanderwege-App mit Einkehrmöglichkeiten",
        "Eine App zeigt die Wanderwege der Region zusammen mit geöffneten Gaststätten, Hofläden und "
        "Bushaltestellen für den Rückweg.",
        "vordereifel",
        FR,
        _d("2021-10-13"),
        author="ben",
        focus_area=EQUAL,
    ),
    DemoIdea(
        "Nachbarschaftshilfe-Börse",
        "Wer kann für mich einkaufen, wer braucht Hilfe im Garten? Eine einfache Börse für Nachbarschaftshilfe, "
        "die auch über eine Telefonnummer erreichbar ist.",
        "bendorf",
        VE,
        _d("2021-10-15"),
        author="anna",
        focus_area=TOWNS,
    ),
    DemoIdea(
        "Digitales Schwarzes Brett im Ortskern",
        "Ein Bildschirm am Dorfplatz zeigt Abfahrten, Veranstaltungen und Nachrichten der Gemeinde. Inhalte "
        "pflegt die Gemeinde über eine Website.",
        "mendig",
        FR,
        _d("2021-10-19"),
        author="clara",
        focus_area=TOWNS,
    ),
    DemoIdea(
        "Weiterbildung für Seniorinnen und Senioren am Tablet",
        "Kurse in kleinen Gruppen, in denen ältere Menschen den Umgang mit Tablet und Videotelefonie lernen – "
        "im Gemeindehaus und mit Leihgeräten.",
        "maifeld",
        AB,
        _d("2021-10-21"),
        author="ben",
        focus_area=EQUAL,
    ),
    DemoIdea(
        "Lieferdienst der Apotheken auf dem Land",
        "Apotheken aus den Städten liefern gemeinsam in die Dörfer: eine Tour pro Tag, Bestellung per Telefon "
        "oder online.",
        "rhein-mosel",
        VE,
        _d("2021-10-23"),
        author="anna",
        focus_area=EQUAL,
    ),
    DemoIdea(
        "Echtzeit-Anzeige für die Rheinfähren",
        "Ob die Fähre gerade fährt oder wegen Hochwasser ruht, erfährt man oft erst am Ufer. Eine Anzeige im "
        "Netz würde Umwege ersparen.",
        "andernach",
        MO,
        _d("2021-10-27"),
        author="clara",
        focus_area=MOBILITY,
    ),
    DemoIdea(
        "Offene Sporthallen mit Online-Buchung",
        "Sporthallen stehen abends oft leer. Freie Zeiten online anzeigen und buchbar machen, auch für Gruppen "
        "ohne Verein.",
        "weissenthurm",
        FR,
        _d("2021-10-29"),
        author="ben",
        focus_area=TOWNS,
    ),
    DemoIdea(
        "Praktikumstage in der Verwaltung",
        "Schülerinnen und Schüler lernen die Verbandsgemeindeverwaltung kennen und zeigen dort, welche "
        "Online-Dienste sie selbst nutzen würden.",
        "pellenz",
        AB,
        _d("2021-11-01"),
        author="anna",
        focus_area=TOWNS,
    ),
    DemoIdea(
        "Regionale Lebensmittel-Plattform",
        "Hofläden, Winzer und Bäckereien der Region bieten gemeinsam online an; geliefert wird einmal pro Woche "
        "an Abholpunkte in den Orten.",
        "vallendar",
        VE,
        _d("2021-11-03"),
        author="clara",
        focus_area=EQUAL,
    ),
    DemoIdea(
        "Bürgerbus mit ehrenamtlichen Fahrern",
        "Ein Kleinbus, gefahren von Ehrenamtlichen, bringt Menschen zum Arzt und zum Einkaufen. Die Fahrten "
        "werden über eine Telefonzentrale und online geplant.",
        "mayen",
        MO,
        _d("2021-11-05"),
        author="ben",
        focus_area=MOBILITY,
    ),
    DemoIdea(
        "Kulturpass für Jugendliche",
        "Ein digitaler Pass mit Guthaben für Kino, Konzerte und Museen in der Region, damit Jugendliche das "
        "Angebot vor Ort entdecken.",
        "bendorf",
        FR,
        _d("2021-11-06"),
        author="anna",
        focus_area=EQUAL,
        comments=(
            DemoComment("ben", "Gute Idee! Wichtig wäre, dass auch die kleinen Vereinsbühnen mitmachen können."),
        ),
    ),
]

# --- Ideenspeicher ---------------------------------------------------------

STORE_IDEAS = [
    # Andernach
    DemoIdea(
        "Freies WLAN an der Rheinpromenade",
        "An der Promenade sind viele Gäste unterwegs, aber das Mobilfunknetz ist an Festtagen überlastet. Ein "
        "freies WLAN würde helfen und könnte auf die Angebote der Stadt hinweisen.",
        "andernach",
        ("infrastruktur", "freizeit"),
        _d("2021-10-02"),
        author="clara",
        focus_area=TOWNS,
        point=True,
        status=S.IMPLEMENTED,
        status_days=400,
        status_note=("Seit Sommer 2023 gibt es an der Rheinpromenade ein freies WLAN. Vielen Dank für die Anregung!"),
        supporters=("anna", "ben"),
        comments=(DemoComment("ben", "Funktioniert prima, habe es letzte Woche ausprobiert.", 420),),
    ),
    DemoIdea(
        "Leerstände als Pop-up-Läden vermitteln",
        "In der Innenstadt stehen Ladenlokale leer. Eine Übersicht im Netz, in der Eigentümer freie Flächen "
        "für ein paar Wochen an Gründerinnen und Kunstschaffende vermitteln, würde die Innenstadt beleben.",
        "andernach",
        ("wirtschaft",),
        _d("2022-03-14"),
        author="anna",
        focus_area=TOWNS,
        supporters=("ben", "clara"),
    ),
    _on_site(
        C.PAPER,
        "Helga",
        "Projektbüro der Smarten Region, Andernach",
        title="Sitzbänke mit Ladestation für E-Bikes",
        text="Auf dem Weg am Rhein fehlen Bänke, an denen man sein E-Bike laden kann, während man eine Pause macht.",
        municipality="andernach",
        topics=("mobilitaet", "freizeit"),
        submitted=_d("2022-06-08"),
        focus_area=MOBILITY,
        point=True,
        supporters=("clara",),
    ),
    DemoIdea(
        "Online-Terminvergabe für das Bürgerbüro",
        "Statt lange zu warten, möchte ich online einen Termin im Bürgerbüro buchen und eine Erinnerung bekommen.",
        "andernach",
        ("versorgung",),
        _d("2023-01-19"),
        author="ben",
        focus_area=TOWNS,
        status=S.IN_IMPLEMENTATION,
        status_days=60,
        status_note=(
            "Die Stadtverwaltung führt die Online-Terminvergabe schrittweise ein; das Bürgerbüro ist als erstes an "
            "der Reihe."
        ),
        supporters=("anna", "clara"),
        comments=(
            DemoComment(
                "clara",
                "Bitte auch weiterhin Termine am Telefon anbieten, nicht jeder bucht online.",
                5,
                replies=(DemoComment("ben", "Da stimme ich zu, beides sollte gehen.", 6),),
            ),
        ),
    ),
    # Bendorf
    DemoIdea(
        "Sensoren für freie Parkplätze in der Innenstadt",
        "Sensoren melden freie Parkplätze, eine Karte im Netz zeigt sie an. Das spart Suchverkehr und Ärger.",
        "bendorf",
        ("mobilitaet", "infrastruktur"),
        _d("2021-11-20"),
        author="ben",
        focus_area=MOBILITY,
        point=True,
        status=S.IN_REVIEW,
        status_days=30,
        status_note="Wir prüfen mit der Stadt, welche Parkplätze sich für einen ersten Test eignen.",
        supporters=("clara",),
    ),
    DemoIdea(
        "Repair-Café mit Online-Anmeldung",
        "Einmal im Monat reparieren Ehrenamtliche Geräte, Fahrräder und Kleidung. Mit Anmeldung im Netz wüssten "
        "sie vorher, was kommt, und könnten Ersatzteile mitbringen.",
        "bendorf",
        ("umwelt", "gemeinschaft"),
        _d("2022-09-03"),
        author="clara",
        focus_area=TOWNS,
        supporters=("anna", "ben"),
        comments=(DemoComment("anna", "Ich würde gern mithelfen, ich kann nähen.", 2),),
    ),
    DemoIdea(
        "Digitale Stadtführung zur Industriegeschichte",
        "Tafeln mit QR-Code an den alten Hüttenwerken führen zu Bildern, Tönen und Geschichten aus der Zeit, "
        "als Bendorf ein Zentrum der Eisenindustrie war.",
        "bendorf",
        ("freizeit", "bildung"),
        _d("2023-05-22"),
        author="anna",
        focus_area=TOWNS,
        point=True,
    ),
    DemoIdea(
        "Gemeinsame Lastenräder zum Ausleihen",
        "Lastenräder, die man per App für ein paar Stunden ausleiht, für den Großeinkauf oder den Ausflug mit "
        "Kindern.",
        "bendorf",
        ("mobilitaet", "umwelt"),
        _d("2024-04-11"),
        author="ben",
        focus_area=MOBILITY,
        supporters=("anna",),
    ),
    # Mayen
    _on_site(
        C.STAND,
        "",
        "Infostand in der Innenstadt von Mayen",
        title="Toiletten-Finder für die Innenstadt",
        text="Eine Karte zeigt öffentliche Toiletten und Geschäfte, die ihre Toilette zur Verfügung stellen – "
        "wichtig für Familien und ältere Menschen.",
        municipality="mayen",
        topics=("versorgung",),
        submitted=_d("2022-05-14"),
        focus_area=TOWNS,
        point=True,
        status=S.IN_REVIEW,
        status_days=20,
        status_note="Die Stadt klärt, welche Geschäfte mitmachen möchten.",
        supporters=("anna", "ben", "clara"),
    ),
    _on_site(
        C.EVENT,
        "Jürgen",
        "Zukunftsforum in Andernach",
        title="Schulweg-App für Kinder",
        text="Eine App zeigt Eltern sichere Schulwege mit Ampeln und Lotsen. Kinder können Stellen melden, an "
        "denen sie sich unsicher fühlen.",
        municipality="mayen",
        topics=("bildung", "mobilitaet"),
        submitted=_d("2022-09-13"),
        focus_area=MOBILITY,
        supporters=("clara",),
    ),
    DemoIdea(
        "Burgfestspiele: Tickets und Busfahrt in einem",
        "Wer eine Karte für die Festspiele kauft, sollte gleich die Busfahrt dazu buchen können, damit der Abend "
        "ohne Parkplatzsuche gelingt.",
        "mayen",
        ("freizeit", "mobilitaet"),
        _d("2023-07-02"),
        author="ben",
        focus_area=MOBILITY,
        point=True,
        supporters=("anna",),
        comments=(DemoComment("clara", "Und eine späte Rückfahrt nach der Vorstellung, bitte!", 1),),
    ),
    DemoIdea(
        "Marktplatz-Liveticker für den Wochenmarkt",
        "Welche Stände sind heute da? Händler tragen sich morgens kurz ein, und man sieht es auf dem Handy.",
        "mayen",
        ("versorgung", "wirtschaft"),
        _d("2025-03-08"),
        author="clara",
        focus_area=TOWNS,
    ),
    # Maifeld
    DemoIdea(
        "Mitfahrbänke im ganzen Maifeld",
        "In jeder Ortsgemeinde eine Mitfahrbank mit gleichen Schildern, dazu eine Karte im Netz. So weiß man, "
        "wo man warten kann.",
        "maifeld",
        ("mobilitaet",),
        _d("2021-09-28"),
        author="anna",
        focus_area=MOBILITY,
        point=True,
        status=S.IMPLEMENTED,
        status_days=300,
        status_note="Seit 2022 stehen in den Ortsgemeinden des Maifelds Mitfahrbänke mit einheitlichen Schildern.",
        supporters=("ben", "clara"),
        comments=(
            DemoComment(
                "ben",
                "Schön wäre noch ein Hinweis, in welche Richtung man mitfahren möchte.",
                10,
                replies=(DemoComment("anna", "Bei uns gibt es dafür Klappschilder, das klappt gut.", 12),),
            ),
        ),
    ),
    _on_site(
        C.MAIL,
        "Walter",
        "Brief an das Projektbüro",
        title="Glasfaser auch für die Aussiedlerhöfe",
        text="Die Höfe außerhalb der Orte haben noch immer langsames Internet. Beim Ausbau sollten sie nicht "
        "vergessen werden.",
        municipality="maifeld",
        topics=("infrastruktur",),
        submitted=_d("2022-02-21"),
        focus_area=EQUAL,
        status=S.IN_REVIEW,
        status_days=14,
        status_note="Wir haben die Anregung an die Breitbandkoordination des Landkreises weitergegeben.",
        supporters=("ben",),
    ),
    DemoIdea(
        "Hofladen-Karte für das Maifeld",
        "Eine Karte mit allen Hofläden, ihren Öffnungszeiten und dem, was gerade geerntet wird.",
        "maifeld",
        ("versorgung", "wirtschaft"),
        _d("2023-08-30"),
        author="clara",
        focus_area=EQUAL,
        point=True,
        supporters=("anna", "ben"),
    ),
    DemoIdea(
        "Treffpunkt für Jugendliche mit WLAN",
        "Jugendliche haben im Dorf keinen Ort, an dem sie sich treffen können. Ein überdachter Platz mit WLAN "
        "und Steckdosen wäre ein Anfang.",
        "maifeld",
        ("gemeinschaft", "freizeit"),
        _d("2024-10-05"),
        author="ben",
        focus_area=TOWNS,
    ),
    # Mendig
    _on_site(
        C.STAND,
        "Marlene",
        "Infostand in der Ortsmitte von Mendig",
        title="Bessere Beschilderung zum Vulkanpark",
        text="Besucher finden den Weg zu den Lavakellern und zum Museum schlecht. Digitale Wegweiser und eine "
        "Karte im Netz würden helfen.",
        municipality="mendig",
        topics=("freizeit",),
        submitted=_d("2022-05-21"),
        focus_area=TOWNS,
        point=True,
        supporters=("ben",),
    ),
    _on_site(
        C.PAPER,
        "",
        "Fragebogen im Rathaus Mendig",
        title="Hausnotruf mit Nachbarn verbinden",
        text="Wenn der Hausnotruf auslöst, sollen auch Nachbarinnen und Nachbarn benachrichtigt werden, die "
        "zugestimmt haben. Sie sind oft schneller da.",
        municipality="mendig",
        topics=("medizin", "gemeinschaft"),
        submitted=_d("2022-01-17"),
        focus_area=EQUAL,
        supporters=("anna", "clara"),
    ),
    DemoIdea(
        "Bahnhof Mendig: Anzeige für Anschlussbusse",
        "Am Bahnhof sieht man nicht, ob der Bus auf den verspäteten Zug wartet. Eine Anzeige mit den "
        "Anschlüssen in Echtzeit wäre eine große Hilfe.",
        "mendig",
        ("mobilitaet",),
        _d("2022-11-09"),
        author="anna",
        focus_area=MOBILITY,
        point=True,
        status=S.IN_IMPLEMENTATION,
        status_days=120,
        status_note="Der Verkehrsverbund plant eine Anzeige am Bahnhof; wir begleiten das Vorhaben.",
        supporters=("ben", "clara"),
        comments=(DemoComment("clara", "Das betrifft auch den Bahnhof in Andernach.", 3),),
    ),
    DemoIdea(
        "Ehrenamtsbörse für kleine Aufgaben",
        "Viele möchten helfen, aber nicht gleich Vereinsmitglied werden. Eine Börse für kleine, einmalige "
        "Aufgaben wie Kuchen backen oder Stühle tragen.",
        "mendig",
        ("gemeinschaft",),
        _d("2025-06-12"),
        author="clara",
        focus_area=TOWNS,
        supporters=("anna",),
    ),
    # Pellenz
    _on_site(
        C.PHONE,
        "Gisela",
        "Anruf beim Projektbüro",
        title="Einkaufshilfe für ältere Menschen in Saffig",
        text="Seit der Laden zu ist, kommt meine Nachbarin nicht mehr zum Einkaufen. Ein Bring-Dienst, den man "
        "auch telefonisch bestellen kann, wäre eine Erleichterung.",
        municipality="pellenz",
        topics=("versorgung",),
        submitted=_d("2022-03-03"),
        focus_area=EQUAL,
        supporters=("anna", "ben", "clara"),
    ),
    DemoIdea(
        "Radweg-Lücken melden",
        "Eine Karte, auf der man Lücken und Gefahrenstellen im Radwegenetz melden kann, damit die Gemeinden "
        "sie gezielt schließen.",
        "pellenz",
        ("mobilitaet", "infrastruktur"),
        _d("2022-07-25"),
        author="ben",
        focus_area=MOBILITY,
        point=True,
        supporters=("clara",),
        comments=(
            DemoComment(
                "anna",
                "Zwischen Kruft und Plaidt fehlt ein sicheres Stück.",
                2,
                replies=(DemoComment("ben", "Stimmt, dort fahre ich nur auf der Straße.", 3),),
            ),
        ),
    ),
    DemoIdea(
        "Gemeinsamer Veranstaltungskalender der Pellenz",
        "Ein Kalender für alle Orte der Verbandsgemeinde, in den Vereine und Kirchengemeinden selbst eintragen.",
        "pellenz",
        ("freizeit", "gemeinschaft"),
        _d("2023-10-17"),
        author="clara",
        focus_area=TOWNS,
    ),
    DemoIdea(
        "Digitale Schule: Leihgeräte für alle Kinder",
        "Jede Grundschule sollte genug Tablets zum Ausleihen haben, damit kein Kind beim Lernen zu Hause "
        "zurückbleibt.",
        "pellenz",
        ("bildung",),
        _d("2024-02-27"),
        author="anna",
        focus_area=EQUAL,
        status=S.NOT_PURSUED,
        status_days=45,
        status_note=(
            "Die Ausstattung der Schulen ist Aufgabe der Schulträger, die dafür eigene Förderprogramme nutzen. Wir "
            "haben die Idee an sie weitergegeben, verfolgen sie in der Smarten Region aber nicht selbst weiter."
        ),
    ),
    # Rhein-Mosel
    DemoIdea(
        "Pegelwarnung für die Mosel aufs Handy",
        "Eine Nachricht aufs Handy, wenn der Pegel in Kobern-Gondorf einen bestimmten Stand erreicht, damit "
        "man rechtzeitig den Keller räumen kann.",
        "rhein-mosel",
        ("umwelt", "infrastruktur"),
        _d("2021-12-06"),
        author="ben",
        focus_area=EQUAL,
        point=True,
        status=S.IN_REVIEW,
        status_days=40,
        status_note="Wir prüfen, ob sich die Daten des Landesamts für eine solche Warnung nutzen lassen.",
        supporters=("anna", "clara"),
    ),
    DemoIdea(
        "Weinberg-Wanderungen mit Audio-Guide",
        "An den Weinbergen entlang der Mosel erzählt ein Audio-Guide von Steillagen, Rebsorten und der "
        "Geschichte der Orte.",
        "rhein-mosel",
        ("freizeit",),
        _d("2022-08-19"),
        author="clara",
        focus_area=TOWNS,
        point=True,
        supporters=("ben",),
    ),
    DemoIdea(
        "Fahrplan-Übersicht für Bus, Bahn und Fähre",
        "Bus, Bahn und Fähre haben eigene Fahrpläne. Eine Seite, die alles zusammen zeigt, würde die Planung "
        "viel einfacher machen.",
        "rhein-mosel",
        ("mobilitaet",),
        _d("2023-04-04"),
        author="anna",
        focus_area=MOBILITY,
        supporters=("ben", "clara"),
        comments=(DemoComment("ben", "Ja! Und bitte mit den Zeiten am Wochenende.", 1),),
    ),
    DemoIdea(
        "Coworking im Dorfgemeinschaftshaus",
        "Das Dorfgemeinschaftshaus steht tagsüber leer. Ein paar Arbeitsplätze mit gutem Internet würden "
        "Pendelwege sparen.",
        "rhein-mosel",
        ("arbeit",),
        _d("2025-09-15"),
        author="ben",
        focus_area=EQUAL,
    ),
    # Vallendar
    _on_site(
        C.EVENT,
        "Tobias",
        "Kommunaldialog Vallendar: Abendveranstaltung",
        title="Studierende und Ältere zusammenbringen",
        text="Studierende helfen älteren Menschen am Computer, Ältere erzählen aus ihrem Leben oder helfen beim "
        "Deutschlernen. Eine kleine Vermittlungsplattform würde reichen.",
        municipality="vallendar",
        topics=("gemeinschaft", "bildung"),
        submitted=_d("2022-06-01"),
        focus_area=TOWNS,
        supporters=("anna", "clara"),
    ),
    DemoIdea(
        "Aufzug-Status am Bahnhof Vallendar",
        "Wer mit Rollstuhl oder Kinderwagen unterwegs ist, muss wissen, ob der Aufzug funktioniert – bevor "
        "man losfährt.",
        "vallendar",
        ("mobilitaet", "infrastruktur"),
        _d("2023-02-13"),
        author="clara",
        focus_area=MOBILITY,
        point=True,
        supporters=("anna", "ben"),
        comments=(
            DemoComment(
                "anna",
                "Das wünsche ich mir für alle Bahnhöfe im Landkreis.",
                1,
                replies=(DemoComment("clara", "Vallendar könnte der Anfang sein.", 2),),
            ),
        ),
    ),
    DemoIdea(
        "Rheinufer-Putzaktion mit Anmeldung",
        "Einmal im Frühjahr sammeln alle gemeinsam Müll am Rheinufer. Eine Anmeldung im Netz hilft bei der "
        "Planung von Handschuhen und Säcken.",
        "vallendar",
        ("umwelt", "gemeinschaft"),
        _d("2024-03-02"),
        author="ben",
        focus_area=TOWNS,
        point=True,
    ),
    # Vordereifel
    _on_site(
        C.STAND,
        "",
        "Infostand beim Dorffest in Kottenheim",
        title="Arztpraxis per Video in der Eifel",
        text="Bis zum nächsten Arzt sind es oft 20 Kilometer. Eine Videosprechstunde im Gemeindehaus mit "
        "Unterstützung einer Pflegekraft würde viele Fahrten sparen.",
        municipality="vordereifel",
        topics=("medizin",),
        submitted=_d("2022-08-27"),
        focus_area=EQUAL,
        point=True,
        status=S.IN_REVIEW,
        status_days=30,
        status_note="Wir sprechen mit Hausarztpraxen aus der Region über einen Test.",
        supporters=("anna", "ben", "clara"),
        comments=(DemoComment("ben", "Gerade für ältere Menschen ohne Auto wäre das eine große Hilfe.", 4),),
    ),
    _on_site(
        C.PAPER,
        "Erika",
        "Fragebogen im Projektbüro",
        title="Mobilfunklöcher auf der Karte zeigen",
        text="Zwischen den Dörfern bricht das Handynetz ab. Eine Karte, auf der alle Funklöcher melden können, "
        "würde den Druck auf die Netzbetreiber erhöhen.",
        municipality="vordereifel",
        topics=("infrastruktur",),
        submitted=_d("2022-02-10"),
        focus_area=EQUAL,
        supporters=("ben",),
    ),
    DemoIdea(
        "Dorfladen mit Selbstbedienung rund um die Uhr",
        "Ein kleiner Laden, der mit Karte oder App rund um die Uhr öffnet. Tagsüber ist jemand da, abends "
        "kauft man selbst ein.",
        "vordereifel",
        ("versorgung",),
        _d("2023-11-21"),
        author="anna",
        focus_area=EQUAL,
        supporters=("ben", "clara"),
    ),
    DemoIdea(
        "Sternwarte und Nachtwanderungen anbieten",
        "Der Himmel über der Eifel ist besonders dunkel. Geführte Nachtwanderungen mit Online-Anmeldung "
        "könnten Gäste anziehen.",
        "vordereifel",
        ("freizeit",),
        _d("2026-05-30"),
        author="clara",
        focus_area=TOWNS,
    ),
    # Weißenthurm
    DemoIdea(
        "Schnellbuslinie ins Gewerbegebiet",
        "Viele Beschäftigte kommen mit dem Auto ins Gewerbegebiet, weil der Bus zu lange braucht. Eine "
        "Schnelllinie zu den Schichtzeiten würde das ändern.",
        "weissenthurm",
        ("mobilitaet", "arbeit"),
        _d("2022-04-06"),
        author="ben",
        focus_area=MOBILITY,
        point=True,
        supporters=("anna", "clara"),
        comments=(DemoComment("clara", "Auch Mülheim-Kärlich bräuchte so eine Verbindung.", 2),),
    ),
    DemoIdea(
        "Solardach-Kataster für Privathäuser",
        "Eine Karte zeigt, welche Dächer sich für Solaranlagen eignen, mit einer Beispielrechnung.",
        "weissenthurm",
        ("umwelt",),
        _d("2023-06-10"),
        author="anna",
        focus_area=TOWNS,
        supporters=("ben",),
    ),
    DemoIdea(
        "Spielplatz-Karte mit Zustand der Geräte",
        "Eltern melden defekte Geräte auf einer Karte, die Gemeinde sieht es sofort und kann reparieren.",
        "weissenthurm",
        ("freizeit", "gemeinschaft"),
        _d("2026-09-18"),
        author="clara",
        focus_area=TOWNS,
        point=True,
    ),
    # The whole region
    DemoIdea(
        "Ein Konto für alle Online-Dienste im Landkreis",
        "Für jedes Angebot der Verwaltung brauche ich ein eigenes Konto. Ein gemeinsames Konto für alle "
        "Online-Dienste wäre viel einfacher.",
        "",
        ("versorgung", "infrastruktur"),
        _d("2022-10-04"),
        author="clara",
        focus_area=TOWNS,
        supporters=("anna", "ben"),
        comments=(DemoComment("anna", "Und bitte barrierefrei, mit großer Schrift.", 1),),
    ),
    DemoIdea(
        "Regionale Jobbörse für Teilzeit und mobiles Arbeiten",
        "Eine Jobbörse nur für die Region, in der man nach Teilzeit, Homeoffice und Arbeitsplätzen in der Nähe "
        "filtern kann.",
        "",
        ("arbeit", "wirtschaft"),
        _d("2024-08-22"),
        author="ben",
        focus_area=EQUAL,
        supporters=("clara",),
    ),
]


# --- Seeding ---------------------------------------------------------------


def seed(processes=None):
    """Create the demo ideas that are missing (looked up by process and
    title) with their comments, supports and jury ratings, and the jury
    criteria of the competition if it has none. `processes` is what
    participation.demo.seed() returned (it is called when not given); the
    demo accounts must exist. Returns the ideas created."""
    if processes is None:
        processes = participation_demo.seed()
    context = _Context.load()
    competition = processes[participation_demo.COMPETITION]
    store = processes[participation_demo.STORE]
    criteria = _seed_criteria(competition)

    created = _seed_ideas(competition, COMPETITION_IDEAS, context)
    jurors = [context.users[email] for email in participation_demo.JUROR_EMAILS if email in context.users]
    _seed_ratings(created, criteria, jurors)
    created += _seed_ideas(store, STORE_IDEAS, context)
    _count(created)
    return created


@dataclass
class _Context:
    users: dict
    municipalities: dict
    topics: dict
    focus_areas: dict
    idea_type: ContentType
    guide_municipality_ids: set

    @classmethod
    def load(cls):
        emails = [*CITIZENS.values(), GUIDE, EDITOR, *participation_demo.JUROR_EMAILS]
        users = User.objects.in_bulk(emails, field_name="email")
        guide = users.get(GUIDE)
        return cls(
            users=users,
            municipalities=Municipality.objects.in_bulk(field_name="slug"),
            topics=Topic.objects.in_bulk(field_name="slug"),
            focus_areas=FocusArea.objects.in_bulk(field_name="slug"),
            idea_type=ContentType.objects.get_for_model(Idea),
            guide_municipality_ids=set(guide.guide_municipalities.values_list("pk", flat=True)) if guide else set(),
        )

    def citizen(self, key):
        return self.users[CITIZENS[key]] if key else None


def _seed_criteria(process):
    if not process.jury_criteria.exists():
        JuryCriterion.objects.bulk_create(
            JuryCriterion(process=process, sort_order=order, name=name, description=description, weight=weight)
            for order, (name, description, weight) in enumerate(CRITERIA)
        )
    return list(process.jury_criteria.order_by("sort_order", "pk"))


def _at(day, hour=10, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def _seed_ideas(process, demos, context):
    existing = set(process.ideas.filter(title__in=[demo.title for demo in demos]).values_list("title", flat=True))
    created = []
    for number, demo in enumerate(demos):
        if demo.title in existing:
            continue
        idea = _create_idea(process, demo, number, context)
        _add_comments(idea, demo.comments, context)
        Support.objects.bulk_create(
            Support(idea=idea, user=context.citizen(key)) for key in demo.supporters if key != demo.author
        )
        # auto_now_add stamped today: move the supports after the idea.
        Support.objects.filter(idea=idea).update(created_at=_at(demo.submitted + dt.timedelta(days=1), 12))
        created.append(idea)
    return created


def _create_idea(process, demo, number, context):
    municipality = context.municipalities.get(demo.municipality)
    point = _point_in(municipality, number) if demo.point and municipality else None
    on_site = demo.channel != C.ONLINE
    # On-site ideas are entered a few days after they were collected, by the
    # guide when the municipality is hers, otherwise by the editorial team.
    entered = demo.submitted + dt.timedelta(days=3 if on_site else 0)
    if on_site and municipality and municipality.pk in context.guide_municipality_ids:
        captured_by = context.users[GUIDE]
    elif on_site:
        captured_by = context.users.get(EDITOR)
    else:
        captured_by = None
    status_changed_at = _at(demo.submitted + dt.timedelta(days=demo.status_days), 15) if demo.status_days else None
    idea = Idea.objects.create(
        process=process,
        author=context.citizen(demo.author),
        title=demo.title,
        text=demo.text,
        municipality=municipality,
        focus_area=context.focus_areas.get(demo.focus_area),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        status=demo.status,
        status_note=demo.status_note,
        status_changed_at=status_changed_at,
        jury_statement=demo.jury_statement,
        channel=demo.channel,
        contributor_name=demo.contributor_name,
        collected_on=demo.submitted if on_site else None,
        collected_at=demo.collected_at,
        captured_by=captured_by,
    )
    idea.topics.add(*(context.topics[slug] for slug in demo.topics if slug in context.topics))
    created_at = _at(entered, 9 + number % 10, (number * 7) % 60)
    Idea.objects.filter(pk=idea.pk).update(created_at=created_at)
    idea.created_at = created_at
    return idea


def _add_comments(idea, comments, context):
    for comment in comments:
        parent = _create_comment(idea, comment, None, context)
        for reply in comment.replies:
            _create_comment(idea, reply, parent, context)


def _create_comment(idea, demo, parent, context):
    comment = Comment.objects.create(
        content_type=context.idea_type,
        object_id=idea.pk,
        parent=parent,
        author=context.citizen(demo.author),
        text=demo.text,
    )
    created_at = _at(idea.created_at.astimezone(BERLIN).date() + dt.timedelta(days=demo.days), 18, 30)
    Comment.objects.filter(pk=comment.pk).update(created_at=created_at)
    return comment


def _seed_ratings(ideas, criteria, jurors):
    """Every juror rates every idea on every criterion. Scores follow the
    outcome (winners best, then the shortlist) with a deterministic spread,
    so that the jury's ranking puts the three winners on top."""
    base = {S.WINNER: 5, S.SHORTLISTED: 4}
    rows = []
    for idea in ideas:
        for juror in jurors:
            for criterion in criteria:
                draw = random.Random(f"{idea.title}|{criterion.name}|{juror.email}").random()
                score = base.get(idea.status, 3) - (draw < 0.3) + (draw > 0.85 and idea.status != S.WINNER)
                rows.append(
                    JuryRating(
                        idea=idea,
                        criterion=criterion,
                        juror=juror,
                        score=max(1, min(5, score)),
                        note="Überzeugend; Umsetzung mit der Gemeinde klären." if score == 5 and draw > 0.95 else "",
                    )
                )
    JuryRating.objects.bulk_create(rows)


def _count(ideas):
    """Set the denormalised counts of the new ideas from their rows (one
    UPDATE); the demo writes rows directly instead of going through the
    actions."""
    if not ideas:
        return
    supports = Support.objects.filter(idea=OuterRef("pk")).order_by().values("idea").annotate(n=Count("pk"))
    comments = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(Idea),
            object_id=OuterRef("pk"),
            status=Comment.Status.VISIBLE,
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
    )
    Idea.objects.filter(pk__in=[idea.pk for idea in ideas]).update(
        support_count=Coalesce(Subquery(supports.values("n")), 0),
        comment_count=Coalesce(Subquery(comments.values("n")), 0),
    )


# Offsets (degrees of latitude, longitude) from a municipality's anchor, a
# few hundred metres to about a kilometre: the demo's points spread around
# the seat without leaving the municipality.
OFFSETS = [(0.004, 0.006), (-0.005, 0.003), (0.002, -0.008), (-0.003, -0.005), (0.007, -0.002), (-0.006, 0.009)]


def _point_in(municipality, number):
    """A point (lat, lon) inside `municipality`'s boundary near its seat,
    or None without a boundary. When the seat lies outside (Vordereifel's
    seat is the town of Mayen), the anchor is a point inside the boundary.
    An offset that would leave the boundary is halved until it fits."""
    if not municipality.boundary:
        return None
    area = shape(municipality.boundary)
    anchor = Point(municipality.seat_lon, municipality.seat_lat)
    if not area.contains(anchor):
        anchor = area.representative_point()
    d_lat, d_lon = OFFSETS[number % len(OFFSETS)]
    for _ in range(6):
        lat, lon = round(anchor.y + d_lat, 5), round(anchor.x + d_lon, 5)
        if area.contains(Point(lon, lat)):
            return lat, lon
        d_lat, d_lon = d_lat / 2, d_lon / 2
    return anchor.y, anchor.x
