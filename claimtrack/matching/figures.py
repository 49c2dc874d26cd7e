"""The figure guard: when two claims' figures agree, and when they contradict each other.

A figure states how many of something; two figures only speak about the same thing when both say
what is counted and agree on it. What is counted has two axes: what happened to them (killed,
arrested, injured: the *event*) and who they are (people, protesters, troops: the *subject*).
"2.000 Demonstranten festgenommen" and "2,000 people detained" count the same arrests; "2,000
arrested" and "2,000 killed" do not. Qualifiers make ranges: "fast 8.000" agrees with "7.939",
"mehr als 2.000" with "over 2,000" and with "2,030", not with "2,700".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimtrack.text._numlex import CANONICAL_COUNTED, COUNTED_SYNONYMS, EVENT_COUNTS

FigureKey = tuple[float, str | None, str | None, str | None]  # value, unit, counted, qualifier

# Durations compare in days ("zwei Tage" vs "two weeks" differ; "14 Tage" = "two weeks").
_DAYS = {"hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 30.0, "years": 365.0}
_GENERIC_UNITS = {None, "people"}


@dataclass(frozen=True)
class Fig:
    """A figure ready for comparison: value in a common unit, and what it counts on both axes."""

    value: float
    unit: str | None
    event: str | None
    subject: str | None
    qualifier: str | None
    key: FigureKey

    @property
    def counted_known(self) -> bool:
        return self.event is not None or self.subject is not None


@lru_cache(maxsize=65536)
def fig(key: FigureKey) -> Fig:
    value, unit, counted, qualifier = key
    counted = COUNTED_SYNONYMS.get(counted or "", counted)
    if unit in _DAYS:
        value, unit = value * _DAYS[unit], "days"
    event = counted if counted in EVENT_COUNTS else None
    subject = None
    if counted and not event:
        subject = counted if counted in CANONICAL_COUNTED else f"~{counted}"  # "~": as written
    if unit == "people" and subject is None:
        subject = "people"
    return Fig(value, None if unit in _GENERIC_UNITS else unit, event, subject, qualifier, key)


# Things a figure may count, never people: "25 homes searched" is not "25 people arrested".
THINGS = frozenset({"homes", "buildings"})


def _things_and_people(x: Fig, y: Fig) -> bool:
    """One figure counts things, the other people (what happened to them, or a known group)."""
    return _thing_and_people(x, y) or _thing_and_people(y, x)


def _thing_and_people(x: Fig, y: Fig) -> bool:
    """``x`` counts things, ``y`` people."""
    if x.subject not in THINGS:
        return False
    return y.event is not None or (
        y.subject is not None and not y.subject.startswith("~") and y.subject not in THINGS
    )


def same_thing(x: Fig, y: Fig) -> bool | None:
    """True: both say what they count and it agrees; False: they count different things;
    None: one side does not say (or one names an event, the other only a subject)."""
    if x.unit != y.unit or _things_and_people(x, y):
        return False
    if x.event and y.event:
        if x.event != y.event:
            return False
        return _subjects_agree(x.subject, y.subject) is not False
    if x.event or y.event:
        return None if x.subject != y.subject or not x.subject else True
    if x.subject and y.subject:
        return _subjects_agree(x.subject, y.subject)
    if x.unit is not None:  # "8,4 Prozent" and "8.4 percent": the unit says what is counted
        return True
    return None


def _subjects_agree(a: str | None, b: str | None) -> bool | None:
    if a is None or b is None or a == "people" or b == "people":
        return True if a == b else None
    if a.startswith("~") or b.startswith("~"):  # a plain noun as written: language-specific
        return True if a == b else None
    return a == b


def interval(f: Fig) -> tuple[float, float]:
    """The values a figure allows: exact, or a range from its qualifier."""
    return _interval(f.value, f.qualifier)


# A pair decision compares every figure with every other (a few microseconds each); a query's
# figures meet a dozen candidates, and figures repeat across claims: computed once per value.
@lru_cache(maxsize=65536, typed=True)
def _interval(v: float, qualifier: str | None) -> tuple[float, float]:
    tol = _tolerance(v)
    wide = max(tol, 0.1 * abs(v))
    match qualifier:
        case "about":
            return v - tol, v + tol
        case "almost":
            return v - max(tol, 0.05 * abs(v)), v
        case "more_than":
            return v + 1e-9, v + wide
        case "at_least":
            return v, v + wide
        case "less_than":
            return v - wide, v - 1e-9
        case "at_most":
            return v - wide, v
    return v, v


def _tolerance(value: float) -> float:
    """How far a rounded figure may be off: a tenth of its rounding step, at least 2 %, at most 5 %
    ("rund 2.000": 100; "fast 8.000": 160)."""
    if value != int(value) or value == 0:
        return 0.02 * abs(value)
    n, step = int(abs(value)), 1
    while n % (step * 10) == 0:
        step *= 10
    return min(max(step / 10, 0.02 * abs(value)), 0.05 * abs(value))


_OPPOSITE = {
    frozenset({"more_than", "less_than"}),
    frozenset({"more_than", "at_most"}),
    frozenset({"at_least", "less_than"}),
    frozenset({"at_least", "at_most"}),
}


def values_agree(x: Fig, y: Fig) -> bool:
    # every opposite pair has two qualifiers: without both, no set need be built
    if x.qualifier and y.qualifier and frozenset({x.qualifier, y.qualifier}) in _OPPOSITE:
        return False
    (lo_x, hi_x), (lo_y, hi_y) = _interval(x.value, x.qualifier), _interval(y.value, y.qualifier)
    eps = 1e-9 * max(abs(x.value), abs(y.value), 1.0)
    return lo_x <= hi_y + eps and lo_y <= hi_x + eps


@dataclass(frozen=True)
class FigureCheck:
    conflict: tuple[FigureKey, FigureKey] | None  # the smallest contradicting pair
    agreed: tuple[FigureKey, ...]  # figures of one claim that the other states too (see below)
    unmatched: int  # figures on either side with no counterpart of the same value


@lru_cache(maxsize=4096)
def check_figures(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> FigureCheck:
    """Contradictions and agreements between two claims' figures (symmetric)."""
    xs, ys = [fig(k) for k in fa], [fig(k) for k in fb]
    found: list[tuple[FigureKey, FigureKey]] = []
    agreed: dict[bool, list[FigureKey]] = {True: [], False: []}
    unmatched = 0
    for side, other, is_a in ((xs, ys, True), (ys, xs, False)):
        for x in side:
            relation = [(y, same_thing(x, y), values_agree(x, y)) for y in other]
            matched = [y for y, same, ok in relation if ok and same is not False]
            if any(same for _, same, ok in relation if ok):
                agreed[is_a].append(x.key)
            if not matched:
                unmatched += 1
            strict = [y for y, same, _ in relation if same]
            # "400 zu 275 Stimmen" vs "400 votes to 275": each value has its counterpart; which
            # of them a parser tied "votes" to is no contradiction.
            # A counterpart that a figure on this side already agrees with is the pair's shared
            # figure; this one is an extra ("statt bisher 12 Euro", "von 164 auf 225").
            if strict and not matched:
                found.extend((x.key, y.key) for y in strict if not _agrees_with_any(y, side))
            # the same number counting different happenings or different known groups: "2,000
            # arrested" vs "2,000 killed", "4.2 million customers" vs "4.2 million employees"
            # (unless another figure there may count what this one does: "searched 25 homes and
            # arrested 25 suspects" told twice)
            found.extend(
                (x.key, y.key)
                for y, same, ok in relation
                if ok and same is False and x.unit == y.unit and _both_known(x, y) and not matched
            )
            if len(side) == 1 and len(other) == 1 and not strict and not matched:
                y = other[0]
                if same_thing(x, y) is None and x.unit == y.unit and _single_event_clash(x, y):
                    found.append((x.key, y.key))
    conflict = None
    if found:
        conflict = min(((min(x, y, key=repr), max(x, y, key=repr)) for x, y in found), key=repr)
    # A figure a claim repeats ("2021 festgenommen ... 2021 Menschen festgenommen") agrees once:
    # the side with fewer agreeing figures counts (``a``'s when equal), so the number of agreeing
    # figures never depends on the order of the pair.
    mine, theirs = tuple(dict.fromkeys(agreed[True])), tuple(dict.fromkeys(agreed[False]))
    return FigureCheck(conflict, theirs if len(theirs) < len(mine) else mine, unmatched)


