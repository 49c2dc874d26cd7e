"""Verdicts: draft, publish, correct, withdraw. Every change writes an immutable revision.

A published verdict's text changes only through `correct_verdict`, which asks whether the change is a
public correction (readers see it with a note) or a silent update (kept in the internal history).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from claimtrack.models import (
    Claim,
    ClaimStatus,
    RatingLabel,
    RevisionKind,
    User,
    Verdict,
    VerdictRevision,
    VerdictState,
    utcnow,
)
from claimtrack.workflow import Permission

from . import audit
from .base import check_language, clean_text, get_or_raise, require, use_case
from .claims import conflict_for
from .errors import InvalidTransition, NotFound, ValidationError
from .revisions import content, write_revision

PUBLISHABLE_FROM = (ClaimStatus.TRIAGED, ClaimStatus.IN_RESEARCH, ClaimStatus.IN_REVIEW)


@dataclass
class VerdictInput:
    rating_id: int | None
    headline: str
    summary: str
    reasoning: str = ""
    valid_as_of: date | None = None
    language: str = "de"


def verdict_of(session: Session, claim_id: int) -> Verdict | None:
    return session.exec(select(Verdict).where(Verdict.claim_id == claim_id)).first()


def revisions_of(session: Session, verdict_id: int) -> list[VerdictRevision]:
    stmt = select(VerdictRevision).where(VerdictRevision.verdict_id == verdict_id)
    return list(session.exec(stmt.order_by(col(VerdictRevision.number))))


def _validated(session: Session, data: VerdictInput) -> dict[str, Any]:
    if data.rating_id is not None:
        label = session.get(RatingLabel, data.rating_id)
        if label is None or not label.active:
            raise ValidationError("Choose a rating from the scale.", field="rating_id")
    check_language(data.language)
    return {
        "rating_id": data.rating_id,
        "headline": clean_text(data.headline, "headline", required=False, max_len=300),
        "summary": clean_text(data.summary, "summary", required=False, max_len=5000),
        "reasoning": clean_text(data.reasoning, "reasoning", required=False, max_len=100_000),
        "valid_as_of": data.valid_as_of,
        "language": data.language,
    }


def _check_version(session: Session, verdict: Verdict, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != verdict.version:
        raise conflict_for(session, verdict, "verdict")


@use_case
def save_draft(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    data: VerdictInput,
    expected_version: int | None = None,
) -> Verdict:
    """Create or update the draft verdict of a claim (not yet visible to readers)."""
    require(actor, Permission.DRAFT_VERDICT)
    claim = get_or_raise(session, Claim, claim_id)
    verdict = verdict_of(session, claim_id)
    if verdict is not None and verdict.state == VerdictState.PUBLISHED:
        raise InvalidTransition(
            "This verdict is published: change it as a correction or an update."
        )
    values = _validated(session, data)
    if verdict is None:
        verdict = Verdict(claim_id=claim.id or 0, author_id=actor.id, **values)
        old = None
    else:
        _check_version(session, verdict, expected_version)
        old = content(verdict)
        if {k: v for k, v in old.items() if k != "state"} == {
            k: audit.to_json(v) for k, v in values.items()
        } and verdict.state == VerdictState.DRAFT:
            return verdict
        for key, value in values.items():
            setattr(verdict, key, value)
        verdict.state = VerdictState.DRAFT
    verdict.updated_at = utcnow()
    session.add(verdict)
    session.flush()
    write_revision(session, verdict=verdict, actor=actor, kind=RevisionKind.DRAFT, old=old)
    return verdict


def _require_complete(verdict: Verdict) -> None:
    missing = [name for name in ("rating_id", "headline", "summary") if not getattr(verdict, name)]
    if missing:
        raise ValidationError(
            "Before publishing, fill in: %(fields)s.",
            field=missing[0],
            params={"fields": ", ".join(missing)},
        )


@use_case
def publish_verdict(
    *, session: Session, actor: User, claim_id: int, expected_version: int | None = None
) -> Verdict:
    """Publish the draft verdict; the claim becomes published."""
    require(actor, Permission.PUBLISH)
    claim = get_or_raise(session, Claim, claim_id)
    verdict = verdict_of(session, claim_id)
    if verdict is None:
        raise NotFound("Write a draft verdict before publishing.")
    _check_version(session, verdict, expected_version)
    if verdict.state == VerdictState.PUBLISHED:
        raise InvalidTransition("This verdict is published already.")
    if claim.status not in PUBLISHABLE_FROM and claim.status != ClaimStatus.WITHDRAWN:
        raise InvalidTransition(
            "A claim that is %(status)s cannot be published.", {"status": str(claim.status)}
        )
    _require_complete(verdict)
    old = content(verdict)
    now = utcnow()
    verdict.state = VerdictState.PUBLISHED
    verdict.published_at = verdict.published_at or now
    verdict.modified_at = now
    verdict.updated_at = now
    verdict.reviewer_id = actor.id
    verdict.withdrawn_reason = None
    claim.status = ClaimStatus.PUBLISHED
    claim.updated_at = now
    session.add_all([verdict, claim])
    session.flush()
    write_revision(
        session, verdict=verdict, actor=actor, kind=RevisionKind.PUBLICATION, old=old, public=True
    )
    return verdict


@use_case
def save_and_publish(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    data: VerdictInput,
    expected_version: int | None = None,
) -> Verdict:
    """Save the verdict as typed and publish it: one press of "publish", so both or neither."""
    require(actor, Permission.PUBLISH)
    draft = save_draft(
        session=session,
        actor=actor,
        claim_id=claim_id,
        data=data,
        expected_version=expected_version,
    )
    return publish_verdict(
        session=session, actor=actor, claim_id=claim_id, expected_version=draft.version
    )


@use_case
def correct_verdict(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    data: VerdictInput,
    expected_version: int,
    public: bool,
    note: str = "",
) -> Verdict:
    """Change a published verdict: a public correction (with a note readers see) or a silent update."""
    require(actor, Permission.PUBLISH)
    verdict = verdict_of(session, claim_id)
    if verdict is None or verdict.state != VerdictState.PUBLISHED:
        raise InvalidTransition("Only a published verdict can be corrected.")
    _check_version(session, verdict, expected_version)
    note = clean_text(note, "note", required=public, max_len=2000)
    values = _validated(session, data)
    old = content(verdict)
    for key, value in values.items():
        setattr(verdict, key, value)
    _require_complete(verdict)
    if content(verdict) == old:
        raise ValidationError("Nothing was changed.")
    now = utcnow()
    verdict.modified_at = now
    verdict.updated_at = now
    session.add(verdict)
    session.flush()
    kind = RevisionKind.CORRECTION if public else RevisionKind.UPDATE
    write_revision(
        session, verdict=verdict, actor=actor, kind=kind, old=old, public=public, note=note
    )
    return verdict


@use_case
def withdraw_verdict(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    reason: str,
    expected_version: int | None = None,
) -> Verdict:
    """Take a published verdict down; its page then says why (HTTP 410)."""
    require(actor, Permission.PUBLISH)
    claim = get_or_raise(session, Claim, claim_id)
    verdict = verdict_of(session, claim_id)
    if verdict is None or verdict.state != VerdictState.PUBLISHED:
        raise InvalidTransition("Only a published verdict can be withdrawn.")
    _check_version(session, verdict, expected_version)
    reason = clean_text(reason, "reason", max_len=1000)
    old = content(verdict)
    now = utcnow()
    verdict.state = VerdictState.WITHDRAWN
    verdict.withdrawn_reason = reason
    verdict.modified_at = now
    verdict.updated_at = now
    claim.status = ClaimStatus.WITHDRAWN
    claim.updated_at = now
    session.add_all([verdict, claim])
    session.flush()
    write_revision(
        session,
        verdict=verdict,
        actor=actor,
        kind=RevisionKind.WITHDRAWAL,
        old=old,
        public=True,
        note=reason,
    )
    return verdict
