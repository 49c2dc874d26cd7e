"""The triage queue: which claims the desk should look at first, with stable paging.

Rank = check-worthiness + spread (distinct stories and outlets across the claim's cluster) + recency.
Paging is keyset paging inside a *snapshot*: the first page fixes the time, the newest claim id and
the newest appearance id; later pages compute the rank from that snapshot only. So a colleague who adds
claims or appearances while someone pages through the queue neither pushes rows onto the next page
(duplicates) nor pulls rows back (skips); the page says how many claims arrived since instead.
The rank is an integer computed in SQL from the snapshot, so the keyset comparison is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, exists, extract, func, literal, or_, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from claimtrack.models import Appearance, Claim, ClaimStatus, ClaimTag, Story, User, utcnow

from .claims import normalise_tags

OPEN_STATUSES = (
    ClaimStatus.NEW,
    ClaimStatus.TRIAGED,
    ClaimStatus.IN_RESEARCH,
    ClaimStatus.IN_REVIEW,
)
SORTS = ("rank", "newest")
PAGE_SIZE = 25
MAX_PAGE_SIZE = 200
# Weights of the three parts of the rank (each part lies in 0..1).
W_WORTHINESS, W_SPREAD, W_RECENCY = 0.5, 0.3, 0.2
DEFAULT_WORTHINESS = 0.3  # claims typed in by hand have no score; do not bury them
SPREAD_HALF = 4.0  # stories + outlets at which the spread part reaches one half
RECENCY_HALF_DAYS = 3.0  # age at which the recency part reaches one half
RANK_SCALE = 1_000_000


@dataclass(frozen=True)
class QueueFilters:
    """What the desk narrowed the queue to; empty values mean "any"."""

    statuses: tuple[str, ...] = tuple(OPEN_STATUSES)
    assignee: str = ""  # "" any, "none" unassigned, or a user id as text
    language: str = ""
    tag: str = ""
    outlet: str = ""
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    include_merged: bool = False
    sort: str = "rank"


@dataclass(frozen=True)
class Snapshot:
    """The state of the store the paging is based on."""

    as_of: datetime
    max_claim_id: int
    max_appearance_id: int

    def token(self) -> str:
        return f"{int(self.as_of.timestamp())}.{self.max_claim_id}.{self.max_appearance_id}"

    @classmethod
    def parse(cls, token: str) -> Snapshot | None:
        if not re.fullmatch(r"\d{1,12}\.\d{1,12}\.\d{1,12}", token or ""):
            return None
        ts, claim_id, app_id = (int(p) for p in token.split("."))
        return cls(datetime.fromtimestamp(ts, UTC), claim_id, app_id)


@dataclass(frozen=True)
class Cursor:
    """Position after the last row of a page: (rank, claim id), both descending."""

    rank: int
    claim_id: int

    def token(self) -> str:
        return f"{self.rank}.{self.claim_id}"

    @classmethod
    def parse(cls, token: str) -> Cursor | None:
        if not re.fullmatch(r"-?\d{1,15}\.\d{1,12}", token or ""):
            return None
        rank, claim_id = token.split(".")
        return cls(int(rank), int(claim_id))


@dataclass
class QueueItem:
    claim: Claim
    rank: int
    stories: int
    outlets: int
    last_seen: datetime | None
    tags: list[str] = field(default_factory=list)
    assignee: User | None = None

    @property
    def score(self) -> float:
        """The rank as 0..1, for display."""
        return self.rank / RANK_SCALE


@dataclass
class QueuePage:
    items: list[QueueItem]
    snapshot: Snapshot
    next_cursor: Cursor | None
    total: int
    arrived_since: int  # claims added after the snapshot that match the filters


def take_snapshot(session: Session, *, now: datetime | None = None) -> Snapshot:
    max_claim = session.exec(select(func.max(Claim.id))).one() or 0
    max_app = session.exec(select(func.max(Appearance.id))).one() or 0
    moment = (now or utcnow()).replace(microsecond=0)
    return Snapshot(moment, int(max_claim), int(max_app))


def _days_between(session: Session, as_of: datetime, then: Any) -> ColumnElement[Any]:
    """Days from `then` (a column) to `as_of`, in the database's own date arithmetic."""
    naive = as_of.astimezone(UTC).replace(tzinfo=None)
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(literal(naive.isoformat(sep=" "))) - func.julianday(then)
    return extract("epoch", literal(naive) - then) / 86400.0


