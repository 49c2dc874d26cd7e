"""Ranking quality on every development set in ../shared/data/claim-matching/, next to BM25.

    .venv/bin/python benchmarks/matching_quality.py [--data DIR] [--postgres URL]

Runs the same code path as `claimtrack matching eval` (candidates loaded into a fresh temporary
store, one `search_text` per query) and prints MAP@1 / MAP@5 / Recall@10 beside the BM25Okapi
reference figures from the data README, with MET/MISSED per set. No network traffic.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.cli.matching import temporary_store  # noqa: E402
from claimtrack.services import users  # noqa: E402
from claimtrack.services.matching import evaluation as matching_eval  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "claim-matching"
SETS = {  # name: (candidates, queries, BM25 reference MAP@1, MAP@5, R@10)
    "ct2021-2a-en": ("ct2021-2a-en.candidates.jsonl.gz", "ct2021-2a-en.dev.queries.jsonl",
                     (0.720, 0.764, 0.865)),
    "ct2021-2b-en": ("ct2021-2b-en.candidates.jsonl.gz", "ct2021-2b-en.dev.queries.jsonl",
                     (0.421, 0.472, 0.591)),
    "ct2020-t2-en": ("ct2020-t2-en.candidates.jsonl.gz", "ct2020-t2-en.test.queries.jsonl",
                     (0.789, 0.836, 0.905)),
    "semeval25-trial": ("semeval25-trial.candidates.jsonl", "semeval25-trial.dev.queries.jsonl",
                        (0.468, 0.546, 0.702)),
}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=os.environ.get("CLAIM_MATCHING_DATA", str(DATA)))
    ap.add_argument("--postgres", metavar="URL", help="temporary store on this server")
    args = ap.parse_args()
    print(f"{'set':<16} {'MAP@1':>13} {'MAP@5':>13} {'R@10':>13}   load    p50/p99 ms  vs BM25")
    for name, (cand_file, query_file, ref) in SETS.items():
        cands = matching_eval.read_jsonl(Path(args.data) / cand_file)
        queries = matching_eval.read_jsonl(Path(args.data) / query_file)
        with temporary_store(args.postgres) as db, db.session_scope() as session:
            actor = users.system_user(session)
            session.commit()
            result = matching_eval.evaluate(session, actor, cands, queries)
        m = result.metrics
        ours = (m["MAP@1"], m["MAP@5"], m["Recall@10"])
        cells = " ".join(f"{o:.3f} ({r:.3f})" for o, r in zip(ours, ref, strict=True))
        met = all(o > r for o, r in zip(ours, ref, strict=True))
        load = result.load_seconds + result.index_seconds
        lat = result.latency_ms
        print(f"{name:<16} {cells}  {load:5.1f}s  {lat['p50']:5.1f}/{lat['p99']:5.1f}  "
              f"{'MET' if met else 'MISSED'}")  # fmt: skip
    print("(BM25 reference in parentheses; MET = all three figures above it)")


if __name__ == "__main__":
    main()
