"""Existing ideas that look like the one someone is writing.

While a person types a title, and again on the compare step before the
final submit, the form shows up to five public ideas of the same process
that look similar, so that people support an idea instead of submitting it
twice.

How it works, on SQLite and PostgreSQL alike (no extension, no full-text
backend, no code for one database only; just LIKE through `contains`):

1. The title and text are cut into words, German stop words are dropped and
   every word is reduced to its stem by `stem()`: the Snowball German
   stemmer of the `snowballstemmer` package, plus the feminine "-innen":
   "Mitfahrbänke" and "Mitfahrbank" both become "mitfahrbank",
   "Seniorinnen" and "Senioren" "senior".
2. One query fetches the candidates: public, not withdrawn ideas of the
   process whose title (or, among the TEXT_WINDOW newest, text) contains
   the beginning or the end of a query word ("mitf", "bank"), those with
   most such hits in the title first, at most CANDIDATES of them. The
   beginning and end of a compound are what it shares with a phrase of its
   parts: "Mitfahrbank" finds "Bank zum Mitfahren", "Dorfladenautomat"
   finds "Automat im Dorfladen".
3. In Python each candidate is scored against the query: the cosine of
   their stem vectors and the cosine of their letter-trigram vectors, half
   and half, the title counting twice, the candidates' terms weighted by
   IDF over the candidates. Compounds also count their parts when these
   occur as words ("dorfladenautomat" adds "dorflad" and "automat"), and
   the trigrams catch the rest ("Ladesäule", "Ladestation"). Candidates
   below THRESHOLD, or below RELATIVE_CUT of the best one, are dropped.

The scorer works on any objects with `title` and `text`, so the labelled
German set (ideas/tests/similar_labelled.py) is measured without a database
(`manage.py similar_precision`).
"""

import functools
import math
import operator
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.db.models import Case, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

# At most this many candidates are scored in Python (about 0.3 ms each);
# those with the most query words in their title come first, so the five
# best are among them.
CANDIDATES = 100
# Texts are searched only among this many newest ideas of the process;
# titles among all of them.
TEXT_WINDOW = 2000
# Query words (title first, then the longest of the text) that become
# search patterns; every pattern is one LIKE per row, so keep them few.
MAX_PATTERNS = 12
# Only the start of a long text is compared: the gist of an idea is there,
# and scoring 100 texts of 4,000 characters would cost more than it gains.
TEXT_CHARS = 1500
# Scores are in [0, 1]; below THRESHOLD an idea is not "similar", and an
# idea scoring less than RELATIVE_CUT of the best one is noise next to it.
# Both were tuned on DEV_QUERIES of the labelled set (see there).
THRESHOLD = 0.25
RELATIVE_CUT = 0.5
# The weight of the stem cosine in the blend; the rest is the trigram one.
STEM_WEIGHT = 0.5
TITLE_WEIGHT = 2
TITLE_ONLY_FACTOR = 0.8
# Compounds are split into parts that occur as words among the query and
# the candidates; a part has at least MIN_PART letters and counts
# PART_WEIGHT of the compound.
MIN_PART = 4
PART_WEIGHT = 0.5
# A query title shorter than this (after normalising) finds nothing: "Bu"
# would match half the region.
MIN_QUERY_CHARS = 3

