"""The facts a claim states (figures, places, dates), in the one shape claims store them.

Claims typed in by hand get the same facts, in the same shape, as claims drawn from a story, so
charts, the duplicate review and the matcher's conflict checks work for both: figures as
`figure_dict`s, places by canonical name, dates as `DateMention.display` (the ISO date when it
resolves, "2022-01-07", else the words as written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimtrack.text.numbers import Figure, figures_and_dates
from claimtrack.text.places import find_places

from .dates import find_dates


@dataclass(frozen=True)
class StatedFacts:
    figures: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "counted": figure.counted,
        "raw": figure.raw,
    }


def stated_facts(text: str, language: str, published: date | None = None) -> StatedFacts:
    """Figures, places (canonical names, first mention first) and dates of `text`; `published`
    (the story's or the claim's date) completes dates written without a year."""
    figures, _dates = figures_and_dates(text, language)
    places = list(dict.fromkeys(place.name for place in find_places(text)))
    return StatedFacts(
        figures=[figure_dict(f) for f in figures],
        places=places,
        dates=list(dict.fromkeys(d.display for d in find_dates(text, published, language))),
    )
