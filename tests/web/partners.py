"""Helpers for the partner tests (API, exports, CLI export): tokens and fully dressed verdicts."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlmodel import Session

from claimtrack.models import User, Verdict
from claimtrack.services import claims, sources, users, verdicts
from tests.factories import make_claim, make_published_verdict, make_story


def issue_token(
    session: Session, users_by_role: dict[str, User], scopes: list[str], **kwargs: Any
) -> str:
    issued = users.create_token(
        session=session,
        actor=users_by_role["admin"],
        partner="Partner Verlag",
        scopes=scopes,
        **kwargs,
    )
    return issued.plaintext


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def publish(
    session: Session,
    users_by_role: dict[str, User],
    text: str | None = None,
    *,
    language: str = "de",
    claimant: str = "Generalstaatsanwaltschaft",
    rating_key: str = "falsch",
    headline: str = "Die Zahl stimmt nicht",
    source_url: str = "https://stat.example.org/report.pdf",
) -> Verdict:
    """A published verdict on a new claim that appeared in a story and cites one source."""
    editor = users_by_role["editor"]
    story = make_story(session, editor, language=language)
    claim = make_claim(session, editor, text, story=story, language=language, claimant=claimant)
    sources.add_source(
        session=session,
        actor=editor,
        claim_id=claim.id or 0,
        data=sources.SourceInput(
            url=source_url,
            title="Bericht der Statistikbehörde",
            publisher="Statistikamt",
            archive_url="https://archive.example.org/report.pdf",
        ),
    )
    verdict = make_published_verdict(
        session, editor, claim, rating_key=rating_key, headline=headline
    )
    if language != "de":
        # The factory drafts in German; a verdict in another language is a silent update.
        verdict = verdicts.correct_verdict(
            session=session,
            actor=editor,
            claim_id=claim.id or 0,
            data=verdicts.VerdictInput(
                rating_id=verdict.rating_id,
                headline=verdict.headline,
                summary=verdict.summary,
                reasoning=verdict.reasoning,
                language=language,
            ),
            expected_version=verdict.version,
            public=False,
        )
    return verdict


def correct(session: Session, users_by_role: dict[str, User], verdict: Verdict) -> Verdict:
    """A public correction of the headline."""
    return verdicts.correct_verdict(
        session=session,
        actor=users_by_role["editor"],
        claim_id=verdict.claim_id,
        data=verdicts.VerdictInput(
            rating_id=verdict.rating_id,
            headline=verdict.headline + " (korrigiert)",
            summary=verdict.summary,
            reasoning=verdict.reasoning,
            language=verdict.language,
        ),
        expected_version=verdict.version,
        public=True,
        note="Die Überschrift war ungenau.",
    )


def withdraw(session: Session, users_by_role: dict[str, User], verdict: Verdict) -> Verdict:
    return verdicts.withdraw_verdict(
        session=session,
        actor=users_by_role["editor"],
        claim_id=verdict.claim_id,
        reason="Die Quelle hat ihre Zahlen zurückgezogen.",
    )


def jsonl(body: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in body.splitlines() if line.strip()]


def claim_of(session: Session, verdict: Verdict) -> Any:
    return claims.get_claim(session, verdict.claim_id)


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a CSV export by header name; the export starts with a UTF-8 byte order mark."""
    assert text.startswith("\ufeff"), "the CSV export starts with a BOM (Excel reads it as UTF-8)"
    return list(csv.DictReader(io.StringIO(text[1:])))
