"""From a story's text to ranked candidate claims: the extraction entry point.

Each sentence of the body (and the headline) is attributed, its figures, places and
dates are collected, and it is scored for check-worthiness. Figures and places come from
`claimtrack.text` (shared with matching, so both see the same numbers); dates are
resolved here against the story date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from claimtrack.extraction.attribution import (
    Attribution,
    Attributor,
    attribute_sentences,
    names_in,
)
from claimtrack.extraction.dates import DateMention, find_dates
from claimtrack.extraction.facts import figure_dict
from claimtrack.extraction.language import detect_language, sentence_language
from claimtrack.extraction.sentences import split_sentences
from claimtrack.extraction.worthiness import Evidence, Reason, score_sentence
from claimtrack.text.numbers import Figure, find_figures
from claimtrack.text.places import find_places

DEFAULT_MIN_SCORE = 0.3
_MIN_WORDS = 4
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence proposed for checking, with everything the desk needs to judge it."""

    text: str
    score: float
    reasons: tuple[Reason, ...]
    claimant: str | None
    claimant_kind: str  # person | organisation | unnamed | outlet
    cue: str | None
    figures: tuple[Figure, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[DateMention, ...] = ()
    start: int | None = None  # offset in the body; None for the headline
    end: int | None = None
    headline: bool = False
    language: str = "de"

    def figure_dicts(self) -> list[dict[str, Any]]:
        """Figures in the shape claims store them."""
        return [figure_dict(f) for f in self.figures]

    def reason_dicts(self) -> list[dict[str, Any]]:
        """Reasons as stored with a claim: code, weight and values, no English text."""
        return [r.to_dict() for r in self.reasons]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (CLI --json, API)."""
        return {
            "text": self.text,
            "score": self.score,
            "reasons": [r.to_dict() for r in self.reasons],
            "claimant": self.claimant,
            "claimant_kind": self.claimant_kind,
            "cue": self.cue,
            "figures": self.figure_dicts(),
            "places": list(self.places),
            "dates": [
                {"raw": d.raw, "value": d.value, "precision": d.precision} for d in self.dates
            ],
            "start": self.start,
            "end": self.end,
            "headline": self.headline,
            "language": self.language,
        }


def extract_candidates(
    body: str,
    title: str = "",
    language: str | None = None,
    published: date | datetime | None = None,
    *,
    outlet: str | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = None,
) -> list[Candidate]:
    """Candidate claims of a story, best first (ties keep reading order).

    `language` None means detect it; `published` anchors dates like "am 4. Januar";
    `outlet` is credited with what the story asserts itself.
    """
    language = language or detect_language(f"{title}\n{body}")
    day = published.date() if isinstance(published, datetime) else published
    scored: list[Candidate] = []
    if title.strip():
        # the headline gets its own attributor: its speaker is not "er" in the body
        headline = Attributor(language, outlet).attribute(title.strip())
        scored.append(_candidate(title.strip(), None, language, day, headline, headline=True))
    sentences = split_sentences(body, language)
    attributions, credits_previous = attribute_sentences(
        [s.text for s in sentences], language, outlet, _paragraphs(body, sentences)
    )
    title_key = " ".join(title.split()).casefold()
    for sentence, attribution, back in zip(sentences, attributions, credits_previous, strict=True):
        if len(sentence.text.split()) < _MIN_WORDS or not _LETTER.search(sentence.text):
            continue
        if title_key and " ".join(sentence.text.split()).casefold() == title_key:
            scored = [c for c in scored if not c.headline]  # a one-sentence story: one candidate
        span = (sentence.start, sentence.end)
        scored.append(
            _candidate(sentence.text, span, language, day, attribution, credits_previous=back)
        )
    ranked = sorted(
        (c for c in scored if c.score >= min_score),
        key=lambda c: (-c.score, -1 if c.start is None else c.start),
    )
    return ranked[:limit] if limit is not None else ranked


def _paragraphs(body: str, sentences: list) -> list[int]:
    """Paragraph (line) number of each sentence, in one pass over the body."""
    numbers, line, cursor = [], 0, 0
    for sentence in sentences:
        line += body.count("\n", cursor, sentence.start)
        cursor = sentence.start
        numbers.append(line)
    return numbers


def _candidate(
    text: str,
    span: tuple[int, int] | None,
    language: str,
    day: date | None,
    attribution: Attribution,
    *,
    headline: bool = False,
    credits_previous: bool = False,
) -> Candidate:
    # An English quote in a German story is an English claim (figures read the English way too).
    language = sentence_language(text, language)
    figures = tuple(find_figures(text, language))
    places = tuple(dict.fromkeys(p.name for p in find_places(text)))
    dates = tuple(find_dates(text, day, language))
    score, reasons = score_sentence(
        text,
        language,
        Evidence(
            figures=tuple(f.raw for f in figures),
            places=places,
            names=tuple(names_in(text)),
            dates=tuple(d.display for d in dates),
            claimant=attribution.claimant,
            claimant_kind=attribution.kind,
            cue=attribution.cue,
            headline=headline,
            credits_previous=credits_previous,
        ),
    )
    return Candidate(
        text=text,
        score=score,
        reasons=tuple(reasons),
        claimant=attribution.claimant,
        claimant_kind=attribution.kind,
        cue=attribution.cue,
        figures=figures,
        places=places,
        dates=dates,
        start=span[0] if span else None,
        end=span[1] if span else None,
        headline=headline,
        language=language,
    )
