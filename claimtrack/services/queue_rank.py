"""The triage queue's inputs as maintained columns: a claim's cluster spread and the time-free part
of its rank, kept current in the transaction that changes them.

The queue ranks by check-worthiness, spread (distinct stories and outlets across the claim's
cluster) and recency. Counting the spread per request grew with every open claim (454 ms at
100,000), so each claim carries `spread_stories`, `spread_outlets`, `last_seen_at` (newest
appearance in the cluster), `rank_base` (the worthiness and spread parts of the rank), `seen_at`
(when its recency counts from) and `in_queue` (open, not deleted, not a merged member). Two indexes,
`(in_queue, rank_base, id)` and `(in_queue, seen_at, id)`, serve the first page without a sort.

Who keeps them current: every ORM change to a claim (created, status, worthiness, deleted,
cluster), an appearance (added, removed) or a story (outlet, deleted) is noted at flush and the
touched clusters are recomputed just before the transaction commits, so every use case is covered
without remembering to. Code that writes with plain UPDATE/INSERT statements (cluster rebuilds, bulk
loads) calls `mark` (refreshed at commit) or `refresh` (at once). `repair` recomputes every claim
(`claimtrack queue repair`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any

from sqlalchemy import bindparam, event, func, inspect, or_, update
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from claimtrack.models import Appearance, Claim, ClaimStatus, QueueTally, Story

OPEN_STATUSES = (
    ClaimStatus.NEW,
    ClaimStatus.TRIAGED,
    ClaimStatus.IN_RESEARCH,
    ClaimStatus.IN_REVIEW,
)
# Weights of the three parts of the rank (each part lies in 0..1).
W_WORTHINESS, W_SPREAD, W_RECENCY = 0.5, 0.3, 0.2
DEFAULT_WORTHINESS = 0.3  # claims typed in by hand have no score; do not bury them
SPREAD_HALF = 4.0  # stories + outlets at which the spread part reaches one half
RECENCY_HALF_DAYS = 3.0  # age at which the recency part reaches one half
RANK_SCALE = 1_000_000

_PENDING = "claimtrack.queue_rank.pending"
_PENDING_STORIES = "claimtrack.queue_rank.stories"
_CLAIM_FIELDS = ("status", "worthiness", "deleted_at", "canonical_claim_id", "created_at")
_STORY_FIELDS = ("outlet", "deleted_at")
_CHUNK = 500
_MEMBER_COLUMNS = ("spread_stories", "spread_outlets", "last_seen_at", "rank_base", "seen_at",
                   "in_queue")  # fmt: skip


@dataclass(frozen=True)
class Spread:
    """A cluster's reach: distinct stories, distinct outlets, newest appearance."""

    stories: int = 0
    outlets: int = 0
    last_seen: datetime | None = None


def rank_base(worthiness: float | None, spread: Spread) -> int:
    """The worthiness and spread parts of the rank, scaled to an integer (time-free)."""
    worth = DEFAULT_WORTHINESS if worthiness is None else worthiness
    reach = float(spread.stories + spread.outlets)
    return round((W_WORTHINESS * worth + W_SPREAD * reach / (reach + SPREAD_HALF)) * RANK_SCALE)


def recency_part(as_of: datetime, seen_at: datetime | None) -> int:
    """The recency part of the rank at `as_of`: W_RECENCY for now, half of it after three days."""
    if seen_at is None:
        return 0
    age = max((as_of - seen_at).total_seconds() / 86400.0, 0.0)
    return round(W_RECENCY / (1.0 + age / RECENCY_HALF_DAYS) * RANK_SCALE)


def rank_at(as_of: datetime, base: int, seen_at: datetime | None) -> int:
    return base + recency_part(as_of, seen_at)


def in_default_queue(status: str, deleted_at: Any, canonical_id: int | None, claim_id: int) -> bool:
    """Open, not deleted, and not a member worked on through its cluster's canonical claim."""
    return (
        status in OPEN_STATUSES
        and deleted_at is None
        and (canonical_id is None or canonical_id == claim_id)
    )


