"""Numbers written with a fraction or a dozen: "half a million", "zweieinhalb Millionen",
"anderthalb Jahre", "a quarter of a million", "eine Viertelmillion", "drei Dutzend".

News writes round figures this way, and the other outlet or language writes the digits ("500.000
Menschen", "2.5 million"). Read word by word they are another figure ("half a million" as one
million, "two and a half million" as 2 and 1 million), which makes one figure a conflict. Each
span found here is the number before its scale or unit: ``numbers`` completes it as any number
("half a" + " million euros" = 500,000 euros).
"""

from __future__ import annotations

import re

from text_to_num import text2num

from claimtrack.text import _numlex as lex
from claimtrack.text._patterns import SCALE_RE, UNIT_RE

__all__ = ["fractions"]

_EN_WORDS = "|".join(sorted(lex.NUMBER_WORDS_EN, key=len, reverse=True))

_FRACTION_RE = {
    "en": re.compile(
        rf"(?i)\b(?:(?P<dozen>\d+|a|{_EN_WORDS}|half\s+a)\s+dozen"
        rf"|(?P<whole>\d+|{_EN_WORDS})[\s-]+and[\s-]+a[\s-]+half"
        r"|(?P<half>half)[\s-]+an?"
        r"|(?P<quarter>a|one|three)[\s-]+quarters?\s+of\s+an?)\b"
    ),
    "de": re.compile(
        r"(?i)\b(?:(?P<whole>[a-zäöüß]+?)einhalb"
        r"|(?P<anderthalb>anderthalb)"
        r"|(?P<half>ein(?:e[nmr]?|es)?\s+halbe[nmrs]?)"
        r"|(?:eine[nmr]?\s+)?(?P<quarter>drei)?viertel(?P<scale>million|milliarde)(?:en)?"
        r"|(?P<dozen>\d+|ein(?:e[nm]?)?|[a-zäöüß]+)\s+dutzend)\b"
    ),
}
_HINTS = ("hal", "quarter", "viertel", "dozen", "dutzend")  # in the lower-cased text
_SCALE_WORDS = {"million": 1e6, "milliarde": 1e9}


def fractions(text: str, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each fractional number or dozen. "half a" and "a quarter of a"
    count only before a scale or a unit ("half a million", "half an hour"; not "half a
    century" or "a quarter of a century", which are no figures a claim states)."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, _HINTS)):
        return []
    out = []
    for m in _FRACTION_RE[lang].finditer(text):
        value = _value(m, lang)
        if value is None:
            continue
        needs_measure = lang == "en" and (m.group("half") or m.group("quarter"))
        if lang == "de" and m.group("half"):
            needs_measure = True
        if needs_measure and not (
            SCALE_RE[lang].match(text, m.end()) or UNIT_RE.match(text, m.end())
        ):
            continue
        out.append((m.start(), m.end(), value))
    return out


def _value(m: re.Match[str], lang: str) -> float | None:
    if m.group("whole"):
        whole = _number(m.group("whole"), lang)
        return None if whole is None else whole + 0.5
    if lang == "de" and m.group("anderthalb"):
        return 1.5
    if m.group("half"):
        return 0.5
    if lang == "de" and m.group("scale"):
        share = 0.75 if m.group("quarter") else 0.25
        return share * _SCALE_WORDS[m.group("scale").casefold()]
    if m.group("quarter"):
        return 0.75 if m.group("quarter").casefold() == "three" else 0.25
    if m.group("dozen"):
        count = m.group("dozen").casefold()
        if count.startswith("half"):
            return 6.0
        n = 1.0 if count in ("a", "ein", "eine", "einem", "einen") else _number(count, lang)
        return None if n is None else 12.0 * n
    return None


def _number(word: str, lang: str) -> float | None:
    """A numeral or a number word ("2", "zwei", "ein"), else None."""
    if word.isdigit():
        return float(word)
    word = word.casefold()
    if lang == "de" and word in ("ein", "eine"):
        return 1.0
    try:
        return float(text2num(word, lang))
    except ValueError:
        return None


