"""Demo events of the first region, "Smarte Region MYK10". Only
`manage.py seed_demo` uses it; the product itself knows no region.

Dates are relative to the day of seeding, so that a fresh demo always has
upcoming events and an archive. Texts are written for the demo from the
region's public facts; where a fact is unknown (a hall, a room), the text
has a placeholder in square brackets instead of an invented name.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from smartregion.events.models import Event, EventRegistration
from smartregion.region.models import Municipality, Topic

K = Event.Kind
R = Event.Registration
Channel = EventRegistration.Channel

OFFICE_ADDRESS = "Bahnhofstraße 22\n56626 Andernach"


@dataclass(frozen=True)
class DemoEvent:
    title: str
    kind: str
    summary: str
    days: int  # from today; negative: in the past
    start: tuple[int, int]
    end: tuple[int, int]
    municipality: str = ""  # slug; empty: the whole region
    venue: str = ""
    address: str = ""
    online_url: str = ""
    registration: str = R.OPEN
    capacity: int | None = None
    deadline_days_before: int | None = None
    question: str = ""
    description: str = ""
    topics: tuple[str, ...] = ()
    accessibility_note: str = ""
    documentation: tuple[str, ...] = ()  # rich text paragraphs, after the event
    # (confirmed, waitlisted) demo guests, created with the event
    registrations: tuple[int, int] = (0, 0)


def _street_stand(slug, name, place, days, topics):
    return DemoEvent(
        title=f"Kommunaldialog {name}: Infostand",
        kind=K.KOMMUNALDIALOG,
        summary=(
            f"Das Team der Smarten Region steht tagsüber in {place}. Kommen Sie vorbei, erzählen Sie, was "
            "Ihnen im Alltag fehlt, und schreiben Sie Ihre Idee direkt auf eine Karte."
        ),
        days=days,
        start=(10, 0),
        end=(13, 0),
        municipality=slug,
        venue=f"Infostand in der Ortsmitte von {place}",
        address=f"[Standort des Infostands]\n{place}",
        registration=R.NONE,
        topics=topics,
    )


def _evening(slug, name, place, days, topics, registrations=(0, 0)):
    return DemoEvent(
        title=f"Kommunaldialog {name}: Abendveranstaltung",
        kind=K.KOMMUNALDIALOG,
        summary=(
            f"Am Abend geht es in {place} in die Tiefe: Was bedeutet die Digitalstrategie für Ihren Ort, welche "
            "Projekte laufen schon und was sollte als Nächstes kommen? Mit Anmeldung, die Plätze sind begrenzt."
        ),
        days=days,
        start=(18, 30),
        end=(21, 0),
        municipality=slug,
        venue=f"[Bürgerhaus] {place}",
        address=f"[Straße und Hausnummer]\n{place}",
        capacity=40,
        deadline_days_before=2,
        question="Welches Thema sollen wir an diesem Abend unbedingt besprechen?",
        description=(
            "<p>Der Abend beginnt mit einem kurzen Überblick über die Smarte Region. Danach sprechen wir in kleinen "
            "Runden über Ihre Kommune: Was läuft gut, wo hakt es, was wünschen Sie sich?</p>"
            "<p>Ihre Beiträge fließen in die Digitale Agenda ein, die jedes Jahr fortgeschrieben wird.</p>"
        ),
        topics=topics,
        registrations=registrations,
    )


EVENTS = [
    DemoEvent(
        title="Zukunftsforum der Smarten Region",
        kind=K.ZUKUNFTSFORUM,
        summary=(
            "Einmal im Jahr zieht das Zukunftsforum Bilanz: Was hat die Smarte Region erreicht, was hat nicht "
            "geklappt, und welche Aufgaben nehmen wir uns für das nächste Projektjahr vor?"
        ),
        days=60,
        start=(17, 0),
        end=(21, 0),
        venue="[Veranstaltungshalle] Andernach",
        address="[Straße und Hausnummer]\n56626 Andernach",
        capacity=200,
        deadline_days_before=7,
        question="Über welches Projekt der Digitalen Agenda möchten Sie am meisten erfahren?",
        description=(
            "<p>Das Forum stellt vor, was aus den Ideen und Dialogen des Jahres geworden ist, und lädt zur "
            "Diskussion ein. An Thementischen zu den drei Zukunftsaufgaben können Sie mit dem Projektteam, den "
            "Regionallotsinnen und Partnern aus der Region sprechen.</p>"
            "<p>Am Ende des Abends steht fest, welche Aufgaben das nächste Projektjahr prägen.</p>"
        ),
        topics=("mobilitaet", "versorgung", "gemeinschaft"),
    ),
    _street_stand("mendig", "Mendig", "Mendig", 14, ("versorgung",)),
    _evening("mendig", "Mendig", "Mendig", 14, ("versorgung", "mobilitaet"), registrations=(40, 3)),
    _street_stand("vallendar", "Vallendar", "Vallendar", 21, ("gemeinschaft",)),
    _evening("vallendar", "Vallendar", "Vallendar", 21, ("gemeinschaft", "freizeit"), registrations=(36, 0)),
    _street_stand("pellenz", "Pellenz", "Plaidt", 28, ("arbeit",)),
    _evening("pellenz", "Pellenz", "Plaidt", 28, ("arbeit", "wirtschaft"), registrations=(12, 0)),
    _street_stand("maifeld", "Maifeld", "Polch", 35, ("mobilitaet",)),
    _evening("maifeld", "Maifeld", "Polch", 35, ("mobilitaet", "medizin"), registrations=(5, 0)),
    DemoEvent(
        title="Digital-Nachmittag im Projektbüro: Smartphone und Online-Dienste",
        kind=K.FORTBILDUNG,
        summary=(
            "Ein Nachmittag zum Ausprobieren: Wie richte ich Apps ein, wie erledige ich Behördengänge online, "
            "wie schütze ich meine Daten? In kleiner Runde, mit Zeit für Ihre Fragen."
        ),
        days=10,
        start=(14, 0),
        end=(17, 0),
        municipality="andernach",
        venue="Projektbüro der Smarten Region",
        address=OFFICE_ADDRESS,
        capacity=12,
        deadline_days_before=1,
        question="Welches Gerät bringen Sie mit (Smartphone, Tablet, Laptop)?",
        description=(
            "<p>Bringen Sie Ihr eigenes Gerät mit. Wer keines hat, kann eines des Projektbüros benutzen. "
            "Vorkenntnisse brauchen Sie nicht.</p>"
        ),
        topics=("bildung",),
        accessibility_note="Brauchen Sie Unterstützung? Sagen Sie es uns bei der Anmeldung, dann planen wir sie ein.",
    ),
    DemoEvent(
        title="Gesprächsreihe „Digital vor Ort“: Unterwegs ohne eigenes Auto",
        kind=K.GESPRAECHSREIHE,
        summary=(
            "Ein Abend im Netz: Fachleute und Menschen aus der Region sprechen darüber, wie man auf dem Land "
            "ohne eigenes Auto gut von A nach B kommt. Sie können Fragen im Chat stellen."
        ),
        days=20,
        start=(19, 0),
        end=(20, 30),
        online_url="https://konferenz.example.org/myk10-digital-vor-ort",
        topics=("mobilitaet",),
    ),
    DemoEvent(
        title="Sitzung des Expertenbeirats",
        kind=K.EXPERTENBEIRAT,
        summary=(
            "Der Expertenbeirat berät die Smarte Region zweimal im Jahr. In dieser Sitzung geht es um den "
            "Stand der Digitalen Agenda und um die Übertragbarkeit der Projekte auf andere Orte im Landkreis."
        ),
        days=45,
        start=(10, 0),
        end=(15, 0),
        venue="[Sitzungsraum der Kreisverwaltung]",
        address="[Anschrift der Kreisverwaltung Mayen-Koblenz]",
        registration=R.INVITATION,
        description="<p>Die Sitzung ist nicht öffentlich. Die Ergebnisse veröffentlichen wir danach hier.</p>",
    ),
    DemoEvent(
        title="Zukunftswerkstatt Mobilität",
        kind=K.WERKSTATT,
        summary=(
            "In der Werkstatt entwickelten Bürgerinnen, Bürger und Fachleute Ideen, wie Bus, Rad und "
            "Mitfahren im ländlichen Raum besser zusammenpassen."
        ),
        days=-40,
        start=(17, 0),
        end=(20, 0),
        municipality="pellenz",
        venue="[Gemeindesaal] Plaidt",
        address="[Straße und Hausnummer]\n56637 Plaidt",
        capacity=30,
        topics=("mobilitaet",),
        documentation=(
            "<h2>Was wir gemacht haben</h2><p>Nach einem kurzen Impuls arbeiteten drei Gruppen an Wegen, die im "
            "Alltag schwierig sind: zum Arzt, zur Arbeit und zum Einkaufen.</p>",
            "<h2>Was dabei herauskam</h2><ul><li>Mitfahrbänke in den Ortsgemeinden sichtbarer machen</li>"
            "<li>Fahrpläne von Bus und Bahn an einer Stelle zeigen</li>"
            "<li>Sichere Abstellplätze für Fahrräder an Haltestellen</li></ul>"
            "<p>Die Ideen stehen jetzt im Ideenspeicher und werden in der nächsten Runde der Digitalen Agenda "
            "geprüft.</p>",
        ),
    ),
    DemoEvent(
        title="Arbeitsgruppe Versorgung: Auftakttreffen",
        kind=K.ARBEITSGRUPPE,
        summary=(
            "Die Arbeitsgruppe Versorgung hat sich zum ersten Mal getroffen: Wie bleiben Einkaufen, "
            "Dienstleistungen und Verwaltung in kleinen Orten erreichbar?"
        ),
        days=-75,
        start=(16, 0),
        end=(18, 0),
        municipality="andernach",
        venue="Projektbüro der Smarten Region",
        address=OFFICE_ADDRESS,
        registration=R.NONE,
        topics=("versorgung",),
        documentation=(
            "<p>Zwölf Mitglieder aus Verwaltung, Handel und Vereinen kamen zum Auftakt. Sie sammelten, wo "
            "Versorgung heute fehlt, und verabredeten, bis zum nächsten Treffen Beispiele aus anderen Regionen "
            "zusammenzutragen.</p>",
            "<p>Das nächste Treffen kündigen wir hier an. Wer mitarbeiten möchte, meldet sich beim Projektbüro.</p>",
        ),
    ),
]


def _at(day, hour_minute):
    return dt.datetime.combine(day, dt.time(*hour_minute), tzinfo=timezone.get_current_timezone())


def seed(today=None):
    """Create the demo events that are missing, looked up by title; an
    existing event (and its registrations) is left as staff made it, so a
    second run creates nothing. A new event gets its demo registrations.
    Municipalities and topics come from smartregion.region.demo and are
    linked by slug; missing ones are skipped."""
    today = today or timezone.localdate()
    existing = set(Event.objects.filter(title__in=[e.title for e in EVENTS]).values_list("title", flat=True))
    municipalities = {m.slug: m for m in Municipality.objects.only("slug", "name")}
    topics = {t.slug: t for t in Topic.objects.all()}
    created = []
    for demo in EVENTS:
        if demo.title in existing:
            continue
        created.append(_create(demo, today, municipalities, topics))
    return created


def _create(demo, today, municipalities, topics):
    day = today + dt.timedelta(days=demo.days)
    starts_at = _at(day, demo.start)
    deadline = None
    if demo.deadline_days_before is not None:
        deadline = _at(day - dt.timedelta(days=demo.deadline_days_before), (23, 59))
    event = Event.objects.create(
        title=demo.title,
        kind=demo.kind,
        status=Event.Status.PUBLISHED,
        summary=demo.summary,
        description=demo.description,
        starts_at=starts_at,
        ends_at=_at(day, demo.end),
        municipality=municipalities.get(demo.municipality),
        venue=demo.venue,
        address=demo.address,
        online_url=demo.online_url,
        registration=demo.registration,
        capacity=demo.capacity,
        registration_deadline=deadline,
        question=demo.question,
        accessibility_note=demo.accessibility_note,
        documentation=[("text", paragraph) for paragraph in demo.documentation],
    )
    event.topics.set([topics[slug] for slug in demo.topics if slug in topics])
    _add_registrations(event, *demo.registrations)
    return event


def _add_registrations(event, confirmed, waitlisted):
    """Demo guests (addresses under .invalid, which never receive mail),
    in the state they would reach through the website: confirmed first,
    then the waitlist in order."""
    if not confirmed and not waitlisted:
        return
    now = timezone.now()
    channels = [Channel.ONLINE, Channel.ONLINE, Channel.ONLINE, Channel.PHONE]
    rows = []
    for number in range(1, confirmed + waitlisted + 1):
        is_confirmed = number <= confirmed
        rows.append(
            EventRegistration(
                event=event,
                name=f"Demo-Gast {number}",
                email=f"gast{number:02d}.{event.pk}@demo.invalid",
                status=EventRegistration.Status.CONFIRMED if is_confirmed else EventRegistration.Status.WAITLISTED,
                channel=channels[number % len(channels)],
                created_at=now - dt.timedelta(days=10, minutes=-number),
                confirmed_at=now - dt.timedelta(days=10, minutes=-number),
                accessibility_needs="Rollstuhlplatz" if number == 3 else "",
            )
        )
    EventRegistration.objects.bulk_create(rows)
