"""Demo pages of the first region, "Smarte Region MYK10" (Landkreis
Mayen-Koblenz). Only `manage.py seed_demo` uses it; the product itself knows
no region.

Every text is written for the demo from the region's public facts. Where a
fact is unknown (names, the operator's address), the text says so with a
placeholder in square brackets instead of inventing one.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import Page, Site

from smartregion.cms.demo_images import SQUARE, ensure_image
from smartregion.cms.models import (
    ContentPage,
    EasyLanguagePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OfficePage,
    OpeningHours,
    SiteLinks,
    TimelineEntry,
)
from smartregion.region import demo as region_demo
from smartregion.region.models import Municipality, Topic

EMAIL = "smarte.region@kvmyk.de"
MAILTO = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'
ALL_MUNICIPALITIES = tuple(row[0] for row in region_demo.MUNICIPALITIES)

DEMO_NOTE = (
    "<p><b>Demo-Text:</b> Diese Seite gehört zur Demo-Installation. Der Betreiber ersetzt die Angaben in eckigen "
    "Klammern und lässt den Text vor dem Start prüfen.</p>"
)


def seed():
    """Create the demo page tree, its images, the project timeline and the
    footer links, as far as they are missing.

    Pages are looked up by slug under their parent, images by title,
    timeline entries by title; whatever exists is left as editors made it,
    so a second run creates no page, revision or row. Expects the region
    vocabulary of smartregion.region.demo to exist (topics and
    municipalities are linked by slug; missing ones are skipped).
    """
    home = _seed_home()

    about = _ensure_page(home, "ueber-das-projekt", _about_page, in_menu=True)
    news_index = _ensure_page(home, "aktuelles", _news_index_page, in_menu=True)
    _ensure_page(home, "projektbuero", _office_page, in_menu=True)
    easy_language = _ensure_page(home, "leichte-sprache", _easy_language_page)
    sign_language = _ensure_page(home, "gebaerdensprache", _sign_language_page)
    imprint = _ensure_page(home, "impressum", _imprint_page)
    privacy = _ensure_page(home, "datenschutz", _privacy_page)
    _ensure_page(home, "teilnahmebedingungen", _terms_page)
    accessibility = _ensure_page(home, "barrierefreiheit", _accessibility_page)

    _ensure_page(about, "faq", _faq_page)
    _ensure_page(about, "projektablauf", _timeline_page)
    _ensure_page(about, "partner", _partner_page)
    _ensure_page(about, "expertenbeirat", _expert_board_page)

    for item in NEWS:
        _ensure_page(news_index, item.slug, lambda item=item: _news_page(item))

    _seed_timeline()
    _seed_site_links(
        imprint=imprint,
        privacy=privacy,
        accessibility=accessibility,
        easy_language=easy_language,
        sign_language=sign_language,
    )


def _seed_home() -> HomePage:
    root = Page.objects.get(depth=1)
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Smarte Region MYK10", slug="start", intro=HOME_INTRO, participate_text=PARTICIPATE
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Smarte Region MYK10"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's "Welcome" page is in the way; a real page never is.
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()
    return home


def _ensure_page(parent: Page, slug: str, build: Callable[[], Page], *, in_menu: bool = False) -> Page:
    """Return the child of `parent` called `slug`. Only when there is none
    is `build()` called, and its page added and published; an existing page
    is returned as editors left it."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = build()
    page.slug = slug
    page.show_in_menus = in_menu
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _seed_timeline():
    for date, date_label, title, text in TIMELINE:
        TimelineEntry.objects.get_or_create(
            title=title, defaults={"date": date, "date_label": date_label, "text": text}
        )


def _seed_site_links(**pages: Page):
    """Fill the footer links that are still empty; chosen ones stay."""
    links = SiteLinks.load()
    changed = False
    for name, page in pages.items():
        if getattr(links, f"{name}_id") is None:
            setattr(links, name, page)
            changed = True
    if changed:
        links.save()


# Home page

HOME_INTRO = (
    "Die Smarte Region MYK10 ist das Digitalprojekt des Landkreises Mayen-Koblenz und seiner zehn Städte und "
    "Verbandsgemeinden. Gemeinsam mit den Menschen vor Ort sucht sie digitale Lösungen, die den Alltag in Stadt "
    "und Dorf leichter machen – unterwegs, bei der Versorgung und im Miteinander. Der Bund fördert das Vorhaben "
    "als Modellprojekt Smart Cities bis Ende 2027."
)

PARTICIPATE = (
    "<p>Ihre Erfahrung aus dem Alltag macht das Projekt besser. So können Sie mitmachen:</p>"
    "<ul>"
    '<li><b>Vorbeikommen:</b> Im <a href="/projektbuero/">Projektbüro in Andernach</a> beantwortet das Team Ihre '
    "Fragen und nimmt Ideen auf – montags und mittwochs von 10 bis 13 Uhr, donnerstags von 14 bis 17 Uhr.</li>"
    f"<li><b>Schreiben:</b> Eine Frage, eine Idee oder Kritik? Schicken Sie eine E-Mail an {MAILTO}. So können "
    "Sie auch einen Termin außerhalb der Öffnungszeiten vereinbaren.</li>"
    '<li><b>Ihre Kommune finden:</b> Unter <a href="/kommunen/">Kommunen</a> stehen die zehn Städte und '
    "Verbandsgemeinden, jeweils mit der Regionallotsin, die für Sie zuständig ist.</li>"
    '<li><b>Themen verfolgen:</b> Die <a href="/themen/">zehn Handlungsfelder</a> zeigen, woran gearbeitet wird – '
    "von Arbeit bis Wirtschaft.</li>"
    "<li><b>Zum Zukunftsforum kommen:</b> Einmal im Jahr zieht das Projekt öffentlich Bilanz. Berichte und neue "
    'Termine finden Sie unter <a href="/aktuelles/">Aktuelles</a>.</li>'
    '<li><b>Nachlesen:</b> <a href="/ueber-das-projekt/">Über das Projekt</a> erklärt Ziele, Förderung und Ablauf. '
    'Das Wichtigste in einfachen Sätzen steht in <a href="/leichte-sprache/">Leichter Sprache</a>.</li>'
    "</ul>"
)


# About the project and its subpages


def _about_page() -> ContentPage:
    return ContentPage(
        title="Über das Projekt",
        summary=(
            "Was die Smarte Region MYK10 erreichen will, wer sie trägt, wie sie bezahlt wird und wie ein "
            "Projektjahr abläuft."
        ),
        body=[
            ("heading", "Ein Modellprojekt für den ganzen Landkreis"),
            (
                "text",
                "<p>Im September 2020 hat der Bund den Landkreis Mayen-Koblenz als Modellprojekt Smart Cities "
                "ausgewählt. In dieser zweiten Förderrunde kamen 32 Städte, Kreise und Regionen zum Zug. Die Runde "
                "stand unter einem Motto, das bis heute die Richtung vorgibt: Digitales soll dem Gemeinwohl dienen "
                "und Orte miteinander verbinden.</p>"
                "<p>Die Zahl im Namen MYK10 steht für die zehn Kommunen des Kreises: die Städte Andernach, Bendorf "
                "und Mayen und die Verbandsgemeinden Maifeld, Mendig, Pellenz, Rhein-Mosel, Vallendar, Vordereifel "
                "und Weißenthurm. Zusammen leben hier rund 219.000 Menschen in 87 Gemeinden – in Städten am Rhein "
                "ebenso wie in kleinen Dörfern in der Eifel.</p>",
            ),
            (
                "quote",
                {
                    "text": "Gemeinwohl und Netzwerkstadt / Stadtnetzwerk",
                    "source": "Motto der zweiten Förderrunde der Modellprojekte Smart Cities",
                },
            ),
            ("heading", "Wer das Projekt trägt"),
            (
                "text",
                "<p>Träger ist der Landkreis Mayen-Koblenz. Die Arbeit liegt bei der Stabsstelle Smart Cities, die "
                "direkt dem Landrat zugeordnet ist. Geleitet wird sie vom Chief Digital Officer, kurz CDO: Diese "
                "Stelle steuert, wie der Kreis die Digitalisierung angeht.</p>"
                "<p>Zum Team gehören sieben Menschen:</p>"
                "<ul>"
                "<li>die Leitung (CDO),</li>"
                "<li>vier Regionallotsinnen – jede ist Ansprechpartnerin für einige der zehn Kommunen und begleitet "
                "einige der Arbeitsgruppen,</li>"
                "<li>zwei Fachleute für Projektsteuerung und Fördermittelmanagement.</li>"
                "</ul>"
                "<p>Politisch verankert ist das Projekt in der Lenkungsgruppe. Ein Expertenbeirat berät mit Wissen "
                "von außen. In Arbeitsgruppen zu den zehn Handlungsfeldern – von Arbeit über Medizin bis Wirtschaft "
                "– bringen Fachleute und Engagierte aus der Region ihre Erfahrung ein.</p>",
            ),
            ("heading", "Förderung und Budget"),
            (
                "text",
                "<p>Für die gesamte Laufzeit bis Ende 2027 stehen 17,5 Millionen Euro bereit. 11,4 Millionen Euro "
                "kommen vom Bund aus dem Programm Modellprojekte Smart Cities. 6,1 Millionen Euro trägt der "
                "Landkreis selbst.</p>",
            ),
            ("heading", "Drei Zukunftsaufgaben"),
            (
                "text",
                "<p>Alle Vorhaben des Projekts zahlen auf drei zentrale Aufgaben ein:</p>"
                "<ol>"
                "<li><b>Gleichwertig entwickeln:</b> Die Teile des Kreises sind sehr verschieden. Überall sollen "
                "Menschen gut leben können.</li>"
                "<li><b>Mobilität neu denken:</b> Wege im Kreis sollen einfacher werden, auch ohne eigenes "
                "Auto.</li>"
                "<li><b>Kommunen zukunftsfest machen:</b> Die Städte und Verbandsgemeinden stellen sich auf die "
                "Veränderungen der kommenden Jahre ein.</li>"
                "</ol>",
            ),
            ("heading", "Drei Zielbilder"),
            (
                "text",
                "<p>Die Digitalstrategie beschreibt in drei Zielbildern, wie sich der Alltag im Kreis verändern "
                "soll:</p>"
                "<ul>"
                "<li><b>„MYK verändert sich“:</b> lebendige Ortskerne und Dienstleistungen, die man vor Ort oder "
                "von zu Hause aus nutzen kann.</li>"
                "<li><b>„In MYK gut von A nach B kommen“:</b> Mobilität und eine Infrastruktur, auf die man sich "
                "verlassen kann.</li>"
                "<li><b>„MYK vernetzt Menschen“:</b> Gemeinwohl und Zusammenhalt – Angebote, die Menschen "
                "zusammenbringen.</li>"
                "</ul>",
            ),
            ("heading", "Ein Projektjahr: von Zukunftsforum zu Zukunftsforum"),
            (
                "text",
                "<p>Das Projekt folgt einem festen Rhythmus. Einmal im Jahr lädt es zum Zukunftsforum ein. Dort "
                "zeigt das Team, was im vergangenen Jahr erreicht wurde, und alle Anwesenden können darüber "
                "diskutieren. Am Ende stehen die Aufgaben für das nächste Projektjahr fest.</p>",
            ),
            ("heading", "Die Strategiephase bis Juni 2023"),
            (
                "text",
                "<p>Die ersten Jahre dienten der Vorbereitung. Bis Ende Juni 2023 hatte das Team vier Aufgaben:</p>"
                "<ol>"
                "<li>eine Digitalstrategie für den Landkreis entwickeln,</li>"
                "<li>erste Projekte umsetzen,</li>"
                "<li>Strukturen aufbauen: Arbeitsgruppen, Expertenbeirat, Lenkungsgruppe, Projektbüro und eine "
                "Website,</li>"
                "<li>für das Thema sensibilisieren und Schulungen anbieten.</li>"
                "</ol>"
                "<p>Am 27. März 2023 hat der Kreistag die Digitalstrategie beschlossen. Daraus ist die Digitale "
                "Agenda entstanden: ein Katalog von Maßnahmen, in dem jede Maßnahme ein eigenes Profil mit "
                "Finanzierung und Zeitplan hat. Die Agenda wird jedes Jahr fortgeschrieben.</p>",
            ),
            (
                "call_to_action",
                {
                    "title": "Fragen oder eine Idee?",
                    "text": "Das Team im Projektbüro in Andernach hört zu und hilft weiter.",
                    "page": None,
                    "url": "/projektbuero/",
                    "link_text": "Zum Projektbüro",
                },
            ),
        ],
    )


