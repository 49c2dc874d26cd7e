"""The bulk loader writes exactly the index that claim-by-claim indexing describes.

``SqlStore.replace_all`` sorts, counts and packs postings in numpy arrays; these tests check its tables
against the plain reading of the rows it was given (each claim's keys, the number of claims per
key, the stats) on the test database (SQLite, or PostgreSQL with CLAIMTRACK_TEST_DATABASE_URL).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import text

from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import make_row, search
from claimtrack.services.matching import evaluation as matching_eval
from claimtrack.services.matching.store import SqlStore
from tests.factories import synthetic_claims

CLAIMS = [
    "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen.",
    "In Alma-Ata wurden bei den Unruhen in Kasachstan über 2000 Menschen festgenommen.",
    "More than 2,000 people were detained in Almaty during the unrest in Kazakhstan.",
    "Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht illegal.",
    "Die Zentralbank hat den Leitzins um einen halben Prozentpunkt auf 10,25 Prozent erhöht.",
    "225 people died in the January 2022 unrest, the prosecutor general said.",
    "",
]


def _tables(session) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple], tuple]:
    conn = session.connection()
    postings = SqlStore(session).all_postings()
    terms = conn.execute(text("SELECT key, df FROM match_term ORDER BY key"))
    entries = conn.execute(
        text("SELECT claim_id, norm, sig, terms, n_terms FROM match_entry ORDER BY claim_id")
    )
    stats = conn.execute(text("SELECT n_docs, total_terms FROM match_stats")).one()
    return (
        [tuple(r) for r in postings],
        [tuple(r) for r in terms],
        [tuple(r) for r in entries],
        tuple(stats),
    )


def test_replace_all_writes_every_posting_and_count(session, users) -> None:
    actor = users["fact_checker"]
    items = [matching_eval.LoadItem(t, "de" if " der " in t else "en") for t in CLAIMS]
    ids = matching_eval.insert_claims(session, actor, items)
    prepared = [
        make_row(cid, prepare(it.text, it.language)) for cid, it in zip(ids, items, strict=True)
    ]
    # twice: a second load replaces the first instead of adding to it
    assert SqlStore(session).replace_all(prepared[::-1]) == len(CLAIMS)
    assert SqlStore(session).replace_all(iter(prepared)) == len(CLAIMS)

    postings, terms, entries, stats = _tables(session)
    expected = sorted((k, row.claim_id) for row, keys in prepared for k in keys)
    assert postings == expected
    assert terms == sorted(Counter(k for k, _ in expected).items())
    assert entries == [
        (row.claim_id, row.norm, row.sig, row.terms, len(row.terms.split())) for row, _ in prepared
    ]
    assert stats == (len(CLAIMS), sum(len(row.terms.split()) for row, _ in prepared))

    store = SqlStore(session)
    hits = search(store, prepare(CLAIMS[0], "de"), limit=3, exclude=ids[0])
    assert hits[0].claim_id == ids[1]


def test_replace_all_with_nothing_empties_the_index(session, users) -> None:
    actor = users["fact_checker"]
    ids = matching_eval.insert_claims(session, actor, [matching_eval.LoadItem(CLAIMS[0], "de")])
    SqlStore(session).replace_all([make_row(ids[0], prepare(CLAIMS[0], "de"))])
    assert SqlStore(session).replace_all([]) == 0
    postings, terms, entries, stats = _tables(session)
    assert (postings, terms, entries, stats) == ([], [], [], (0, 0))


def test_postings_per_key_are_every_claim_of_the_key_in_order(session, users) -> None:
    """``SqlStore.postings`` gives each asked key once, keys ascending, with all its claims
    ascending (retrieval sums in this order), however many packed rows hold them."""
    import random

    from claimtrack.services.matching import store as store_module

    texts = synthetic_claims(600)
    items = [matching_eval.LoadItem(t, "de" if " der " in t else "en") for t in texts]
    ids = matching_eval.insert_claims(session, users["fact_checker"], items)
    prepared = [make_row(cid, prepare(it.text, it.language)) for cid, it in zip(ids, items, strict=True)]  # fmt: skip
    store = SqlStore(session)
    store.replace_all(prepared)
    claims_of: dict[int, list[int]] = {}
    for row, keys in prepared:
        for k in keys:
            claims_of.setdefault(k, []).append(row.claim_id)
    every_key = sorted(claims_of)
    assert max(map(len, claims_of.values())) > store_module.PACK  # keys of several rows too
    rng = random.Random(3)
    for _ in range(200):
        keys = rng.sample(every_key, rng.randint(1, 32)) + [12345]  # and a key no claim has
        expected = [(k, sorted(claims_of[k])) for k in sorted(set(keys) - {12345})]
        assert [(k, list(cids)) for k, cids in store.postings(keys)] == expected
    assert store.postings([12345]) == []


def test_batches_from_worker_processes_write_the_same_index(session, users, monkeypatch) -> None:
    """``load_batches`` of what two worker processes prepared writes the tables ``replace_all``
    writes from rows prepared here; the claims of several batches are written as they arrive."""
    from claimtrack.services.matching import store as store_module

    texts = synthetic_claims(300) + CLAIMS
    items = [matching_eval.LoadItem(t, "de" if " der " in t else "en") for t in texts]
    ids = matching_eval.insert_claims(session, users["fact_checker"], items)
    prepared = [make_row(cid, prepare(it.text, it.language)) for cid, it in zip(ids, items, strict=True)]  # fmt: skip
    SqlStore(session).replace_all(prepared)
    expected = _tables(session)

    rows = [(cid, it.text, it.language, "") for cid, it in zip(ids, items, strict=True)]
    monkeypatch.setattr(matching_eval, "BATCH", 70)  # several batches
    batches = list(matching_eval.index_batches(rows, workers=2))
    assert len(batches) == 5
    assert [item for batch in batches for item in batch.items()] == prepared
    assert SqlStore(session).load_batches(iter(batches)) == len(texts)
    assert _tables(session) == expected
    assert store_module.IndexBatch.of([]).keys.dtype.name == "int64"


def test_postings_are_packed_a_hundred_and_twenty_eight_ids_a_row(session, users) -> None:
    """A rebuild cuts each key's ids (ascending) every ``PACK``: a key of many claims is several
    rows, each named by its first id; a key of one claim is one row of one id."""
    import numpy as np

    from claimtrack.services.matching import store as store_module

    texts = [f"{CLAIMS[k % 6]} ({k})" for k in range(300)]
    items = [matching_eval.LoadItem(t, "de" if " der " in t else "en") for t in texts]
    ids = matching_eval.insert_claims(session, users["fact_checker"], items)
    prepared = [make_row(cid, prepare(it.text, it.language)) for cid, it in zip(ids, items, strict=True)]  # fmt: skip
    expected = sorted((k, row.claim_id) for row, keys in prepared for k in keys)
    counts = Counter(k for k, _ in expected)
    assert 1 in counts.values() and max(counts.values()) > store_module.PACK
    SqlStore(session).replace_all(prepared[::-1])  # claims in any order
    assert _tables(session)[0] == expected
    rows = session.connection().execute(
        text("SELECT key, first_id, ids FROM match_posting_list ORDER BY key, first_id")
    )
    per_key: dict[int, list[list[int]]] = {}
    for key, first, blob in rows:
        lst = np.frombuffer(blob, dtype="<i4").tolist()
        assert lst[0] == first and lst == sorted(lst)
        per_key.setdefault(key, []).append(lst)
    for key, lists in per_key.items():
        assert [len(lst) for lst in lists[:-1]] == [store_module.PACK] * (len(lists) - 1)
        assert 0 < len(lists[-1]) <= store_module.PACK
        assert sum(map(len, lists)) == counts[key]


def test_claim_ids_that_do_not_fit_32_bits_are_refused(session) -> None:
    import numpy as np
    import pytest

    from claimtrack.services.matching.store import IndexBatch

    batch = IndexBatch([(2**31, "n", "{}", "t", 1)], np.array([1]), np.array([7]))
    with pytest.raises(ValueError, match="2\\*\\*31"):
        SqlStore(session).load_batches([batch])


def test_reading_claims_leaves_no_reference_cycles() -> None:
    """Build workers never collect (``evaluation._worker_start``): ``prepare`` and ``make_row``
    must leave no cyclic garbage, or a worker reading half a million claims would keep it all."""
    import gc

    from tests.text.test_fast_paths import TEXTS

    texts = [*TEXTS, *synthetic_claims(300), *CLAIMS]
    for claim in texts[:50]:  # first calls load tables and caches
        make_row(1, prepare(claim))
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for claim in texts:
            make_row(1, prepare(claim))
            make_row(1, prepare(claim, "de"))
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_build_workers_freeze_what_they_inherit_and_collect_nothing() -> None:
    import gc
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, initializer=matching_eval._worker_start) as pool:
        assert pool.submit(_gc_state).result() == (False, True)
    assert gc.isenabled()


def _gc_state() -> tuple[bool, bool]:
    import gc

    return gc.isenabled(), gc.get_freeze_count() > 0
