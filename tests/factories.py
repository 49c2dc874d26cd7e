"""Small factories that go through the real services, so test data is shaped like real data."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from claimtrack.models import Claim, ClaimStatus, Story, User, Verdict
from claimtrack.services import claims, ratings, verdicts
from claimtrack.services.intake import stories

_seq = itertools.count(1)


def make_story(session: Session, actor: User, **overrides: Any) -> Story:
    n = next(_seq)
    data = stories.StoryInput(
        body=overrides.pop(
            "body", f"Bericht Nummer {n}: In Almaty wurden mehr als 2.000 Menschen festgenommen."
        ),
        title=overrides.pop("title", f"Unruhen in Kasachstan, Teil {n}"),
        url=overrides.pop("url", f"https://news.example.org/kasachstan/{n}"),
        outlet=overrides.pop("outlet", "Beispielzeitung"),
        language=overrides.pop("language", "de"),
        published_at=overrides.pop("published_at", datetime(2022, 1, 6, 8, 0, tzinfo=UTC)),
        **overrides,
    )
    return stories.add_story(session=session, actor=actor, data=data).story


def make_claim(
    session: Session,
    actor: User,
    text: str | None = None,
    *,
    story: Story | None = None,
    **overrides: Any,
) -> Claim:
    n = next(_seq)
    data = claims.ClaimInput(
        text=text
        or f"Bei den Unruhen in Kasachstan sind nach offiziellen Angaben {200 + n} Menschen gestorben.",
        language=overrides.pop("language", "de"),
        claimant=overrides.pop("claimant", "Generalstaatsanwaltschaft"),
        **overrides,
    )
    appearance = claims.AppearanceInput(story_id=story.id or 0, quote=data.text) if story else None
    return claims.create_claim(session=session, actor=actor, data=data, appearance=appearance)


def make_published_verdict(
    session: Session,
    editor: User,
    claim: Claim,
    *,
    rating_key: str = "falsch",
    headline: str = "Die Zahl stimmt nicht",
) -> Verdict:
    label = ratings.label_by_key(session, rating_key)
    assert label is not None
    if claim.status == ClaimStatus.NEW:
        claims.change_status(
            session=session, actor=editor, claim_id=claim.id, status=ClaimStatus.IN_RESEARCH
        )
    verdicts.save_draft(
        session=session,
        actor=editor,
        claim_id=claim.id or 0,
        data=verdicts.VerdictInput(
            rating_id=label.id,
            headline=headline,
            summary="Die offiziellen Zahlen sagen etwas anderes.",
            reasoning="Laut **Generalstaatsanwaltschaft** waren es 225.",
        ),
    )
    return verdicts.publish_verdict(session=session, actor=editor, claim_id=claim.id or 0)


def correct_publicly(
    session: Session, editor: User, verdict: Verdict, *, note: str, headline: str = "Neue Zahl"
) -> Verdict:
    """A public correction of a published verdict: a new headline and the correction note, the
    rating and texts kept (what partners hear as `verdict.corrected`)."""
    return verdicts.correct_verdict(
        session=session,
        actor=editor,
        claim_id=verdict.claim_id,
        data=verdicts.VerdictInput(
            rating_id=verdict.rating_id,
            headline=headline,
            summary=verdict.summary,
            reasoning=verdict.reasoning,
        ),
        expected_version=verdict.version,
        public=True,
        note=note,
    )


def synthetic_claims(n: int) -> list[str]:
    """``n`` synthetic claims of the scale benchmark (``benchmarks/matching_corpus.py``: German
    and English, figures, places, dates), loaded from its file (benchmarks is no package)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "matching_corpus.py"
    spec = importlib.util.spec_from_file_location("matching_corpus", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("matching_corpus", corpus)  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    return [item.text for item in corpus.generate(n)]