FAQ = [
    (
        "Wer steht hinter der Smarten Region MYK10?",
        "<p>Der Landkreis Mayen-Koblenz. Das Projekt führt seine Stabsstelle Smart Cities, die direkt dem Landrat "
        "zugeordnet ist. Beteiligt sind alle zehn Städte und Verbandsgemeinden des Kreises – daher die 10 im "
        "Namen.</p>",
    ),
    (
        "Was ist ein CDO?",
        "<p>CDO ist die Abkürzung für Chief Digital Officer, auf Deutsch etwa „Leitung Digitalisierung“. Diese "
        "Person leitet die Stabsstelle Smart Cities und behält im Blick, wie der Kreis die Digitalisierung angeht. "
        "Zum Team gehören außerdem vier Regionallotsinnen und zwei Fachleute für Projektsteuerung und "
        "Fördermittel.</p>",
    ),
    (
        "Was ist das Förderprogramm „Modellprojekte Smart Cities“?",
        "<p>Mit diesem Programm unterstützt der Bund Städte, Kreise und Regionen, die ausprobieren, wie "
        "Digitalisierung dem Gemeinwohl nützen kann. „Smart Cities“ heißt übersetzt „kluge Städte“. Der Landkreis "
        "Mayen-Koblenz wurde im September 2020 in der zweiten Runde ausgewählt, zusammen mit 31 weiteren "
        "Modellprojekten.</p>",
    ),
    (
        "Was kostet das Projekt, und wer bezahlt es?",
        "<p>Für die ganze Laufzeit bis Ende 2027 sind 17,5 Millionen Euro eingeplant. Davon zahlt der Bund "
        "11,4 Millionen Euro, der Landkreis Mayen-Koblenz 6,1 Millionen Euro.</p>",
    ),
    (
        "Was passiert im Projektbüro?",
        '<p>Das <a href="/projektbuero/">Projektbüro</a> in der Bahnhofstraße 22 in Andernach ist die Anlaufstelle '
        "für alle, die Fragen haben oder eine Idee loswerden möchten. Montags und mittwochs von 10 bis 13 Uhr und "
        "donnerstags von 14 bis 17 Uhr ist jemand aus dem Team da. Einen Termin zu einer anderen Zeit können Sie "
        f"per E-Mail an {MAILTO} vereinbaren.</p>",
    ),
    (
        "Warum gibt es so viele englische Begriffe?",
        "<p>Viele Begriffe rund um die Digitalisierung kommen aus dem Englischen, auch der Name des "
        "Förderprogramms. Auf dieser Website versuchen wir, Fachwörter zu vermeiden oder zu erklären. Ein Glossar "
        "mit den wichtigsten Begriffen ist geplant. Das Wichtigste über das Projekt gibt es schon jetzt in "
        '<a href="/leichte-sprache/">Leichter Sprache</a>.</p>',
    ),
    (
        "Wie sind die Städte und Verbandsgemeinden beteiligt?",
        "<p>Die zehn Kommunen gehören von Anfang an dazu. Jede hat eine Regionallotsin als feste "
        "Ansprechpartnerin. 2022 gab es in vier Teilregionen Kommunaldialoge, jeweils mit einem Stand im Ort und "
        'einer Abendveranstaltung. Was in Ihrer Kommune los ist, sehen Sie unter <a href="/kommunen/">Kommunen'
        "</a>.</p>",
    ),
    (
        "Was machen die Regionallotsinnen?",
        "<p>Die vier Regionallotsinnen verbinden das Projektteam mit der Region. Jede ist für einige der zehn "
        "Kommunen zuständig und begleitet einige der Arbeitsgruppen. Sie nehmen Fragen und Ideen auf, bringen "
        "Menschen zusammen und tragen das Projekt in die Orte.</p>",
    ),
    (
        "Was bietet diese Website?",
        "<p>Sie finden hier Nachrichten aus dem Projekt, den Projektablauf, die zehn Kommunen mit Karte und "
        "Zahlen, die zehn Handlungsfelder, die Öffnungszeiten des Projektbüros und eine Suche. Dazu kommen eine "
        "Seite in Leichter Sprache und ein Bereich für Gebärdensprache.</p>",
    ),
    (
        "Wie kann ich mitmachen?",
        f"<p>Kommen Sie ins Projektbüro, schreiben Sie eine E-Mail an {MAILTO} oder besuchen Sie das jährliche "
        "Zukunftsforum. Bei den bisherigen Beteiligungsrunden – Ideenwettbewerb, Zukunftsdialoge und "
        "Kommunaldialoge – konnte man online und vor Ort mitmachen. Neue Angebote kündigen wir unter "
        '<a href="/aktuelles/">Aktuelles</a> an.</p>',
    ),
    (
        "Was passiert mit meiner Idee?",
        "<p>Beim ersten Ideenwettbewerb 2021 gingen rund 70 Ideen ein. Es gab keine öffentliche Abstimmung: "
        "Fachleute haben die Ideen nach sechs Kriterien vorausgewählt, zum Beispiel ob eine Idee den Alltag "
        "verbessert und ob sie sich in einem Jahr umsetzen lässt. Die Lenkungsgruppe hat daraus drei "
        "Gewinnerideen bestimmt, die in Lösungswerkstätten weiterentwickelt und bei der Umsetzung unterstützt "
        "wurden. Auch spätere Ideen können in die Digitale Agenda einfließen, die jedes Jahr fortgeschrieben "
        "wird.</p>",
    ),
    (
        "Sammelt diese Website Daten über mich?",
        "<p>Nur was technisch nötig ist. Die Website setzt höchstens zwei Cookies: eines für die Sitzung und "
        "eines, das Formulare vor Missbrauch schützt. Es gibt keine Statistik- oder Werbedienste und kein "
        "Tracking. Inhalte von anderen Servern lädt die Seite erst, wenn Sie bei einer Karte auf „Karte laden“ "
        'klicken. Mehr dazu steht in der <a href="/datenschutz/">Datenschutzerklärung</a>.</p>',
    ),
    (
        "Ist die Website barrierefrei?",
        "<p>Sie soll für alle gut nutzbar sein. Maßstab sind die WCAG 2.1 in der Stufe AA und die BITV 2.0. Noch "
        "ist nicht alles geschafft: Die Karte selbst ist nicht vollständig barrierefrei, dieselben Angaben stehen "
        "aber auch in einer Liste. Das Video in Gebärdensprache folgt noch. Einzelheiten und den Kontakt für "
        'Rückmeldungen finden Sie in der <a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>.</p>',
    ),
    (
        "Was ist das Zukunftsforum?",
        "<p>Einmal im Jahr zieht das Projekt beim Zukunftsforum öffentlich Bilanz: Was wurde erreicht, was "
        "nicht, und was steht im nächsten Projektjahr an? Das erste Zukunftsforum fand im September 2022 mit rund "
        "200 Menschen statt, weitere folgten 2023 und 2024.</p>",
    ),
    (
        "Wie lange läuft das Projekt?",
        "<p>Die Förderung läuft bis Ende 2027. Die Strategiephase endete im Juni 2023; seitdem setzt das Team "
        "die Maßnahmen der Digitalen Agenda um. Wie es nach der Förderung weitergeht, wird bis dahin geklärt.</p>",
    ),
]


def _faq_page() -> ContentPage:
    return ContentPage(
        title="Häufige Fragen",
        summary="Kurze Antworten auf Fragen, die dem Projektteam oft gestellt werden.",
        body=[
            (
                "text",
                "<p>Ihre Frage ist nicht dabei? Schreiben Sie uns an "
                f'{MAILTO} oder kommen Sie ins <a href="/projektbuero/">Projektbüro</a>.</p>',
            ),
            ("faq", [{"question": question, "answer": answer} for question, answer in FAQ]),
        ],
    )


