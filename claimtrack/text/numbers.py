"""Figures in German and English text (dates: ``claimtrack.text.dates``, re-exported here).

A figure is a quantity a claim asserts ("mehr als 2.000 Festnahmen", "1,5 Mio. Euro", "two
thousand troops"). The value is normalised across notations so that "2.000" (de), "2,000" (en),
"zweitausend" and "2 thousand" compare equal. Dates and years are found separately and are never
figures: "2022" and "20.01.1990" say when, not how many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mypy_extensions import mypyc_attr
from text_to_num import text2num

from claimtrack.text import _numlex as lex
from claimtrack.text._fractions import fractions, ratios
from claimtrack.text._patterns import SCALE_RE as _SCALE_RE
from claimtrack.text._patterns import SCALES as _SCALES
from claimtrack.text._patterns import UNIT_RE as _UNIT_RE
from claimtrack.text._patterns import counted_word as _counted_word
from claimtrack.text.dates import (
    DateMention,
    _matches_at,
    digit_starts,
    find_dates,
    qualifier_before,
    scan_times,
)
from claimtrack.text.normalize import fold_word

__all__ = [
    "DateMention",
    "Figure",
    "figures_and_dates",
    "find_dates",
    "find_figures",
    "parse_numeral",
]


# A plain class under mypyc too (claimtrack/_native.py): its __init__ fills __dict__.
@mypyc_attr(native_class=False)
@dataclass(frozen=True, init=False)
class Figure:
    value: float
    qualifier: str | None
    unit: str | None
    counted: str | None
    raw: str
    start: int
    end: int

    def __init__(
        self,
        value: float,
        qualifier: str | None,
        unit: str | None,
        counted: str | None,
        raw: str,
        start: int,
        end: int,
    ) -> None:
        # The generated __init__'s work in one dict update (half the time of a setattr a field).
        self.__dict__.update(
            value=value, qualifier=qualifier, unit=unit, counted=counted, raw=raw, start=start,
            end=end,
        )  # fmt: skip


_DIGIT = re.compile(r"\d")
_SPACE = "[ \u00a0\u202f\u2009]"
_SPACE_RE = re.compile(_SPACE)
_NUMERAL = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:(?:[.,]|{_SPACE}(?=\d{{3}}(?!\d)))\d{{3}})+(?:[.,]\d+)?"
    rf"|\d+(?:[.,]\d+)?)(?![\d])"
)


_CURRENCY_RE = re.compile(r"(us\$|\$|€|£|usd|eur|gbp)\s?$", re.I)


def _currency_before(window: str) -> re.Match[str] | None:
    """``_CURRENCY_RE.search(window)``; an ASCII window without "$", "usd", "eur" or "gbp" in
    any case (``re.I`` compares ASCII letters as ``lower`` does) has no match."""
    if window.isascii() and "$" not in window:
        low = window.lower()
        if "usd" not in low and "eur" not in low and "gbp" not in low:
            return None
    return _CURRENCY_RE.search(window)


_GERMAN_WORD = re.compile(rf"^(?:{lex.GERMAN_PARTS})+$")
_NUMBER_WORD_HINT = {
    "de": re.compile(rf"(?:{lex.GERMAN_PARTS})", re.I),
    "en": re.compile(
        r"\b(?:" + "|".join([*lex.NUMBER_WORDS_EN, *lex.MULTIPLIERS_EN]) + r")\b", re.I
    ),
}
_WORD_RUN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def parse_numeral(numeral: str, language: str) -> float:
    """Parse "2.000", "2,000", "2,7", "1 500" following the text's language conventions."""
    s = _SPACE_RE.sub("", numeral)
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    if "." in s and "," in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        other = "." if dec == "," else ","
        return float(s.replace(other, "").replace(dec, "."))
    for sep in (".", ","):
        if sep in s:
            groups = s.split(sep)
            is_grouping = len(groups) > 2 or (sep == thousands and len(groups[1]) == 3)
            if is_grouping and all(len(g) == 3 for g in groups[1:]):
                return float("".join(groups))
            return float(s.replace(sep, "."))
    del decimal
    return float(s)