def cluster_spread(
    session: Session, roots: Iterable[int], *, max_appearance_id: int | None = None
) -> dict[int, Spread]:
    """Spread of each cluster (by root: canonical claim id, or the claim's own id when alone).

    `max_appearance_id` counts only appearances up to it (the queue's paging snapshot)."""
    out: dict[int, Spread] = {}
    ordered = sorted(set(roots))
    member = Claim.__table__.alias("member")  # type: ignore[attr-defined]
    cluster = func.coalesce(member.c.canonical_claim_id, member.c.id)
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        stmt = (
            select(
                cluster,
                func.count(func.distinct(Appearance.story_id)),
                func.count(func.distinct(Story.outlet)),
                func.max(Appearance.created_at),
            )
            .select_from(Appearance)
            .join(member, member.c.id == Appearance.claim_id)
            .join(Story, col(Story.id) == Appearance.story_id)
            .where(
                col(Appearance.deleted_at).is_(None),
                member.c.deleted_at.is_(None),
                or_(member.c.id.in_(chunk), member.c.canonical_claim_id.in_(chunk)),
                *(
                    [col(Appearance.id) <= max_appearance_id]
                    if max_appearance_id is not None
                    else []
                ),
            )
            .group_by(cluster)
        )
        for root, stories, outlets, last_seen in session.execute(stmt):
            out[int(root)] = Spread(int(stories or 0), int(outlets or 0), _aware(last_seen))
    return out


def _aware(value: Any) -> datetime | None:
    from datetime import UTC

    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands back text for max() over a DateTime column
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _roots_of(session: Session, claim_ids: set[int]) -> set[int]:
    roots: set[int] = set()
    ordered = sorted(claim_ids)
    for i in range(0, len(ordered), _CHUNK):
        stmt = select(Claim.id, Claim.canonical_claim_id).where(
            col(Claim.id).in_(ordered[i : i + _CHUNK])
        )
        roots.update(canonical or claim_id for claim_id, canonical in session.exec(stmt))
    return roots


def refresh(session: Session, claim_ids: Iterable[int], *, roots: Iterable[int] = ()) -> int:
    """Recompute the queue columns of every claim in the clusters of `claim_ids` (and of the
    clusters rooted at `roots`, e.g. the cluster a claim just left). Returns how many rows changed.

    The function other use cases call after writing with plain statements (`mark` defers it to
    the commit). Rows are written with plain UPDATEs: the claims' edit versions do not move."""
    all_roots = _roots_of(session, {int(i) for i in claim_ids if i}) | {int(r) for r in roots if r}
    return _refresh_roots(session, all_roots)


def _refresh_roots(session: Session, all_roots: set[int]) -> int:
    if not all_roots:
        return 0
    spreads = cluster_spread(session, all_roots)
    ordered = sorted(all_roots)
    changes: list[dict[str, Any]] = []
    delta = 0
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        stmt = select(
            Claim.id, Claim.canonical_claim_id, Claim.status, Claim.deleted_at, Claim.worthiness,
            Claim.created_at, *(getattr(Claim, c) for c in _MEMBER_COLUMNS),
        ).where(or_(col(Claim.id).in_(chunk), col(Claim.canonical_claim_id).in_(chunk)))  # fmt: skip
        for row in session.exec(stmt):
            claim_id, canonical, status, deleted, worth, created, *stored = row
            spread = spreads.get(canonical or claim_id, Spread())
            want = (
                spread.stories,
                spread.outlets,
                spread.last_seen,
                rank_base(worth, spread),
                spread.last_seen or created,
                in_default_queue(status, deleted, canonical, claim_id),
            )
            if tuple(stored) != want:
                changes.append({"_id": claim_id, **dict(zip(_MEMBER_COLUMNS, want, strict=True))})
                delta += int(want[-1]) - int(bool(stored[-1]))
    _write(session, changes)
    if delta:
        table = QueueTally.__table__  # type: ignore[attr-defined]
        session.connection().execute(update(table).values(open_claims=table.c.open_claims + delta))
    return len(changes)


def open_claims(session: Session) -> int | None:
    """How many claims the default queue lists, or None when the tally was never made (repair)."""
    found = session.exec(select(QueueTally.open_claims)).first()
    return None if found is None else int(found)