# date, date label, title (the lookup key), text. Future entries say
# "geplant": plans can change, and the page must not promise more.
TIMELINE = [
    (
        dt.date(2020, 9, 1),
        "September 2020",
        "Auswahl als Modellprojekt Smart Cities",
        "Der Landkreis Mayen-Koblenz ist eines von 32 Modellprojekten der zweiten Förderrunde. Die Förderung läuft "
        "bis Ende 2027.",
    ),
    (
        dt.date(2021, 9, 23),
        "23. September 2021",
        "Digitales Auftaktforum und Start der Plattform",
        "Das Projekt stellt sich öffentlich vor; die Online-Plattform geht an den Start.",
    ),
    (
        dt.date(2021, 10, 7),
        "7. Oktober bis 7. November 2021",
        "Erster Ideenwettbewerb und Start des Mitmachlabors",
        "Rund 70 Ideen gehen ein, in vier Kategorien: Arbeit und Bildung, Versorgen, Mobilität und Freizeit.",
    ),
    (
        dt.date(2021, 11, 30),
        "30. November 2021",
        "Drei Gewinnerideen ausgewählt",
        "Fachleute wählen nach sechs Kriterien vor, die Lenkungsgruppe bestimmt drei Gewinnerideen. Sie werden in "
        "Lösungswerkstätten weiterentwickelt und bei der Umsetzung unterstützt.",
    ),
    (
        dt.date(2021, 12, 1),
        "Dezember 2021 bis Februar 2022",
        "Erster Zukunftsdialog",
        "Umfrage und Diskussionsräume online, dazu Stände und Fragebögen in Rathäusern und im Projektbüro. "
        "Ergebnis: mehr als 600 Beiträge.",
    ),
    (
        dt.date(2022, 3, 29),
        "29. März bis 30. April 2022",
        "Zweiter Zukunftsdialog: Leben im Jahr 2030",
        "Online werden Thesen zum Leben im Jahr 2030 bewertet und diskutiert; eigene Zukunftsbilder können "
        "eingereicht werden.",
    ),
    (
        dt.date(2022, 5, 1),
        "Mai und Juni 2022",
        "Erste Kommunaldialoge",
        "In vier Teilregionen: tagsüber ein Stand im Ort, abends eine Veranstaltung mit Anmeldung.",
    ),
    (
        dt.date(2022, 9, 1),
        "Herbst 2022",
        "Dritter Zukunftsdialog und Dialogtour",
        "26 mögliche Lösungen stehen zur Bewertung; eine Dialogtour bringt sie in die Orte.",
    ),
    (
        dt.date(2022, 9, 13),
        "13. September 2022",
        "Erstes Zukunftsforum",
        "Rund 200 Menschen diskutieren die Zwischenergebnisse und die Aufgaben für das nächste Projektjahr.",
    ),
    (
        dt.date(2023, 3, 27),
        "27. März 2023",
        "Kreistag beschließt die Digitalstrategie",
        "Auf die Strategie folgt die Digitale Agenda: ein Katalog von Maßnahmen mit Profil, Finanzierung und "
        "Zeitplan, der jedes Jahr fortgeschrieben wird.",
    ),
    (
        dt.date(2023, 6, 30),
        "30. Juni 2023",
        "Ende der Strategiephase",
        "Vier Aufgaben prägten diese Phase:\n"
        "1. eine Digitalstrategie entwickeln,\n"
        "2. erste Projekte umsetzen,\n"
        "3. Strukturen aufbauen (Arbeitsgruppen, Expertenbeirat, Lenkungsgruppe, Projektbüro, Website),\n"
        "4. sensibilisieren und Schulungen anbieten.",
    ),
    (
        dt.date(2023, 9, 22),
        "22. September 2023",
        "Zweites Zukunftsforum",
        "Bilanz des Projektjahres und Aufgaben für das nächste Jahr.",
    ),
    (
        dt.date(2024, 9, 5),
        "5. September 2024",
        "Drittes Zukunftsforum",
        "Bilanz des Projektjahres und Aufgaben für das nächste Jahr.",
    ),
    (
        dt.date(2025, 1, 1),
        "2025 bis 2027",
        "Umsetzung der Digitalen Agenda",
        "Die Maßnahmen der Digitalen Agenda werden umgesetzt; die Agenda wird jedes Jahr fortgeschrieben.",
    ),
    (
        dt.date(2027, 9, 15),
        "Herbst 2027",
        "Zukunftsforum 2027 (geplant)",
        "Das letzte Zukunftsforum der Förderlaufzeit: Bilanz und Ausblick. Der genaue Termin steht noch nicht fest.",
    ),
    (
        dt.date(2027, 12, 31),
        "Ende 2027",
        "Ende der Förderlaufzeit",
        "Die Förderung durch den Bund endet. Wie bewährte Angebote weitergeführt werden, soll bis dahin geklärt sein.",
    ),
]


def _timeline_page() -> ContentPage:
    return ContentPage(
        title="Projektablauf",
        summary="Die wichtigsten Schritte seit der Auswahl 2020 und was bis zum Ende der Förderung 2027 geplant ist.",
        body=[
            (
                "text",
                "<p>Das Projekt läuft in zwei Phasen. In der Strategiephase bis Juni 2023 ging es darum, gemeinsam "
                "mit den Menschen im Kreis herauszufinden, was gebraucht wird, und daraus eine Digitalstrategie zu "
                "machen. Seitdem werden die Maßnahmen der Digitalen Agenda umgesetzt. Jedes Jahr im Herbst zieht das "
                "Zukunftsforum Bilanz.</p>"
                "<p>Einträge mit dem Zusatz „geplant“ liegen in der Zukunft. Ihre Termine können sich noch "
                "ändern.</p>",
            ),
            ("timeline", None),
            (
                "call_to_action",
                {
                    "title": "Mehr zu den einzelnen Schritten",
                    "text": "Berichte zu Ideenwettbewerb, Zukunftsdialogen und Zukunftsforen finden Sie bei den "
                    "Nachrichten.",
                    "page": None,
                    "url": "/aktuelles/",
                    "link_text": "Zu den Nachrichten",
                },
            ),
        ],
    )


def _partner_page() -> ContentPage:
    return ContentPage(
        title="Partner",
        summary="Wer das Projekt mitträgt, begleitet und unterstützt.",
        body=[
            (
                "text",
                "<p>Die Smarte Region MYK10 ist Gemeinschaftsarbeit. Im Landkreis arbeiten zwei Partner eng mit der "
                "Stabsstelle Smart Cities zusammen, drei Büros und Institute begleiten das Programm von außen, und "
                "rund 50 Kooperationspartner aus der Region und darüber hinaus bringen ihr Wissen ein.</p>",
            ),
            (
                "partners",
                {
                    "heading": "Partner im Landkreis",
                    "partners": [
                        {
                            "name": "Zukunftsbüro der Wirtschaftsförderungsgesellschaft (WFG)",
                            "place": "Landkreis Mayen-Koblenz",
                            "description": "Gehört zur Wirtschaftsförderungsgesellschaft des Landkreises und "
                            "arbeitet als interner Partner eng mit dem Projekt zusammen.",
                            "url": "",
                        },
                        {
                            "name": "Koordinierungsstelle Digitalisierung (KoDig)",
                            "place": "Kreisverwaltung Mayen-Koblenz",
                            "description": "Koordiniert die Digitalisierung in der Kreisverwaltung und ist "
                            "interner Partner des Projekts.",
                            "url": "",
                        },
                    ],
                },
            ),
            (
                "partners",
                {
                    "heading": "Begleitung des Programms",
                    "partners": [
                        {
                            "name": "City & Bits",
                            "place": "Hannover",
                            "description": "Begleitet das Modellprojekt als externes Büro.",
                            "url": "",
                        },
                        {
                            "name": "Fraunhofer IESE",
                            "place": "Kaiserslautern",
                            "description": "Begleitet das Modellprojekt als Forschungsinstitut.",
                            "url": "",
                        },
                        {
                            "name": "Zebralog",
                            "place": "Bonn",
                            "description": "Begleitet das Modellprojekt als externes Büro.",
                            "url": "",
                        },
                    ],
                },
            ),
            (
                "partners",
                {
                    "heading": "Kooperationspartner",
                    "partners": [
                        {
                            "name": "Unternehmen",
                            "place": "",
                            "description": "Betriebe, die Praxiswissen einbringen und Lösungen mit erproben.",
                            "url": "",
                        },
                        {
                            "name": "Medizinische Einrichtungen",
                            "place": "",
                            "description": "Partner aus dem Gesundheitswesen, etwa zu Fragen der Versorgung auf "
                            "dem Land.",
                            "url": "",
                        },
                        {
                            "name": "Vereine und Verbände",
                            "place": "",
                            "description": "Engagierte aus Ehrenamt und Verbänden, die wissen, was vor Ort "
                            "gebraucht wird.",
                            "url": "",
                        },
                        {
                            "name": "Hochschulen",
                            "place": "",
                            "description": "Hochschulen und Universitäten, die Wissen und Forschung beisteuern.",
                            "url": "",
                        },
                        {
                            "name": "Polizei",
                            "place": "",
                            "description": "Partnerin bei Fragen, die Sicherheit im Alltag betreffen.",
                            "url": "",
                        },
                        {
                            "name": "Weitere externe Partner",
                            "place": "",
                            "description": "Organisationen von außerhalb des Kreises, die ihre Erfahrung teilen.",
                            "url": "",
                        },
                    ],
                },
            ),
            (
                "text",
                "<p><b>Demo-Hinweis:</b> Zusammen sind es rund 50 Kooperationspartner. Die Redaktion kann sie hier "
                "einzeln mit Namen, Ort und Internetseite eintragen.</p>",
            ),
        ],
    )


EXPERT_BOARD_AFFILIATIONS = [
    "SRL – Vereinigung für Stadt-, Regional- und Landesplanung",
    "Hochschule Koblenz",
    "Zukunftsinstitut",
    "ZENNER International",
    "Behörden Spiegel",
    "Dr. Hans Riegel-Stiftung",
    "ILS – Institut für Landes- und Stadtentwicklungsforschung",
    "empirica",
    "Fraunhofer IESE",
    "TU Kaiserslautern",
    "Universität Koblenz",
]
PORTRAIT_PALETTES = ["rhein", "eifel", "mosel", "abend", "schiefer"]