def find_figures(text: str, language: str) -> list[Figure]:
    """All figures in ``text`` (language "de" or "en"), in text order; dates are excluded."""
    lang = "de" if language == "de" else "en"
    return figures_and_dates(text, lang)[0]


def figures_and_dates(text: str, language: str) -> tuple[list[Figure], list[DateMention]]:
    """Both at once: figures must avoid date spans, so callers needing both save a pass."""
    lang = "de" if language == "de" else "en"
    # fractions first: "half a million" and "zweieinhalb Millionen" are one figure each, not a
    # million or a share ("a quarter of a million" is no 25 percent)
    parts = fractions(text, lang)
    shares = without_overlap(_shares(text, lang), parts) + _ratio_shares(text, lang)
    if _DIGIT.search(text) is None:
        # No numeral, date or clock time: only a spelled-out number can be a figure, and most
        # such texts have none (the word check in _number_words says so).
        spelled = parts + _number_words(text, lang)
        return (_figures(text, spelled, [], lang, shares) if spelled or shares else []), []
    starts = digit_starts(text)
    found_dates, _, time_spans = scan_times(text, lang, starts)
    blocked = [(d.start, d.end) for d in found_dates]
    blocked += [(s, e) for s, e in time_spans if not _is_amount(text, s, e, lang)]
    found = parts + _numerals(text, lang, starts[1]) + _number_words(text, lang)
    return _figures(text, found, blocked, lang, shares), found_dates


def without_overlap(shares: list[Figure], spans: list[tuple[int, int, float]]) -> list[Figure]:
    """The shares that no fraction's span overlaps."""
    if not spans:
        return shares
    return [f for f in shares if not any(s < f.end and f.start < e for s, e, _ in spans)]


def _is_amount(text: str, start: int, end: int, lang: str) -> bool:
    """ "12.41" reads like a clock time ("19.04 Uhr"), but with a unit or a scale word after it
    or a currency before it ("12.41 euros", "2.35 billion euros", "£12.41 an hour", "$4.99") it
    is an amount."""
    return bool(
        _UNIT_RE.match(text, end)
        or _SCALE_RE[lang].match(text, end)
        or _currency_before(text[max(0, start - 4) : start])
    )


def _figures(
    text: str,
    found: list[tuple[int, int, float]],
    blocked: list[tuple[int, int]],
    lang: str,
    shares: list[Figure],
) -> list[Figure]:
    """The numbers found that no date, time, share or earlier figure covers, completed, in text
    order."""
    figures: list[Figure] = list(shares)
    blocked.extend((f.start, f.end) for f in shares)
    for start, end, value in found:
        if any(s < end and start < e for s, e in blocked):
            continue
        figure = _complete(text, start, end, value, lang)
        blocked.append((figure.start, figure.end))
        figures.append(figure)
    return _with_counted(text, sorted(figures, key=lambda f: f.start), lang)


