"""Published verdicts with appearances, sources, tags, a correction and related claims, for the reader
page tests. Everything goes through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session

from claimtrack.models import Claim, ClaimantKind, User
from claimtrack.services import claims, ratings, sources, verdicts
from claimtrack.services.matching import links as matching_links
from tests.factories import make_claim, make_published_verdict, make_story


@dataclass
class Published:
    claim: Claim
    variant: Claim


def figure(value: float, raw: str) -> dict[str, object]:
    return {"value": value, "qualifier": None, "unit": "people", "counted": "arrests", "raw": raw}


def publish_rich(session: Session, users: dict[str, User]) -> Published:
    """A quantity claim that appeared in two stories, with two sources, a tag, a public correction,
    and a confirmed variant claim (another figure) that appeared in a third story."""
    editor = users["editor"]
    first = make_story(
        session, editor, published_at=datetime(2022, 1, 6, 8, 0, tzinfo=UTC),
        body="In Almaty wurden mehr als 2.000 Menschen festgenommen, sagt das Ministerium.",
    )  # fmt: skip
    later = make_story(
        session, editor, published_at=datetime(2022, 1, 8, 8, 0, tzinfo=UTC),
        body="Inzwischen seien 4.000 Menschen festgenommen worden.",
    )  # fmt: skip
    claim = make_claim(
        session, editor, "In Almaty wurden mehr als 2.000 Menschen festgenommen.",
        story=first, claimant="Innenministerium", claimant_kind=ClaimantKind.ORGANISATION,
        claim_date=date(2022, 1, 6), figures=[figure(2000, "mehr als 2.000 Menschen")],
        tags=["Kasachstan"],
    )  # fmt: skip
    claims.add_appearance(
        session=session, actor=editor, claim_id=claim.id or 0,
        data=claims.AppearanceInput(story_id=later.id or 0, quote="4.000 Menschen festgenommen"),
    )  # fmt: skip
    for n, url in enumerate(["https://gov.example.kz/press/1", "https://data.example.org/arrests"]):
        sources.add_source(
            session=session, actor=editor, claim_id=claim.id or 0,
            data=sources.SourceInput(
                url=url, title=f"Quelle {n}", publisher="Ministerium",
                archive_url=f"https://archive.example.org/{n}", accessed_on=date(2022, 1, 9),
            ),
        )  # fmt: skip
    make_published_verdict(session, editor, claim, rating_key="groesstenteils-richtig")
    label = ratings.label_by_key(session, "teilweise-falsch")
    assert label is not None
    verdict = verdicts.verdict_of(session, claim.id or 0)
    assert verdict is not None
    verdicts.correct_verdict(
        session=session, actor=editor, claim_id=claim.id or 0,
        data=verdicts.VerdictInput(
            rating_id=label.id, headline="Die Zahl stieg später", summary=verdict.summary,
            reasoning=verdict.reasoning,
        ),
        expected_version=verdict.version, public=True, note="Neue Zahlen des Ministeriums.",
    )  # fmt: skip
    third = make_story(
        session, editor, published_at=datetime(2022, 1, 10, 8, 0, tzinfo=UTC),
        body="Es gab 8.000 Festnahmen, meldet die Agentur.",
    )  # fmt: skip
    variant = make_claim(
        session, editor, "In Kasachstan wurden 8.000 Menschen festgenommen.", story=third,
        figures=[figure(8000, "8.000 Festnahmen")],
    )  # fmt: skip
    make_published_verdict(
        session, editor, variant, rating_key="richtig", headline="Es waren 8.000"
    )
    matching_links.link_claims(
        session=session, actor=editor, claim_id=claim.id or 0, other_id=variant.id or 0,
        decision="variant",
    )  # fmt: skip
    return Published(claim=claim, variant=variant)
