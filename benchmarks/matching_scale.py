"""Speed and scale of candidate retrieval on SQLite and PostgreSQL, with brute force as baseline.

    .venv/bin/python benchmarks/matching_scale.py --claims 100000 --db sqlite [--cluster]
    .venv/bin/python benchmarks/matching_scale.py --claims 100000 --db postgres
    .venv/bin/python benchmarks/matching_scale.py --claims 1000000 --db sqlite --brute 10
    .venv/bin/python benchmarks/matching_scale.py --claims 100000 --vectors use-m3 \
        [--vector-cache /tmp/vectors-100000.npy] [--embed-workers 2] [--profile]

With ``--vectors MODEL`` every claim is also embedded (in ``--embed-workers`` processes; the
throughput per worker process is printed; ``--vector-cache`` keeps the vectors in a .npy file
for the next run), stored in ``claim_vector``, the in-process HNSW index is built from the
stored rows, and queries run hybrid: lexical postings plus vector neighbours, one fused score.
Latency is then measured after the query is embedded, with the embedding's own cost beside it.

Builds a fresh temporary store of synthetic claims (benchmarks/matching_corpus.py), then prints
index build time, database size, peak memory, top-10 latency p50/p99 (prepare + retrieve +
re-rank, from a cold process), throughput with two processes, recall@10 of the query's group
members, and with --cluster the pairwise precision/recall/F1 of "same" at the auto-link
threshold over every claim. Everything stays on this machine (PostgreSQL on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_corpus import generate  # noqa: E402

from claimtrack import _native  # noqa: E402
from claimtrack.cli.matching import temporary_store  # noqa: E402
from claimtrack.db import Database  # noqa: E402
from claimtrack.matching import signature  # noqa: E402
from claimtrack.matching.cluster import build_clusters, pairwise_scores  # noqa: E402
from claimtrack.matching.compare import DEFAULT_THRESHOLDS  # noqa: E402
from claimtrack.matching.prepare import guess_language, prepare  # noqa: E402
from claimtrack.matching.retrieval import search  # noqa: E402
from claimtrack.services import users  # noqa: E402
from claimtrack.services.matching import evaluation as matching_eval  # noqa: E402
from claimtrack.services.matching.evaluation import LoadItem  # noqa: E402
from claimtrack.services.matching.store import IndexBatch, SqlStore  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TARGETS = {  # claims -> (p50 ms, p99 ms, recall@10, build s)
    100_000: (5.0, 15.0, 0.97, None),
    1_000_000: (15.0, 40.0, 0.94, 60.0),
}


def _cpu() -> float:
    """CPU seconds of this process and its finished children: steadier than wall time when
    other work shares the cores."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class _timed:
    """Passes batches through and keeps the time the last one came (prepare's end)."""

    def __init__(self, batches: Iterator[IndexBatch]) -> None:
        self.batches, self.last = batches, time.perf_counter()

    def __iter__(self) -> Iterator[IndexBatch]:
        for batch in self.batches:
            self.last = time.perf_counter()
            yield batch
        self.last = time.perf_counter()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _queries(items, n: int, seed: int = 3) -> list[int]:
    by_group: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_group.setdefault(it.group, []).append(i)
    multi = [i for i, it in enumerate(items) if len(by_group[it.group]) > 1]
    return random.Random(seed).sample(multi, min(n, len(multi)))


def run_queries(
    url: str, texts: list[str], languages: list[str], own_ids: list[int]
) -> list[tuple[float, list[int], float]]:
    """Latency (wall ms), ranked claim ids and CPU ms (this process) per query, and claim ids per query, in a process of its own.

    Each query is the text of a stored claim, standing in for a new claim that says the same:
    the stored copy is excluded (as the service does when a claim is indexed).
    """
    db = Database(url)
    out = []
    with db.session_scope(write=False) as session:
        store = SqlStore(session)
        search(store, prepare("warm up the connection", "en"), limit=11)
        for text, lang, own in zip(texts, languages, own_ids, strict=True):
            t, c = time.perf_counter(), time.process_time()
            hits = search(store, prepare(text, lang), limit=10, exclude=own)
            wall, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
            out.append((wall, [h.claim_id for h in hits], cpu))
    db.dispose()
    return out


