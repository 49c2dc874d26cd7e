"""The shared rate limiter on the real database: exact caps, a sliding window, concurrent callers."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from claimtrack.models import RateCounter
from claimtrack.services.limits import DatabaseLimiter, Rule

RULE = Rule("test", limit=5, window_s=60, slices=6)


class Clock:
    def __init__(self, now: float = 1_000_020.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _passed(limiter: DatabaseLimiter, n: int, identity: str = "a", rule: Rule = RULE) -> int:
    return sum(limiter.hit(rule, identity).allowed for _ in range(n))


def test_cap_per_identity_and_headers(db):
    limiter = DatabaseLimiter(db.write_engine, Clock())
    first = limiter.hit(RULE, "a")
    assert (first.allowed, first.limit, first.remaining) == (True, 5, 4)
    assert _passed(limiter, 10) == 4
    refused = limiter.hit(RULE, "a")
    assert not refused.allowed and refused.remaining == 0 and 1 <= refused.retry_after_s <= 10
    assert _passed(limiter, 3, "b") == 3  # another identity has its own count


def test_window_slides_and_refused_hits_do_not_count(db):
    clock = Clock()
    limiter = DatabaseLimiter(db.write_engine, clock)
    assert _passed(limiter, 5) == 5
    clock.now += 30
    assert _passed(limiter, 50) == 0  # hammering while refused adds nothing
    clock.now += 25  # 55 s after the five hits: still inside the window
    assert _passed(limiter, 1) == 0
    clock.now += 15  # 70 s: the window has moved past their whole slice
    assert _passed(limiter, 10) == 5


def test_oldest_slice_is_weighted_by_its_overlap(db):
    clock = Clock(1_000_000.0)  # the start of a 10 s slice
    limiter = DatabaseLimiter(db.write_engine, clock)
    assert _passed(limiter, 4) == 4
    clock.now += 60 + 5  # half of the hits' slice still lies in the window: 2 of 4 count
    assert _passed(limiter, 10) == 3


def test_give_back_and_clear(db):
    limiter = DatabaseLimiter(db.write_engine, Clock())
    assert _passed(limiter, 5) == 5
    limiter.give_back(RULE, "a")
    assert _passed(limiter, 5) == 1
    limiter.clear(RULE, "a")
    assert _passed(limiter, 10) == 5


def test_expired_rows_are_removed(db):
    clock = Clock()
    limiter = DatabaseLimiter(db.write_engine, clock)
    for identity in "abc":
        _passed(limiter, 2, identity)
    clock.now += 3600
    _passed(limiter, 1, "d")
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RateCounter)).scalar() == 1


def test_concurrent_callers_never_pass_the_cap_together(db):
    """8 threads, each with its own connection, 25 hits each against a limit of 40."""
    rule = Rule("burst", limit=40, window_s=3600)
    limiter = DatabaseLimiter(db.write_engine)
    passed: list[int] = []
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        passed.append(_passed(limiter, 25, "token-1", rule))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(passed) == 40
