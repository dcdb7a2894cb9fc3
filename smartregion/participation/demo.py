"""Demo processes of the first region, "Smarte Region MYK10": the finished
"Ideenwettbewerb 2021" and the standing "Ideenspeicher". Only
`manage.py seed_demo` uses it; the product itself knows no region.

Dates are the region's real ones (facts of the programme), not relative to
the day of seeding: the competition ran in autumn 2021 and the Ideenspeicher
has been open since the platform went live on 2021-09-23. Texts are written
for the demo.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from smartregion.accounts.models import User
from smartregion.participation.models import Phase, Process
from smartregion.region.models import FocusArea, Topic

BERLIN = ZoneInfo("Europe/Berlin")

COMPETITION = "ideenwettbewerb-2021"
STORE = "ideenspeicher"

# The competition's four categories are not topics of their own: the region
# has ten topics (its working groups), and the categories map onto them, so
# the topic pages list the competition's ideas next to everything else.
CATEGORY_TOPICS = {
    "Arbeit und Bildung": ("arbeit", "bildung"),
    "Versorgen": ("versorgung",),
    "Mobilität": ("mobilitaet",),
    "Freizeit": ("freizeit",),
}

JUROR_EMAILS = ("jury@demo.invalid", "jury2@demo.invalid", "jury3@demo.invalid")


def _at(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@dataclass(frozen=True)
class DemoPhase:
    title: str
    description: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    switches: tuple[str, ...]


@dataclass(frozen=True)
class DemoProcess:
    slug: str
    title: str
    summary: str
    description: str
    phases: tuple[DemoPhase, ...]
    topics: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    jurors: tuple[str, ...] = ()
    results_statement: str = ""


PROCESSES = [
    DemoProcess(
        slug=COMPETITION,
        title="Ideenwettbewerb 2021",
        summary=(
            "Der erste offene Ideenwettbewerb der Smarten Region: Vier Wochen lang konnten alle Ideen einreichen, "
            "wie digitale Lösungen den Alltag im Landkreis leichter machen. Eine Jury hat sie bewertet, drei Ideen "
            "wurden ausgezeichnet."
        ),
        description=(
            "<p>Mit dem Wettbewerb startete im Herbst 2021 das Mitmachlabor der Smarten Region. Gesucht waren "
            "Ideen aus vier Bereichen: <b>Arbeit und Bildung</b>, <b>Versorgen</b>, <b>Mobilität</b> und "
            "<b>Freizeit</b>.</p>"
            "<p>Eine öffentliche Abstimmung gab es nicht. Fachleute haben alle Ideen nach sechs Kriterien "
            "bewertet: Verbessert die Idee den Alltag? Ist sie neu? Lässt sie sich innerhalb eines Jahres umsetzen? "
            "Bringt sie der Region einen Mehrwert, und lässt sie sich auf andere Orte im Landkreis übertragen? "
            "Und möchte die einreichende Person selbst mitarbeiten?</p>"
            "<p>Auf dieser Grundlage hat die Lenkungsgruppe am 30. November 2021 drei Gewinnerideen ausgewählt. "
            "Sie wurden in Lösungswerkstätten weiterentwickelt und bei der Umsetzung begleitet.</p>"
        ),
        phases=(
            DemoPhase(
                "Einreichung",
                "Ideen einreichen und die Ideen anderer kommentieren.",
                _at(2021, 10, 7),
                _at(2021, 11, 8),
                ("ideas.submit", "ideas.comment"),
            ),
            DemoPhase(
                "Bewertung durch die Jury",
                "Die Jury bewertet alle eingereichten Ideen nach sechs Kriterien.",
                _at(2021, 11, 8),
                _at(2021, 11, 30, 12),
                ("jury.rate",),
            ),
            # The results stay public after this phase ends
            # (Process.has_begun); with an end the competition counts
            # as finished in the list of processes.
            DemoPhase(
                "Ergebnisse",
                "Die Lenkungsgruppe hat drei Gewinnerideen ausgewählt. Sie werden in Lösungswerkstätten "
                "weiterentwickelt.",
                _at(2021, 11, 30, 12),
                _at(2022, 1, 31),
                ("jury.results",),
            ),
        ),
        topics=tuple(slug for slugs in CATEGORY_TOPICS.values() for slug in slugs),
        focus_areas=("gleichwertige-entwicklung", "innovative-mobilitaet", "zukunftsfaehige-kommunen"),
        jurors=JUROR_EMAILS,
        results_statement=(
            "Ideen aus allen Teilen des Landkreises sind eingegangen – vielen Dank an alle, die "
            "mitgemacht haben! Die Jury hat jede Idee nach den sechs Kriterien bewertet; die Lenkungsgruppe hat "
            "daraus drei Gewinnerideen ausgewählt. Sie zeigen, wie vielfältig die Region ist: ein Angebot für "
            "Arbeit und Lernen im Dorf, ein besserer Weg zum Einkaufen und ein Mitfahrnetz für die Eifel. Die "
            "Ideen, die nicht ausgezeichnet wurden, bleiben im Ideenspeicher und fließen in die Digitale Agenda "
            "ein."
        ),
    ),
    DemoProcess(
        slug=STORE,
        title="Ideenspeicher",
        summary=(
            "Ihre Idee für die Region – jederzeit: Der Ideenspeicher sammelt Vorschläge aus allen Kommunen, online "
            "und vor Ort. Unterstützen und kommentieren Sie die Ideen anderer."
        ),
        description=(
            "<p>Der Ideenspeicher ist seit dem Start der Plattform im September 2021 geöffnet und hat kein Ende. "
            "Hier landen alle Ideen, die nicht zu einem bestimmten Verfahren gehören – und die Ideen, die die "
            "Regionallotsinnen an Infoständen, bei Veranstaltungen, auf Papier oder am Telefon sammeln.</p>"
            "<p>Das Team der Smarten Region sieht sich jede Idee an. Wie es mit einer Idee weitergeht, lesen Sie "
            "an ihrem Status und der Rückmeldung dazu. Ideen mit viel Unterstützung nehmen wir in die jährliche "
            "Fortschreibung der Digitalen Agenda mit.</p>"
        ),
        phases=(
            DemoPhase(
                "Ideen sammeln",
                "Ideen einreichen, unterstützen und kommentieren – ohne Frist.",
                _at(2021, 9, 23),
                None,
                ("ideas.submit", "ideas.comment", "ideas.support"),
            ),
        ),
        focus_areas=("gleichwertige-entwicklung", "innovative-mobilitaet", "zukunftsfaehige-kommunen"),
    ),
]


def seed():
    """Create the demo processes that are missing, looked up by slug, with
    their phases, topics and focus areas. An existing process is left as
    staff made it; only the demo jurors are assigned again if they were
    removed. Returns the processes by slug."""
    topics = Topic.objects.in_bulk(field_name="slug")
    focus_areas = FocusArea.objects.in_bulk(field_name="slug")
    jurors = User.objects.in_bulk([email for demo in PROCESSES for email in demo.jurors], field_name="email")
    processes = {}
    for demo in PROCESSES:
        process, created = Process.objects.get_or_create(
            slug=demo.slug,
            defaults={
                "title": demo.title,
                "summary": demo.summary,
                "description": demo.description,
                "status": Process.Status.PUBLISHED,
                "moderation": Process.ModerationMode.POST,
                "results_statement": demo.results_statement,
            },
        )
        if created:
            Phase.objects.bulk_create(
                Phase(
                    process=process,
                    sort_order=order,
                    title=phase.title,
                    description=phase.description,
                    starts_at=phase.starts_at,
                    ends_at=phase.ends_at,
                    opens=list(phase.switches),
                )
                for order, phase in enumerate(demo.phases)
            )
            # Through the tables: ParentalManyToManyField.set() would wait
            # for another save() of the process.
            Process.topics.through.objects.bulk_create(
                Process.topics.through(process=process, topic=topics[slug]) for slug in demo.topics if slug in topics
            )
            Process.focus_areas.through.objects.bulk_create(
                Process.focus_areas.through(process=process, focusarea=focus_areas[slug])
                for slug in demo.focus_areas
                if slug in focus_areas
            )
        for email in demo.jurors:
            if email in jurors:
                Process.jurors.through.objects.get_or_create(process=process, user=jurors[email])
        processes[demo.slug] = process
    return processes