# German function words and the words every idea uses ("Idee", "bitte",
# "sollte"); they carry no meaning for similarity. Written without umlauts
# and ß, as `normalize()` leaves words.
_STOP_WORDS = """
    aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bisher
    bitte bzw da dabei dadurch dafur damit dann darum das dass davon dazu dem den denn der des dessen deshalb
    die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines einfach
    einige er es etwa etwas euch fur gab ganz gar gibt gut gute guten hab habe haben hat hatte hatten hier
    hin ich ihr ihre ihrem ihren im immer in ins ist ja jede jedem jeden jeder jedes jetzt kann kein keine
    konnen konnte konnten man manche mehr mein meine mit mochte mochten muss mussen musste nach nicht noch
    nun nur ob oder ohne ort orte sehr sein seine sich sie sind so soll sollen sollte sollten sondern sowie
    statt uber um und uns unser unsere unserem unseren unserer unter viel viele vom von vor war waren ware
    was weil welche wenn wer werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen
    idee ideen vorschlag vorschlage neu neue neuen neuer neues moglich moglichkeit schon
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_WORD = re.compile(r"[^\W_]+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# Common word endings that would match almost every text as a pattern.
_COMMON_GRAMS = frozenset(["tion", "lich", "isch", "heit", "keit", "chen", "sche", "iert", "ende", "ngen", "rung"])


def normalize(text: str) -> str:
    """Lower case, umlauts folded to their base vowel, ß to ss, other
    accents dropped: "Straße" -> "strasse", "Bänke" -> "banke"."""
    text = text.lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- German stemming -------------------------------------------------------
# The Snowball German stemmer of the `snowballstemmer` package
# (snowballstem.org/algorithms/german), on words that `normalize()` has
# already folded (no umlauts, no ß): Snowball folds umlauts in the stems it
# returns anyway. The lock keeps snowballstemmer 2.x, the classic German
# algorithm: 3.x also strips "-et" ("Tablet" -> "tabl", "Paket" -> "pak"),
# which joins unrelated loanwords and costs precision on the fresh set of
# `manage.py similar_precision` (0.61 -> 0.59). A stemmer object keeps
# state while it works, so each thread has its own.

_stemmers = threading.local()


def _snowball(word: str) -> str:
    stemmer = getattr(_stemmers, "german", None)
    if stemmer is None:
        stemmer = _stemmers.german = snowballstemmer.stemmer("german")
    return stemmer.stemWord(word)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one normalised German word: "mitfahrbanke" ->
    "mitfahrbank", "ladestationen" -> "ladestation", "senioren" ->
    "senior", "digitale" -> "digital"."""
    # Feminine forms are not in Snowball; without this "Seniorinnen" and
    # "Senioren" would not meet. Only the unambiguous endings: "-in" alone
    # also ends "Termin" and "Medizin".
    if word.endswith("innen") and len(word) >= 9:
        word = word[:-5]
    elif word.endswith(("erin", "orin")) and len(word) >= 7:
        word = word[:-2]
    word = _snowball(word)
    # "Busse" and "Bus", "Schlösser" and "Schloss" meet as "bus", "schlos".
    if word.endswith("ss"):
        word = word[:-1]
    return word


# --- Documents ------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    stem: str
    # The word as written (lower case, umlauts kept) minus what stemming
    # cut off: what a LIKE pattern must contain to find the word in the
    # database, whose text has its umlauts.
    written: str


@lru_cache(maxsize=50_000)
def _token(word: str) -> Token | None:
    folded = normalize(word)
    if len(folded) < 2 or folded in STOP_WORDS or folded.isdigit():
        return None
    stemmed = stem(folded)
    if len(stemmed) < 2 or stemmed in STOP_WORDS:
        return None
    cut = len(folded) - len(stemmed)
    return Token(stemmed, word[: len(word) - cut] if cut else word)


def tokens(text: str) -> list[Token]:
    """The content words of `text`, stemmed, stop words dropped."""
    return [token for word in _WORD.findall(text.lower()) if (token := _token(word)) is not None]


