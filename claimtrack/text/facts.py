"""The facts a claim states (figures, places, dates), in the shape claims store them.

Claims typed in by hand get the same facts as claims drawn from a story, so charts, the duplicate
review and the matcher's conflict checks work for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .numbers import Figure, figures_and_dates
from .places import find_places


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


def stated_facts(text: str, language: str) -> StatedFacts:
    """Figures, places (canonical names, first mention first) and dates as written in `text`."""
    figures, dates = figures_and_dates(text, language)
    places = list(dict.fromkeys(place.name for place in find_places(text)))
    return StatedFacts(
        figures=[figure_dict(f) for f in figures],
        places=places,
        dates=list(dict.fromkeys(d.raw for d in dates)),
    )
