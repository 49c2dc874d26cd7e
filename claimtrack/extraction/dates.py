"""Date mentions in claim text, resolved against the story's date only where safe.

A regex finds the date expressions we understand (German and English numeric dates,
"am 4. Januar", "4 January 2022", "im März", "Ende 2023", "gestern"); each keeps its raw
text. Day and month without a year take the year that puts them nearest the story date,
and only when that is within about three months. Relative days ("gestern", "yesterday") are
resolved with dateparser against the story date. Weekdays, "Mitte März", "Ende 2023" and
anything we are unsure of keep the raw text and no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import dateparser

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "january": 1,
    "februar": 2, "feb": 2, "february": 2,
    "märz": 3, "mär": 3, "mrz": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})"
_PART = r"(?P<part>anfang|mitte|ende|early|mid|late|mid-)"
_RELATIVE = r"(?P<rel>vorgestern|gestern|heute|morgen|übermorgen|yesterday|today|tomorrow)"
_WEEKDAY = (
    r"(?P<weekday>(?:(?:am|vergangenen|letzten|kommenden|nächsten|on|last|next|this)\s+)?"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:abend|morgen|nachmittag)?)"
)

_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)?\d{2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"),
    re.compile(rf"\b{_DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?(?![.,]\d)", re.I),
    re.compile(rf"\b(?:{_PART}\s*)?{_MONTH}(?:\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_PART}\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?:im jahr(?:e)?|im|seit|bis|in|since|by|until)\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_RELATIVE}\b", re.I),
    re.compile(rf"\b{_WEEKDAY}\b", re.I),
]
# "Mai"/"may"/"mar" are common words: only count them next to a day or year.
_AMBIGUOUS_MONTHS = {"mai", "may", "mar", "jun", "jul", "aug", "sep", "dec", "nov", "okt", "oct"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: raw text, ISO value ("2022-01-04", "2022-01", "2023") or None."""

    raw: str
    value: str | None
    precision: str | None  # "day" | "month" | "year" | None when unresolved
    start: int
    end: int

    @property
    def display(self) -> str:
        """The resolved value when there is one, else the raw text (what claims store)."""
        return self.value or self.raw


def find_dates(text: str, published: date | None = None, language: str = "de") -> list[DateMention]:
    """All date mentions in `text`, left to right, without overlaps (longest first wins)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            mention = _resolve(match, published, language)
            if mention is not None:
                found.append(mention)
                taken.append((start, end))
    return sorted(found, key=lambda m: m.start)


def _is_the_morning(match: re.Match[str]) -> bool:
    """German "Morgen" with a capital inside a sentence is the noun, the morning ("am Morgen",
    "heute Morgen", "jeden Morgen"), not the adverb "morgen" (tomorrow). Read as tomorrow, "sagte
    er am Morgen" had put the next day on the claim."""
    if match.group("rel") != "Morgen":
        return False
    before = match.string[: match.start()].rstrip()
    return bool(before) and before[-1] not in '.!?:"„“»«'


def _resolve(match: re.Match[str], published: date | None, language: str) -> DateMention | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    raw, start, end = match.group(0), match.start(), match.end()

    def mention(value: str | None, precision: str | None) -> DateMention:
        return DateMention(raw, value, precision if value else None, start, end)

    if "m" in groups:  # numeric dates
        return mention(_numeric(groups), "day")
    if "rel" in groups:
        if _is_the_morning(match):
            return None
        return mention(_relative(groups["rel"], published, language), "day")
    if "weekday" in groups:
        return mention(None, None)
    month = MONTHS.get(groups.get("month", "").lower().rstrip("."))
    year = int(groups["year"]) if "year" in groups else None
    if "day" in groups and month:
        return mention(_day_month(int(groups["day"]), month, year, published), "day")
    if month:
        if groups["month"].lower() in _AMBIGUOUS_MONTHS and year is None:
            return None
        if "part" in groups:
            return mention(None, None)
        if year is None:
            year = _nearest_year(15, month, published, window=120)
        return mention(f"{year:04d}-{month:02d}" if year else None, "month")
    if year is not None and "part" not in groups:  # "seit 2015": the mention is the year alone
        return DateMention(groups["year"], str(year), "year", match.start("year"), end)
    return mention(None, None)


def _numeric(groups: dict[str, str]) -> str | None:
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, int(groups["m"]), int(groups["d"])).isoformat()
    except ValueError:
        return None


def _day_month(day: int, month: int, year: int | None, published: date | None) -> str | None:
    if year is None:
        year = _nearest_year(day, month, published, window=92)
        if year is None:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(day: int, month: int, published: date | None, window: int) -> int | None:
    """The year putting day/month nearest the story date, if within `window` days."""
    if published is None:
        return None
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((date(year, month, min(day, 28)) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best and best[0] <= window else None


def _relative(word: str, published: date | None, language: str) -> str | None:
    if published is None:
        return None
    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        word,
        languages=[language, "de" if language == "en" else "en"],
        settings={"RELATIVE_BASE": base},
    )
    return parsed.date().isoformat() if parsed else None
