"""Dates and years in German and English text ("20.01.1990", "am 2. Januar 2022", "January 6").

A year-like number is a date unless its context makes it a quantity ("2000 Menschen"): that test
shares the unit, scale and counted-noun lexicon of ``numbers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

from claimtrack.text import _numlex as lex
from claimtrack.text._patterns import QUAL_RE, SCALE_RE, UNIT_RE, counted_word
from claimtrack.text.normalize import fold_word


# A plain class under mypyc too (claimtrack/_native.py): its __init__ fills __dict__.
@mypyc_attr(native_class=False)
@dataclass(frozen=True, init=False)
class DateMention:
    """A date as written; ``value`` is ISO-like: "2022", "2022-01", "2022-01-05" or "--01-05"."""

    value: str
    raw: str
    start: int
    end: int

    def __init__(self, value: str, raw: str, start: int, end: int) -> None:
        # The generated __init__'s work in one dict update (half the time of a setattr a field).
        self.__dict__.update(value=value, raw=raw, start=start, end=end)


_MONTH_RE = "|".join(
    sorted(
        {"januar", "jänner", "februar", "märz", "maerz", "april", "mai", "juni", "juli",
         "august", "september", "oktober", "november", "dezember", "january", "february",
         "march", "may", "june", "july", "october", "december", "jan", "feb", "mar", "apr",
         "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec"},
        key=len, reverse=True,
    )
)  # fmt: skip
_YEAR = r"(1[89]\d\d|20\d\d|21\d\d)"
# (pattern, kind, needs): a pattern can only match a text whose casefolded form contains one of
# its ``needs`` (MONTH: a month name as a word). An ``in`` test is far cheaper than a regex scan,
# and most claims have no slash, no hyphenated date and no clock time.
MONTH = ("<month>",)
_DATE_PATTERNS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "ymd", ("-",)),
    (re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?{_YEAR}?(?!\d)"), "dmy", (".",)),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b"), "mdy_slash", ("/",)),
    (
        re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_RE})\.?(?:\s+{_YEAR})?\b", re.I),
        "d_month",
        MONTH,
    ),
    (
        re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b", re.I),
        "month_d",
        MONTH,
    ),
    (re.compile(rf"\b({_MONTH_RE})\.?\s+{_YEAR}\b", re.I), "month_y", MONTH),
    (
        re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?(?=\W|$)", re.I),
        "time",
        (":", "."),
    ),
    (
        re.compile(r"\b\d{1,2}\s*(?:uhr|am|pm|a\.m\.|p\.m\.)(?=\W|$)", re.I),
        "time",
        ("uhr", "am", "pm", "a.m.", "p.m."),
    ),
]
_YEAR_RE = re.compile(rf"(?<![\w.,]){_YEAR}(?![\w]|[.,]\d)")
_MONTH_WORDS = frozenset(_MONTH_RE.split("|"))
_WORD = re.compile(r"\w+")
# Every byte that is no word character in lower-case ASCII ([0-9a-z_]) -> a space.
_NOT_WORD_BYTES = bytes(b if 48 <= b <= 57 or 97 <= b <= 122 or b == 95 else 32 for b in range(256))
_YEAR_CUES = frozenset(
    [
        "jahr",
        "jahre",
        "jahres",
        "jahren",
        "im",
        "in",
        "seit",
        "since",
        "until",
        "bis",
        "ab",
        "von",
        "vor",
        "year",
        "of",
        "from",
    ]
)
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_NOT_AFTER_QUANTITY = frozenset(
    [
        "wurden",
        "wurde",
        "war",
        "waren",
        "ist",
        "sind",
        "hat",
        "haben",
        "hatte",
        "hatten",
        "wird",
        "werden",
        "gab",
        "gibt",
        "sowie",
        "und",
        "oder",
        "in",
        "im",
        "am",
        "an",
        "auf",
        "bei",
        "fuer",
        "mit",
        "nach",
        "seit",
        "vor",
        "als",
        "bis",
        "zum",
        "zur",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "was",
        "were",
        "is",
        "are",
        "has",
        "had",
        "have",
        "will",
        "saw",
        "marked",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "after",
        "since",
        "before",
        "as",
        "until",
        "the",
        "a",
        "an",
        "of",
        "its",
        "this",
    ]
)

_DIGIT = re.compile(r"\d")


def find_dates(text: str, language: str = "de") -> list[DateMention]:
    """Dates, day-month mentions, times and standalone years ("1990", "2022")."""
    return scan(text, language)[0]


def scan(text: str, language: str = "de") -> tuple[list[DateMention], list[re.Pattern[str]]]:
    """The dates of ``text``, and the clock-time patterns that can match in it."""
    found, times, _ = scan_times(text, language)
    return found, times


def scan_times(
    text: str, language: str = "de", starts: tuple[list[int], list[int]] | None = None
) -> tuple[list[DateMention], list[re.Pattern[str]], list[tuple[int, int]]]:
    """The dates of ``text``, the clock-time patterns that can match in it, and the span of
    every match of those patterns (overlapping a date or not): figures must avoid times too,
    and ``numbers.figures_and_dates`` takes the spans from here instead of searching again.
    ``starts``: ``digit_starts(text)``, when the caller has it already."""
    if _DIGIT.search(text) is None:
        return [], [], []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    time_spans: list[tuple[int, int]] = []
    live = live_patterns(text)
    month_starts: list[int] | None = None
    word_starts, number_starts = digit_starts(text) if starts is None else starts
    matches: Iterable[re.Match[str]]
    for pattern, kind in live:
        if kind in _MONTH_FIRST:
            month_starts = _month_starts(text) if month_starts is None else month_starts
            matches = _matches_at(pattern, text, month_starts)
        else:  # every other pattern begins with \b\d
            matches = _matches_at(pattern, text, word_starts)
        for m in matches:
            if kind == "time":
                time_spans.append(m.span())
            if kind == "dmy" and language == "en" and not m.group(3):
                continue  # "a magnitude of 6.8.": English writes no day and month so
            if kind == "month_d" and not m.group(3) and _no_day_after_month(text, m, language):
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _date_value(kind, m)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            if kind != "time":
                found.append(DateMention(value, m.group(), m.start(), m.end()))
    for m in _matches_at(_YEAR_RE, text, number_starts):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _is_quantity_context(text, m.start(), m.end(), language):
            continue
        found.append(DateMention(m.group(), m.group(), m.start(), m.end()))
    times = [p for p, kind in live if kind == "time"]
    return sorted(found, key=lambda d: d.start), times, time_spans


def live_patterns(text: str) -> list[tuple[re.Pattern[str], str]]:
    """The date patterns, in order, that can match ``text`` (see ``_DATE_PATTERNS``)."""
    folded = text.casefold()
    month: bool | None = None
    out = []
    for pattern, kind, needs in _DATE_PATTERNS:
        if needs == MONTH:  # equal, not identical: compiled (mypyc), a tuple is a copy
            month = _mentions_month(text) if month is None else month
            if month:
                out.append((pattern, kind))
        elif any(map(folded.__contains__, needs)):
            out.append((pattern, kind))
    return out


# Patterns that begin with a month name as a whole word ("January 6", "Jan. 2022"). Searching
# them through a text tries the month alternation at every character; trying them only where a
# month word starts finds the same matches in a fraction of the time.
_MONTH_FIRST = frozenset(["month_d", "month_y"])


def _month_starts(text: str) -> list[int]:
    """Where the words of ``text`` that are month names start (as ``_mentions_month`` reads
    them: a word-character run, compared case-insensitively as re.I does)."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        if not word.isascii():
            word = word.replace("\u0131", "i").replace("i\u0307", "i")
        if word in _MONTH_WORDS:
            out.append(m.start())
    return out


