"""Digest of what the matcher reads and stores, to prove a speed-up changed nothing it reads.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/matching_digest.py [--claims 100000]
        [--queries 300] [--dump /tmp/readings.txt]

Prepares every text of a corpus (the synthetic claims of ``matching_corpus`` plus the real texts
at hand: the CheckThat! candidates and queries in ``--data`` when given (a folder of the public
claim-retrieval sets as ``claimtrack matching eval`` reads them: CLEF CheckThat! 2020 task 2 and
2021 tasks 2A/2B, converted as benchmarks/README.md says), and the desk's German and English
pairs in ``benchmarks/data``), and prints one SHA-256 over the
prepared reading (``repr`` of ``Prepared``) and one over the index row and keys of each. Then it
loads the real texts and part of the synthetic corpus into a temporary SQLite (or PostgreSQL)
store and digests the hits (claim ids and scores, full precision) of ``--queries`` searches.
Run it on two checkouts: the same digests mean the same readings, rows and hits. ``--dump``
writes one line per text so two runs can be diffed to find the first text that differs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_corpus import generate  # noqa: E402

from claimtrack import _native  # noqa: E402
from claimtrack.cli.matching import temporary_store  # noqa: E402
from claimtrack.matching.prepare import guess_language, prepare  # noqa: E402
from claimtrack.matching.retrieval import make_row, search  # noqa: E402
from claimtrack.services import users  # noqa: E402
from claimtrack.services.matching import evaluation  # noqa: E402
from claimtrack.services.matching.evaluation import LoadItem  # noqa: E402
from claimtrack.services.matching.store import SqlStore  # noqa: E402

HERE = Path(__file__).resolve().parent
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def real_texts(data: Path | None) -> list[str]:
    """Every real text at hand: news pairs written for the desk and the CheckThat! sets."""
    out: list[str] = []
    for path in sorted((HERE / "data").glob("matching_pairs*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out += [rec["a"], rec["b"]]
    for path in sorted(data.glob("*.jsonl*")) if data is not None and data.exists() else []:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    out += [rec[k] for k in ("text", "title", "subtitle") if rec.get(k)]
    return out


def _tables_digest(db) -> str:  # type: ignore[no-untyped-def]
    """One SHA-256 over the index tables as the search reads them, in primary-key order. The
    postings are digested as (key, claim_id) rows whether they are stored one a row (before
    0015) or packed in lists, so the digest of the two layouts is the same for the same index."""
    import numpy as np
    from sqlalchemy import inspect, text

    digest = hashlib.sha256()
    packed = "match_posting_list" in inspect(db.engine).get_table_names()
    with db.engine.connect() as conn:
        for sql in (
            "SELECT claim_id, norm, sig, terms, n_terms FROM match_entry ORDER BY claim_id",
            "SELECT key, ids FROM match_posting_list ORDER BY key, first_id"
            if packed
            else "SELECT key, claim_id FROM match_posting ORDER BY key, claim_id",
            "SELECT key, df FROM match_term ORDER BY key",
            "SELECT n_docs, total_terms FROM match_stats",
        ):
            for row in conn.execute(text(sql)):
                if packed and "match_posting_list" in sql:
                    for cid in np.frombuffer(row[1], dtype="<i4").tolist():
                        digest.update(repr((row[0], cid)).encode() + b"\n")
                    continue
                digest.update(repr(tuple(row)).encode() + b"\n")
    return digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--stored", type=int, default=20_000, help="synthetic claims in the store")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--data", type=Path, help="folder of public claim-matching sets, if any")
    ap.add_argument("--dump", help="write one line per text here")
    args = ap.parse_args()

    real = real_texts(args.data)
    synthetic = [it.text for it in generate(args.claims)]
    texts = real + synthetic
    langs = [guess_language(t) for t in texts]
    reading, rows = hashlib.sha256(), hashlib.sha256()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    for i, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        # Every 7th text is prepared with the language guessed by prepare itself.
        p = prepare(text, None if i % 7 == 0 else lang)
        row, keys = make_row(i, p, prepare(text[:40], lang).norm if i % 11 == 0 else "")
        a, b = repr(p).encode(), repr((row, keys)).encode()
        reading.update(a + b"\n")
        rows.update(b + b"\n")
        if dump:
            dump.write(f"{i}\t{a.decode()}\t{b.decode()}\n")
    if dump:
        dump.close()
    print(f"texts: {len(real):,} real + {len(synthetic):,} synthetic; {_native.describe()}")
    print(f"readings  {reading.hexdigest()}")
    print(f"index rows {rows.hexdigest()}")

    stored = real + synthetic[: args.stored]
    load = [LoadItem(t, guess_language(t)) for t in stored]
    hits = hashlib.sha256()
    with temporary_store(PG_SERVER if args.db == "postgres" else None) as db:
        with db.session_scope() as session:
            actor = users.system_user(session)
            session.commit()
            ids, _, _ = evaluation.load_collection(session, actor, load, workers=2)
        print(f"tables    {_tables_digest(db)} (match_entry, postings, match_term, stats)")
        position = {cid: k for k, cid in enumerate(ids)}
        picks = random.Random(5).sample(range(len(stored)), args.queries)
        n_hits = 0
        with db.session_scope(write=False) as session:
            store = SqlStore(session)
            for k in picks:
                found = search(
                    store, prepare(stored[k], load[k].language), limit=10, exclude=ids[k]
                )
                line = [(position[h.claim_id], repr(h.score), repr(h.comparison)) for h in found]
                n_hits += len(found)
                hits.update(repr(line).encode() + b"\n")
    print(f"hits      {hits.hexdigest()} ({args.queries} queries, {n_hits} hits, db {args.db})")


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # a reading's word set prints in hash order
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    main()
