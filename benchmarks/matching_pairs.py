"""Pair decisions (same / variant / related / unrelated) on labelled German and English pairs.

    .venv/bin/python benchmarks/matching_pairs.py [--data benchmarks/data/matching_pairs.jsonl]
        [--embedder e5-small|use-m3|none] [--verbose]

Each line of ``--data`` is ``{"a", "b", "kind", "lang"}`` with ``lang`` "de", "en" or "de-en" (a
German, b English). Pairs are decided by ``compare.compare`` with the pair's embedding cosine
(``--embedder none``: words alone, as before embeddings). Prints the confusion matrix, the
recall of "same" within one language and across languages (target >= 0.95 each), the number of
variants and related/unrelated pairs called "same" (target 0), and how well the raw cosine and
the word similarity alone separate "same" from each other kind (ROC AUC).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.matching.compare import Comparison, compare, similarity  # noqa: E402
from claimtrack.matching.embedding import get_embedder  # noqa: E402
from claimtrack.matching.prepare import Prepared, prepare  # noqa: E402

KINDS = ("same", "variant", "related", "unrelated")
DATA = Path(__file__).resolve().parent / "data" / "matching_pairs.jsonl"


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def languages(pair: dict[str, Any]) -> tuple[str | None, str | None]:
    lang = pair.get("lang")
    if lang and "-" in lang:
        first, second = lang.split("-", 1)
        return first, second
    return lang, lang


def decide(
    pairs: list[dict[str, Any]], embedder_name: str
) -> list[tuple[Prepared, Prepared, float | None, Comparison]]:
    cosines: list[float | None] = [None] * len(pairs)
    model = None
    if embedder_name != "none":
        embedder = get_embedder(embedder_name)
        model = embedder.name
        vecs = embedder.embed([t for p in pairs for t in (p["a"], p["b"])])
        cosines = [float(vecs[2 * i] @ vecs[2 * i + 1]) for i in range(len(pairs))]
    out = []
    for p, cos in zip(pairs, cosines, strict=True):
        la, lb = languages(p)
        a, b = prepare(p["a"], la), prepare(p["b"], lb)
        out.append((a, b, cos, compare(a, b, cosine=cos, model=model)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument(
        "--embedder", default=None, help="e5-small, use-m3 or none (default: configured)"
    )
    ap.add_argument("--verbose", action="store_true", help="print every misclassified pair")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh if line.strip()]
    name = args.embedder or get_embedder().name
    decided = decide(pairs, name)
    confusion: Counter[tuple[str, str]] = Counter()
    same_by_scope: Counter[tuple[str, bool]] = Counter()
    for p, (_, _, cos, result) in zip(pairs, decided, strict=True):
        confusion[(p["kind"], str(result.kind))] += 1
        if p["kind"] == "same":
            scope = "across" if "-" in (p.get("lang") or "") else "within"
            same_by_scope[(scope, result.kind == "same")] += 1
        if args.verbose and str(result.kind) != p["kind"]:
            cos_txt = "-" if cos is None else f"{cos:.3f}"
            print(f"  {p['kind']:>9} -> {result.kind:<9} {result.score:5.1f} cos {cos_txt} "
                  f"{list(result.conflicts)} {result.features.get('evidence')}")  # fmt: skip
            print(f"      {p['a']}\n      {p['b']}")
    print(f"{len(pairs)} labelled pairs ({args.data}); embedder {name}")
    print("kind        n  accuracy   predicted: " + " ".join(f"{k:>9}" for k in KINDS))
    for kind in KINDS:
        n = sum(confusion[(kind, k)] for k in KINDS)
        acc = confusion[(kind, kind)] / n if n else float("nan")
        row = " ".join(f"{confusion[(kind, k)]:>9}" for k in KINDS)
        print(f"{kind:<9} {n:>3}  {acc:8.3f}              {row}")
    for scope in ("within", "across"):
        hit, miss = same_by_scope[(scope, True)], same_by_scope[(scope, False)]
        recall = hit / (hit + miss) if hit + miss else float("nan")
        verdict = "MET" if recall >= 0.95 else "MISSED"
        print(
            f"same recall {scope} one language: {recall:.3f} ({hit}/{hit + miss}) target 0.95 {verdict}"
        )
    wrong = {k: confusion[(k, "same")] for k in ("variant", "related", "unrelated")}
    verdict = "MET" if not any(wrong.values()) else "MISSED"
    print(f"called same but not: {wrong} (target 0: {verdict})")

    print("\nseparation of 'same' from each kind (ROC AUC): cosine / word similarity")
    by_kind: dict[str, list[tuple[float, float]]] = {k: [] for k in KINDS}
    for p, (a, b, cos, _) in zip(pairs, decided, strict=True):
        by_kind[p["kind"]].append((cos if cos is not None else 0.0, similarity(a.norm, b.norm)))
    same = by_kind["same"]
    for kind in KINDS[1:]:
        other = by_kind[kind]
        cos_auc = auc([s[0] for s in same], [o[0] for o in other])
        sim_auc = auc([s[1] for s in same], [o[1] for o in other])
        print(f"  same vs {kind:<9} {cos_auc:.3f} / {sim_auc:.3f}")


if __name__ == "__main__":
    main()
