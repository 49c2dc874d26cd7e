"""Packed postings written one claim at a time (``SqlStore.add`` / ``remove``).

The index keeps each key's claim ids in rows of packed ids (``match_posting_list``). A rebuild
cuts them every ``PACK``; claims saved, edited and deleted one by one move ids in and out of
those rows. Whatever the rows, the postings must be the plain (key, claim) set, ascending, with
no claim twice: these tests drive the row cases with a small ``PACK`` on the test database
(SQLite, or PostgreSQL with CLAIMTRACK_TEST_DATABASE_URL).
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from sqlalchemy import text

from claimtrack.matching.retrieval import IndexRow
from claimtrack.services.matching import evaluation as matching_eval
from claimtrack.services.matching import store as store_module
from claimtrack.services.matching.store import SqlStore

KEY, OTHER_KEY = 7_000_000_000_123, -42


@pytest.fixture
def small_pack(monkeypatch):
    monkeypatch.setattr(store_module, "PACK", 4)
    return 4


def _claims(session, users, n: int) -> list[int]:
    items = [matching_eval.LoadItem(f"claim {k}", "en") for k in range(n)]
    return matching_eval.insert_claims(session, users["fact_checker"], items)


def _row(claim_id: int) -> IndexRow:
    return IndexRow(claim_id, f"claim {claim_id}", "{}", "claim")


def _lists(session, key: int) -> list[tuple[int, list[int]]]:
    rows = session.connection().execute(
        text("SELECT first_id, ids FROM match_posting_list WHERE key = :k ORDER BY first_id"),
        {"k": key},
    )
    return [(first, np.frombuffer(blob, dtype="<i4").tolist()) for first, blob in rows]


def _check_rows(session, key: int, expected: list[int]) -> None:
    """Rows ascending, each id within its row's range, together exactly ``expected``."""
    lists = _lists(session, key)
    flat = [cid for _, ids in lists for cid in ids]
    assert flat == sorted(expected)
    for (first, ids), nxt in zip(lists, [*lists[1:], (None, None)], strict=True):
        assert ids and ids == sorted(ids) and ids[0] >= first
        assert nxt[0] is None or ids[-1] < nxt[0]
    store = SqlStore(session)
    assert store.postings([key]) == ([(key, sorted(expected))] if expected else [])


def test_new_claims_fill_a_row_then_start_the_next(session, users, small_pack) -> None:
    ids = _claims(session, users, 10)
    store = SqlStore(session)
    for cid in ids:
        store.add(_row(cid), [KEY, OTHER_KEY])
    assert [len(lst) for _, lst in _lists(session, KEY)] == [4, 4, 2]
    _check_rows(session, KEY, ids)
    _check_rows(session, OTHER_KEY, ids)
    df = session.connection().execute(text("SELECT df FROM match_term WHERE key = :k"), {"k": KEY})
    assert df.scalar() == 10


def test_removing_and_editing_keep_each_claim_once_in_order(session, users, small_pack) -> None:
    """Removing empties and drops rows; an edited claim goes back into the row it left, which
    splits once it holds twice PACK; a claim below every row starts a row of its own."""
    ids = _claims(session, users, 30)
    low, rest = ids[0], ids[1:]
    store = SqlStore(session)
    for cid in rest:
        store.add(_row(cid), [KEY])
    present = set(rest)
    rng = random.Random(11)
    for _ in range(120):
        cid = rng.choice(rest)
        if cid in present:
            store.remove(cid, [KEY], 1)
            present.discard(cid)
        else:
            store.add(_row(cid), [KEY])
            present.add(cid)
        _check_rows(session, KEY, sorted(present))
    for cid in rest[4:9]:  # a whole row's claims removed: its row is gone
        if cid in present:
            store.remove(cid, [KEY], 1)
            present.discard(cid)
    _check_rows(session, KEY, sorted(present))
    store.add(_row(low), [KEY])
    present.add(low)
    _check_rows(session, KEY, sorted(present))
    assert _lists(session, KEY)[0] == (low, [low]) or _lists(session, KEY)[0][1][0] == low
    store.remove(rest[0], [12345], 1)  # a key the claim is not under: nothing happens
    _check_rows(session, KEY, sorted(present))


def test_a_full_row_splits_when_edits_put_claims_back(session, users, small_pack) -> None:
    ids = _claims(session, users, 12)
    store = SqlStore(session)
    for cid in ids:
        store.add(_row(cid), [KEY])
    assert [len(lst) for _, lst in _lists(session, KEY)] == [4, 4, 4]
    # take the middle row's claims out and put them back, and more into the first row
    for cid in ids[4:8]:
        store.remove(cid, [KEY], 1)
    for cid in ids[4:8]:
        store.add(_row(cid), [KEY])
    _check_rows(session, KEY, ids)
    assert all(len(lst) < 2 * small_pack for _, lst in _lists(session, KEY))


def test_a_claim_added_twice_under_a_key_is_refused(session, users) -> None:
    ids = _claims(session, users, 1)
    store = SqlStore(session)
    store.add(_row(ids[0]), [KEY])
    with pytest.raises(ValueError, match="already"):
        store._add_posting(KEY, ids[0])


def test_incremental_rows_read_like_a_rebuild(session, users, small_pack) -> None:
    """Claims added one by one and the same claims loaded in bulk give the same postings."""
    ids = _claims(session, users, 40)
    rng = random.Random(5)
    keyed = [(cid, sorted(rng.sample(range(1, 9), 3))) for cid in ids]
    store = SqlStore(session)
    for cid, keys in keyed:
        store.add(_row(cid), keys)
    incremental = store.all_postings()
    store.replace_all([(_row(cid), keys) for cid, keys in keyed])
    assert store.all_postings() == incremental
    assert incremental == sorted((k, cid) for cid, keys in keyed for k in keys)


def test_runs_of_sorted_keys_are_what_unique_gives() -> None:
    import numpy as np

    from claimtrack.services.matching.store import _runs

    rng = np.random.default_rng(7)
    for size in (0, 1, 2, 50, 5000):
        keys = np.sort(
            rng.integers(-(2**62), 2**62, size=size // 2 + 1)[
                rng.integers(0, size // 2 + 1, size=size)
            ]
        )
        expected = np.unique(keys, return_index=True, return_counts=True)
        for got, want in zip(_runs(keys), expected, strict=True):
            assert got.tolist() == want.tolist()
