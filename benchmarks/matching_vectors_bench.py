"""The vector half of benchmarks/matching_scale.py (``--vectors MODEL``).

Embeds the corpus in worker processes (or reads ``--vector-cache``), writes the vectors into
``claim_vector`` the way the back-fill does, builds this process's HNSW index from the stored
rows, and runs every query hybrid (lexical postings + vector neighbours, one fused score).
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

from claimtrack.matching.embedding import embedder_name, get_embedder
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import Semantic, search
from claimtrack.matching.vectors import dequantise, quantise
from claimtrack.services.matching import live as matching_live
from claimtrack.services.matching import vectors as matching_vectors
from claimtrack.services.matching.store import SqlStore

CHUNK = 2_000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _embed_chunk(args: tuple[str, list[str]]) -> tuple[Any, float]:
    name, texts = args
    model = get_embedder(name)
    model.embed(["warm up"])
    c = time.process_time()
    out = model.embed(texts).astype(np.float16)
    return out, time.process_time() - c


def embed_corpus(name: str, texts: list[str], workers: int, cache: str | None) -> np.ndarray:
    """float32 vectors of ``texts``; prints throughput per worker process."""
    if cache and Path(cache).exists():
        stored = np.load(cache)
        if len(stored) >= len(texts):
            print(f"vectors read from {cache} ({len(texts):,} of {len(stored):,})")
            return stored[: len(texts)].astype(np.float32)
    chunks = [(name, texts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        done = list(pool.map(_embed_chunk, chunks))
    wall = time.perf_counter() - t
    cpu = sum(c for _, c in done)
    vecs = np.vstack([v for v, _ in done])
    print(
        f"embedded {len(texts):,} claims with {name} in {wall:.0f} s on {workers} worker "
        f"processes: {len(texts) / wall:.0f} claims/s in all, {len(texts) / cpu:.0f} claims/s "
        f"per worker process by CPU ({1000 * cpu / len(texts):.2f} ms CPU a claim)"
    )
    if cache:
        np.save(cache, vecs)
    return vecs.astype(np.float32)


def store_vectors(db, name: str, ids: list[int], texts: list[str], vecs: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    with db.session_scope() as session:
        for start in range(0, len(ids), 5_000):
            part = slice(start, start + 5_000)
            items = list(zip(ids[part], texts[part], strict=True))
            matching_vectors.fill_vectors(session, name, items, vecs[part])
            session.commit()
    print(f"vectors written to claim_vector in {time.perf_counter() - t:.1f} s (int8 + scale)")


def quantisation_check(vecs: np.ndarray, n_queries: int = 200) -> None:
    """Share of the float32 top-10 by cosine that int8 and float16 storage keep."""
    rng = np.random.default_rng(5)
    sample = vecs[: min(len(vecs), 100_000)]
    q = sample[rng.choice(len(sample), n_queries, replace=False)]
    exact = np.argsort(-(q @ sample.T), axis=1)[:, :10]
    codes, scales = quantise(sample)
    i8 = np.argsort(-(q @ dequantise(codes, scales).T), axis=1)[:, :10]
    f16 = np.argsort(-(q @ sample.astype(np.float16).astype(np.float32).T), axis=1)[:, :10]
    keep8 = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, i8, strict=True)])
    keep16 = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, f16, strict=True)])
    print(f"storage keeps the float32 top-10: int8 {keep8:.4f} (516 B/vector), "
          f"float16 {keep16:.4f} (1,024 B/vector) over {len(sample):,} vectors")  # fmt: skip


def cold_start(db, name: str):  # type: ignore[no-untyped-def]
    """A process's first query: build the graph from the stored rows (no snapshot), then, as
    the next process would, load the snapshot the build wrote and catch up from the clock."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="claimtrack-vector-index-"))
    matching_live.configure_snapshots(None)
    matching_live.forget_indexes()
    t, c = time.perf_counter(), time.process_time()
    with db.session_scope(write=False) as session:
        built = matching_live.wait_until_ready(session, name)
    assert built is not None
    build_s, build_cpu = time.perf_counter() - t, time.process_time() - c
    with db.session_scope(write=False) as session:
        seq, epoch = matching_vectors.clock(session)
        url = matching_live._entry(session, name).url
    t = time.perf_counter()
    key = matching_live.vector_snapshot.SnapshotKey(name, url, epoch)
    graph = matching_live.vector_snapshot.save(folder, key, built, seq)
    save_s, size_mb = time.perf_counter() - t, graph.stat().st_size / 1e6
    matching_live.configure_snapshots(folder)
    matching_live.forget_indexes()
    t, c = time.perf_counter(), time.process_time()
    with db.session_scope(write=False) as session:
        index = matching_live.wait_until_ready(session, name)
    assert index is not None and len(index) == len(built)
    load_s, load_cpu = time.perf_counter() - t, time.process_time() - c
    matching_live.configure_snapshots(None)
    shutil.rmtree(folder, ignore_errors=True)  # the benchmark leaves nothing behind
    print(f"cold start of a process's vector index ({len(index):,} vectors): built from the stored "
          f"rows {build_s:.1f} s (CPU {build_cpu:.1f} s, {matching_live.LOAD_THREADS} threads); "
          f"snapshot written in {save_s:.1f} s ({size_mb:.0f} MB); loaded from "
          f"the snapshot and caught up {load_s:.2f} s (CPU {load_cpu:.2f} s)")  # fmt: skip
    return index


