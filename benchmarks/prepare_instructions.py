"""Instructions a claim of ``prepare`` + ``make_row``, counted by valgrind: a cost that other work
on a shared machine does not move (CPU time there moves by 30 % from run to run).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/prepare_instructions.py [--claims 1000]

Runs this file twice under ``valgrind --tool=callgrind`` (about a minute each): once reading
``--claims`` synthetic claims (``matching_corpus``, every fourth of 12,000, after 500 to warm the
caches) and once reading none; the difference divided by ``--claims`` is printed. Compare two
checkouts by running it in each; the ratio of the counts is close to the ratio of CPU times on a
quiet core (interpreter work dominates), not equal to it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _read(n: int) -> None:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from matching_corpus import generate

    from claimtrack.matching.prepare import guess_language, prepare
    from claimtrack.matching.retrieval import make_row

    items = generate(12_000)
    sample = [(it.text, guess_language(it.text)) for it in items[::4]]
    for text, lang in sample[:500]:
        make_row(1, prepare(text, lang))
    for text, lang in sample[500 : 500 + n]:
        make_row(1, prepare(text, lang))


def _count(n: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
           __file__, "--read", str(n)]  # fmt: skip
    err = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stderr
    found = re.search(r"Collected\s*:\s*([\d,]+)", err)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{err[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--read", type=int, help=argparse.SUPPRESS)  # the run under valgrind
    args = ap.parse_args()
    if args.read is not None:
        _read(args.read)
        return
    if args.claims > 2500:
        raise SystemExit(
            "--claims: at most 2,500 (the sample has 3,000 claims, 500 warm the caches)"
        )
    per_claim = (_count(args.claims) - _count(0)) / args.claims
    print(f"prepare + make_row: {per_claim:,.0f} instructions a claim ({args.claims:,} claims)")


if __name__ == "__main__":
    main()