def _expert_board_page() -> ContentPage:
    people = []
    for number, affiliation in enumerate(EXPERT_BOARD_AFFILIATIONS, start=1):
        photo = ensure_image(
            f"Demo-Porträt Expertenbeirat {number}",
            "Platzhalter: Silhouette eines Menschen, kein echtes Foto",
            "portrait",
            PORTRAIT_PALETTES[(number - 1) % len(PORTRAIT_PALETTES)],
            size=SQUARE,
        )
        people.append(
            {
                "photo": photo,
                "name": "Mitglied des Beirats (Name folgt)",
                "role": affiliation,
                "statement": "Platzhalter: Hier steht später in ein, zwei Sätzen, was dieses Mitglied in den "
                "Beirat einbringt.",
                "is_demo_text": True,
            }
        )
    return ContentPage(
        title="Expertenbeirat",
        summary="Fachleute aus ganz Deutschland beraten das Projekt.",
        body=[
            (
                "text",
                "<p>Der Expertenbeirat bringt Wissen von außen ein. Seine Mitglieder sind Fachleute für "
                "Digitalisierung und Regionalentwicklung aus ganz Deutschland. Seit Dezember 2020 trifft sich der "
                "Beirat zweimal im Jahr, lässt sich den Stand des Projekts berichten und gibt Empfehlungen.</p>"
                "<p><b>Demo-Hinweis:</b> Die Karten zeigen eine Auswahl der Einrichtungen, aus denen die Mitglieder "
                "kommen. Namen, Fotos und Aussagen ergänzt die Redaktion; bis dahin stehen hier Platzhalter.</p>",
            ),
            ("heading", "Mitglieder"),
            ("people", people),
        ],
    )


# Project office


def _office_page() -> OfficePage:
    # Opening hours are modelcluster children: they must be on the instance
    # before add_child() so that the first revision carries them.
    return OfficePage(
        title="Projektbüro",
        intro=(
            "Im Projektbüro in Andernach treffen Sie das Team der Smarten Region MYK10 persönlich. Kommen Sie zu "
            "den Öffnungszeiten einfach vorbei – mit Fragen, Ideen oder Kritik."
        ),
        address="Bahnhofstraße 22\n56626 Andernach",
        email=EMAIL,
        appointment_note=(
            "Die Öffnungszeiten passen Ihnen nicht? Schreiben Sie eine E-Mail an smarte.region@kvmyk.de und nennen "
            "Sie zwei oder drei Zeiten, zu denen Sie können. Das Team meldet sich mit einem Terminvorschlag."
        ),
        accessibility_note=(
            "Ob das Büro stufenlos erreichbar ist und ob es eine barrierefreie Toilette gibt, ist hier noch nicht "
            "eingetragen (Demo-Text). Bitte fragen Sie vorab per E-Mail, wenn Sie Unterstützung brauchen – zum "
            "Beispiel beim Zugang, bei der Verständigung oder wenn Sie eine Begleitperson mitbringen. Dann kann sich "
            "das Team auf Ihren Besuch einstellen."
        ),
        opening_hours=[
            OpeningHours(sort_order=0, weekday=OpeningHours.Weekday.MONDAY, opens=dt.time(10), closes=dt.time(13)),
            OpeningHours(sort_order=1, weekday=OpeningHours.Weekday.WEDNESDAY, opens=dt.time(10), closes=dt.time(13)),
            OpeningHours(sort_order=2, weekday=OpeningHours.Weekday.THURSDAY, opens=dt.time(14), closes=dt.time(17)),
        ],
    )


# News


@dataclass(frozen=True)
class DemoNews:
    slug: str
    title: str
    date: dt.date
    author_role: str
    teaser: str
    # title, motif, palette and alt text of the generated teaser image
    image: tuple[str, str, str, str]
    body: list
    topics: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()


def _news_index_page() -> NewsIndexPage:
    return NewsIndexPage(
        title="Aktuelles",
        intro=(
            "Berichte aus der Smarten Region MYK10: was passiert ist, was gerade läuft und wo Sie mitmachen können."
        ),
    )


def _news_page(item: DemoNews) -> NewsPage:
    image_title, motif, palette, alt_text = item.image
    return NewsPage(
        title=item.title,
        date=item.date,
        author_role=item.author_role,
        teaser=item.teaser,
        teaser_image=ensure_image(image_title, alt_text, motif, palette),
        body=item.body,
        topics=list(Topic.objects.filter(slug__in=item.topics)),
        municipalities=list(Municipality.objects.filter(slug__in=item.municipalities)),
    )