def _write(session: Session, changes: list[dict[str, Any]]) -> None:
    if not changes:
        return
    table = Claim.__table__  # type: ignore[attr-defined]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("_id"))
        .values({name: bindparam(name) for name in _MEMBER_COLUMNS})
    )
    session.connection().execute(stmt, changes)
    # Keep loaded claims in step without marking them changed (no version bump, no extra UPDATE).
    for change in changes:
        loaded = session.identity_map.get(
            inspect(Claim).identity_key_from_primary_key((change["_id"],))
        )
        if loaded is not None:
            for name in _MEMBER_COLUMNS:
                set_committed_value(loaded, name, change[name])


def mark(session: Session, claim_ids: Iterable[int], *, roots: Iterable[int] = ()) -> None:
    """Have the clusters of `claim_ids` (and `roots`) recomputed when this transaction commits."""
    pending = session.info.setdefault(_PENDING, set())
    pending.update(int(i) for i in claim_ids if i)
    session.info.setdefault(_PENDING + ".roots", set()).update(int(r) for r in roots if r)


def repair(session: Session, *, batch: int = 5000) -> int:
    """Recompute the queue columns of every claim (after bulk loads, or to check nothing drifted).
    Returns how many rows were wrong. Works through the claims in id order, a batch of clusters
    at a time; the caller commits."""
    changed = 0
    last = 0
    while True:
        stmt = (
            select(Claim.id, Claim.canonical_claim_id)
            .where(col(Claim.id) > last)
            .order_by(col(Claim.id))
            .limit(batch)
        )
        rows = list(session.exec(stmt))
        if not rows:
            _recount(session)
            return changed
        changed += _refresh_roots(session, {canonical or claim_id for claim_id, canonical in rows})
        last = rows[-1][0]


def _recount(session: Session) -> None:
    count = session.exec(select(func.count()).select_from(Claim).where(col(Claim.in_queue))).one()
    table = QueueTally.__table__  # type: ignore[attr-defined]
    done = session.connection().execute(update(table).values(open_claims=count))
    if not done.rowcount:
        session.connection().execute(table.insert().values(id=1, open_claims=count))


# --- noting changes at flush, refreshing at commit ------------------------------------------


def _history_old(obj: Any, name: str) -> Any:
    history = inspect(obj).attrs[name].history
    return history.deleted[0] if history.deleted else None


def _changed(obj: Any, names: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _note_flush(session: OrmSession, _context: Any) -> None:
    claims: set[int] = set()
    roots: set[int] = set()
    stories: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Appearance):
            claims.add(obj.claim_id)
        elif isinstance(obj, Claim):
            if obj in session.new or _changed(obj, _CLAIM_FIELDS):
                claims.add(obj.id or 0)
                old_root = _history_old(obj, "canonical_claim_id")
                if old_root:
                    roots.add(old_root)
        elif isinstance(obj, Story) and obj not in session.new and _changed(obj, _STORY_FIELDS):
            stories.add(obj.id or 0)
    if claims or roots:
        mark(session, claims, roots=roots)  # type: ignore[arg-type]
    if stories:
        session.info.setdefault(_PENDING_STORIES, set()).update(stories)


def _refresh_pending(session: OrmSession) -> None:
    if not any(k in session.info for k in (_PENDING, _PENDING_STORIES, _PENDING + ".roots")):
        return
    session.flush()
    claims = session.info.pop(_PENDING, set())
    roots = session.info.pop(_PENDING + ".roots", set())
    stories = session.info.pop(_PENDING_STORIES, set())
    if stories:
        stmt = select(Appearance.claim_id).where(col(Appearance.story_id).in_(sorted(stories)))
        claims |= set(session.execute(stmt).scalars())
    if claims or roots:
        refresh(session, claims, roots=roots)  # type: ignore[arg-type]


def _forget_pending(session: OrmSession, *_args: Any) -> None:
    for key in (_PENDING, _PENDING_STORIES, _PENDING + ".roots"):
        session.info.pop(key, None)


event.listen(OrmSession, "after_flush", _note_flush)
event.listen(OrmSession, "before_commit", _refresh_pending)
event.listen(OrmSession, "after_rollback", _forget_pending)