# Shares told as a ratio: "one in five", "two out of three", "jeder fünfte", "zwei von drei".
# Only small numbers: "300 von 1.000 Mitarbeitern" counts people, which a claim states as such.
_SMALL_EN = {w: float(v) for w, v in lex.NUMBER_WORDS_EN.items() if 1 <= v <= 10}
_SMALL_DE = {"ein": 1.0, "eine": 1.0, "einer": 1.0, "eins": 1.0, "zwei": 2.0, "drei": 3.0,
             "vier": 4.0, "fünf": 5.0, "fuenf": 5.0, "sechs": 6.0, "sieben": 7.0, "acht": 8.0,
             "neun": 9.0, "zehn": 10.0}  # fmt: skip
_ORDINALS_DE = {"zweite": 2.0, "dritte": 3.0, "vierte": 4.0, "fünfte": 5.0, "fuenfte": 5.0,
                "sechste": 6.0, "siebte": 7.0, "siebente": 7.0, "achte": 8.0, "neunte": 9.0,
                "zehnte": 10.0}  # fmt: skip
_RATIO_RE = {
    "en": re.compile(
        rf"(?i)\b(?P<n>\d{{1,2}}|{'|'.join(_SMALL_EN)})\s+(?:in|out\s+of)\s+"
        rf"(?P<d>\d{{1,2}}|{'|'.join(_SMALL_EN)})\b"
    ),
    "de": re.compile(
        rf"(?i)\bjede[rsnm]?\s+(?P<ord>{'|'.join(_ORDINALS_DE)})[rnsm]?\b"
        rf"|\b(?P<n>\d{{1,2}}|{'|'.join(_SMALL_DE)})\s+von\s+(?P<d>\d{{1,2}}|{'|'.join(_SMALL_DE)})\b"
        r"(?!\s*(?:%|prozent))"
    ),
}
# searched in the lower-cased text: the word before the denominator and the denominator's start
_RATIO_HINT = {
    "en": re.compile(r"\b(?:in|of) (?:\d\d?\b|one|two|three|four|five|six|seven|eight|nine|ten)"),
    "de": re.compile(
        r"jede|\bvon (?:\d\d?\b|ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn)"
    ),
}


# "almost all (of)", "fast alle", "fast ganz Spanien": a share close to the whole, read as 100
# percent after its qualifier ("almost" allows 95-100, so "99 percent of Spain" agrees). Not
# before a figure: "almost all 242 passengers" counts people.
_ALMOST_ALL = {
    "en": re.compile(r"(?i)\b(?:almost|nearly|virtually)\s+(?P<all>all)\b(?!\s+\d)"),
    "de": re.compile(
        r"(?i)\b(?:fast|nahezu|beinahe)\s+(?P<all>alle[nmrs]?|ganze?[nmrs]?)\b(?!\s+\d)"
    ),
}
_ALMOST_HINTS = {
    "en": ("almost all", "nearly all", "virtually all"),
    "de": ("fast all", "fast ganz", "nahezu all", "nahezu ganz", "beinahe all", "beinahe ganz"),
}


def ratios(text: str, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, percent) of each share told as a ratio of small numbers ("one in five" =
    20 percent, "jeder dritte" = 33.3 percent), whose numbers are no counts of their own, and of
    "almost all" (100 percent; the qualifier before it is read as for any share)."""
    lowered = text.lower()
    out = []
    if any(map(lowered.__contains__, _ALMOST_HINTS[lang])):
        out = [(m.start("all"), m.end("all"), 100.0) for m in _ALMOST_ALL[lang].finditer(text)]
    if not _RATIO_HINT[lang].search(lowered):
        return out
    for m in _RATIO_RE[lang].finditer(text):
        if m.group("ord") if lang == "de" else None:
            n, d = 1.0, _ORDINALS_DE[m.group("ord").casefold()]
        else:
            n, d = _small(m.group("n"), lang), _small(m.group("d"), lang)
        if 0 < n < d <= 10:
            out.append((m.start(), m.end(), round(100 * n / d, 1)))
    return sorted(out)


def _small(word: str, lang: str) -> float:
    if word.isdigit():
        return float(word)
    return (_SMALL_EN if lang == "en" else _SMALL_DE)[word.casefold()]