NEWS = [
    DemoNews(
        slug="mayen-koblenz-wird-modellprojekt-smart-cities",
        title="Mayen-Koblenz wird Modellprojekt Smart Cities",
        # The facts give only the month; the first day stands for it.
        date=dt.date(2020, 9, 1),
        author_role="Stabsstelle Smart Cities",
        teaser=(
            "Der Landkreis Mayen-Koblenz gehört zu den 32 Modellprojekten Smart Cities der zweiten Förderrunde. "
            "Bis Ende 2027 stehen 17,5 Millionen Euro bereit, um mit den zehn Kommunen digitale Lösungen für den "
            "Alltag zu entwickeln."
        ),
        image=(
            "Demo-Grafik: Hügel und Fluss",
            "hills",
            "rhein",
            "Abstrakte Grafik: sanfte blaue Hügel und ein Fluss unter hellem Himmel mit gelber Sonne – Sinnbild für "
            "die Landschaft zwischen Eifel und Rhein.",
        ),
        body=[
            (
                "text",
                "<p>Im September 2020 ist die Entscheidung gefallen: Der Landkreis Mayen-Koblenz wird "
                "Modellprojekt Smart Cities. In der zweiten Förderrunde des Bundes wurden 32 Projekte ausgewählt. "
                "Das Motto der Runde lautet „Gemeinwohl und Netzwerkstadt / Stadtnetzwerk“.</p>"
                "<p>Das Besondere an der Bewerbung aus Mayen-Koblenz: Sie kommt von einem ganzen Landkreis mit "
                "zehn Kommunen – mit Städten am Rhein ebenso wie mit Dörfern im Maifeld und in der Eifel. Deshalb "
                "heißt das Projekt Smarte Region MYK10.</p>",
            ),
            ("heading", "Was das Geld ermöglicht"),
            (
                "text",
                "<p>Insgesamt stehen 17,5 Millionen Euro zur Verfügung. 11,4 Millionen Euro kommen vom Bund, "
                "6,1 Millionen Euro trägt der Landkreis. Die Förderung läuft bis Ende 2027.</p>",
            ),
            ("heading", "Wie es weitergeht"),
            (
                "text",
                "<p>Zuerst kommt die Strategiephase. Das Team entwickelt gemeinsam mit den Menschen im Kreis eine "
                "Digitalstrategie, setzt erste Projekte um, baut Strukturen wie Arbeitsgruppen und einen "
                "Expertenbeirat auf und bietet Schulungen an.</p>",
            ),
        ],
    ),
    DemoNews(
        slug="digitales-auftaktforum",
        title="Digitales Auftaktforum: Die Plattform ist online",
        date=dt.date(2021, 9, 23),
        author_role="Stabsstelle Smart Cities",
        teaser=(
            "Mit einem digitalen Auftaktforum ist die Smarte Region MYK10 am 23. September 2021 an die "
            "Öffentlichkeit gegangen. Am selben Tag startete die Online-Plattform, auf der sich alle informieren und "
            "mitreden können."
        ),
        image=(
            "Demo-Grafik: Vernetzte Punkte",
            "network",
            "abend",
            "Abstrakte Grafik: farbige Punkte, die durch Linien zu einem Netz verbunden sind – Sinnbild für eine "
            "vernetzte Region.",
        ),
        body=[
            (
                "text",
                "<p>Am 23. September 2021 hat sich die Smarte Region MYK10 beim digitalen Auftaktforum vorgestellt. "
                "Das Team erklärte, was ein Modellprojekt Smart Cities ist, welche Aufgaben in den nächsten Jahren "
                "anstehen und wie Bürgerinnen und Bürger sich einbringen können.</p>"
                "<p>Gleichzeitig ging die Online-Plattform des Projekts an den Start. Dort finden Sie Nachrichten, "
                "Termine und die Beteiligungsangebote.</p>",
            ),
            ("heading", "Als Nächstes: der Ideenwettbewerb"),
            (
                "text",
                "<p>Schon am 7. Oktober 2021 beginnt der erste Ideenwettbewerb. Er ist der Auftakt für das "
                "Mitmachlabor, in dem Ideen aus der Region gesammelt und weiterentwickelt werden.</p>",
            ),
        ],
    ),
    DemoNews(
        slug="ideenwettbewerb-startet",
        title="Ideenwettbewerb startet: Ihre Idee für die Region",
        date=dt.date(2021, 10, 7),
        author_role="Regionallotsin 2",
        teaser=(
            "Vom 7. Oktober bis 7. November 2021 können alle ihre Ideen für eine digitale Region einreichen. Gesucht "
            "sind Vorschläge in vier Kategorien: Arbeit und Bildung, Versorgen, Mobilität und Freizeit."
        ),
        image=(
            "Demo-Grafik: Ideenwand",
            "cards",
            "schiefer",
            "Abstrakte Grafik: eine Pinnwand mit zwölf Karten, eine davon farbig hervorgehoben – Sinnbild für "
            "gesammelte Ideen.",
        ),
        body=[
            (
                "text",
                "<p>Sie haben eine Idee, wie digitale Technik das Leben im Landkreis leichter machen kann? Dann "
                "reichen Sie sie ein: Der erste Ideenwettbewerb läuft vom 7. Oktober bis zum 7. November 2021. Mit "
                "ihm startet auch das Mitmachlabor der Smarten Region MYK10.</p>"
                "<p>Gesucht sind Ideen in vier Kategorien: Arbeit und Bildung, Versorgen, Mobilität und "
                "Freizeit.</p>",
            ),
            ("heading", "So wird entschieden"),
            (
                "text",
                "<p>Es gibt keine öffentliche Abstimmung. Fachleute prüfen alle Einsendungen nach sechs "
                "Kriterien:</p>"
                "<ol>"
                "<li>Die Idee verbessert den Alltag.</li>"
                "<li>Sie ist neu oder geht neue Wege.</li>"
                "<li>Sie lässt sich innerhalb eines Jahres umsetzen.</li>"
                "<li>Sie bringt der Region einen Mehrwert.</li>"
                "<li>Sie lässt sich auf andere Orte im Kreis übertragen.</li>"
                "<li>Wer sie einreicht, möchte bei der Umsetzung mithelfen.</li>"
                "</ol>"
                "<p>Aus der Vorauswahl bestimmt die Lenkungsgruppe drei Gewinnerideen. Diese werden in "
                "Lösungswerkstätten weiterentwickelt und bei der Umsetzung unterstützt.</p>",
            ),
        ],
        topics=("arbeit", "bildung", "versorgung", "mobilitaet", "freizeit"),
    ),
    DemoNews(
        slug="drei-gewinnerideen-ausgewaehlt",
        title="Ideenwettbewerb: Drei Gewinnerideen stehen fest",
        date=dt.date(2021, 11, 30),
        author_role="Projektsteuerung",
        teaser=(
            "Rund 70 Ideen sind im ersten Ideenwettbewerb eingegangen. Fachleute haben sie nach sechs Kriterien "
            "vorausgewählt, die Lenkungsgruppe hat am 30. November 2021 drei Gewinnerideen bestimmt. Sie werden nun "
            "in Lösungswerkstätten weiterentwickelt."
        ),
        image=(
            "Demo-Grafik: Drei Säulen",
            "podium",
            "rhein",
            "Abstrakte Grafik: drei unterschiedlich hohe Säulen mit je einem gelben Kreis darüber – Sinnbild für "
            "drei ausgewählte Ideen.",
        ),
        body=[
            (
                "text",
                "<p>Vielen Dank für rund 70 Ideen! Im ersten Ideenwettbewerb haben Menschen aus dem ganzen Kreis "
                "Vorschläge eingereicht, in den Kategorien Arbeit und Bildung, Versorgen, Mobilität und "
                "Freizeit.</p>"
                "<p>Fachleute haben alle Ideen nach sechs Kriterien geprüft: ob sie den Alltag verbessern, ob sie "
                "neu sind, ob sie sich in einem Jahr umsetzen lassen, ob sie der Region nützen, ob sie auf andere "
                "Orte übertragbar sind und ob die Einreichenden mithelfen wollen. Am 30. November 2021 hat die "
                "Lenkungsgruppe daraus drei Gewinnerideen ausgewählt.</p>",
            ),
            ("heading", "Wie es weitergeht"),
            (
                "text",
                "<p>Die drei Gewinnerideen werden in Lösungswerkstätten gemeinsam mit den Einreichenden "
                "weiterentwickelt. Das Projektteam unterstützt sie anschließend bei der Umsetzung.</p>"
                "<p><b>Demo-Hinweis:</b> Die drei Ideen und die Menschen dahinter stellt die Redaktion hier "
                "vor.</p>",
            ),
        ],
        topics=("arbeit", "bildung", "versorgung", "mobilitaet", "freizeit"),
    ),
    DemoNews(
        slug="erster-zukunftsdialog-mehr-als-600-beitraege",
        title="Erster Zukunftsdialog: mehr als 600 Beiträge",
        date=dt.date(2022, 2, 28),
        author_role="Regionallotsin 3",
        teaser=(
            "Von Dezember 2021 bis Februar 2022 haben Menschen aus dem ganzen Kreis gesagt, was sich ändern soll – "
            "online und vor Ort, an Ständen und mit Fragebögen in Rathäusern und im Projektbüro. Zusammengekommen "
            "sind mehr als 600 Beiträge."
        ),
        image=(
            "Demo-Grafik: Sprechblasen",
            "dialogue",
            "mosel",
            "Abstrakte Grafik: vier Sprechblasen in ruhigen Farben – Sinnbild für viele Stimmen im Gespräch.",
        ),
        body=[
            (
                "text",
                "<p>Der erste Zukunftsdialog ist abgeschlossen. Drei Monate lang konnten alle mitreden, wie das "
                "Leben im Landkreis Mayen-Koblenz besser werden kann. Das Ergebnis: mehr als 600 Beiträge.</p>",
            ),
            ("heading", "Online und vor Ort"),
            (
                "text",
                "<p>Wer gern am Bildschirm mitmacht, konnte online an einer Umfrage teilnehmen und in "
                "Diskussionsräumen mitschreiben. Wer lieber persönlich spricht, fand Stände vor Ort. Papier-"
                "Fragebögen lagen in Rathäusern und im Projektbüro aus – so konnten auch Menschen ohne Internet "
                "ihre Meinung sagen.</p>",
            ),
            ("heading", "Was mit den Beiträgen passiert"),
            (
                "text",
                "<p>Das Team wertet alle Beiträge aus. Sie fließen in die Digitalstrategie ein, die in der "
                "Strategiephase entsteht. Schon im Frühjahr geht es mit dem zweiten Zukunftsdialog weiter.</p>",
            ),
        ],
        topics=("gemeinschaft",),
    ),
    DemoNews(
        slug="zweiter-zukunftsdialog-leben-2030",
        title="Zweiter Zukunftsdialog: Wie leben wir 2030?",
        date=dt.date(2022, 3, 29),
        author_role="Regionallotsin 4",
        teaser=(
            "Wie sieht das Leben im Landkreis im Jahr 2030 aus? Bis zum 30. April 2022 können alle online Thesen zur "
            "Zukunft bewerten, darüber diskutieren und eigene Zukunftsbilder einreichen."
        ),
        image=(
            "Demo-Grafik: Sonne über Hügeln",
            "hills",
            "abend",
            "Abstrakte Grafik: eine Sonne über gestaffelten violetten Hügeln mit einem Fluss – Sinnbild für den "
            "Blick in die Zukunft.",
        ),
        body=[
            (
                "text",
                "<p>Der zweite Zukunftsdialog schaut nach vorn: Wie wollen wir im Jahr 2030 im Landkreis "
                "Mayen-Koblenz leben, arbeiten und unterwegs sein?</p>"
                "<p>Vom 29. März bis zum 30. April 2022 stehen online Thesen zum Leben im Jahr 2030 zur Diskussion. "
                "Sie können jede These bewerten, kommentieren und mit anderen darüber ins Gespräch kommen. Wer eine "
                "eigene Vorstellung von der Zukunft hat, kann sie als Zukunftsbild einreichen.</p>",
            ),
            (
                "text",
                "<p>Die Ergebnisse helfen, die Zielbilder der Digitalstrategie zu schärfen.</p>",
            ),
        ],
        topics=("gemeinschaft", "mobilitaet", "arbeit"),
    ),
    DemoNews(
        slug="kommunaldialoge-2022",
        title="Kommunaldialoge: Das Projekt kommt in die Orte",
        date=dt.date(2022, 5, 1),
        author_role="Regionallotsin 1",
        teaser=(
            "Im Mai und Juni 2022 war das Projektteam in vier Teilregionen des Kreises unterwegs: tagsüber mit einem "
            "Stand mitten im Ort, abends mit einer Veranstaltung, für die man sich anmelden konnte."
        ),
        image=(
            "Demo-Grafik: Runde am Tisch",
            "gathering",
            "abend",
            "Abstrakte Grafik: stilisierte Menschen im Halbkreis um einen Tisch – Sinnbild für Gespräche vor Ort.",
        ),
        body=[
            (
                "text",
                "<p>Digitalisierung soll dort ankommen, wo Menschen leben. Deshalb gab es im Mai und Juni 2022 die "
                "ersten Kommunaldialoge – in vier Teilregionen, damit niemand weit fahren musste.</p>"
                "<p>Jeder Kommunaldialog hatte zwei Teile. Tagsüber stand das Team mit einem Stand auf der Straße, "
                "für alle, die vorbeikamen. Am Abend folgte eine Veranstaltung mit Anmeldung, bei der mehr Zeit für "
                "Gespräche und Fragen war.</p>",
            ),
            ("heading", "Ansprechpartnerin vor Ort"),
            (
                "text",
                "<p>Bei den Kommunaldialogen waren auch die Regionallotsinnen dabei. Jede ist für einige der zehn "
                'Kommunen zuständig. Wer für Ihre Kommune da ist, sehen Sie unter <a href="/kommunen/">Kommunen'
                "</a>.</p>",
            ),
        ],
        topics=("gemeinschaft",),
        municipalities=ALL_MUNICIPALITIES,
    ),
    DemoNews(
        slug="erstes-zukunftsforum",
        title="Erstes Zukunftsforum mit rund 200 Gästen",
        date=dt.date(2022, 9, 13),
        author_role="Stabsstelle Smart Cities",
        teaser=(
            "Am 13. September 2022 fand das erste Zukunftsforum statt. Rund 200 Menschen kamen, um Zwischenergebnisse "
            "zu sehen und mitzudiskutieren. Im Herbst lief außerdem der dritte Zukunftsdialog mit 26 möglichen "
            "Lösungen."
        ),
        image=(
            "Demo-Grafik: Forum",
            "gathering",
            "eifel",
            "Abstrakte Grafik: stilisierte Menschen in grünen Tönen sitzen im Halbkreis um einen großen Tisch – "
            "Sinnbild für das Zukunftsforum.",
        ),
        body=[
            (
                "text",
                "<p>Rund 200 Menschen kamen am 13. September 2022 zum ersten Zukunftsforum der Smarten Region "
                "MYK10. Das Team zeigte, was seit dem Start erreicht wurde: vom Ideenwettbewerb über die "
                "Zukunftsdialoge bis zu den Kommunaldialogen. Gemeinsam wurde darüber diskutiert, und am Ende "
                "standen die Aufgaben für das nächste Projektjahr fest.</p>"
                "<p>Das Zukunftsforum findet von nun an jedes Jahr statt.</p>",
            ),
            ("heading", "Dritter Zukunftsdialog und Dialogtour"),
            (
                "text",
                "<p>Parallel lief im Herbst 2022 der dritte Zukunftsdialog. Diesmal ging es um 26 mögliche Lösungen, "
                "die aus den bisherigen Beiträgen entstanden sind. Alle konnten sie bewerten – online und bei einer "
                "Dialogtour, die durch die Orte des Kreises führte.</p>",
            ),
        ],
        topics=("gemeinschaft",),
    ),
    DemoNews(
        slug="kreistag-beschliesst-digitalstrategie",
        title="Kreistag beschließt die Digitalstrategie",
        date=dt.date(2023, 3, 27),
        author_role="Stabsstelle Smart Cities",
        teaser=(
            "Am 27. März 2023 hat der Kreistag die Digitalstrategie der Smarten Region MYK10 beschlossen. Sie "
            "beschreibt in drei Zielbildern, wohin sich der Kreis entwickeln soll. Als Nächstes folgt die Digitale "
            "Agenda mit konkreten Maßnahmen."
        ),
        image=(
            "Demo-Grafik: Beschluss",
            "document",
            "eifel",
            "Abstrakte Grafik: ein Stapel Papier und ein gelber Kreis mit Haken – Sinnbild für einen gefassten "
            "Beschluss.",
        ),
        body=[
            (
                "text",
                "<p>Der Kreistag des Landkreises Mayen-Koblenz hat am 27. März 2023 die Digitalstrategie "
                "beschlossen. Sie baut auf dem auf, was in den Beteiligungsrunden seit 2021 zusammengekommen ist.</p>",
            ),
            ("heading", "Drei Zielbilder"),
            (
                "text",
                "<ul>"
                "<li><b>„MYK verändert sich“:</b> lebendige Ortskerne und Dienstleistungen vor Ort und von zu "
                "Hause aus.</li>"
                "<li><b>„In MYK gut von A nach B kommen“:</b> Mobilität und Infrastruktur.</li>"
                "<li><b>„MYK vernetzt Menschen“:</b> Gemeinwohl und Zusammenhalt.</li>"
                "</ul>",
            ),
            ("heading", "Von der Strategie zur Digitalen Agenda"),
            (
                "text",
                "<p>Auf die Strategie folgt die Digitale Agenda. Sie ist ein Katalog von Maßnahmen: Für jede "
                "Maßnahme gibt es ein Profil, das beschreibt, was geplant ist, wie es finanziert wird und bis wann "
                "es umgesetzt sein soll. Die Agenda wird jedes Jahr fortgeschrieben.</p>"
                "<p>Mit dem 30. Juni 2023 endet die Strategiephase. Danach beginnt die Umsetzung.</p>",
            ),
        ],
        topics=("mobilitaet", "infrastruktur", "gemeinschaft", "versorgung"),
    ),
    DemoNews(
        slug="zweites-zukunftsforum",
        title="Zweites Zukunftsforum: erste Bilanz nach der Strategiephase",
        date=dt.date(2023, 9, 22),
        author_role="Projektsteuerung",
        teaser=(
            "Am 22. September 2023 kam das zweite Zukunftsforum zusammen – das erste nach dem Ende der "
            "Strategiephase. Das Team zeigte, was erreicht wurde, und gemeinsam wurden die Aufgaben für das nächste "
            "Projektjahr festgelegt."
        ),
        image=(
            "Demo-Grafik: Netz in Grün",
            "network",
            "eifel",
            "Abstrakte Grafik: grüne und gelbe Punkte, durch Linien verbunden – Sinnbild für Projekte, die "
            "zusammenwirken.",
        ),
        body=[
            (
                "text",
                "<p>Ein Jahr nach dem ersten Zukunftsforum hat die Smarte Region MYK10 am 22. September 2023 "
                "wieder öffentlich Bilanz gezogen. Es war das erste Forum seit dem Beschluss der Digitalstrategie "
                "und dem Ende der Strategiephase im Juni.</p>"
                "<p>Im Mittelpunkt standen die ersten Maßnahmen der Digitalen Agenda: Was ist angelaufen, wo hakt "
                "es, und was soll im nächsten Projektjahr als Nächstes angegangen werden?</p>",
            ),
            (
                "text",
                "<p><b>Demo-Hinweis:</b> Ergebnisse und Fotos vom Forum ergänzt die Redaktion.</p>",
            ),
        ],
    ),
    DemoNews(
        slug="drittes-zukunftsforum",
        title="Drittes Zukunftsforum: Bilanz und neue Aufgaben",
        date=dt.date(2024, 9, 5),
        author_role="Leitung der Stabsstelle (CDO)",
        teaser=(
            "Zum dritten Mal hat das Zukunftsforum Bilanz gezogen: Am 5. September 2024 ging es um die Fortschritte "
            "der Digitalen Agenda und um die Aufgaben für das kommende Projektjahr."
        ),
        image=(
            "Demo-Grafik: Landschaft in Grün",
            "hills",
            "mosel",
            "Abstrakte Grafik: grüne Hügel und ein Fluss unter hellem Himmel mit orangefarbener Sonne – Sinnbild "
            "für die Region.",
        ),
        body=[
            (
                "text",
                "<p>Am 5. September 2024 fand das dritte Zukunftsforum der Smarten Region MYK10 statt. Wie in jedem "
                "Jahr stellte das Team vor, was seit dem letzten Forum erreicht wurde, und diskutierte mit den "
                "Gästen, wie es weitergeht.</p>"
                "<p>Die Digitale Agenda wird jedes Jahr fortgeschrieben. Was beim Forum besprochen wurde, fließt in "
                "die nächste Fassung ein.</p>",
            ),
            ("heading", "Der Blick nach vorn"),
            (
                "text",
                "<p>Die Förderung läuft bis Ende 2027. Bis dahin stehen die Umsetzung der Maßnahmen und die Frage "
                "im Mittelpunkt, wie bewährte Angebote auch danach weiterlaufen können.</p>"
                "<p><b>Demo-Hinweis:</b> Ergebnisse und Fotos vom Forum ergänzt die Redaktion.</p>",
            ),
        ],
    ),
]