def db_size(db: Database) -> int:
    if db.is_sqlite:
        path = Path(db.engine.url.database or "")
        return sum(
            Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists()
        )
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0)


def cluster_pairs(url: str, ids: list[int]) -> list[tuple[int, int]]:
    """Auto-link pairs found by querying every claim with its own stored form."""
    db = Database(url)
    pairs = []
    with db.session_scope(write=False) as session:
        store = SqlStore(session)
        for start in range(0, len(ids), 500):
            for row in store.rows(ids[start : start + 500]):
                query = signature.decode(row.norm, row.sig)
                for hit in search(store, query, limit=10, exclude=row.claim_id):
                    if hit.claim_id != row.claim_id and hit.comparison.auto_linkable(
                        DEFAULT_THRESHOLDS
                    ):
                        pairs.append(tuple(sorted((row.claim_id, hit.claim_id))))
    db.dispose()
    return pairs


def brute_force(db, n, qidx, load, ids, members, group_of) -> None:  # type: ignore[no-untyped-def]
    """Baseline: rapidfuzz token_set_ratio of the normalised query against every stored claim."""
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT claim_id, norm FROM match_entry ORDER BY claim_id")
        claim_ids, norms = zip(*stored.fetchall(), strict=True)
    bl, brec = [], []
    for i in qidx[:n]:
        t = time.perf_counter()
        q = prepare(load[i].text, load[i].language).norm
        top = process.extract(q, norms, scorer=fuzz.token_set_ratio, limit=11)
        bl.append((time.perf_counter() - t) * 1000)
        me = ids[i]
        ranked = [claim_ids[k] for _, _, k in top if claim_ids[k] != me][:10]
        others = members[group_of[me]] - {me}
        brec.append(len(others & set(ranked)) / len(others))
    print(
        f"brute force token_set_ratio over all {len(norms):,} claims: p50 {pct(bl, 0.5):.0f} ms, "
        f"recall@10 {sum(brec) / len(brec):.3f} over {len(bl)} queries"
    )