@lru_cache(maxsize=50_000)
def _trigrams(stemmed: str) -> tuple[str, ...]:
    padded = f"^{stemmed}$"
    return tuple(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass
class Features:
    stems: Counter
    grams: Counter


def _count(text: str, weight: int) -> Features:
    found = [token.stem for token in tokens(text)]
    stems = Counter(found)
    grams = Counter(gram for stemmed in found for gram in _trigrams(stemmed))
    if weight != 1:
        for counter in (stems, grams):
            for term in counter:
                counter[term] *= weight
    return Features(stems, grams)


def features(title: str, text: str = "") -> tuple[Features, Features]:
    """Stem and trigram counts of a title and text, the title counting
    TITLE_WEIGHT times; and those of the title alone."""
    title_only = _count(title, TITLE_WEIGHT)
    if not text:
        return Features(Counter(title_only.stems), Counter(title_only.grams)), title_only
    whole = _count(text[:TEXT_CHARS], 1)
    whole.stems.update(title_only.stems)
    whole.grams.update(title_only.grams)
    return whole, title_only


def _parts(stemmed: str, vocabulary: frozenset) -> tuple[str, ...]:
    """The longest head and the longest tail of a compound that are words
    of their own in `vocabulary`: "dorfladenautomat" -> ("dorflad",
    "automat") when both occur. Heads may keep a linking s ("vereins")."""
    if len(stemmed) < 2 * MIN_PART:
        return ()
    parts = []
    for end in range(len(stemmed) - MIN_PART, MIN_PART - 1, -1):
        head = stemmed[:end]
        if head in vocabulary or (head.endswith("s") and head[:-1] in vocabulary):
            parts.append(head if head in vocabulary else head[:-1])
            break
    for start in range(MIN_PART, len(stemmed) - MIN_PART + 1):
        if stemmed[start:] in vocabulary:
            parts.append(stemmed[start:])
            break
    return tuple(parts)


def _with_parts(stems: Counter, vocabulary: frozenset) -> Counter:
    """`stems` plus the known parts of its compounds, at PART_WEIGHT of
    the compound's count, so that "Mitfahrbank" shares "bank" and
    "mitfahr" with "Bank zum Mitfahren"."""
    expanded = Counter(stems)
    for stemmed, count in stems.items():
        for part in _parts(stemmed, vocabulary):
            expanded[part] += count * PART_WEIGHT
    return expanded


def _idf(documents: Iterable[Counter]) -> dict:
    """Smoothed IDF (never 0, as in scikit-learn) of every term of the
    candidates."""
    df, count = Counter(), 0
    for document in documents:
        df.update(document.keys())
        count += 1
    return {term: 1.0 + math.log((count + 1) / (n + 1)) for term, n in df.items()}


def _cosine(query: Counter, document: Counter, idf: dict) -> float:
    """Cosine of a query and a candidate, the candidate's terms weighted
    by IDF over the candidates, the query's by their count alone.

    IDF over the candidates is biased: they were chosen because they share
    the query's words, so among 100 ideas about Mitfahrbänke "mitfahrbank"
    looks common. Weighting the query by IDF too would let its unmatched
    words dominate its norm and push every score below the threshold;
    unweighted, the query's norm does not depend on who the candidates
    are, and the threshold means the same with 50 ideas or 10,000."""
    dot = sum(tf * document[term] * idf[term] for term, tf in query.items() if term in document)
    if not dot:
        return 0.0
    query_norm = math.sqrt(sum(tf * tf for tf in query.values()))
    document_norm = math.sqrt(sum((tf * idf[term]) ** 2 for term, tf in document.items()))
    return dot / (query_norm * document_norm)


def _similarity(query: Features, document: Features, stem_idf: dict, gram_idf: dict) -> float:
    return STEM_WEIGHT * _cosine(query.stems, document.stems, stem_idf) + (1 - STEM_WEIGHT) * _cosine(
        query.grams, document.grams, gram_idf
    )


def rank(title: str, text: str, candidates: Sequence, limit: int = 5) -> list[tuple[float, object]]:
    """Score `candidates` (objects with `title` and `text`) against a
    query and return the similar ones as (score, candidate), best first:
    at most `limit`, none below THRESHOLD or below RELATIVE_CUT of the
    best. Needs no database."""
    query, query_title = features(title, text)
    if not query.stems:
        return []
    documents, titles = [], []
    for candidate in candidates:
        document, candidate_title = features(candidate.title, candidate.text)
        documents.append(document)
        titles.append(candidate_title)
    vocabulary = frozenset(query.stems).union(*(document.stems for document in documents))
    for item in (query, query_title, *documents, *titles):
        item.stems = _with_parts(item.stems, vocabulary)
    stem_idf = _idf(document.stems for document in documents)
    gram_idf = _idf(document.grams for document in documents)
    scored = []
    for candidate, document, candidate_title in zip(candidates, documents, titles, strict=True):
        # Whole against whole, and title against title: a short title
        # typed so far is lost in the candidate's long text otherwise.
        score = max(
            _similarity(query, document, stem_idf, gram_idf),
            TITLE_ONLY_FACTOR * _similarity(query_title, candidate_title, stem_idf, gram_idf),
        )
        if score >= THRESHOLD:
            scored.append((score, candidate))
    # Stable for equal scores: the candidates come newest first.
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if scored:
        floor = scored[0][0] * RELATIVE_CUT
        scored = [pair for pair in scored if pair[0] >= floor]
    return scored[:limit]


# --- The database side ----------------------------------------------------


def search_patterns(title: str, text: str = "") -> list[str]:
    """The substrings a candidate must contain at least one of: for each
    content word its whole written stem when short, otherwise its first
    and last four letters; title words first, then the longest text
    words; at most MAX_PATTERNS."""
    title_tokens = tokens(title)
    text_tokens = sorted(tokens(text[:TEXT_CHARS]), key=lambda token: len(token.written), reverse=True)
    patterns = []
    for token in [*title_tokens, *text_tokens]:
        written = token.written
        if len(written) < 3:
            continue
        pieces = [written] if len(written) <= 5 else [written[:4], written[-4:]]
        for piece in pieces:
            if piece not in patterns and piece not in _COMMON_GRAMS:
                patterns.append(piece)
    return patterns[:MAX_PATTERNS]


def is_searchable(title: str) -> bool:
    """Whether a title is long enough to look for similar ideas."""
    return len("".join(_WORD.findall(normalize(title)))) >= MIN_QUERY_CHARS


def spellings(pattern: str) -> list[str]:
    """How a lower-case pattern can be written in a text: as is ("bank" in
    "Mitfahrbank"), capitalised ("Bank", German nouns) and in capitals
    ("WLAN")."""
    return list(dict.fromkeys([pattern, pattern[0].upper() + pattern[1:], pattern.upper()]))


def _contains(field: str, pattern: str) -> Q:
    return functools.reduce(operator.or_, (Q(**{f"{field}__contains": s}) for s in spellings(pattern)))


def candidate_ideas(process, title: str, text: str = "", exclude_pk=None):
    """The queryset of ideas worth scoring (one query when evaluated), or
    None when the query has no usable word.

    An idea is a candidate when its title contains a pattern, or, for the
    TEXT_WINDOW newest ideas, its text does: scanning every text of 10,000
    ideas on each keystroke cost more than everything else together, and
    a duplicate's title nearly always shares a word with the query.

    Each pattern is looked for in its three spellings with the
    case-sensitive `contains` (LIKE), not with `icontains`: PostgreSQL
    runs `icontains` as UPPER(text) LIKE UPPER(pattern) and upper-cases
    every text once per pattern, which was several times slower; SQLite's
    LIKE ignores the case of ASCII letters anyway. The spellings also make
    the search independent of how each database folds umlauts."""
    from smartregion.ideas.models import Idea

    patterns = search_patterns(title, text)
    if not patterns:
        return None
    in_any_title, in_any_text = Q(), Q()
    title_hits = []
    for pattern in patterns:
        in_title = _contains("title", pattern)
        in_any_title |= in_title
        in_any_text |= _contains("text", pattern)
        title_hits.append(Case(When(in_title, then=Value(1)), default=Value(0)))
    ideas = Idea.objects.public().filter(process=process).exclude(status=Idea.Status.WITHDRAWN)
    # The pk of the TEXT_WINDOW-th newest idea (0 when there are fewer).
    window_start = Coalesce(Subquery(ideas.order_by("-pk").values("pk")[TEXT_WINDOW - 1 : TEXT_WINDOW]), Value(0))
    ideas = (
        ideas.filter(in_any_title | (Q(pk__gte=window_start) & in_any_text))
        .select_related("municipality")
        .only("pk", "process_id", "title", "text", "status", "support_count", "created_at", "municipality__name")
        .annotate(title_hits=functools.reduce(operator.add, title_hits))
        .order_by("-title_hits", "-created_at", "-pk")
    )
    if exclude_pk is not None:
        ideas = ideas.exclude(pk=exclude_pk)
    return ideas[:CANDIDATES]


def rank_in_memory(title: str, text: str, pool: Sequence, limit: int = 5) -> list[tuple[float, object]]:
    """What `find_similar` does, on a list of objects with `title` and
    `text` (newest first) instead of the database: the same prefilter
    (Python's substring test for `contains`), the same order of the
    candidates, the same scoring. The labelled set is measured with it."""
    patterns = search_patterns(title, text)
    if not is_searchable(title) or not patterns:
        return []
    candidates = []
    for position, item in enumerate(pool):
        in_title = [any(s in item.title for s in spellings(pattern)) for pattern in patterns]
        in_text = position < TEXT_WINDOW and any(s in item.text for pattern in patterns for s in spellings(pattern))
        if any(in_title) or in_text:
            candidates.append((sum(in_title), item))
    # sorted() is stable: equal title hits keep the pool's order.
    candidates = [item for _hits, item in sorted(candidates, key=lambda pair: -pair[0])][:CANDIDATES]
    return rank(title, text, candidates, limit)


def find_similar(process, title: str, text: str = "", limit: int = 5, exclude_pk=None) -> list:
    """Up to `limit` public, not withdrawn ideas of `process` that look
    like an idea with this `title` and `text`, most similar first; empty
    for a title shorter than MIN_QUERY_CHARS. One query (none for a short
    or empty title), whatever the number of ideas. The ideas come with
    their municipality and `process` set, so that `get_absolute_url()`
    and the fragment need no further query. `exclude_pk` leaves out the
    idea being edited."""
    if not is_searchable(title):
        return []
    candidates = candidate_ideas(process, title, text, exclude_pk)
    if candidates is None:
        return []
    ideas = [idea for _score, idea in rank(title, text, list(candidates), limit)]
    for idea in ideas:
        idea.process = process
    return ideas