# Easy language and sign language


def _easy_language_page() -> EasyLanguagePage:
    return EasyLanguagePage(
        title="Leichte Sprache",
        body=[
            ("heading", "Was ist die Smarte Region MYK10?"),
            (
                "text",
                "<p>MYK ist die Abkürzung für den Land-Kreis Mayen-Koblenz.</p>"
                "<p>Im Land-Kreis gibt es 10 Städte und Verbands-Gemeinden.</p>"
                "<p>Deshalb heißt das Projekt: MYK10.</p>"
                "<p>Smart ist ein englisches Wort. Es bedeutet: klug.</p>"
                "<p>In dem Projekt geht es um digitale Dinge. Digital heißt: mit Computer, Handy oder Internet.</p>"
                "<p>Das Projekt will das Leben im Land-Kreis leichter machen. Zum Beispiel so:</p>"
                "<ul>"
                "<li>Man kommt gut von einem Ort zum anderen Ort.</li>"
                "<li>Man bekommt gut die Dinge für den Alltag.</li>"
                "<li>Die Menschen halten gut zusammen.</li>"
                "</ul>",
            ),
            ("heading", "Wer macht das Projekt?"),
            (
                "text",
                "<p>Der Land-Kreis Mayen-Koblenz macht das Projekt.</p>"
                "<p>7 Menschen arbeiten im Team.</p>"
                "<p>4 von ihnen heißen: Regional-Lotsinnen. Jede ist für einige Städte und Verbands-Gemeinden da. "
                "Sie helfen bei Fragen.</p>"
                "<p>Das Projekt bekommt Geld vom Staat. Der Land-Kreis gibt auch Geld dazu.</p>"
                "<p>Das Projekt dauert bis zum Ende vom Jahr 2027.</p>",
            ),
            ("heading", "Was finden Sie auf dieser Internet-Seite?"),
            (
                "text",
                "<p>Oben auf jeder Seite ist ein Menü. Im Menü können Sie wählen:</p>"
                "<ul>"
                "<li><b>Über das Projekt</b><br/>Hier steht: Was will das Projekt? Und wer macht mit?</li>"
                "<li><b>Aktuelles</b><br/>Hier stehen Nachrichten aus dem Projekt.</li>"
                "<li><b>Projektbüro</b><br/>Hier steht: Wo ist das Büro? Und wann ist es offen?</li>"
                "<li><b>Kommunen</b><br/>Kommunen ist ein anderes Wort für Städte und Gemeinden. Hier stehen die "
                "10 Städte und Verbands-Gemeinden. Es gibt eine Liste und eine Karte.</li>"
                "<li><b>Themen</b><br/>Hier stehen die 10 Themen vom Projekt. Zum Beispiel: Arbeit, Bildung und "
                "Medizin.</li>"
                "</ul>"
                "<p>Oben auf jeder Seite ist auch die <b>Suche</b>. Dort schreiben Sie ein Wort hinein. Dann finden "
                "Sie Seiten mit diesem Wort.</p>"
                "<p>Ganz unten auf jeder Seite sind noch mehr Links. Ein Link ist ein Verweis auf eine andere "
                "Seite. Sie klicken darauf. Dann kommen Sie zu der anderen Seite.</p>",
            ),
            ("heading", "Können alle Menschen die Internet-Seite benutzen?"),
            (
                "text",
                "<p>Das wollen wir. Alle Menschen sollen die Internet-Seite gut benutzen können. Auch Menschen mit "
                "Behinderung.</p>"
                "<p>Das nennt man: barriere-frei.</p>"
                "<p>Dazu gibt es eine Erklärung. Sie heißt: Erklärung zur Barriere-Freiheit.</p>"
                "<p>In der Erklärung steht: Die Internet-Seite ist noch nicht ganz barriere-frei.</p>"
                "<ul>"
                "<li>Die Karte können nicht alle gut benutzen. Deshalb gibt es auch eine Liste. In der Liste steht "
                "das Gleiche wie auf der Karte.</li>"
                "<li>Ein Video in Gebärden-Sprache gibt es noch nicht. Es kommt später.</li>"
                "</ul>"
                "<p>Sie finden ein Problem auf der Internet-Seite? Dann schreiben Sie uns bitte. Wir wollen das "
                "Problem lösen.</p>"
                "<p>Sie sind mit unserer Antwort nicht zufrieden? Dann können Sie sich an eine Schlichtungs-Stelle "
                "wenden. Eine Schlichtungs-Stelle hilft bei Streit. Das kostet nichts.</p>"
                '<p>Hier ist die ganze Erklärung: <a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>. '
                "Sie ist in schwerer Sprache.</p>",
            ),
            ("heading", "So erreichen Sie uns"),
            (
                "text",
                "<p>Sie haben eine Frage? Dann schreiben Sie uns eine E-Mail.</p>"
                f"<p>Die E-Mail-Adresse ist:<br/>{MAILTO}</p>"
                "<p>Sie können auch in unser Büro kommen. Die Adresse ist:<br/>Bahnhofstraße 22<br/>56626 "
                "Andernach</p>"
                "<p>Das Büro ist offen:</p>"
                "<ul>"
                "<li>am Montag von 10 Uhr bis 13 Uhr</li>"
                "<li>am Mittwoch von 10 Uhr bis 13 Uhr</li>"
                "<li>am Donnerstag von 14 Uhr bis 17 Uhr</li>"
                "</ul>"
                "<p>Sie können nur zu einer anderen Zeit kommen? Dann schreiben Sie uns vorher eine E-Mail. Dann "
                "machen wir einen Termin aus.</p>",
            ),
        ],
    )


