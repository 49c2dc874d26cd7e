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

from text_to_num import text2num

from claimtrack.text import _numlex as lex
from claimtrack.text.dates import _DATE_PATTERNS, DateMention, find_dates
from claimtrack.text.normalize import fold_word

__all__ = [
    "DateMention",
    "Figure",
    "figures_and_dates",
    "find_dates",
    "find_figures",
    "parse_numeral",
]


@dataclass(frozen=True)
class Figure:
    value: float
    qualifier: str | None
    unit: str | None
    counted: str | None
    raw: str
    start: int
    end: int


_SPACE = "[ \u00a0\u202f\u2009]"
_NUMERAL = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:(?:[.,]|{_SPACE}(?=\d{{3}}(?!\d)))\d{{3}})+(?:[.,]\d+)?"
    rf"|\d+(?:[.,]\d+)?)(?![\d])"
)


def _scale_re(scales: list[tuple[str, float]]) -> re.Pattern[str]:
    alts = "|".join(f"(?P<s{i}>{frag})" for i, (frag, _) in enumerate(scales))
    return re.compile(rf"\s?(?:{alts})(?![\w])", re.I)


_SCALE_RE = {"de": _scale_re(lex.SCALES_DE), "en": _scale_re(lex.SCALES_EN)}
_SCALES = {"de": lex.SCALES_DE, "en": lex.SCALES_EN}
_UNIT_RE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<u{i}>{frag})" for i, (frag, _) in enumerate(lex.UNITS_AFTER)) + r")"
    r"(?![\w])",
    re.I,
)
_QUAL_RE = re.compile(
    r"(?:^|(?<=\W))("
    + "|".join(re.escape(q) for q in sorted(lex.QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.I,
)
_CURRENCY_RE = re.compile(r"(us\$|\$|€|usd|eur)\s?$", re.I)
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
    s = re.sub(_SPACE, "", numeral)
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
    found_dates = find_dates(text, lang)
    dates = [(d.start, d.end) for d in found_dates]
    time_spans = [(m.start(), m.end()) for p, k in _DATE_PATTERNS if k == "time"
                  for m in p.finditer(text)] if dates or _has_digit(text) else []  # fmt: skip
    blocked = dates + time_spans
    figures: list[Figure] = []
    for start, end, value in _numerals(text, lang) + _number_words(text, lang):
        if any(s < end and start < e for s, e in blocked):
            continue
        figure = _complete(text, start, end, value, lang)
        blocked.append((figure.start, figure.end))
        figures.append(figure)
    return sorted(figures, key=lambda f: f.start), found_dates


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _numerals(text: str, lang: str) -> list[tuple[int, int, float]]:
    out = []
    for m in _NUMERAL.finditer(text):
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
    if not re.match(r"\.\s+\w", text[end : end + 3]):
        return False
    before = text[:start].split()
    return bool(before) and before[-1].casefold() in lex.ORDINAL_CUES_DE


def _number_words(text: str, lang: str) -> list[tuple[int, int, float]]:
    """Spelled-out numbers ("zweitausend", "two thousand"); a lone "one"/"ein" is no figure."""
    out: list[tuple[int, int, float]] = []
    if not _NUMBER_WORD_HINT[lang].search(text):
        return out
    matches = list(_WORD_RUN.finditer(text))
    i = 0
    while i < len(matches):
        j, value = _longest_number_run(text, matches, i, lang)
        if value is None:
            i += 1
            continue
        out.append((matches[i].start(), matches[j - 1].end(), value))
        i = j
    return out


def _longest_number_run(text, matches, i, lang) -> tuple[int, float | None]:
    j = i
    while j < len(matches) and _is_number_word(matches[j].group().casefold(), lang):
        if j > i and text[matches[j - 1].end() : matches[j].start()].strip():
            break
        j += 1
    while j > i:
        words = [m.group().casefold() for m in matches[i:j]]
        while words and words[-1] in ("and", "und"):
            words.pop()
            j -= 1
        if not words or (len(words) == 1 and words[0] in ("one", "ein", "eins", "zero")):
            return i, None
        try:
            return j, float(text2num(" ".join(words), lang))
        except ValueError:
            j -= 1
    return i, None


def _is_number_word(word: str, lang: str) -> bool:
    if lang == "en":
        return all(
            p in lex.NUMBER_WORDS_EN or p in lex.MULTIPLIERS_EN or p == "and"
            for p in word.split("-")
        )
    return word not in ("und", "ein", "eins", "acht") and bool(_GERMAN_WORD.match(word))


def _complete(text: str, start: int, end: int, value: float, lang: str) -> Figure:
    """Extend a bare number with scale, unit, currency, qualifier and what it counts."""
    unit = None
    m = _SCALE_RE[lang].match(text, end)
    if m:
        idx = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        value *= _SCALES[lang][idx][1]
        end = m.end()
    m = _UNIT_RE.match(text, end)
    if m:
        idx = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        unit = lex.UNITS_AFTER[idx][1]
        end = m.end()
    cur = _CURRENCY_RE.search(text[max(0, start - 4) : start])
    if cur and unit is None:
        unit = lex.CURRENCY_BEFORE[cur.group(1).casefold()]
        start -= len(cur.group())
    qualifier = None
    q = _QUAL_RE.search(text[max(0, start - 25) : start])
    if q:
        qualifier = lex.QUALIFIERS[q.group(1).casefold()]
        start -= len(text[max(0, start - 25) : start]) - q.start()
    counted = _counted_after(text, end) or _counted_before(text, start)
    return Figure(value, qualifier, unit, counted, text[start:end], start, end)


_COUNT_WINDOW = re.compile(r"[^\W\d_]+|\d|[.;:!?]")


def _counted_after(text: str, end: int) -> str | None:
    for n, m in enumerate(_COUNT_WINDOW.finditer(text, end)):
        if n >= 6 or not m.group()[0].isalpha():
            return None
        hit = _counted_word(m.group())
        if hit:
            return hit
    return None


def _counted_before(text: str, start: int) -> str | None:
    window = _COUNT_WINDOW.findall(text[max(0, start - 60) : start])
    for word in reversed(window[-4:]):
        if not word[0].isalpha():
            return None
        hit = _counted_word(word)
        if hit:
            return hit
    return None


@lru_cache(maxsize=100_000)
def _counted_word(word: str) -> str | None:
    folded = fold_word(word)
    for stem, canon in lex.COUNTED:
        if folded.startswith(stem):
            return canon
    return None
