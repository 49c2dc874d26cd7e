"""Bulk-load published verdicts for the page and export benchmarks.

Rows are inserted directly (not through the use cases, which would take minutes at 100,000) in the
shape the services write: story, claim with a figure and a tag, appearance, two sources, a published
verdict with its publication revision.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, date, datetime, timedelta

from claimtrack.db import Database
from claimtrack.models import (
    Appearance,
    Claim,
    ClaimStatus,
    ClaimTag,
    RevisionKind,
    Source,
    Story,
    Verdict,
    VerdictRevision,
    VerdictState,
)
from claimtrack.services import ratings

CITIES = ["Almaty", "Astana", "Berlin", "Hamburg", "Wien", "Zürich", "Köln", "Leipzig"]
BATCH = 1000


def _story_and_claim(k: int, city: str, when: datetime) -> tuple[Story, Claim]:
    text = f"In {city} wurden am {k % 28 + 1}. März {1000 + k} Menschen festgenommen."
    story = Story(
        url=f"https://news.example.org/{k}",
        canonical_url=f"https://news.example.org/{k}",
        outlet="Beispielzeitung",
        title=f"Unruhen in {city}, Teil {k}",
        published_at=when,
        body=text * 20,
        content_hash=hashlib.sha256(f"story-{k}".encode()).hexdigest(),
    )
    claim = Claim(
        text=text,
        claimant="Polizeisprecher",
        claim_date=date(2023, 3, k % 28 + 1),
        status=ClaimStatus.PUBLISHED,
        figures=[{"value": 1000 + k, "counted": "arrests", "raw": f"{1000 + k} Menschen"}],
    )
    return story, claim


def _evidence(claim_id: int, story_id: int, text: str, tag: str) -> list[object]:
    rows: list[object] = [
        Appearance(claim_id=claim_id, story_id=story_id, quote=text, position=0),
        ClaimTag(claim_id=claim_id, tag=tag),
    ]
    rows += [
        Source(
            claim_id=claim_id,
            url=f"https://stat.example.org/{claim_id}/{j}.pdf",
            title=f"Statistik {j}",
            publisher="Statistikamt",
            archive_url=f"https://archive.example.org/{claim_id}/{j}",
            position=j,
        )
        for j in range(2)
    ]
    return rows


def seed_published(db: Database, n: int, *, offset: int = 0, seed: int = 7) -> list[Claim]:
    """Insert n published verdicts (claims numbered from `offset`); returns their claims."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    claims: list[Claim] = []
    with db.session_scope() as session:
        labels = [label.id for label in ratings.scale(session)]
        for chunk in range(offset, offset + n, BATCH):
            when_of = {
                k: start + timedelta(minutes=7 * k)
                for k in range(chunk, min(offset + n, chunk + BATCH))
            }
            pairs = {
                k: _story_and_claim(k, rng.choice(CITIES), when) for k, when in when_of.items()
            }
            session.add_all([row for pair in pairs.values() for row in pair])
            session.flush()
            verdicts = []
            for k, (story, claim) in pairs.items():
                tag = rng.choice(["unruhen", "polizei", "zahlen"])
                session.add_all(_evidence(claim.id or 0, story.id or 0, claim.text, tag))
                verdicts.append(
                    Verdict(
                        claim_id=claim.id or 0,
                        rating_id=rng.choice(labels),
                        headline="Die Zahl stimmt nicht",
                        summary="Die offiziellen Zahlen sagen etwas anderes. " * 3,
                        # Unique text per verdict, so the markdown cache cannot flatter the figures.
                        reasoning=f"Laut **Polizei** waren es weniger als {1000 + k}. " * 20,
                        state=VerdictState.PUBLISHED,
                        published_at=when_of[k],
                        modified_at=when_of[k],
                    )
                )
                claims.append(claim)
            session.add_all(verdicts)
            session.flush()
            session.add_all(
                VerdictRevision(
                    verdict_id=v.id or 0,
                    number=1,
                    kind=RevisionKind.PUBLICATION,
                    public=True,
                    new_rating_id=v.rating_id,
                )
                for v in verdicts
            )
            session.commit()
    return claims