# ASCII text as classes of bytes: a digit -> "0", another word character ([A-Za-z_]) -> "a",
# "." and "," -> ".", anything else -> " ".
_DIGIT_CLASSES = bytes(
    48 if 48 <= b <= 57 else 97 if 65 <= b <= 90 or 97 <= b <= 122 or b == 95
    else 46 if b in (44, 46) else 32
    for b in range(256)
)  # fmt: skip
_WORD_DIGIT = re.compile(r"(?<!\w)\d")


def digit_starts(text: str) -> tuple[list[int], list[int]]:
    """Where a match of a pattern that begins with ``\\b\\d`` can start (a digit with no word
    character before it), and those of them with no "." or "," before either (where one that
    begins with ``(?<![\\w.,])\\d`` can). Each date, year and numeral pattern searched through a
    text tries every character (5-10 us a claim each); matching them only here (``_matches_at``)
    finds the same matches, and a claim has a few such places. In ASCII text ``\\d`` is [0-9] and
    ``\\w`` [0-9A-Za-z_]: one bytes translation and a few ``find`` calls say where."""
    if not text.isascii():
        word = [m.start() for m in _WORD_DIGIT.finditer(text)]
        return word, [i for i in word if not i or text[i - 1] not in ".,"]
    # With a space before the text, " 0" at index i is a digit at text[i] after no word
    # character nor "." or ",", and ".0" one after "." or ",".
    classes = b" " + text.encode("ascii").translate(_DIGIT_CLASSES)
    number = _finds(classes, b" 0")
    dotted = _finds(classes, b".0")
    return (sorted(number + dotted) if dotted else number), number


