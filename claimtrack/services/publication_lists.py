"""Lists of published verdicts for readers: filtered pages, corrections, recent changes, and the
site-wide validator (when readers' data last changed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.models import Claim, ClaimTag, RatingLabel, Verdict, VerdictRevision, VerdictState

from .publication import HISTORY_KINDS, VISIBLE_STATES, load_bundles
from .publication_views import ListFilters, Page, PublishedVerdict, RevisionView

__all__ = [
    "ListFilters",
    "Page",
    "last_change",
    "list_corrected",
    "list_published",
    "recently_changed",
]


def _filtered_ids_stmt(filters: ListFilters) -> Any:
    stmt = (
        select(Claim.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(Verdict.state == VerdictState.PUBLISHED, col(Claim.deleted_at).is_(None))
    )
    if filters.rating:
        stmt = stmt.join(RatingLabel, col(RatingLabel.id) == Verdict.rating_id).where(
            RatingLabel.key == filters.rating
        )
    if filters.claimant:
        pattern = "%" + filters.claimant.lower().replace("%", "").replace("_", "") + "%"
        stmt = stmt.where(func.lower(Claim.claimant).like(pattern))
    if filters.tag:
        tagged = select(ClaimTag.claim_id).where(ClaimTag.tag == filters.tag.strip().lower())
        stmt = stmt.where(col(Claim.id).in_(tagged))
    if filters.language:
        stmt = stmt.where(Verdict.language == filters.language)
    if filters.date_from:
        stmt = stmt.where(col(Verdict.published_at) >= _day_start(filters.date_from))
    if filters.date_to:
        stmt = stmt.where(col(Verdict.published_at) < _day_start(filters.date_to, plus_days=1))
    return stmt


def _day_start(day: date, plus_days: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=plus_days)


def list_published(
    session: Session, filters: ListFilters | None = None, *, limit: int = 20, offset: int = 0
) -> Page:
    """Published verdicts, newest publication first, filtered; one page of full bundles."""
    filters = filters or ListFilters()
    limit = max(1, min(limit, 100))
    offset = max(0, offset)
    base = _filtered_ids_stmt(filters)
    total = session.exec(select(func.count()).select_from(base.subquery())).one()
    ids_stmt = base.order_by(col(Verdict.published_at).desc(), col(Claim.id).desc())
    ids = list(session.exec(ids_stmt.offset(offset).limit(limit)))
    return Page(
        items=load_bundles(session, ids, summary=True), total=int(total), limit=limit, offset=offset
    )


def list_corrected(
    session: Session, *, limit: int = 50
) -> list[tuple[PublishedVerdict, RevisionView]]:
    """The latest public corrections and withdrawals, newest first, with the verdict they changed."""
    stmt = (
        select(Verdict.claim_id, VerdictRevision.number)
        .join(Verdict, col(Verdict.id) == VerdictRevision.verdict_id)
        .where(col(VerdictRevision.public).is_(True), col(VerdictRevision.kind).in_(HISTORY_KINDS))
        .order_by(col(VerdictRevision.at).desc(), col(VerdictRevision.id).desc())
        .limit(limit)
    )
    wanted = list(session.exec(stmt))
    bundles = {
        b.claim.id: b for b in load_bundles(session, [c for c, _ in wanted], include_withdrawn=True)
    }
    out = []
    for claim_id, number in wanted:
        bundle = bundles.get(claim_id)
        revision = (
            next((r for r in bundle.corrections if r.number == number), None) if bundle else None
        )
        if bundle and revision:
            out.append((bundle, revision))
    return out


def last_change(session: Session) -> tuple[datetime | None, int]:
    """When readers' data last changed, and how many verdicts are visible: the site-wide validator."""
    stmt = select(func.max(Verdict.modified_at), func.count()).where(
        col(Verdict.state).in_(list(VISIBLE_STATES))
    )
    latest, count = session.exec(stmt).one()
    if latest is not None and latest.tzinfo is None:
        latest = latest.replace(tzinfo=UTC)
    return latest, int(count)


def recently_changed(session: Session, *, limit: int = 50) -> list[PublishedVerdict]:
    """Published verdicts by their last visible change (publication or correction), newest first."""
    stmt = (
        select(Claim.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(Verdict.state == VerdictState.PUBLISHED, col(Claim.deleted_at).is_(None))
        .order_by(col(Verdict.modified_at).desc(), col(Claim.id).desc())
        .limit(limit)
    )
    return load_bundles(session, list(session.exec(stmt)), summary=True)