# Shares in words: "zwei Drittel der Befragten", "ein Viertel", "die Hälfte der Stimmen",
# "two-thirds of", "a quarter of", "half of", "half the". Their number is no figure of its own
# ("zwei Drittel" is not 2): the share is one, in percent, so that "zwei Drittel" and "66,7
# Prozent" compare, and "two thirds" and "zwei Drittel" agree. English shares need "of" (or
# "the" for half): "two quarters" and "the first half" are spans of time, not shares.
_DENOMINATORS = {
    "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6, "achtel": 8, "zehntel": 10,
    "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SHARE_NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sieben": 7, "neun": 9, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "seven": 7, "nine": 9,
}  # fmt: skip
_SHARE_RE = {
    "de": re.compile(
        r"(?i)\b(?P<n>ein(?:e[mrs]?)?|zwei|drei|vier|fünf|sieben|neun)\s+"
        r"(?P<d>drittel|viertel|fünftel|sechstel|achtel|zehntel)s?\b"
        r"|\b(?P<half>(?:die|der)\s+hälfte)\b"
    ),
    "en": re.compile(
        r"(?i)\b(?P<n>a|one|two|three|four|five|seven|nine)[\s-]+"
        r"(?P<d>thirds?|quarters?|fifths?|tenths?)\s+of\b"
        r"|(?<!first )(?<!second )(?<!last )(?<!other )\b(?P<half>half)\s+(?:of|the)\b"
    ),
}
_SHARE_HINT = {
    "de": re.compile(r"(?i)drittel|viertel|fünftel|sechstel|achtel|zehntel|hälfte"),
    "en": re.compile(r"(?i)third|quarter|fifth|tenth|half"),
}


# The hint's words as ASCII text can hold them ("fünftel" and "hälfte" it cannot).
_SHARE_HINT_ASCII = {
    "de": ("drittel", "viertel", "sechstel", "achtel", "zehntel"),
    "en": ("third", "quarter", "fifth", "tenth", "half"),
}


def _shares(text: str, lang: str) -> list[Figure]:
    """Shares in words as percent figures (counted: second pass, as for every figure).

    Most claims have none. In ASCII text ``re.I`` compares letters as ``lower`` does, so a few
    substring tests of the lower-cased text answer what the hint's search (3-5 us a claim)
    would."""
    if text.isascii():
        if not any(map(text.lower().__contains__, _SHARE_HINT_ASCII[lang])):
            return []
    elif not _SHARE_HINT[lang].search(text):
        return []
    return _find_shares(text, lang)


def _find_shares(text: str, lang: str) -> list[Figure]:
    out = []
    for m in _SHARE_RE[lang].finditer(text):
        if m.group("half"):
            value, start, end = 50.0, m.start("half"), m.end("half")
        else:
            n, d = _SHARE_NUMBERS[m.group("n").casefold()], _DENOMINATORS[m.group("d").casefold()]
            value, start, end = round(100 * n / d, 1), m.start(), m.end("d")
            if n >= d:  # "vier Viertel": not a share
                continue
        out.append(_share(text, value, start, end))
    return out


def _ratio_shares(text: str, lang: str) -> list[Figure]:
    """Shares told as a ratio ("one in five", "jeder fünfte"), as percent figures like shares."""
    return [_share(text, value, start, end) for start, end, value in ratios(text, lang)]


def _share(text: str, value: float, start: int, end: int) -> Figure:
    """A share in words as a percent figure, with the qualifier written before it."""
    qualifier = "about"  # a share in words rounds: "zwei Drittel" agrees with "67 Prozent"
    q = qualifier_before(text[max(0, start - 25) : start])
    if q:
        qualifier = lex.QUALIFIERS[q.group(1).casefold()]
        start -= len(text[max(0, start - 25) : start]) - q.start()
    return Figure(value, qualifier, "percent", None, text[start:end], start, end)


_ORDINAL_AFTER = re.compile(r"\.\s+\w")


def _numerals(
    text: str, lang: str, starts: list[int] | None = None
) -> list[tuple[int, int, float]]:
    """Numerals as (start, end, value); ``starts``: ``digit_starts(text)[1]``, where they can
    begin (the same matches as searching the whole text)."""
    out = []
    matches = _NUMERAL.finditer(text) if starts is None else _matches_at(_NUMERAL, text, starts)
    for m in matches:
        if text[m.end() : m.end() + 1].isalpha() and not _attached_suffix_ok(text, m.end(), lang):
            continue
        if lang == "de" and _is_german_ordinal(text, m.start(), m.end()):
            continue
        try:
            out.append((m.start(), m.end(), parse_numeral(m.group(), lang)))
        except ValueError:
            continue
    return out