def prepare_cost(load: list[LoadItem], n: int = 5_000) -> float:
    """CPU microseconds a claim of ``prepare`` + ``make_row``: what bounds the 1M build."""
    from claimtrack.matching.retrieval import make_row

    sample = load[:: max(1, len(load) // n)][:n]
    c = time.process_time()
    for item in sample:
        make_row(1, prepare(item.text, item.language))
    return 1e6 * (time.process_time() - c) / len(sample)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--brute", type=int, default=50, help="queries for the brute-force baseline")
    ap.add_argument("--cluster", action="store_true", help="cluster every claim (slow)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--vectors", metavar="MODEL", help="also embed and search by vectors (use-m3)")
    ap.add_argument("--vector-cache", metavar="NPY", help="reuse / keep the corpus's vectors here")
    ap.add_argument("--embed-workers", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="with --vectors: profile the queries")
    args = ap.parse_args()

    items = generate(args.claims)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"corpus: {len(items):,} claims, {len({i.group for i in items}):,} groups, db {args.db}")
    with temporary_store(PG_SERVER if args.db == "postgres" else None) as db:
        url = db.engine.url.render_as_string(hide_password=False)
        with db.session_scope() as session:
            actor = users.system_user(session)
            session.commit()
            load = [LoadItem(it.text, guess_language(it.text)) for it in items]
            t0 = time.perf_counter()
            ids = matching_eval.insert_claims(session, actor, load)
            session.commit()
            t1 = time.perf_counter()
            rows = [(cid, it.text, it.language, "") for cid, it in zip(ids, load, strict=True)]
            cpu0, own0 = _cpu(), time.process_time()
            prepared = _timed(matching_eval.index_batches(rows, args.workers))
            SqlStore(session).load_batches(prepared)
            session.commit()
            t2 = time.perf_counter()
        build = t2 - t1
        build_cpu, own_cpu = _cpu() - cpu0, time.process_time() - own0
        print(
            f"claims inserted in {t1 - t0:.1f} s; index built in {build:.1f} s "
            f"({args.workers} processes prepare; CPU {build_cpu:.1f} s incl. workers, of which "
            f"{own_cpu:.1f} s in this process: receiving and writing the rows); the last "
            f"prepared batch came at {prepared.last - t1:.1f} s, writing ended {t2 - prepared.last:.1f} s "
            f"later; database {db_size(db) / 1e6:.0f} MB"
        )

        print(f"prepare + index row: {prepare_cost(load):.0f} us CPU a claim (5,000-claim sample, "
              f"one process; {_native.describe()})")  # fmt: skip
        group_of = {cid: it.group for cid, it in zip(ids, items, strict=True)}
        members: dict[int, set[int]] = {}
        for cid, g in group_of.items():
            members.setdefault(g, set()).add(cid)
        qidx = _queries(items, args.queries)
        texts = [load[i].text for i in qidx]
        langs = [load[i].language for i in qidx]
        owns = [ids[i] for i in qidx]
        if args.vectors:
            from matching_vectors_bench import hybrid_run

            hybrid_run(db, args, [it.text for it in items], ids, qidx, members, group_of, TARGETS)
            print(f"load average at end: {os.getloadavg()[0]:.1f}")
            return
        results = run_queries(url, texts, langs, owns)
        lat = [r[0] for r in results]
        recall = []
        cpu = [r[2] for r in results]
        for i, (_, ranked, _q_cpu) in zip(qidx, results, strict=True):
            me = ids[i]
            others = members[group_of[me]] - {me}
            top = [c for c in ranked if c != me][:10]
            recall.append(len(others & set(top)) / len(others))
        r10 = sum(recall) / len(recall)

        t = time.perf_counter()
        half = len(texts) // 2
        with ProcessPoolExecutor(max_workers=2) as pool:
            list(
                pool.map(
                    run_queries,
                    [url, url],
                    [texts[:half], texts[half:]],
                    [langs[:half], langs[half:]],
                    [owns[:half], owns[half:]],
                )
            )
        qps = len(texts) / (time.perf_counter() - t)

        p50, p99 = pct(lat, 0.5), pct(lat, 0.99)
        target = TARGETS.get(args.claims)
        print(
            f"top-10 latency p50 {p50:.2f} ms, p99 {p99:.2f} ms over {len(lat)} queries; "
            f"(CPU of this process p50 {pct(cpu, 0.5):.2f} ms, p99 {pct(cpu, 0.99):.2f} ms); "
            f"recall@10 {r10:.3f}; throughput {qps:.0f} queries/s (2 processes, incl. start-up)"
        )
        if target:
            print(
                f"  targets: p50 <= {target[0]} ms {'MET' if p50 <= target[0] else 'MISSED'}, "
                f"p99 <= {target[1]} ms {'MET' if p99 <= target[1] else 'MISSED'}, "
                f"recall@10 >= {target[2]} {'MET' if r10 >= target[2] else 'MISSED'}"
                + (
                    f", build <= {target[3]} s {'MET' if build <= target[3] else 'MISSED'}"
                    if target[3]
                    else ""
                )
            )

        if args.brute:
            brute_force(db, args.brute, qidx, load, ids, members, group_of)

        if args.cluster:
            t = time.perf_counter()
            chunks = [ids[k :: args.workers] for k in range(args.workers)]
            with ProcessPoolExecutor(max_workers=args.workers) as pool:
                pairs = {
                    p for part in pool.map(cluster_pairs, [url] * len(chunks), chunks) for p in part
                }
            clustering = build_clusters(sorted(pairs))
            precision_pairs = sum(group_of[a] == group_of[b] for a, b in pairs) / max(len(pairs), 1)
            p, r, f1 = pairwise_scores(clustering.canonical, group_of)
            print(
                f"clustering at auto_link {DEFAULT_THRESHOLDS.auto_link}: {len(pairs):,} same links "
                f"(precision {precision_pairs:.3f}); clusters pairwise P {p:.3f} R {r:.3f} F1 {f1:.3f} "
                f"in {time.perf_counter() - t:.0f} s"
            )
            print(
                f"  targets: F1 >= 0.90 {'MET' if f1 >= 0.9 else 'MISSED'}, precision of same >= 0.97 "
                f"{'MET' if p >= 0.97 else 'MISSED'}"
            )
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (this process), {kids:.0f} MB (largest worker)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
