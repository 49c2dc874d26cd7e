"""The figure over time: how the number a claim states moved from story to story.

For a quantity claim (one with figures) every dated appearance of the claim and of its confirmed
related and variant claims becomes a point: the figure as printed in that story's quote (falling back to
the claim's own figure), placed on a time axis. The geometry is computed here so the template only
draws it; the same points feed the table beside the SVG, so the chart and the numbers never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_skeleton
from babel.numbers import format_decimal

from claimtrack.publishing.views import AppearanceView, PublishedVerdict
from claimtrack.text.numbers import find_figures

WIDTH = 640
HEIGHT = 260
PAD_LEFT = 64
PAD_RIGHT = 16
PAD_TOP = 16
PAD_BOTTOM = 40
Y_TICKS = 4


@dataclass(frozen=True)
class ChartPoint:
    day: date
    value: float
    raw: str
    story_title: str
    language: str
    story_url: str | None
    outlet: str
    claim_id: int
    this_claim: bool
    x: float
    y: float
    value_label: str
    day_label: str


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class Chart:
    points: list[ChartPoint]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    path: str
    counted: str | None
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT
    top: int = PAD_TOP
    bottom: int = HEIGHT - PAD_BOTTOM


def _primary(figures: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((f for f in figures if isinstance(f.get("value"), int | float)), None)


def _value_in(appearance: AppearanceView, fallback: dict[str, Any]) -> tuple[float, str]:
    """The figure printed in this story's quote (same counted thing if known), else the claim's."""
    found = find_figures(appearance.quote, appearance.language) if appearance.quote else []
    counted = fallback.get("counted")
    same = [f for f in found if counted and f.counted == counted] or found[:1]
    if same:
        return same[0].value, same[0].raw
    return float(fallback["value"]), str(fallback.get("raw") or fallback["value"])


def _figure_of(figures: list[dict[str, Any]], text: str, language: str) -> dict[str, Any] | None:
    """The claim's stored figure, or else the first one its text states (claims entered by hand
    may have no stored figures)."""
    stored = _primary(figures)
    if stored is not None:
        return stored
    found = find_figures(text, language)
    return (
        {"value": found[0].value, "counted": found[0].counted, "raw": found[0].raw}
        if found
        else None
    )


def _comparable(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same kind of quantity, as far as the parser could tell (a missing unit or counted noun does
    not disqualify: "225 Menschen ums Leben gekommen" is parsed without one)."""
    return all(
        a.get(k) is None or b.get(k) is None or a.get(k) == b.get(k) for k in ("counted", "unit")
    )


def _raw_points(bundle: PublishedVerdict) -> list[tuple[date, float, str, AppearanceView, bool]]:
    own = _figure_of(bundle.claim.figures, bundle.claim.text, bundle.claim.language)
    if own is None:
        return []
    series = [(bundle.claim.id, own, bundle.appearances, True)]
    for rel in bundle.related:
        figure = _figure_of(rel.figures, rel.text, bundle.claim.language)
        if figure is not None and _comparable(own, figure):
            series.append((rel.claim_id, figure, rel.appearances, False))
    out = []
    for _claim_id, figure, appearances, mine in series:
        for a in appearances:
            if a.appeared_on is None:
                continue
            value, raw = _value_in(a, figure)
            out.append((a.appeared_on, value, raw, a, mine))
    out.sort(key=lambda p: (p[0], p[1]))
    return out


def own_counted(bundle: PublishedVerdict) -> str | None:
    figure = _figure_of(bundle.claim.figures, bundle.claim.text, bundle.claim.language)
    return figure.get("counted") if figure else None


def _nice_step(span: float) -> float:
    raw = span / Y_TICKS
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= raw:
            return m * magnitude
    return 10 * magnitude


def _day(day: date, locale: str) -> str:
    """A day as newsrooms write it in a chart: "15. Jan. 2022", "Jan 15, 2022" (not 15.01.2022)."""
    return str(format_skeleton("yMMMd", day, locale=locale))


def figure_chart(bundle: PublishedVerdict, *, locale: str = "de") -> Chart | None:
    """Chart geometry for a quantity claim with at least two different dated points; None
    otherwise (one point, however many stories repeat it on one day, shows no change over time
    and only repeats the appearance list)."""
    raw = _raw_points(bundle)
    if len({(p[0], p[1]) for p in raw}) < 2:
        return None
    first_day, last_day = raw[0][0], raw[-1][0]
    days = max((last_day - first_day).days, 1)
    top_value = max(p[1] for p in raw)
    step = _nice_step(top_value or 1)
    y_max = step * math.ceil((top_value or 1) / step)
    left, right, top, bottom = PAD_LEFT, WIDTH - PAD_RIGHT, PAD_TOP, HEIGHT - PAD_BOTTOM

    def x_of(day: date) -> float:
        if first_day == last_day:
            return (left + right) / 2
        return round(left + (right - left) * (day - first_day).days / days, 1)

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * value / y_max, 1)

    points = [
        ChartPoint(
            day=day,
            value=value,
            raw=text,
            story_title=a.story_title,
            language=a.language,
            story_url=a.story_url,
            outlet=a.outlet,
            claim_id=a.claim_id,
            this_claim=mine,
            x=x_of(day),
            y=y_of(value),
            value_label=format_decimal(value, locale=locale),
            day_label=_day(day, locale),
        )
        for day, value, text, a, mine in raw
    ]
    y_ticks = [
        Tick(y_of(step * i), format_decimal(step * i, locale=locale))
        for i in range(int(round(y_max / step)) + 1)
    ]
    x_days = sorted({first_day, last_day})
    x_ticks = [Tick(x_of(d), _day(d, locale)) for d in x_days]
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
    return Chart(
        points=points,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        path=path,
        counted=own_counted(bundle),
    )