def _attached_suffix_ok(text: str, end: int, lang: str) -> bool:
    return bool(_SCALE_RE[lang].match(text, end) or _UNIT_RE.match(text, end))


def _is_german_ordinal(text: str, start: int, end: int) -> bool:
    if not _ORDINAL_AFTER.match(text[end : end + 3]):
        return False
    before = text[:start].split()
    return bool(before) and before[-1].casefold() in lex.ORDINAL_CUES_DE


def _number_words(text: str, lang: str) -> list[tuple[int, int, float]]:
    """Spelled-out numbers ("zweitausend", "two thousand"); a lone "one"/"ein" is no figure."""
    out: list[tuple[int, int, float]] = []
    # Most texts spell no number: the per-word check (cached) says so before any search. A run
    # of number words needs one that is not "and" (English "and" alone is in the check, for
    # "two hundred and five", and appears in most English texts).
    if lang == "en" and text.isascii() and not _may_spell_english_number(text):
        return out
    if not any(map(_FIGURE_WORD_CHECK[lang], _WORD_RUNS[lang].findall(text))):
        return out
    if not _NUMBER_WORD_HINT[lang].search(text):
        return out
    return spelled_numbers(text, lang)


def spelled_numbers(text: str, lang: str) -> list[tuple[int, int, float]]:
    """Every run of number words in ``text`` as (start, end, value), without the early exits."""
    out: list[tuple[int, int, float]] = []
    matches = list(_WORD_RUNS[lang].finditer(text))
    i = 0
    while i < len(matches):
        j, value = _longest_number_run(text, matches, i, lang)
        if value is None:
            i += 1
            continue
        end = matches[j - 1].end()
        # "a four-year ban", "a two-day strike": the number and its unit joined by a hyphen; in
        # "a three-time champion", "a two-state solution" the number is part of an adjective
        if text[end : end + 1] != "-" or _UNIT_RE.match(text, end):
            out.append((matches[i].start(), end, value))
        i = j
    return out


# English number words are read part by part so that "four-year" yields "four" (its unit comes
# after the hyphen) and "twenty-five" still joins into one number.
_WORD_RUNS = {"en": re.compile(r"[^\W\d_]+"), "de": _WORD_RUN}

# Every byte that is no lower-case ASCII letter -> a space.
_NOT_LETTER_BYTES = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_ENGLISH_NUMBER_PARTS = frozenset(lex.NUMBER_WORDS_EN) | frozenset(lex.MULTIPLIERS_EN)


def _may_spell_english_number(text: str) -> bool:
    """False only where the word check cannot pass, answered by a set test on the letter runs of
    an ASCII text (about a quarter of the check's time). A word passes the check when its
    hyphen-separated parts are number words or "and", and it is not "and" itself: so one of its
    parts, each a whole letter run of the text, is a number word, or it is "and-and…"."""
    lowered = text.lower()
    runs = lowered.encode("ascii").translate(_NOT_LETTER_BYTES).decode("ascii").split()
    return not _ENGLISH_NUMBER_PARTS.isdisjoint(runs) or "and-and" in lowered


def _longest_number_run(
    text: str, matches: list[re.Match[str]], i: int, lang: str
) -> tuple[int, float | None]:
    j = i
    while j < len(matches) and _is_number_word(matches[j].group().casefold(), lang):
        gap = text[matches[j - 1].end() : matches[j].start()] if j > i else ""
        if gap.strip() and gap != "-":
            break
        j += 1
    while j > i:
        words = [m.group().casefold() for m in matches[i:j]]
        while words and words[-1] in ("and", "und"):
            words.pop()
            j -= 1
        if not words or (len(words) == 1 and words[0] in ("one", "ein", "eins", "zero")):
            return i, None
        if words == ["acht"] and not _NOUN_AFTER.match(text, matches[j - 1].end()):
            return i, None  # "außer Acht lassen", "Acht geben": the noun, not the number
        try:
            return j, float(text2num(" ".join(words), lang))
        except ValueError:
            j -= 1
    return i, None


