"""Lists of published verdicts for readers: filtered pages, corrections, recent changes, and the
site-wide validator (when readers' data last changed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.models import (
    AuditEvent,
    Claim,
    ClaimTag,
    RatingLabel,
    Verdict,
    VerdictRevision,
    VerdictState,
)
from claimtrack.publishing.views import ListFilters, Page, PublishedVerdict, RevisionView
from claimtrack.services.publication.bundles import HISTORY_KINDS, load_bundles

__all__ = [
    "ListFilters",
    "Page",
    "last_change",
    "list_corrected",
    "list_published",
    "recently_changed",
]


def _filtered_ids_stmt(filters: ListFilters) -> Any:
    """Claim ids of published verdicts matching `filters`, from the verdict side: with no claim
    filter the query touches only the verdict table and its (state, published_at) index. A claim
    with a published verdict cannot be deleted (claims.delete_claim refuses), so no join checks it."""
    stmt = select(Verdict.claim_id).where(Verdict.state == VerdictState.PUBLISHED)
    if filters.rating:
        rated = select(RatingLabel.id).where(RatingLabel.key == filters.rating)
        stmt = stmt.where(col(Verdict.rating_id).in_(rated))
    if filters.claimant:
        pattern = "%" + filters.claimant.lower().replace("%", "").replace("_", "") + "%"
        by_claimant = select(Claim.id).where(func.lower(Claim.claimant).like(pattern))
        stmt = stmt.where(col(Verdict.claim_id).in_(by_claimant))
    if filters.tag:
        tagged = select(ClaimTag.claim_id).where(ClaimTag.tag == filters.tag.strip().lower())
        stmt = stmt.where(col(Verdict.claim_id).in_(tagged))
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
    ids_stmt = base.order_by(col(Verdict.published_at).desc(), col(Verdict.id).desc())
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
    """The site-wide validator: the newest visible change of a verdict (Last-Modified), and the
    newest audit event. Every use case writes an audit event, so any change a reader could see in a
    list (claim text, rating label, correction, withdrawal) moves it. Both are index lookups."""
    latest = session.exec(select(func.max(Verdict.modified_at))).one()
    if latest is not None and latest.tzinfo is None:
        latest = latest.replace(tzinfo=UTC)
    newest_event = session.exec(select(func.max(AuditEvent.id))).one()
    return latest, int(newest_event or 0)


def recently_changed(session: Session, *, limit: int = 50) -> list[PublishedVerdict]:
    """Published verdicts by their last visible change (publication or correction), newest first.

    Walks the modified_at index newest first in batches and keeps the published ones: filtering on
    the state in SQL makes SQLite sort every published verdict instead (13 ms at 10,000)."""
    ids: list[int] = []
    batch = max(limit * 2, 50)
    offset = 0
    while len(ids) < limit:
        stmt = (
            select(Verdict.claim_id, Verdict.state)
            .where(col(Verdict.modified_at).is_not(None))
            .order_by(col(Verdict.modified_at).desc(), col(Verdict.id).desc())
            .offset(offset)
            .limit(batch)
        )
        rows = list(session.exec(stmt))
        ids += [claim_id for claim_id, state in rows if state == VerdictState.PUBLISHED]
        if len(rows) < batch:
            break
        offset += batch
    return load_bundles(session, ids[:limit], summary=True)