def _sign_language_page() -> ContentPage:
    return ContentPage(
        title="Gebärdensprache",
        summary="Informationen über die Smarte Region MYK10 in Deutscher Gebärdensprache (Platzhalter).",
        body=[
            (
                "text",
                "<p><b>Demo-Platzhalter:</b> Das Video in Deutscher Gebärdensprache (DGS) wird noch aufgenommen. "
                "Unten steht schon jetzt als Text, was es erklären wird.</p>",
            ),
            (
                "video",
                {
                    "title": "Die Smarte Region MYK10 in Deutscher Gebärdensprache",
                    "file_url": "",
                    "captions_url": "",
                    "poster": None,
                    "transcript": "<p>Das Video wird diese Fragen beantworten:</p>"
                    "<ol>"
                    "<li><b>Was ist die Smarte Region MYK10?</b> Ein Projekt des Landkreises Mayen-Koblenz und "
                    "seiner zehn Städte und Verbandsgemeinden. Es sucht digitale Lösungen für den Alltag und wird "
                    "vom Bund bis Ende 2027 gefördert.</li>"
                    "<li><b>Wie ist die Website aufgebaut?</b> Im Menü oben: Über das Projekt, Aktuelles, "
                    "Projektbüro, Kommunen und Themen. Daneben die Suche. Unten auf jeder Seite: Impressum, "
                    "Datenschutz, Barrierefreiheit, Leichte Sprache und Gebärdensprache.</li>"
                    "<li><b>Wie erreiche ich das Team?</b> Per E-Mail an smarte.region@kvmyk.de oder im "
                    "Projektbüro, Bahnhofstraße 22 in Andernach: montags und mittwochs von 10 bis 13 Uhr, "
                    "donnerstags von 14 bis 17 Uhr.</li>"
                    "<li><b>Wo melde ich Barrieren?</b> Ebenfalls per E-Mail. Die Erklärung zur Barrierefreiheit "
                    "beschreibt, wie es danach weitergeht.</li>"
                    "</ol>",
                },
            ),
            (
                "text",
                "<p>Sie möchten das Team in Gebärdensprache treffen? Bitte schreiben Sie vorab eine E-Mail an "
                f"{MAILTO}, damit der Termin gut vorbereitet werden kann.</p>",
            ),
        ],
    )


# Legal pages. Demo texts: the operator must complete and check them.

OPERATOR_ADDRESS = (
    "Landkreis Mayen-Koblenz<br/>vertreten durch den Landrat<br/>[Straße und Hausnummer der Kreisverwaltung]<br/>"
    "[Postleitzahl und Ort]"
)


def _imprint_page() -> ContentPage:
    return ContentPage(
        title="Impressum",
        summary="Angaben zum Anbieter dieser Website (Demo-Text).",
        body=[
            ("text", DEMO_NOTE),
            ("heading", "Anbieter"),
            (
                "text",
                f"<p>{OPERATOR_ADDRESS}</p><p>Telefon: [Telefonnummer der Kreisverwaltung]<br/>E-Mail: {MAILTO}</p>",
            ),
            ("heading", "Kontakt zum Projekt"),
            (
                "text",
                "<p>Stabsstelle Smart Cities – Projektbüro Smarte Region MYK10<br/>Bahnhofstraße 22<br/>"
                f"56626 Andernach<br/>E-Mail: {MAILTO}</p>",
            ),
            ("heading", "Verantwortlich für den Inhalt"),
            ("text", "<p>[Name und Funktion], Anschrift wie oben.</p>"),
            ("heading", "Aufsichtsbehörde"),
            ("text", "<p>[Zuständige Aufsichtsbehörde mit Anschrift]</p>"),
            ("heading", "Bilder, Karten und Daten"),
            (
                "text",
                "<p>Die Bilder dieser Demo-Website sind am Computer erzeugte, abstrakte Grafiken. Die Porträts im "
                "Expertenbeirat sind Platzhalter und zeigen keine echten Personen.</p>"
                "<p>Kartendaten: © OpenStreetMap-Mitwirkende, Open Database License (ODbL).<br/>"
                "Gemeindegrenzen: © GeoBasis-DE / BKG 2021 (Daten verändert), Datenlizenz Deutschland – "
                "Namensnennung 2.0.</p>",
            ),
            ("heading", "Software"),
            (
                "text",
                "<p>Diese Plattform ist freie Software. Sie steht unter der GNU Affero General Public License, "
                "Version 3 oder später.</p>",
            ),
        ],
    )


def _privacy_page() -> ContentPage:
    return ContentPage(
        title="Datenschutz",
        summary="Welche Daten diese Website verarbeitet – und welche nicht (Demo-Text).",
        body=[
            ("text", DEMO_NOTE),
            ("heading", "Das Wichtigste in Kürze"),
            (
                "text",
                "<ul>"
                "<li>Beim Lesen setzt die Website keine Cookies, sonst höchstens zwei technisch notwendige.</li>"
                "<li>Es gibt kein Tracking, keine Statistikdienste und keine Werbung.</li>"
                "<li>Die Seiten laden nichts von fremden Servern – es sei denn, Sie klicken bei einer Karte auf "
                "„Karte laden“.</li>"
                "</ul>",
            ),
            ("heading", "Verantwortliche Stelle"),
            (
                "text",
                f"<p>{OPERATOR_ADDRESS}<br/>E-Mail: {MAILTO}</p>"
                "<p>Datenschutzbeauftragte oder Datenschutzbeauftragter: [Name und Kontakt]</p>",
            ),
            ("heading", "Wenn Sie eine Seite aufrufen"),
            (
                "text",
                "<p>Damit eine Seite bei Ihnen ankommt, schickt Ihr Browser technisch bedingt Daten an den Server, "
                "zum Beispiel Ihre IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse und die Kennung Ihres "
                "Browsers. Diese Daten werden nur verwendet, um die Seite auszuliefern und den Betrieb zu "
                "sichern.</p>"
                "<p>[Der Betreiber ergänzt: Wo die Website betrieben wird, ob und wie lange Server-Protokolle "
                "gespeichert werden, und die Rechtsgrundlage nach Art. 6 DSGVO.]</p>",
            ),
            ("heading", "Wenn Sie ein Konto anlegen"),
            (
                "text",
                "<p>Für ein Konto speichern wir Ihre E-Mail-Adresse, Ihr Passwort (nur verschlüsselt als Prüfwert), "
                "den öffentlichen Namen, den Sie wählen, und freiwillig Ihre Heimatkommune. Dazu kommt, wann Sie "
                "welcher Fassung der Teilnahmebedingungen und dieser Hinweise zugestimmt haben. Ihre E-Mail-Adresse "
                "sieht niemand außer dem Projektteam; öffentlich steht nur Ihr gewählter Name.</p>"
                "<p>Unter „Mein Konto“ sehen Sie jederzeit alle Daten, die wir über Sie haben, und laden sie als "
                "Datei herunter. Dort können Sie Ihr Konto auch selbst löschen: Ihre persönlichen Daten werden dann "
                "entfernt; öffentliche Beiträge bleiben ohne Ihren Namen unter „Gelöschtes Konto“ stehen, damit "
                "Diskussionen lesbar bleiben.</p>",
            ),
            ("heading", "Cookies"),
            (
                "text",
                "<p>Wer die Seiten nur liest, bekommt keine Cookies. Erst wenn Sie ein Formular nutzen oder sich "
                "anmelden, setzt die Website höchstens diese zwei Cookies:</p>"
                "<ul>"
                "<li><b>Sitzungs-Cookie</b> („sessionid“): Er hält Ihre Anmeldung aufrecht, wenn Sie ein "
                "Konto haben und angemeldet sind.</li>"
                "<li><b>CSRF-Cookie</b> („csrftoken“): Er schützt Formulare davor, dass eine fremde Website in Ihrem "
                "Namen Daten abschickt.</li>"
                "</ul>"
                "<p>Keiner der beiden Cookies dient dazu, Ihr Verhalten auszuwerten. Weil beide technisch notwendig "
                "sind, braucht die Website kein Cookie-Banner.</p>",
            ),
            ("heading", "Kein Tracking"),
            (
                "text",
                "<p>Die Website verwendet keine Statistik-, Analyse- oder Werbedienste, keine Social-Media-"
                "Schaltflächen und keine Schriften oder Skripte von fremden Servern. Es werden keine Nutzungsprofile "
                "erstellt.</p>",
            ),
            ("heading", "Karten"),
            (
                "text",
                "<p>Einige Seiten, etwa die Übersicht der Kommunen, bieten eine Karte an. Sie wird nicht "
                "automatisch geladen. Erst wenn Sie auf „Karte laden“ klicken, holt Ihr Browser Kartenbilder vom "
                "Kartenserver des OpenStreetMap-Projekts (tile.openstreetmap.org). Dieser Server erfährt dabei Ihre "
                "IP-Adresse und technische Angaben zu Ihrem Browser. Dafür gilt die Datenschutzerklärung der "
                "OpenStreetMap Foundation.</p>"
                "<p>Ohne Ihren Klick wird keine Verbindung aufgebaut. Alle Angaben der Karte stehen auch in einer "
                "Liste.</p>",
            ),
            ("heading", "Wenn Sie uns schreiben"),
            (
                "text",
                "<p>Wenn Sie eine E-Mail schicken, werden Ihre Angaben nur verwendet, um Ihr Anliegen zu "
                "bearbeiten. [Der Betreiber ergänzt, wie lange E-Mails aufbewahrt werden.]</p>",
            ),
            ("heading", "Ihre Rechte"),
            (
                "text",
                "<p>Sie haben das Recht auf Auskunft über Ihre gespeicherten Daten, auf Berichtigung, Löschung und "
                "Einschränkung der Verarbeitung sowie das Recht, der Verarbeitung zu widersprechen. Außerdem können "
                "Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren. [Der Betreiber ergänzt die zuständige "
                "Aufsichtsbehörde mit Anschrift.]</p>",
            ),
        ],
    )