def _both_known(x: Fig, y: Fig) -> bool:
    """Both say what happened to those counted, or both name a known group (a canonical noun:
    a plain noun as written is language-specific and may be a synonym of the other's)."""
    if (x.event and y.event) or _things_and_people(x, y):
        return True
    known = [f.subject for f in (x, y) if f.subject and f.subject not in ("people",)]
    return len(known) == 2 and not any(s.startswith("~") for s in known)


def _agrees_with_any(y: Fig, side: list[Fig]) -> bool:
    return any(same_thing(x, y) is not False and values_agree(x, y) for x in side)


def _single_event_clash(x: Fig, y: Fig) -> bool:
    """One figure each, one names the event and the other does not: they are the claim's figure
    either way ("225 Tote" vs "the toll rose to 164"), so different values contradict."""
    return bool(x.event or y.event)


def figure_conflict(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> str | None:
    """The number guard as a named conflict ("more than 2,000 people arrests vs 2,700 ...")."""
    found = check_figures(fa, fb).conflict
    return None if found is None else f"{fmt(found[0])} vs {fmt(found[1])}"


def fmt(f: FigureKey) -> str:
    value = f"{f[0]:,.6g}"
    counted = COUNTED_SYNONYMS.get(f[2] or "", f[2])
    parts = [p for p in (f[3] and f[3].replace("_", " "), value, f[1], counted) if p]
    return " ".join(parts)