def _spread_subquery(snapshot: Snapshot, wanted: Any = None) -> Any:
    """Per cluster: distinct stories, distinct outlets and the newest appearance (within the snapshot).

    `wanted` (a subquery of cluster ids) limits the work to the clusters of the listed claims:
    the distinct counts dominate the page's cost, and most stored claims are closed.
    """
    member = Claim.__table__.alias("member")  # type: ignore[attr-defined]
    cluster = func.coalesce(member.c.canonical_claim_id, member.c.id)
    return (
        select(
            cluster.label("cluster_id"),
            func.count(func.distinct(Appearance.story_id)).label("stories"),
            func.count(func.distinct(Story.outlet)).label("outlets"),
            func.max(Appearance.created_at).label("last_seen"),
        )
        .select_from(Appearance)
        .join(member, member.c.id == Appearance.claim_id)
        .join(Story, col(Story.id) == Appearance.story_id)
        .where(
            col(Appearance.deleted_at).is_(None),
            member.c.deleted_at.is_(None),
            col(Appearance.id) <= snapshot.max_appearance_id,
            *([cluster.in_(wanted)] if wanted is not None else []),
        )
        .group_by(cluster)
        # Evaluated once, then hash-joined: as a plain subquery PostgreSQL may re-run the
        # aggregate for every claim row (a nested loop that took minutes at 20,000 claims).
        .cte("spread")
        .prefix_with("MATERIALIZED")
    )


def _rank_expr(session: Session, snapshot: Snapshot, spread: Any) -> ColumnElement[Any]:
    stories = func.coalesce(spread.c.stories, 0)
    outlets = func.coalesce(spread.c.outlets, 0)
    reach = (stories + outlets) * 1.0
    seen = func.coalesce(spread.c.last_seen, Claim.created_at)
    age = _days_between(session, snapshot.as_of, seen)
    age = case((age < 0, 0.0), else_=age)
    worth = func.coalesce(Claim.worthiness, DEFAULT_WORTHINESS)
    score = (
        W_WORTHINESS * worth
        + W_SPREAD * (reach / (reach + SPREAD_HALF))
        + W_RECENCY * (1.0 / (1.0 + age / RECENCY_HALF_DAYS))
    )
    return cast(func.round(score * RANK_SCALE), Integer)


def _filter_clauses(filters: QueueFilters) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [col(Claim.deleted_at).is_(None)]
    if filters.statuses:
        clauses.append(col(Claim.status).in_(list(filters.statuses)))
    if filters.assignee == "none":
        clauses.append(col(Claim.assignee_id).is_(None))
    elif filters.assignee.isdigit():
        clauses.append(col(Claim.assignee_id) == int(filters.assignee))
    if filters.language:
        clauses.append(col(Claim.language) == filters.language)
    if filters.tag:
        tag = normalise_tags([filters.tag])
        clauses.append(
            exists().where(col(ClaimTag.claim_id) == Claim.id, col(ClaimTag.tag).in_(tag or [""]))
        )
    if filters.outlet:
        clauses.append(
            exists()
            .where(
                col(Appearance.claim_id) == Claim.id,
                col(Appearance.deleted_at).is_(None),
                col(Story.id) == Appearance.story_id,
                func.lower(Story.outlet) == filters.outlet.strip().lower(),
            )
            .correlate(Claim)
        )
    if filters.date_from:
        start = datetime.combine(filters.date_from, time.min, UTC)
        clauses.append(col(Claim.created_at) >= start)
    if filters.date_to:
        end = datetime.combine(filters.date_to + timedelta(days=1), time.min, UTC)
        clauses.append(col(Claim.created_at) < end)
    if filters.q.strip():
        for word in filters.q.split()[:8]:
            clauses.append(
                or_(
                    col(Claim.text).icontains(word, autoescape=True),
                    col(Claim.claimant).icontains(word, autoescape=True),
                )
            )
    if not filters.include_merged:
        # Members of a confirmed cluster are worked on through their canonical claim.
        clauses.append(
            or_(col(Claim.canonical_claim_id).is_(None), col(Claim.canonical_claim_id) == Claim.id)
        )
    return clauses


