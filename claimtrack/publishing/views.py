"""The read models of published verdicts: plain frozen dataclasses, detached from any session.

What `publication` loads and what pages, feeds, exports and the API read. Kept apart from the loading
code so that pure code (ClaimReview builder, charts, templates) depends on shapes, not on queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from anyascii import anyascii

from claimtrack.languages import in_language
from claimtrack.models import Source, VerdictState

MAX_SLUG_CHARS = 60


@dataclass(frozen=True)
class RatingView:
    id: int
    key: str
    names: dict[str, str]  # by language code, like RatingLabel.names
    explanations: dict[str, str]
    color: str
    ordinal: int | None
    active: bool = True

    def name_in(self, language: str) -> str:
        """The name in `language` (else in the default language, else the key)."""
        return in_language(self.names, language, self.key)

    def explanation_in(self, language: str) -> str:
        return in_language(self.explanations, language)


@dataclass(frozen=True)
class ClaimView:
    id: int
    text: str
    language: str
    claimant: str
    claimant_kind: str
    claim_date: date | None
    figures: list[dict[str, Any]]
    tags: list[str]
    slug: str


@dataclass(frozen=True)
class VerdictView:
    id: int
    headline: str
    summary: str
    reasoning: str
    language: str
    state: str
    published_at: datetime
    modified_at: datetime
    valid_as_of: date | None
    withdrawn_reason: str | None
    version: int


@dataclass(frozen=True)
class AppearanceView:
    claim_id: int
    story_id: int
    story_title: str
    story_url: str | None
    outlet: str
    language: str
    appeared_on: date | None
    quote: str
    credited_to: str


@dataclass(frozen=True)
class SourceView:
    id: int
    url: str
    title: str
    publisher: str
    kind: str
    accessed_on: date | None
    archive_url: str | None
    note: str

    @classmethod
    def of(cls, source: Source) -> SourceView:
        return cls(
            id=source.id or 0,
            url=source.url,
            title=source.title,
            publisher=source.publisher,
            kind=source.kind,
            accessed_on=source.accessed_on,
            archive_url=source.archive_url,
            note=source.note,
        )


@dataclass(frozen=True)
class RevisionView:
    number: int
    kind: str
    note: str
    at: datetime
    old_rating: RatingView | None
    new_rating: RatingView | None


@dataclass(frozen=True)
class RelatedView:
    claim_id: int
    text: str
    slug: str
    kind: str
    figures: list[dict[str, Any]]
    rating: RatingView | None
    verdict_language: str
    appearances: list[AppearanceView] = field(default_factory=list)


@dataclass(frozen=True)
class PublishedVerdict:
    claim: ClaimView
    verdict: VerdictView
    rating: RatingView | None
    # (worst, best) ordinal of the scale, for ClaimReview's worstRating / bestRating.
    scale_bounds: tuple[int, int] | None
    appearances: list[AppearanceView]
    sources: list[SourceView]
    corrections: list[RevisionView]
    related: list[RelatedView]

    @property
    def withdrawn(self) -> bool:
        return self.verdict.state == VerdictState.WITHDRAWN

    @property
    def corrected(self) -> bool:
        return any(r.kind == "correction" for r in self.corrections)

    @property
    def first_appearance(self) -> AppearanceView | None:
        return self.appearances[0] if self.appearances else None

    @property
    def path(self) -> str:
        """Canonical path of the verdict page (relative to the site's base URL)."""
        return claim_path(self.claim.id, self.claim.slug)


def slugify(text: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """ASCII, lower-case, hyphenated words; cut at a word boundary. "Äpfel über 2.000" -> "apfel-uber-2-000"."""
    words = re.findall(r"[a-z0-9]+", anyascii(text).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            break
        slug = candidate
    return slug or (words[0][:max_chars] if words else "claim")


def claim_path(claim_id: int, slug: str) -> str:
    return f"claims/{claim_id}-{slug}"


@dataclass(frozen=True)
class ListFilters:
    """Reader filters; all optional. Dates bound the first publication (inclusive)."""

    rating: str | None = None
    claimant: str | None = None
    tag: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Page:
    items: list[PublishedVerdict]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total
