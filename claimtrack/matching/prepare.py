"""Turn a claim text into the comparable facts matching works on.

``prepare`` runs once per claim (when it is indexed) and once per query. It folds the text,
rewrites figures ("2.000" -> "2000"), places ("Alma-Ata" -> "almaty") and aliases
("ОДКБ" -> "csto") into canonical tokens so that notation and spelling stop mattering, and keeps
the figures, places, dates, persons and polarity apart for conflict checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from operator import and_, itemgetter

from mypy_extensions import mypyc_attr

from claimtrack.languages import is_supported
from claimtrack.matching._stopwords import ENGLISH_HINTS, GERMAN_HINTS, STOPWORDS
from claimtrack.matching.names import proper_names
from claimtrack.text._numlex import MONTHS
from claimtrack.text.aliases import AliasTable
from claimtrack.text.normalize import Token, fold, fold_words, tokens
from claimtrack.text.numbers import figures_and_dates
from claimtrack.text.places import find_places
from claimtrack.text.polarity import Polarity, polarity_of_words

# Links and @handles say where a post came from, not what it claims.
_NOISE = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+|(?<!\w)@\w+")
# Every match of _NOISE contains one of these; four substring tests cost less than its scan.
_NOISE_MARKS = ("://", "www.", "pic.twitter.com/", "@")

FigureKey = tuple[float, str | None, str | None, str | None]  # value, unit, counted, qualifier


# A plain class under mypyc too (claimtrack/_native.py): its __init__ fills __dict__.
@mypyc_attr(native_class=False)
@dataclass(frozen=True, init=False)
class Prepared:
    """A claim reduced to what matching compares. Plain values only, cheap to serialise."""

    norm: str
    language: str
    n_words: int
    figures: tuple[FigureKey, ...]
    places: tuple[tuple[str, str], ...]
    dates: tuple[str, ...]
    persons: tuple[str, ...]
    polarity: Polarity
    # Proper names no table knows ("vik", "google"), folded; see ``names``.
    names: tuple[str, ...] = ()

    def __init__(
        self,
        norm: str,
        language: str,
        n_words: int,
        figures: tuple[FigureKey, ...],
        places: tuple[tuple[str, str], ...],
        dates: tuple[str, ...],
        persons: tuple[str, ...],
        polarity: Polarity,
        names: tuple[str, ...] = (),
    ) -> None:
        # What the generated __init__ does, in one dict update instead of one
        # object.__setattr__ call a field (half the time; made once per claim read).
        self.__dict__.update(
            norm=norm, language=language, n_words=n_words, figures=figures, places=places,
            dates=dates, persons=persons, polarity=polarity, names=names,
        )  # fmt: skip

    @property
    def terms(self) -> list[str]:
        return content_terms(self.norm)


@lru_cache(maxsize=1)
def default_aliases() -> AliasTable:
    return AliasTable.default()


def guess_language(text: str) -> str:
    """ "de" or "en" from function-word counts; good enough to choose number notation."""
    ws = fold(text).split()
    de = sum(w in GERMAN_HINTS for w in ws) + any(c in "äöüßÄÖÜ" for c in text)
    en = sum(w in ENGLISH_HINTS for w in ws)
    return "de" if de > en else "en"


def figure_token(value: float) -> str:
    """Canonical token of a figure value: 2000.0 -> "2000", 8.5 -> "8p5"."""
    return f"{value:.6g}".replace(".", "p").replace("+", "")


def prepare(text: str, language: str | None = None, aliases: AliasTable | None = None) -> Prepared:
    """Prepared form of ``text``; ``language`` is guessed when not given."""
    if any(map(text.__contains__, _NOISE_MARKS)):
        text = _NOISE.sub(" ", text)
    lang = language if is_supported(language) else guess_language(text)
    table = aliases or default_aliases()
    figures, dates = figures_and_dates(text, lang)
    toks = tokens(text)
    places = find_places(text, toks)
    spans: list[tuple[int, int, str]] = [
        (f.start, f.end, f"{figure_token(f.value)} {f.unit or ''}") for f in figures
    ]
    taken = [(s, e) for s, e, _ in spans]
    for p in places:
        if not any(s < p.end and p.start < e for s, e in taken):
            spans.append((p.start, p.end, _place_token(p.name)))
    rewritten = _rewrite(text, spans)
    words = table.canonical_tokens(fold_words(rewritten))
    alias_hits = table.find(text, toks)
    persons = {fold(h.canonical) for h in alias_hits if h.kind == "person"}
    # Words of a figure ("10 Millionen Tonnen") are capitalised German nouns, never a name.
    taken_spans = [(p.start, p.end) for p in places] + [(h.start, h.end) for h in alias_hits]
    taken_spans += [(f.start, f.end) for f in figures]
    caps = capitals(text, toks)
    # German capitalises every noun and writes headlines in sentence case: no Title Case there.
    headline = bool(toks) and lang != "de" and _title_case(toks, caps)
    if not headline:
        persons.update(person_names(text, toks, taken_spans, caps, headline_check=False))
    names = () if headline else proper_names(text, toks, taken_spans, lang, _NOT_NAMES)
    if names:
        outlets = outlet_words(toks, caps)
        names = tuple(n for n in names if n not in outlets)
    in_norm = set(words) if names else set()
    return Prepared(
        norm=" ".join(words),
        language=lang,
        # In ASCII text the tokens are the folded words already (both split at every character
        # outside [0-9a-z] once lowercased); elsewhere folding a whole text can make words of
        # signs ("€" -> "eur") that tokens skip.
        n_words=len(toks) if text.isascii() else len(fold_words(text)),
        figures=tuple((f.value, f.unit, f.counted, f.qualifier) for f in figures),
        places=tuple(sorted({(p.name, p.kind) for p in places})),
        dates=tuple(sorted({_since_mark(text, d.start) + d.value for d in dates})),
        persons=tuple(sorted(persons)),
        polarity=polarity_of_words(words),
        names=tuple(n for n in names if n in in_norm),
    )


_SINCE = re.compile(r"(?:seit|since)\s+(?:dem\s+|the\s+)?(?:(?:jahr|year)\s+)?$", re.I)


def _since_mark(text: str, start: int) -> str:
    """ "~" before a date that only sets a starting point ("so viele wie seit 2016 nicht mehr", "the
    highest since 2016"): another outlet names the event's own date or counts the years instead,
    so such a date neither contradicts nor confirms (the guards read only unmarked dates)."""
    lo = max(0, start - 20)
    window = text[lo:start]
    # In ASCII text a match needs "seit" or "since" in the window, in any case (re.I compares
    # ASCII letters as ``lower`` does): most dates have neither before them.
    if window.isascii() and "seit" not in (low := window.lower()) and "since" not in low:
        return ""
    return "~" if _SINCE.search(text, lo, start) else ""


@lru_cache(maxsize=4096)
def _place_token(name: str) -> str:
    """The one token a place name becomes in the normalised text ("New York" -> "newyork")."""
    return fold(name).replace(" ", "")


def _rewrite(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, repl in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f" {repl} ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


_SUFFIXES = ("ungen", "ung", "ies", "ing", "ern", "en", "er", "es", "em", "ed", "ly", "e", "s", "n")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light suffix stripping shared by German and English, then truncation to 7 letters."""
    if word[:1].isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


def content_terms(norm: str) -> list[str]:
    """Stemmed content words of a normalised text (function words dropped), in order."""
    # ``_term`` gives None or a non-empty stem: ``filter(None, …)`` drops exactly the Nones.
    return list(filter(None, map(_term, norm.split())))


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    """The content term of one normalised word, or None for a function word or a lone letter."""
    if word in STOPWORDS or (len(word) <= 1 and not word.isdigit()):
        return None
    return stem(word)


_TITLES = frozenset(
    [
        "praesident",
        "praesidentin",
        "president",
        "minister",
        "ministerin",
        "kanzler",
        "kanzlerin",
        "chancellor",
        "buergermeister",
        "buergermeisterin",
        "mayor",
        "general",
        "dr",
        "prof",
        "herr",
        "frau",
        "mr",
        "mrs",
        "ms",
        "sir",
        "senator",
        "premier",
        "prime",
        "premierminister",
        "sprecher",
        "sprecherin",
        "spokesman",
        "spokeswoman",
        "chef",
        "chief",
    ]
)
# Roles written before a name ("Oppositionspolitiker Alexej Nawalny", "Kremlkritiker") and
# institutions in the genitive ("eines Moskauer Gerichts") are not part of it.
# Titles are written as compounds too ("Regierungschef", "Ministerpräsident", "Außenministerin",
# "Eiskunstläuferin"): a word that ends in one is the title before the name, not part of it.
_ROLE_ENDINGS = (
    "politiker", "politikerin", "kritiker", "kritikerin", "aktivist", "aktivistin", "journalist",
    "journalistin", "anwalt", "anwaeltin", "richter", "richterin", "gerichts", "gericht",
    "ministers", "praesidenten", "kanzlers", "chef", "chefin", "praesident", "praesidentin",
    "minister", "ministerin", "kanzler", "kanzlerin", "sprecher", "sprecherin", "fuehrer",
    "fuehrerin", "leiter", "leiterin", "direktor", "direktorin", "gruender", "gruenderin",
    "laeufer", "laeuferin", "spieler", "spielerin", "trainer", "trainerin", "reporter",
    "reporterin", "korrespondent", "korrespondentin", "sekretaer", "sekretaerin", "botschafter",
    "botschafterin", "haber", "inhaber", "vorsitzende", "vorsitzender",
)  # fmt: skip
# The last word of an outlet's name ("Wall Street Journal", "New York Times"): a source, not a person.
OUTLET_WORDS = frozenset(
    ["journal", "times", "post", "tribune", "herald", "gazette", "telegraph", "chronicle",
     "guardian", "magazine", "magazin", "spiegel", "allgemeine", "rundschau", "kurier",
     "anzeiger", "today", "daily", "weekly", "news", "press"]
)  # fmt: skip
# Words of quantity are capitalised German nouns ("Tausende Migranten"), never a first name.
_QUANTITIES = frozenset(
    ["tausende", "tausenden", "hunderte", "hunderten", "dutzende", "dutzenden", "zehntausende",
     "zehntausenden", "hunderttausende", "hunderttausenden", "millionen", "milliarden"]
)  # fmt: skip
_CALENDAR = frozenset(
    [
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


_TEXT, _START = itemgetter(0), itemgetter(1)  # of a Token

_NOT_NAMES = STOPWORDS | _TITLES | _CALENDAR | _QUANTITIES | frozenset(MONTHS)


def _title_case(toks: list[Token], caps: list[bool]) -> bool:
    """A headline in Title Case: most words capitalised. A news sentence full of names ("Russia
    released Wall Street Journal reporter Evan Gershkovich on Thursday") reads as one too;
    reading its lower-case words instead was tried and let Title Case titles of fact-checks
    name persons that are none (CheckThat! 2A MAP@5 0.8185 -> 0.8178), so it is not done."""
    return sum(caps) > 0.6 * len(toks)


# Particles inside a name: "al-Assad", "Mohammed bin Salman".
_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|abu|ben)-[^\W\d_]")
_PARTICLE_HEADS = frozenset(["al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "ben"])
# Standing alone only the Arabic ones: "von" and "de" join German and French nouns as often.
_PARTICLES = frozenset(["al", "el", "bin", "ibn", "abu", "ben"])


def capitals(text: str, toks: list[Token]) -> list[bool]:
    """Whether each token starts with a capital; a particle between two capitalised name words
    ("Mohammed bin Salman", "al-Assad") counts as one."""
    # Each token's first character, upper-case or not, read in C (a token is never empty).
    caps = list(map(str.isupper, map(text.__getitem__, map(_START, toks))))
    words = list(map(_TEXT, toks))
    # _PARTICLE matches only where a token is one of its particles ("al" of "al-Assad"): the
    # set test spares the regex call on every other lower-case word.
    if not _PARTICLE_HEADS.isdisjoint(words):
        for i, t in enumerate(toks):
            if not caps[i] and t.text in _PARTICLE_HEADS and _PARTICLE.match(text, t.start):
                caps[i] = True
    if _PARTICLES.isdisjoint(words):  # most texts: no particle to join
        return caps
    for i, t in enumerate(toks):
        if caps[i] or t.text not in _PARTICLES or not i or not caps[i - 1]:
            continue
        j = i + 1
        while j < len(toks) and toks[j].text in _PARTICLES and not caps[j] and j - i < 2:
            j += 1
        if j < len(toks) and caps[j] and toks[j - 1].text in _PARTICLES:
            for k in range(i, j):
                caps[k] = True
    return caps


def outlet_words(toks: list[Token], caps: list[bool]) -> frozenset[str]:
    """The words of runs of capitals that end in an outlet's word ("Wall Street Journal")."""
    if OUTLET_WORDS.isdisjoint([t.text for t in toks]):
        return frozenset()
    out: set[str] = set()
    run: list[str] = []
    for tok, cap in [*zip(toks, caps, strict=True), (None, False)]:
        if tok is not None and cap:
            run.append(tok.text)
            continue
        if run and run[-1] in OUTLET_WORDS:
            out.update(run)
        run = []
    return frozenset(out)


def person_names(
    text: str,
    toks: list[Token],
    taken: list[tuple[int, int]],
    caps: list[bool] | None = None,
    headline_check: bool = True,
) -> set[str]:
    """Runs of two or three capitalised name words ("Gulnara Rakhimov") as "first last".

    Skipped in Title Case text, where every word is capitalised and runs mean nothing (the
    caller may have checked that already: ``headline_check``).
    """
    caps = capitals(text, toks) if caps is None else caps
    if not toks or (headline_check and _title_case(toks, caps)):
        return set()
    # A name is a run of capitalised tokens next to each other: without two in a row, none.
    if not any(map(and_, caps, islice(caps, 1, None))):
        return set()
    names: set[str] = set()
    run: list[Token] = []
    last = -2
    # Only capitalised tokens can be name words; one without a capital ends the run before it.
    for i in compress(range(len(toks)), caps):
        tok = toks[i]
        if i != last + 1 and run:
            _add_name(names, run)
            run = []
        last = i
        name_like = (
            (tok.text not in _NOT_NAMES or _is_particle(text, tok))
            and not tok.text.endswith(_ROLE_ENDINGS)
            and not any(s <= tok.start < e for s, e in taken)
        )
        if name_like and (not run or _adjacent(text, run[-1], tok)):
            run.append(tok)
            continue
        _add_name(names, run)
        run = [tok] if name_like else []
    _add_name(names, run)
    return names


def _add_name(names: set[str], run: list[Token]) -> None:
    """A run of two or three name words is a name ("first last"), unless it is an outlet's."""
    if 2 <= len(run) <= 3 and run[-1].text not in OUTLET_WORDS:
        names.add(f"{run[0].text} {run[-1].text}")


def _is_particle(text: str, tok: Token) -> bool:
    """A lower-case particle inside a name ("bin", "von der", "al-")."""
    return tok.text in _PARTICLES and text[tok.start : tok.start + 1].islower()


def _adjacent(text: str, before: Token, tok: Token) -> bool:
    """Next to each other: space between, or two parts of one word ("al-Assad")."""
    between = text[before.end : tok.start]
    joined = between == "-" and before.text in _PARTICLES  # "al-Assad", not "Grand-Slam-Titel"
    return before.start == tok.start or joined or between.isspace()