@lru_cache(maxsize=65_536)
def _is_number_word_de(raw: str) -> bool:
    return _is_number_word(raw.casefold(), "de")


@lru_cache(maxsize=65_536)
def _is_number_word_en(raw: str) -> bool:
    return _is_number_word(raw.casefold(), "en")


@lru_cache(maxsize=65_536)
def _is_figure_word_en(raw: str) -> bool:
    return raw.casefold() != "and" and _is_number_word(raw.casefold(), "en")


# A raw word (as written) -> whether it is a number word, one cache per language; and whether
# it is one a figure can be made of (German "und" is no number word already).
_NUMBER_WORD_CHECK = {"de": _is_number_word_de, "en": _is_number_word_en}
_FIGURE_WORD_CHECK = {"de": _is_number_word_de, "en": _is_figure_word_en}


@lru_cache(maxsize=65_536)
def _is_number_word(word: str, lang: str) -> bool:
    if lang == "en":
        return all(
            p in lex.NUMBER_WORDS_EN or p in lex.MULTIPLIERS_EN or p == "and"
            for p in word.split("-")
        )
    return word not in ("und", "ein", "eins") and bool(_GERMAN_WORD.match(word))


# German "acht" is the number only before a noun ("acht Schmuckstücke", "Acht Menschen
# starben"); before anything else it is the noun Acht ("außer Acht gelassen", "Acht geben").
_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")


# A figure after the name of its measure is in that measure: "ein Erdbeben der Stärke 6,8", "a
# magnitude 6.8 earthquake", "a quake of magnitude 5.8" (after it: "6.8-magnitude", _numlex).
_MAGNITUDE_BEFORE = re.compile(r"(?i)(?:st(?:ä|ae)rke|magnitude)(?:\s+(?:von|of))?\s+$")


def _complete(text: str, start: int, end: int, value: float, lang: str) -> Figure:
    """Extend a bare number with scale, unit, currency and qualifier (counted: second pass)."""
    unit = None
    m = _SCALE_RE[lang].match(text, end) or _hyphened_scale(text, end, lang)
    if m:
        idx = int(str(m.lastgroup)[1:])  # the alternative that matched: "s3" -> 3
        value *= _SCALES[lang][idx][1]
        end = m.end()
    m = _UNIT_RE.match(text, end)
    if m:
        idx = int(str(m.lastgroup)[1:])
        unit = lex.UNITS_AFTER[idx][1]
        end = m.end()
        if unit == "basis_points":  # "25 basis points" and "0,25 Prozentpunkte" are one rise
            value, unit = value / 100, "percentage_points"
        elif unit == "decades":  # "more than three decades" is a span of years, not a count
            value, unit = value * 10, "years"
    if unit is None and _MAGNITUDE_BEFORE.search(text, max(0, start - 20), start):
        unit = "magnitude"
    cur = _currency_before(text[max(0, start - 4) : start])
    if cur and unit is None:
        unit = lex.CURRENCY_BEFORE[cur.group(1).casefold()]
        start -= len(cur.group())
    qualifier = None
    q = qualifier_before(text[max(0, start - 25) : start])
    if q:
        qualifier = lex.QUALIFIERS[q.group(1).casefold()]
        start -= len(text[max(0, start - 25) : start]) - q.start()
    return Figure(value, qualifier, unit, None, text[start:end], start, end)


def _hyphened_scale(text: str, end: int, lang: str) -> re.Match[str] | None:
    """The scale word of a compound adjective: "a 500-billion-euro fund", "ein 500-Milliarden-
    Euro-Paket" count 500 billion euros, not 500 and a billion. Only a written-out scale word:
    after a hyphen an abbreviation is a unit ("a 10-m wall")."""
    if text[end : end + 1] != "-":
        return None
    m = _SCALE_RE[lang].match(text, end + 1)
    return m if m and len(m.group().strip()) >= _SCALE_WORD_MIN else None