def list_queue(
    session: Session,
    *,
    filters: QueueFilters | None = None,
    snapshot: Snapshot | None = None,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> QueuePage:
    """One page of the triage queue, best first, stable within `snapshot` (taken now if None)."""
    filters = filters or QueueFilters()
    if session.get_bind().dialect.name == "postgresql":
        # For this transaction only: JIT costs more than it saves on this aggregate (~80 ms at
        # 20,000 claims), and with stale statistics (right after a bulk import) the planner chose
        # a nested loop over the spread aggregate that ran for minutes; hash joins take 0.3 s.
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL enable_nestloop = off"))
    snapshot = snapshot or take_snapshot(session)
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    clauses = _filter_clauses(filters)
    in_snapshot = [*clauses, col(Claim.id) <= snapshot.max_claim_id]
    wanted = select(func.coalesce(Claim.canonical_claim_id, Claim.id)).where(and_(*in_snapshot))
    if filters.sort == "newest":
        key: ColumnElement[Any] = cast(col(Claim.id), Integer)
        # The order needs no spread: count it for the rows of this page only.
        if after is not None:
            wanted = wanted.where(col(Claim.id) < after.claim_id)
        wanted = wanted.order_by(col(Claim.id).desc()).limit(limit + 1)
        spread = _spread_subquery(snapshot, wanted)
    else:
        spread = _spread_subquery(snapshot, wanted)
        key = _rank_expr(session, snapshot, spread)
    base = (
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            Claim, key.label("rank"), spread.c.stories, spread.c.outlets, spread.c.last_seen
        )
        .outerjoin(spread, spread.c.cluster_id == func.coalesce(Claim.canonical_claim_id, Claim.id))
        .where(and_(*in_snapshot))
    )
    page_stmt = base
    if after is not None:
        page_stmt = page_stmt.where(
            or_(key < after.rank, and_(key == after.rank, col(Claim.id) < after.claim_id))
        )
    page_stmt = page_stmt.order_by(key.desc(), col(Claim.id).desc()).limit(limit + 1)
    rows = list(session.exec(page_stmt))
    items = [
        QueueItem(claim=c, rank=int(r), stories=s or 0, outlets=o or 0, last_seen=seen)
        for c, r, s, o, seen in rows[:limit]
    ]
    _attach_tags_and_assignees(session, items)
    next_cursor = (
        Cursor(items[-1].rank, items[-1].claim.id or 0) if len(rows) > limit and items else None
    )
    total = session.exec(select(func.count()).select_from(Claim).where(and_(*in_snapshot))).one()
    arrived = session.exec(
        select(func.count())
        .select_from(Claim)
        .where(and_(*clauses, col(Claim.id) > snapshot.max_claim_id))
    ).one()
    return QueuePage(items, snapshot, next_cursor, int(total), int(arrived))


def _attach_tags_and_assignees(session: Session, items: list[QueueItem]) -> None:
    ids = [i.claim.id for i in items]
    if not ids:
        return
    tags: dict[int, list[str]] = {}
    for claim_id, tag in session.exec(
        select(ClaimTag.claim_id, ClaimTag.tag)
        .where(col(ClaimTag.claim_id).in_(ids))
        .order_by(ClaimTag.tag)
    ):
        tags.setdefault(claim_id, []).append(tag)
    assignee_ids = {i.claim.assignee_id for i in items if i.claim.assignee_id}
    people = (
        {u.id: u for u in session.exec(select(User).where(col(User.id).in_(assignee_ids)))}
        if assignee_ids
        else {}
    )
    for item in items:
        item.tags = tags.get(item.claim.id or 0, [])
        item.assignee = people.get(item.claim.assignee_id)


def filter_choices(session: Session) -> dict[str, list[Any]]:
    """Values the filter form offers: people, tags and outlets that are in use."""
    people = list(
        session.exec(
            select(User)
            .where(col(User.active).is_(True), col(User.is_system).is_(False))
            .order_by(User.name)
        )
    )
    tags = list(session.exec(select(ClaimTag.tag).distinct().order_by(ClaimTag.tag).limit(500)))
    outlets = list(
        session.exec(
            select(Story.outlet)
            .where(Story.outlet != "", col(Story.deleted_at).is_(None))
            .distinct()
            .order_by(Story.outlet)
            .limit(500)
        )
    )
    return {"people": people, "tags": tags, "outlets": outlets}