def profile_queries(db, name: str, model, texts: list[str], owns: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Where a hybrid query's CPU goes (cProfile, query embedding excluded)."""
    import cProfile
    import pstats

    vecs = model.embed(texts)
    prof = cProfile.Profile()
    with db.session_scope(write=False) as session:
        store = SqlStore(session)
        for text, own, qvec in zip(texts, owns, vecs, strict=True):
            prof.enable()
            fresh = matching_live.live_index(session, name)
            semantic = Semantic(fresh, qvec, name) if fresh is not None else None
            search(store, prepare(text), limit=10, exclude=own, semantic=semantic)
            prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(30)  # which stage
    stats.sort_stats("tottime").print_stats(25)  # which function


def hybrid_run(db, args, texts, ids, qidx, members, group_of, targets) -> None:  # type: ignore[no-untyped-def]
    name = embedder_name(args.vectors)
    os.environ["CLAIMTRACK_EMBEDDER"] = name
    vecs = embed_corpus(name, texts, args.embed_workers, args.vector_cache)
    quantisation_check(vecs)
    store_vectors(db, name, ids, texts, vecs)
    index = cold_start(db, name)

    model = get_embedder(name)
    model.embed(["warm up"])
    if getattr(args, "profile", False):
        profile_queries(db, name, model, [texts[i] for i in qidx], [ids[i] for i in qidx])
    lat, cpu, emb, recall, recall_vec = [], [], [], [], []
    with db.session_scope(write=False) as session:
        store = SqlStore(session)
        for i in qidx:
            text, me = texts[i], ids[i]
            t0 = time.perf_counter()
            qvec = model.embed([text])[0]
            t1, c1 = time.perf_counter(), time.process_time()
            fresh = matching_live.live_index(session, name)
            semantic = Semantic(fresh, qvec, name) if fresh is not None else None
            hits = search(store, prepare(text), limit=10, exclude=me, semantic=semantic)
            t2, c2 = time.perf_counter(), time.process_time()
            emb.append((t1 - t0) * 1000)
            lat.append((t2 - t1) * 1000)
            cpu.append((c2 - c1) * 1000)
            others = members[group_of[me]] - {me}
            top = {h.claim_id for h in hits}
            recall.append(len(others & top) / len(others))
            near = set(index.nearest(qvec, 11)) - {me}
            recall_vec.append(len(others & near) / len(others))
    p50, p99, r10 = pct(lat, 0.5), pct(lat, 0.99), sum(recall) / len(recall)
    print(
        f"hybrid top-10 after the query is embedded: p50 {p50:.2f} ms, p99 {p99:.2f} ms over "
        f"{len(lat)} queries (CPU of this process p50 {pct(cpu, 0.5):.2f} ms, p99 "
        f"{pct(cpu, 0.99):.2f} ms); recall@10 {r10:.3f} (vector neighbours alone "
        f"{sum(recall_vec) / len(recall_vec):.3f}); embedding the query p50 "
        f"{pct(emb, 0.5):.2f} ms, p99 {pct(emb, 0.99):.2f} ms"
    )
    target = targets.get(args.claims)
    if target:
        print(
            f"  targets: p50 <= {target[0]} ms {'MET' if p50 <= target[0] else 'MISSED'}, "
            f"p99 <= {target[1]} ms {'MET' if p99 <= target[1] else 'MISSED'}, "
            f"recall@10 >= {target[2]} {'MET' if r10 >= target[2] else 'MISSED'}"
        )


def backfill_run(n: int, model: str, workers: int) -> None:
    """Throughput of the embedding back-fill job (``matching-embed``) over ``n`` synthetic claims
    stored without vectors, run as a worker runs it (job row claimed, progress written)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from matching_corpus import generate

    from claimtrack.cli.matching import temporary_store
    from claimtrack.services import jobs, users
    from claimtrack.services.matching import embed_job
    from claimtrack.services.matching import evaluation as matching_eval

    texts = [it.text for it in generate(n)]
    with temporary_store(None) as db:
        with db.session_scope() as session:
            actor = users.system_user(session)
            session.commit()
            matching_eval.insert_claims(session, actor, [matching_eval.LoadItem(t) for t in texts])
            session.commit()
            submitted = embed_job.request_embedding(
                session=session, actor=actor, model=model, workers=workers
            )
            owner = jobs.worker_identity()
            job = jobs.claim(session, submitted.job.id or 0, owner)
        assert job is not None
        get_embedder(model).embed(["warm up"])  # the model loads once per worker process
        t, c = time.perf_counter(), time.process_time()
        embed_job.run_embedding(db, job, owner)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        with db.session_scope() as session:
            done = jobs.get_job(session, job.id or 0)
            assert done is not None and done.state == jobs.DONE, done
            count = done.done
    print(f"back-fill job, {model}, {workers} worker process(es), {count:,} claims: {wall:.1f} s, "
          f"{count / wall:.1f} claims/s in all, {count / wall / workers:.1f} claims/s per worker "
          f"process; CPU of the job's process {1000 * cpu / count:.2f} ms a claim "
          f"(load average {os.getloadavg()[0]:.1f})")  # fmt: skip


def cold_start_run(n: int, dim: int) -> None:
    """Cold start of the vector index over ``n`` stored random unit vectors (cheap to make; a
    graph over random vectors is slower to build than over real ones, so this is an upper
    bound): built from the rows vs loaded from a snapshot."""
    from claimtrack.cli.matching import temporary_store
    from claimtrack.services import users
    from claimtrack.services.matching import evaluation as matching_eval

    rng = np.random.default_rng(3)
    vecs = rng.standard_normal((n, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    texts = [f"synthetic claim number {i}" for i in range(n)]
    with temporary_store(None) as db:
        with db.session_scope() as session:
            actor = users.system_user(session)
            session.commit()
            ids = matching_eval.insert_claims(
                session, actor, [matching_eval.LoadItem(t, "en") for t in texts]
            )
            session.commit()
        store_vectors(db, "use-m3", ids, texts, vecs)
        cold_start(db, "use-m3")
    print(f"(random {dim}-d vectors; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Back-fill throughput (the queued job); cold start.")
    ap.add_argument("--backfill", type=int, default=2000, help="synthetic claims to embed")
    ap.add_argument("--model", default="use-m3")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--cold-start", type=int, default=0, help="N random vectors: cold start only")
    ap.add_argument("--dim", type=int, default=512)
    a = ap.parse_args()
    if a.cold_start:
        cold_start_run(a.cold_start, a.dim)
    else:
        backfill_run(a.backfill, a.model, a.workers)
