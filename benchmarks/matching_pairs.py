"""Pair classification on a labelled set of German and English claim pairs.

    .venv/bin/python benchmarks/matching_pairs.py [--data benchmarks/data/matching_pairs.jsonl]

Prints accuracy per kind (same / variant / related / unrelated), the confusion matrix, the number
of variants classified as "same" (target: 0), and a comparison of rapidfuzz scorers on the same
pairs (how well each separates "same" from related/unrelated pairs: ROC AUC) to justify the
choice made in ``claimtrack.matching.compare.similarity``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.matching.compare import compare  # noqa: E402
from claimtrack.matching.prepare import prepare  # noqa: E402

KINDS = ("same", "variant", "related", "unrelated")
DATA = Path(__file__).resolve().parent / "data" / "matching_pairs.jsonl"
SCORERS = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "partial_ratio": fuzz.partial_ratio,
    "mean(sort, set)": lambda a, b: (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2,
}


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--verbose", action="store_true", help="print every misclassified pair")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh if line.strip()]
    confusion: Counter[tuple[str, str]] = Counter()
    for p in pairs:
        a, b = prepare(p["a"], p.get("lang")), prepare(p["b"], p.get("lang"))
        result = compare(a, b)
        confusion[(p["kind"], str(result.kind))] += 1
        if args.verbose and str(result.kind) != p["kind"]:
            print(f"  {p['kind']:>9} -> {result.kind:<9} {result.score:5.1f} {result.conflicts}")
            print(f"      {p['a']}\n      {p['b']}")
    print(f"{len(pairs)} labelled pairs ({args.data})")
    print("kind        n  accuracy   predicted: " + " ".join(f"{k:>9}" for k in KINDS))
    for kind in KINDS:
        n = sum(confusion[(kind, k)] for k in KINDS)
        acc = confusion[(kind, kind)] / n if n else float("nan")
        row = " ".join(f"{confusion[(kind, k)]:>9}" for k in KINDS)
        print(f"{kind:<9} {n:>3}  {acc:8.3f}              {row}")
    total = sum(confusion[(k, k)] for k in KINDS) / len(pairs)
    wrong_same = confusion[("variant", "same")]
    print(f"overall accuracy {total:.3f}; variants classified as same: {wrong_same} "
          f"(target 0: {'MET' if wrong_same == 0 else 'MISSED'})")  # fmt: skip

    print("\nscorer on normalised text: AUC same-vs-(related+unrelated), mean score per kind")
    norms = [(prepare(p["a"], p.get("lang")).norm, prepare(p["b"], p.get("lang")).norm, p["kind"])
             for p in pairs]  # fmt: skip
    for name, scorer in SCORERS.items():
        by_kind: dict[str, list[float]] = {k: [] for k in KINDS}
        for a, b, kind in norms:
            by_kind[kind].append(float(scorer(a, b)))
        value = auc(by_kind["same"], by_kind["related"] + by_kind["unrelated"])
        means = " ".join(f"{k} {sum(v) / len(v):5.1f}" for k, v in by_kind.items() if v)
        print(f"  {name:<17} AUC {value:.3f}   {means}")


if __name__ == "__main__":
    main()