def _terms_page() -> ContentPage:
    # The sign-up form links here; whoever changes the rules raises
    # settings.TERMS_VERSION, so that new acceptances record the new text.
    return ContentPage(
        title="Teilnahmebedingungen",
        summary="Die Regeln für alle, die sich mit einem Konto auf dieser Plattform beteiligen (Demo-Text).",
        body=[
            ("text", DEMO_NOTE),
            ("heading", "Worum es geht"),
            (
                "text",
                "<p>Auf dieser Plattform sammelt der Landkreis Mayen-Koblenz Ideen, Meinungen und Erfahrungen für "
                "die Smarte Region MYK10. Lesen können alle. Wer Ideen einreichen, kommentieren oder unterstützen "
                "möchte, legt ein kostenloses Konto an und stimmt diesen Bedingungen zu.</p>",
            ),
            ("heading", "Ihr Konto"),
            (
                "text",
                "<ul>"
                "<li>Ein Konto gehört einer Person. Bitte geben Sie eine E-Mail-Adresse an, die Ihnen gehört, und "
                "bestätigen Sie sie über den Link, den wir Ihnen schicken. Erst dann können Sie Beiträge "
                "schreiben.</li>"
                "<li>Bei Ihren Beiträgen steht der öffentliche Name, den Sie selbst wählen. Ein Pseudonym ist "
                "ausdrücklich erlaubt. Bitte geben Sie sich nicht als eine andere Person oder als Stelle des "
                "Landkreises aus.</li>"
                "<li>Ihre E-Mail-Adresse sieht niemand außer dem Projektteam. Die Angabe Ihrer Heimatkommune ist "
                "freiwillig und fließt nur in anonyme Statistiken ein.</li>"
                "<li>Halten Sie Ihr Passwort geheim. Wenn Sie vermuten, dass jemand anderes es kennt, ändern Sie "
                "es bitte sofort.</li>"
                "</ul>",
            ),
            ("heading", "Wie wir miteinander umgehen"),
            (
                "text",
                "<p>Hier diskutieren Nachbarinnen und Nachbarn aus Stadt und Dorf. Bitte schreiben Sie so, wie Sie "
                "auch im Gemeindesaal sprechen würden: sachlich, freundlich und zum Thema. Nicht erlaubt sind:</p>"
                "<ul>"
                "<li>Beleidigungen, Drohungen, Hetze und Diskriminierung,</li>"
                "<li>Werbung und Wahlkampf für Parteien oder Kandidierende,</li>"
                "<li>Namen, Adressen, Fotos oder andere persönliche Angaben über Dritte ohne deren Einverständnis,"
                "</li>"
                "<li>Texte und Bilder, an denen Sie keine Rechte haben,</li>"
                "<li>alles, was gegen geltendes Recht verstößt.</li>"
                "</ul>",
            ),
            ("heading", "Moderation"),
            (
                "text",
                "<p>Das Projektteam liest mit. Beiträge, die gegen diese Regeln verstoßen, blendet es aus und nennt "
                "dabei öffentlich den Grund. Wer wiederholt oder schwer gegen die Regeln verstößt, kann gesperrt "
                "werden; beim Anmelden erfährt die Person, warum. Wenn Sie einen problematischen Beitrag sehen, "
                "sagen Sie dem Projektteam bitte Bescheid.</p>",
            ),
            ("heading", "Was mit Ihren Beiträgen geschieht"),
            (
                "text",
                "<p>Ihre Ideen und Kommentare sind öffentlich. Mit dem Absenden erlauben Sie dem Landkreis, sie auf "
                "dieser Plattform zu zeigen und für die Arbeit am Projekt zu verwenden, etwa in Auswertungen, "
                "Berichten und in der Digitalen Agenda, jeweils mit Ihrem öffentlichen Namen. Ein Anspruch darauf, "
                "dass eine Idee umgesetzt wird, entsteht dadurch nicht. Wie über Ideen entschieden wird, erklärt "
                "der jeweilige Beteiligungsprozess.</p>",
            ),
            ("heading", "Ihre Daten mitnehmen, Ihr Konto löschen"),
            (
                "text",
                "<p>Unter „Mein Konto“ können Sie jederzeit alle Daten herunterladen, die die Plattform über Sie "
                "gespeichert hat, und Ihr Konto löschen. Beim Löschen entfernen wir Ihre persönlichen Angaben. "
                "Öffentliche Beiträge bleiben unter dem Namen „Gelöschtes Konto“ stehen, damit Diskussionen "
                "verständlich bleiben; Ihre Unterstützungen zählen nur noch als anonyme Zahl. Mehr dazu steht in "
                'den <a href="/datenschutz/">Datenschutzhinweisen</a>.</p>',
            ),
            ("heading", "Wenn sich diese Bedingungen ändern"),
            (
                "text",
                "<p>Jede Fassung dieser Bedingungen hat eine Versionsangabe. Bei Ihrem Konto ist gespeichert, "
                "welcher Fassung Sie wann zugestimmt haben. Ändern sich die Regeln, steht die neue Fassung auf dieser "
                "Seite, und wir weisen auf der Plattform darauf hin.</p>"
                "<p>Fassung: [Versionsangabe, zum Beispiel 2026-11] · Stand: [Datum]</p>",
            ),
            ("heading", "Fragen"),
            (
                "text",
                f"<p>Fragen zu diesen Bedingungen beantwortet das Projektteam unter {MAILTO} oder im "
                '<a href="/projektbuero/">Projektbüro</a>.</p>',
            ),
        ],
    )


def _accessibility_page() -> ContentPage:
    return ContentPage(
        title="Erklärung zur Barrierefreiheit",
        summary="Wie barrierefrei diese Website ist, wo es noch hakt und wie Sie Barrieren melden (Demo-Text).",
        body=[
            ("text", DEMO_NOTE),
            (
                "text",
                "<p>Der Landkreis Mayen-Koblenz möchte, dass alle Menschen diese Website gut nutzen können. Maßstab "
                "sind die Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA und die "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).</p>",
            ),
            ("heading", "Stand der Vereinbarkeit"),
            (
                "text",
                "<p>Diese Website ist mit den Anforderungen <b>teilweise vereinbar</b>. Die bekannten "
                "Einschränkungen stehen unten.</p>"
                "<p>Beim Bau wurde darauf geachtet, dass sich alle Seiten mit der Tastatur und mit einem Screenreader "
                "bedienen lassen, dass Texte vergrößert werden können und dass Kontraste ausreichen. Eine "
                "unabhängige Prüfung steht noch aus.</p>",
            ),
            ("heading", "Was noch nicht barrierefrei ist"),
            (
                "text",
                "<ul>"
                "<li><b>Karte der Kommunen:</b> Die Karte selbst ist nicht vollständig barrierefrei, zum Beispiel "
                "mit einem Screenreader. Alle ihre Angaben stehen auch in der Liste unter "
                '<a href="/kommunen/">Kommunen</a>.</li>'
                "<li><b>Video in Gebärdensprache:</b> Das Video wird noch aufgenommen. Bis dahin steht auf der "
                'Seite <a href="/gebaerdensprache/">Gebärdensprache</a> ein Platzhalter mit dem geplanten Inhalt '
                "als Text.</li>"
                '<li><b>Leichte Sprache:</b> Bisher gibt es eine <a href="/leichte-sprache/">Seite in Leichter '
                "Sprache</a>. Sie wurde noch nicht von einer Prüfgruppe gelesen.</li>"
                "</ul>",
            ),
            ("heading", "Wie diese Erklärung entstanden ist"),
            (
                "text",
                "<p>Diese Erklärung wurde am [Datum] erstellt. Sie beruht auf [einer Selbstbewertung oder einem "
                "Test durch eine Prüfstelle]. Zuletzt überprüft wurde sie am [Datum].</p>",
            ),
            ("heading", "Barrieren melden"),
            (
                "text",
                "<p>Ist Ihnen eine Barriere aufgefallen? Oder brauchen Sie einen Inhalt in einer anderen Form? "
                f"Schreiben Sie an {MAILTO}. Bitte nennen Sie die Adresse der Seite und beschreiben Sie kurz, was "
                "nicht funktioniert. Sie können Ihr Anliegen auch persönlich im "
                '<a href="/projektbuero/">Projektbüro</a> vortragen.</p>'
                "<p>[Der Betreiber ergänzt, innerhalb welcher Frist Sie eine Antwort erhalten.]</p>",
            ),
            ("heading", "Schlichtungsverfahren"),
            (
                "text",
                "<p>Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie "
                "sich an die zuständige Schlichtungsstelle wenden. Sie vermittelt zwischen Ihnen und der "
                "öffentlichen Stelle und sucht eine Lösung ohne Gericht. Das Verfahren ist kostenlos, und Sie "
                "brauchen keinen Anwalt.</p>"
                "<p>[Der Betreiber ergänzt Name, Anschrift und Internetadresse der zuständigen "
                "Schlichtungsstelle.]</p>",
            ),
        ],
    )
