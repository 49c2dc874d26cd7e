"""A claim without a story: heard on TV or radio, seen on social media, told to the desk.

The claim text goes through the same extraction as a story's sentences (figures, places,
dates, claimant from "laut …"/"said", check-worthiness) and the same matching, so it is
compared with what the desk already has. With a source URL (a post, a video page) the
text is also stored as a one-sentence story at that URL, deduplicated like any story, and
the claim gets an appearance there: partners then see where it was made. Without one, the
claim stands alone with its claimant and the day it was said.

Everything is checked before anything is written; the story (when there is a URL), the claim
and its appearance are then stored in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from sqlmodel import Session

from claimtrack.enums import ClaimantKind
from claimtrack.extraction import Candidate, detect_language, extract_candidates
from claimtrack.extraction.speakers import claimant_kind_of
from claimtrack.models import Claim, User
from claimtrack.services import claims
from claimtrack.services.base import (
    check_http_url,
    check_language,
    clean_text,
    require,
    use_case,
)
from claimtrack.services.errors import ValidationError
from claimtrack.services.matching import match
from claimtrack.services.matching.match import MatchResult
from claimtrack.workflow import Permission

from . import ingest, stories

_KINDS = {
    "person": ClaimantKind.PERSON,
    "organisation": ClaimantKind.ORGANISATION,
    "unnamed": ClaimantKind.UNKNOWN,
    "outlet": ClaimantKind.UNKNOWN,
}


@dataclass
class NewClaim:
    """What the desk noted: the claim as heard or read, and what it knows about it."""

    text: str
    claimant: str = ""
    said_on: date | None = None
    source_url: str | None = None
    language: str | None = None  # None: detected
    language_confirmed: bool = False  # the person confirmed a language the text seems not to be in


@dataclass(frozen=True)
class NotedClaim:
    claim: Claim
    candidate: Candidate  # what extraction read in the text (claimant, figures, reasons)
    similar: list[MatchResult]  # stored claims it may repeat


def read_claim(data: NewClaim) -> tuple[str, str, Candidate, str | None]:
    """Check the input and read it like a story sentence; (text, language, candidate, url).

    Pure apart from validation errors; nothing is stored.
    """
    text = " ".join(clean_text(data.text, "text", max_len=claims.MAX_CLAIM_CHARS).split())
    if len(text) < claims.MIN_CLAIM_CHARS:
        raise ValidationError("A claim needs at least a short sentence.", field="text")
    language = check_language(data.language or detect_language(text))
    if data.language:
        claims.check_language_label(text, language, data.language_confirmed)
    url = check_http_url(data.source_url, "source_url", required=False)
    clean_text(data.claimant, "claimant", required=False, max_len=300)
    found = extract_candidates(text, "", language, data.said_on, min_score=0.0)
    if not found:
        raise ValidationError("No claim found in the text.", field="text")
    best = max(found, key=lambda c: c.score)
    return text, language, best, url


@use_case
def note_claim(*, session: Session, actor: User, data: NewClaim) -> NotedClaim:
    """Store a claim that came without a story, matched against the stored claims."""
    require(actor, Permission.TRIAGE)
    text, language, candidate, url = read_claim(data)
    found = candidate.claimant if candidate.claimant_kind in ("person", "organisation") else None
    claimant = data.claimant.strip() or found or ""
    kind = (
        _KINDS.get(candidate.claimant_kind, ClaimantKind.UNKNOWN)
        if claimant == (candidate.claimant or "")
        else _KINDS[claimant_kind_of(claimant, language)]
    )
    figures, places, dates = _facts(text, language, data.said_on)
    # The model runs before the first write: a save holds the database's write lock to its end.
    match.embed_ahead([text])
    appearance = None
    if url is not None:
        appearance = _appearance(session, actor, text, language, url, claimant, data.said_on)
    claim = claims.create_claim(
        session=session,
        actor=actor,
        data=claims.ClaimInput(
            text=text,
            language=language,
            claimant=claimant,
            claimant_kind=kind if claimant else ClaimantKind.UNKNOWN,
            claim_date=data.said_on,
            worthiness=candidate.score,
            worthiness_reasons=candidate.reason_dicts(),
            figures=figures,
            places=places,
            dates=dates,
        ),
        appearance=appearance,
    )
    similar = [
        m for m in ingest.similar_claims(session, candidate, limit=6) if m.claim_id != claim.id
    ]
    return NotedClaim(claim, candidate, similar[:5])


def _facts(
    text: str, language: str, said_on: date | None
) -> tuple[list[dict[str, object]], list[str], list[str]]:
    """Figures, places and dates of the whole text (a noted claim may be two sentences)."""
    figures: list[dict[str, object]] = []
    places: list[str] = []
    dates: list[str] = []
    for candidate in sorted(
        extract_candidates(text, "", language, said_on, min_score=0.0), key=lambda c: c.start or 0
    ):
        figures.extend(candidate.figure_dicts())
        places.extend(p for p in candidate.places if p not in places)
        dates.extend(d.display for d in candidate.dates if d.display not in dates)
    return figures, places, dates


def _appearance(
    session: Session,
    actor: User,
    text: str,
    language: str,
    url: str,
    claimant: str,
    said_on: date | None,
) -> claims.AppearanceInput:
    """The post or page at `url` as a one-sentence story (stored once), and where in it."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    result = stories.add_story(
        session=session,
        actor=actor,
        data=stories.StoryInput(
            body=text,
            title=text[:200],
            url=url,
            outlet=host,
            language=language,
            published_at=datetime(said_on.year, said_on.month, said_on.day, tzinfo=UTC)
            if said_on
            else None,
        ),
    )
    return claims.AppearanceInput(
        story_id=result.story.id or 0,
        quote=text,
        position=0,
        credited_to=claimant,
        appeared_on=said_on,
    )
