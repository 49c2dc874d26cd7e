"""Rate limits that hold across workers and app servers: a sliding window counted in the database.

Each rule (`Rule`) splits its window into `slices`; a key's hits are counted per slice in one row of
`rate_counter`. A hit is allowed when the hits of the last window (the oldest slice weighted by how
much of it still lies in the window) stay within the limit. The current slice is bumped with one
atomic `INSERT … ON CONFLICT DO UPDATE … WHERE hits < cap RETURNING hits` (SQLite >= 3.35 and
PostgreSQL), so concurrent requests on any number of processes can never pass the cap together:
the overshoot over any window is bounded by one slice's rounding, not by the number of workers.

Refused hits are not counted, so a client that keeps hammering is let in again once the window
has moved on. Keys are stored only as a SHA-256 of scope and identity (no addresses or e-mails).

Libraries checked: `limits` (and Flask-Limiter on top of it) has memory, Redis, Memcached, MongoDB
and etcd storages but none for SQL; pyrate-limiter's PostgreSQL bucket keeps one table per bucket
and refuses on lock contention (`LOCK TABLE … NOWAIT`), and its SQLite bucket is a separate file.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from claimtrack.models import RateCounter

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Rule:
    """At most `limit` hits per `window_s` seconds for each identity within `scope`."""

    scope: str
    limit: int
    window_s: int
    slices: int = 12

    @property
    def slice_s(self) -> float:
        return self.window_s / self.slices


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    retry_after_s: (
        int  # when refused: seconds until a hit may pass again; else until the slice ends
    )


def counter_key(scope: str, identity: str) -> str:
    return hashlib.sha256(f"{scope}\x1f{identity}".encode()).hexdigest()


class DatabaseLimiter:
    """Counts hits in the `rate_counter` table of `engine` (which must allow writes)."""

    def __init__(self, engine: Engine, clock: Clock = time.time) -> None:
        self._engine = engine
        self._clock = clock
        table = RateCounter.__table__
        self._insert = (postgresql if engine.dialect.name == "postgresql" else sqlite).insert
        self._table = table

    def hit(self, rule: Rule, identity: str) -> Decision:
        """Count one hit for `identity` unless that would exceed the rule; say whether it passed."""
        if rule.limit <= 0:
            return Decision(True, rule.limit, 0, 0)
        now = self._clock()
        slot = int(now // rule.slice_s)
        key = counter_key(rule.scope, identity)
        into_slot = (now - slot * rule.slice_s) / rule.slice_s
        with self._engine.begin() as conn:
            earlier = dict(
                conn.execute(
                    select(RateCounter.slot, RateCounter.hits).where(
                        RateCounter.key == key,
                        RateCounter.slot >= slot - rule.slices,
                        RateCounter.slot < slot,
                    )
                ).all()
            )
            oldest = earlier.pop(slot - rule.slices, 0)
            used = sum(earlier.values()) + oldest * (1.0 - into_slot)
            cap = math.floor(rule.limit - used + 1e-9)
            hits = self._bump(conn, rule, key, slot, cap) if cap >= 1 else None
            if hits == 1:
                conn.execute(delete(self._table).where(self._table.c.expires_at < int(now)))
        slice_left = max(1, math.ceil((slot + 1) * rule.slice_s - now))
        if hits is None:
            return Decision(False, rule.limit, 0, slice_left)
        return Decision(True, rule.limit, max(0, cap - hits), slice_left)

    def _bump(self, conn: object, rule: Rule, key: str, slot: int, cap: int) -> int | None:
        expires = math.ceil((slot + rule.slices + 1) * rule.slice_s)
        stmt = self._insert(self._table).values(key=key, slot=slot, hits=1, expires_at=expires)
        stmt = stmt.on_conflict_do_update(
            index_elements=[self._table.c.key, self._table.c.slot],
            set_={"hits": self._table.c.hits + 1},
            where=self._table.c.hits < cap,
        ).returning(self._table.c.hits)
        row = conn.execute(stmt).first()  # type: ignore[attr-defined]
        return None if row is None else int(row[0])

    def give_back(self, rule: Rule, identity: str) -> None:
        """Take back the latest counted hit (a login that turned out right is not a failure)."""
        key = counter_key(rule.scope, identity)
        slot = int(self._clock() // rule.slice_s)
        t = self._table
        latest = (
            select(func.max(t.c.slot))
            .where(t.c.key == key, t.c.hits > 0, t.c.slot > slot - rule.slices)
            .scalar_subquery()
        )
        with self._engine.begin() as conn:
            conn.execute(
                update(t).where(t.c.key == key, t.c.slot == latest).values(hits=t.c.hits - 1)
            )

    def clear(self, rule: Rule, identity: str) -> None:
        """Forget every counted hit of `identity` under `rule`."""
        with self._engine.begin() as conn:
            conn.execute(
                delete(self._table).where(self._table.c.key == counter_key(rule.scope, identity))
            )