_SCALE_WORD_MIN = 7  # "hundert", "million", "billion", "tausend"; not "mio.", "bn", "m"


_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d|[.,;:!?]")
# Seven words reach the verb of "19,000 residents and tourists were moved to safety" and of
# "164 Menschen sind bei den Unruhen in Kasachstan gestorben".
_PHRASE_WORDS = 7
_NOUN_PHRASE_WORDS = 3
_Words = list[re.Match[str]]


def _with_counted(text: str, figures: list[Figure], lang: str) -> list[Figure]:
    """Second pass in text order, so each figure's counted noun comes from its own phrase only:
    never past the next figure, and never from the words another figure already used."""
    out: list[Figure] = []
    floor = 0
    for i, f in enumerate(figures):
        next_start = figures[i + 1].start if i + 1 < len(figures) else None
        words = _phrase_after(text, f.end, _phrase_limit(text, f.end, next_start))
        counted, used = _counted_after(words, f.unit, lang)
        verb = _verb_before(text, max(floor, f.start - 40), f.start, lang)
        if verb is not None:
            # "killed two people on Tuesday and injured 17": the verb right before the figure
            # says what happened to them; one after an "and" belongs to the next figure
            counted, used = verb, 0
        elif counted is None:
            counted = _counted_before(text, max(floor, f.start - 160), f.start)
        # f has no counted noun yet: without one it is the figure to keep (no second object)
        out.append(f if counted is None else
                   Figure(f.value, f.qualifier, f.unit, counted, f.raw, f.start, f.end))  # fmt: skip
        floor = max(f.end, used)
    return _parts_of_a_whole(text, out)


# "32 of the 48 drones", "42 out of 48", "12 der 20 Verdächtigen": the first figure counts a part
# of what the second counts (an adverb may stand before the whole: "der derzeit 27.000").
_PART_OF = re.compile(
    r"\s+(?:out\s+of|of|der|von)(?:\s+(?:the|den|its|their|seinen|ihren))?"
    # "11.000 der derzeit 27.000 Stellen", "3,000 of its current 12,000 jobs"
    r"(?:\s+(?:derzeit|aktuell|insgesamt|bisher|current|total|existing))?\s+",
    re.I,
)


def _parts_of_a_whole(text: str, figures: list[Figure]) -> list[Figure]:
    """A figure without a counted noun takes the noun of the whole it is a part of, so that "32 of
    the 48 drones" and "42 out of 48 drones" disagree on the drones brought down."""
    out = list(figures)
    for i in range(len(out) - 1):
        part, whole = out[i], out[i + 1]
        if part.counted is not None or whole.counted is None or part.unit != whole.unit:
            continue
        if _PART_OF.fullmatch(text, part.end, whole.start):
            out[i] = Figure(part.value, part.qualifier, part.unit, whole.counted, part.raw,
                            part.start, part.end)  # fmt: skip
    return out


def _verb_before(text: str, lo: int, start: int, lang: str) -> str | None:
    """What happened to those counted, when the word right before the figure is a verb that
    says it ("killed two", "injured 17", "tötete zwei", "arrested 2,000")."""
    window: list[str] = _TOKEN.findall(text, lo, start)  # typed: mypyc fails on list[Any]
    if not window or not window[-1][0].isalpha():
        return None
    word = window[-1]
    hit = _canonical(word)
    if hit in lex.PREDICATE_COUNTS and _is_verb_form(word, fold_word(word), lang):
        return hit
    return None


def _phrase_limit(text: str, end: int, next_start: int | None) -> int:
    """The phrase ends at the next figure, or at a comma before it ("1,5 Mio. Euro, 2000 …")."""
    if next_start is None:
        return len(text)
    comma = text.find(",", end, next_start)
    return comma if comma >= 0 else next_start


