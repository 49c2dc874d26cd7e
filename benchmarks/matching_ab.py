"""Query CPU of two checkouts of claimtrack on one stored 100,000-claim store, in one process.

    .venv/bin/python benchmarks/matching_ab.py build DIR [--claims 100000] [--vector-cache NPY]
    .venv/bin/python benchmarks/matching_ab.py compare DIR OLD_ROOT NEW_ROOT [--reps 2] [--lexical]

On a shared machine the CPU time of a query grows with the load (two cores at load 8 give about
twice a quiet machine's figure), and two processes run side by side still drift apart by more
than a change is worth. ``compare`` therefore imports both checkouts into one process (each its
own copy of the ``claimtrack`` modules) and alternates them query by query over the same store,
index snapshot and query vectors, so both see the same load. It prints each one's CPU p50 / mean
/ p99 (search after the query is embedded: ``live_index``, ``prepare``, ``search``), their ratio,
and a digest of every hit (id, ranking value, cosine, comparison) of the first round: a pure
speed-up must give the same digest.

``build`` makes the store in DIR with this checkout (synthetic claims of ``matching_corpus``,
lexical index, use-m3 vectors from ``--vector-cache`` or embedded, the HNSW graph's snapshot
that both checkouts load, 500 query texts and their vectors); it keeps it for any number of
comparisons. Delete DIR afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

MODEL = "use-m3"
MODULES = (
    "claimtrack.db",
    "claimtrack.matching.prepare",
    "claimtrack.matching.retrieval",
    "claimtrack.services.matching.live",
    "claimtrack.services.matching.store",
)


def build(folder: Path, claims: int, vector_cache: str | None, n_queries: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import matching_vectors_bench as mvb
    from matching_corpus import generate
    from matching_scale import _queries

    from claimtrack import migrate
    from claimtrack.db import Database
    from claimtrack.matching.embedding import get_embedder
    from claimtrack.matching.prepare import guess_language
    from claimtrack.services import users
    from claimtrack.services.matching import evaluation, live
    from claimtrack.services.matching import vectors as matching_vectors
    from claimtrack.services.matching.evaluation import LoadItem
    from claimtrack.services.matching.store import SqlStore

    folder.mkdir(parents=True, exist_ok=False)
    (folder / "snap").mkdir()
    os.environ["CLAIMTRACK_EMBEDDER"] = MODEL
    items = generate(claims)
    db = Database(f"sqlite:///{folder / 'store.sqlite'}")
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        load = [LoadItem(it.text, guess_language(it.text)) for it in items]
        ids = evaluation.insert_claims(session, actor, load)
        session.commit()
        rows = [(cid, it.text, it.language, "") for cid, it in zip(ids, load, strict=True)]
        SqlStore(session).replace_all(evaluation.index_items(rows, 2))
        session.commit()
    texts = [it.text for it in items]
    mvb.store_vectors(db, MODEL, ids, texts, mvb.embed_corpus(MODEL, texts, 2, vector_cache))
    live.configure_snapshots(folder / "snap")
    with db.session_scope(write=False) as session:
        index = live.wait_until_ready(session, MODEL)
        seq, epoch = matching_vectors.clock(session)
        url = live._entry(session, MODEL).url
    assert index is not None
    # Written whatever the size (the service writes none under 20,000 vectors): both checkouts
    # must search one graph, as two builds of it differ (threads insert in their own order).
    key = live.vector_snapshot.SnapshotKey(MODEL, url, epoch)
    live.vector_snapshot.save(folder / "snap", key, index, seq)
    picked = _queries(items, n_queries)
    query_texts = [texts[i] for i in picked]
    np.save(folder / "query_vectors.npy", get_embedder(MODEL).embed(query_texts))
    queries = {"texts": query_texts, "owns": [ids[i] for i in picked]}
    (folder / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    print(f"store of {claims:,} claims and {len(picked)} queries in {folder}")


def _checkout(root: str) -> dict[str, ModuleType]:
    """The modules of the checkout at ``root``, imported afresh (the other's stay referenced)."""
    for name in [m for m in sys.modules if m == "claimtrack" or m.startswith("claimtrack.")]:
        del sys.modules[name]
    sys.path.insert(0, root)
    try:
        return {name: importlib.import_module(name) for name in MODULES}
    finally:
        sys.path.remove(root)


def _runner(folder: Path, root: str) -> tuple[dict[str, ModuleType], Any, Any]:
    mods = _checkout(root)
    db = mods["claimtrack.db"].Database(f"sqlite:///{folder / 'store.sqlite'}")
    live = mods["claimtrack.services.matching.live"]
    live.configure_snapshots(folder / "snap")
    session = db.session_scope(write=False).__enter__()  # held for the whole run
    assert live.wait_until_ready(session, MODEL) is not None
    store = mods["claimtrack.services.matching.store"].SqlStore(session)
    # one-time loads (gazetteer, locale data) outside the timed queries, as in matching_scale
    warm_up = mods["claimtrack.matching.prepare"].prepare("Warm up the connection in Almaty 2022")
    mods["claimtrack.matching.retrieval"].search(store, warm_up, limit=11)
    return mods, session, store


def compare(folder: Path, roots: list[str], reps: int, lexical: bool) -> None:
    os.environ["CLAIMTRACK_EMBEDDER"] = MODEL
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    vectors = np.load(folder / "query_vectors.npy")
    runners = [_runner(folder, root) for root in roots]
    cpu: list[list[float]] = [[], []]
    digests = [hashlib.sha256(), hashlib.sha256()]
    for rep in range(reps):
        for n, (text, own, vec) in enumerate(
            zip(queries["texts"], queries["owns"], vectors, strict=True)
        ):
            for which in (0, 1) if (n + rep) % 2 == 0 else (1, 0):
                mods, session, store = runners[which]
                retrieval = mods["claimtrack.matching.retrieval"]
                live = mods["claimtrack.services.matching.live"]
                started = time.process_time()
                semantic = None
                if not lexical:
                    semantic = retrieval.Semantic(live.live_index(session, MODEL), vec, MODEL)
                query = mods["claimtrack.matching.prepare"].prepare(text)
                hits = retrieval.search(store, query, limit=10, exclude=own, semantic=semantic)
                cpu[which].append((time.process_time() - started) * 1000)
                if rep == 0:
                    found = [(h.claim_id, h.score, h.cosine, h.comparison) for h in hits]
                    digests[which].update(repr(found).encode())
    mode = "lexical" if lexical else "hybrid"
    for which, root in enumerate(roots):
        ms = sorted(cpu[which])
        print(f"{root}: {mode} top-10 CPU p50 {ms[len(ms) // 2]:.2f} ms, mean "
              f"{sum(ms) / len(ms):.2f} ms, p99 {ms[int(0.99 * (len(ms) - 1))]:.2f} ms over "
              f"{len(ms)} queries; digest of the hits {digests[which].hexdigest()[:16]}")  # fmt: skip
    p50 = [sorted(c)[len(c) // 2] for c in cpu]
    print(f"new / old: p50 {p50[1] / p50[0]:.3f}, mean {sum(cpu[1]) / sum(cpu[0]):.3f}; "
          f"hits {'identical' if digests[0].digest() == digests[1].digest() else 'DIFFER'}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="make the store, snapshot and queries in DIR")
    b.add_argument("dir", type=Path)
    b.add_argument("--claims", type=int, default=100_000)
    b.add_argument("--vector-cache", metavar="NPY", help="the corpus's vectors (read or kept)")
    b.add_argument("--queries", type=int, default=500)
    c = sub.add_parser("compare", help="alternate two checkouts' queries on DIR's store")
    c.add_argument("dir", type=Path)
    c.add_argument("old", help="root of the baseline checkout (e.g. a worktree of main)")
    c.add_argument("new", help="root of the checkout to measure")
    c.add_argument("--reps", type=int, default=2)
    c.add_argument("--lexical", action="store_true", help="words only (no vectors)")
    args = ap.parse_args()
    if args.command == "build":
        build(args.dir, args.claims, args.vector_cache, args.queries)
    else:
        compare(args.dir, [args.old, args.new], args.reps, args.lexical)


if __name__ == "__main__":
    main()