def _finds(haystack: bytes, needle: bytes) -> list[int]:
    out = []
    i = haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 2)
    return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts``:
    the same non-overlapping matches, left to right."""
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            out.append(m)
            end = m.end()
    return out


def _mentions_month(text: str) -> bool:
    """Whether a word of ``text`` is a month name, as the patterns' ``\\b(month)\\b`` with re.I
    sees it: whole word-character runs, compared case-insensitively (a dotless or dotted ı/İ
    counts as i, as in re.I)."""
    if text.isascii():
        # ASCII: the word-character runs are the runs of [0-9a-z_] once lower-cased, cut out by
        # one bytes translation (a third of the regex's time; most claims name no month).
        cut = text.lower().encode("ascii").translate(_NOT_WORD_BYTES).decode("ascii")
        return not _MONTH_WORDS.isdisjoint(cut.split())
    words = " ".join(_WORD.findall(text)).casefold()
    if not words.isascii():
        words = words.replace("\u0131", "i").replace("i\u0307", "i")
    return not _MONTH_WORDS.isdisjoint(words.split())


def _no_day_after_month(text: str, m: re.Match[str], language: str) -> bool:
    """ "April 25" without a year is no date in German, which writes "25. April" ("ab April 25
    Gramm": from April, 25 grams), nor in English when a unit follows the number ("in April 25
    grams", "by May 12 percent")."""
    return language == "de" or bool(UNIT_RE.match(text, m.end()))


def _date_value(kind: str, m: re.Match[str]) -> str | None:
    g = m.groups()
    try:
        if kind == "ymd":
            return _iso(int(g[0]), int(g[1]), int(g[2]))
        if kind == "dmy":
            return _iso(int(g[2]) if g[2] else None, int(g[1]), int(g[0]))
        if kind == "mdy_slash":
            year = int(g[2]) + (2000 if len(g[2]) == 2 else 0)
            return _iso(year, int(g[0]), int(g[1]))
        if kind == "d_month":
            return _iso(int(g[2]) if g[2] else None, lex.MONTHS[fold_word(g[1])], int(g[0]))
        if kind == "month_d":
            return _iso(int(g[2]) if g[2] else None, lex.MONTHS[fold_word(g[0])], int(g[1]))
        if kind == "month_y":
            return f"{int(g[1]):04d}-{lex.MONTHS[fold_word(g[0])]:02d}"
        return "time"
    except (KeyError, ValueError):
        return None


def _iso(year: int | None, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


# The last word of each qualifier ("than" of "more than"): a text before a figure that ends in
# none of them has no qualifier, and saying so costs a tenth of the search.
_QUALIFIER_ENDS = tuple(sorted({q.rsplit(" ", 1)[-1] for q in lex.QUALIFIERS}))


def qualifier_before(window: str) -> re.Match[str] | None:
    """``QUAL_RE.search(window)``: a qualifier ("mehr als", "about") right before a figure.

    The search tries every qualifier at every position of the window (≈ 1.7 µs); in ASCII text
    a match needs the window, trailing spaces aside, to end in a qualifier's last word, in any
    case (``str.rstrip`` strips what ``\\s`` matches, and ``re.I`` compares ASCII letters as
    ``lower`` does), so a window that does not is answered without it."""
    if window.isascii() and not window.rstrip().lower().endswith(_QUALIFIER_ENDS):
        return None
    return QUAL_RE.search(window)


def _is_quantity_context(text: str, start: int, end: int, language: str) -> bool:
    """A year-like number followed by a unit, scale or counted noun is a quantity ("2000 Tote")."""
    after = text[end : end + 40]
    if UNIT_RE.match(after) or SCALE_RE[language].match(after):
        return True
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].casefold().strip("(,") in _YEAR_CUES:
        return False
    if qualifier_before(text[max(0, start - 25) : start]):
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if counted_word(word) is not None:
        return True
    # "2000 Journalisten" / "2000 journalists" count; "2020 wurden", "2020 was", "2020 in" do not.
    folded = fold_word(word)
    if folded in _NOT_AFTER_QUANTITY or folded in lex.MONTHS:
        return False
    return word[0].isupper() if language == "de" else folded.endswith("s")
