"""Ranking metrics as the CLEF CheckThat! claim-retrieval task (2020/2021 task 2) scores them:
MAP@k, Recall@k, MRR and Success@k over ranked fact-check ids per query."""

from __future__ import annotations

from collections.abc import Sequence


def _ap_at(ranked: list[str], relevant: set[str], k: int) -> float:
    hits, total = 0, 0.0
    for rank, item in enumerate(ranked[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def ranking_metrics(
    relevant: Sequence[Sequence[str]], ranked: Sequence[Sequence[str]]
) -> dict[str, float]:
    """MAP@1, MAP@5, Recall@10, MRR and Success@10 averaged over all queries."""
    out = {"MAP@1": 0.0, "MAP@5": 0.0, "Recall@10": 0.0, "MRR": 0.0, "Success@10": 0.0}
    n = len(relevant)
    for rel_ids, ranked_ids in zip(relevant, ranked, strict=True):
        rel = {str(r) for r in rel_ids}
        seen: list[str] = []
        for item in map(str, ranked_ids):
            if item not in seen:
                seen.append(item)
        top10 = set(seen[:10])
        out["MAP@1"] += _ap_at(seen, rel, 1)
        out["MAP@5"] += _ap_at(seen, rel, 5)
        out["Recall@10"] += len(rel & top10) / len(rel) if rel else 0.0
        out["Success@10"] += 1.0 if rel & top10 else 0.0
        out["MRR"] += next((1.0 / r for r, d in enumerate(seen, 1) if d in rel), 0.0)
    return {k: v / n for k, v in out.items()} if n else out