def _phrase_after(text: str, end: int, limit: int) -> _Words:
    """Up to six words (and commas) after the figure, ending at a digit or a sentence mark."""
    out: _Words = []
    n_words = 0
    for m in _TOKEN.finditer(text, end, limit):
        token = m.group()
        if token != "," and (not token[0].isalpha() or n_words >= _PHRASE_WORDS):
            break
        n_words += token != ","
        out.append(m)
    return out


def _counted_after(words: _Words, unit: str | None, lang: str) -> tuple[str | None, int]:
    """What happened to them, when the clause says ("2.000 Demonstranten wurden festgenommen" counts
    arrests, like "2.000 Menschen wurden festgenommen"), else a known head noun, else (no unit) the
    head noun itself."""
    head = _head_noun(words, lang)
    predicate = _predicate(words, lang)
    if predicate[0] is not None:
        return predicate
    known = _canonical(head.group()) if head else None
    if head and known:
        return known, head.end()
    if head and unit is None:
        return head.group().lower(), head.end()
    return None, 0


def _head_noun(words: _Words, lang: str) -> re.Match[str] | None:
    """The noun right after the figure, past at most two adjectives ("2.000 neue Haushalte")."""
    for m in words[:_NOUN_PHRASE_WORDS]:
        word = m.group()
        folded = word.casefold()
        if word == "," or folded in lex.PHRASE_STOP:
            return None
        if _is_noun(word, folded, lang):
            return m
        if lang == "en" and folded.endswith("ed") and not _canonical(word):
            return None  # "8,000 attended protests": a verb, not an adjective
    return None


def _is_noun(word: str, folded: str, lang: str) -> bool:
    if lang == "de":
        return word[0].isupper() and fold_word(word) not in lex.MONTHS and folded != "mal"
    if folded in lex.IRREGULAR_PLURALS_EN:
        return True
    plural = len(folded) > 3 and folded.endswith("s") and not folded.endswith(("ss", "us", "is"))
    return plural and folded not in lex.PHRASE_STOP


def _predicate(words: _Words, lang: str) -> tuple[str | None, int]:
    """A verb or participle of the figure's clause that says what happened to what is counted:
    "wurden festgenommen", "were killed", "kamen ums Leben" (a noun further on does not count)."""
    previous = ""
    for m in words:
        word = m.group()
        folded = fold_word(word)
        hit = lex.COUNTED_PHRASES.get((previous, folded))
        if hit is None and _is_verb_form(word, folded, lang):
            hit = _canonical(word)
        if hit in lex.PREDICATE_COUNTS:
            # "searched 25 homes and arrested 25 suspects": a verb right after "and" starts
            # the next deed, done to the next figure, not to this one
            return (None, 0) if previous in ("and", "und") else (hit, m.end())
        previous = folded
    return None, 0


def _is_verb_form(word: str, folded: str, lang: str) -> bool:
    if lang == "de":
        return word[0].islower()
    return folded.endswith("ed") or folded in lex.PREDICATE_WORDS_EN


_BEFORE_WORDS = 15


def _counted_before(text: str, lo: int, start: int) -> str | None:
    """A known noun earlier in the figure's clause: "the death toll rose to 225", "Die Zahl der
    festgenommenen Demonstranten überstieg 2700". What happened to them (arrested) wins over who
    they are (protesters); otherwise the nearest known noun."""
    window: list[str] = _TOKEN.findall(text, lo, start)  # typed: mypyc fails on list[Any]
    found: list[str] = []
    for word in reversed(window[-_BEFORE_WORDS:]):
        if not word[0].isalpha():
            break
        hit = _canonical(word)
        if hit:
            found.append(hit)
    events = [h for h in found if h in lex.EVENT_COUNTS]
    return events[0] if events else (found[0] if found else None)


def _canonical(word: str) -> str | None:
    """Canonical counted noun of a word; a compound counts by its last part ("OVKS-Soldaten")."""
    return _counted_word(word.rsplit("-", 1)[-1])
