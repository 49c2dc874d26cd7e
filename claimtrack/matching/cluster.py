"""Clusters of claims that say the same thing: union-find over confirmed "same" links.

A rejected pair must never end up in one cluster, so a "same" link that would join two groups
holding a rejected pair is skipped (and reported). Each cluster's canonical claim is a preferred
member (one with a published verdict) if there is one, else the oldest (lowest id).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        low, high = (ra, rb) if ra < rb else (rb, ra)
        self.parent[high] = low
        return low


@dataclass(frozen=True)
class Clustering:
    canonical: dict[int, int]  # claim id -> canonical claim id (only claims in a cluster of 2+)
    skipped: list[tuple[int, int]]  # "same" links not applied because of a rejection


def build_clusters(
    same_links: Iterable[tuple[int, int]],
    rejected: Iterable[tuple[int, int]] = (),
    preferred: Iterable[int] = (),
) -> Clustering:
    """Apply ``same_links`` in the given order (oldest decision first), respecting rejections."""
    uf = UnionFind()
    members: dict[int, set[int]] = {}
    cannot: dict[int, set[int]] = defaultdict(set)
    for a, b in rejected:
        cannot[a].add(b)
        cannot[b].add(a)
    skipped: list[tuple[int, int]] = []
    for a, b in same_links:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        group_a = members.get(ra, {a})
        group_b = members.get(rb, {b})
        small, large = (group_a, group_b) if len(group_a) <= len(group_b) else (group_b, group_a)
        if any(cannot[x] & large for x in small):
            skipped.append((a, b))
            continue
        root = uf.union(a, b)
        members.pop(ra, None)
        members.pop(rb, None)
        members[root] = group_a | group_b
    chosen = set(preferred)
    canonical: dict[int, int] = {}
    for group in members.values():
        favoured = chosen & group
        head = min(favoured) if favoured else min(group)
        for claim_id in group:
            canonical[claim_id] = head
    return Clustering(canonical, skipped)


def pairwise_scores(predicted: dict[int, int], truth: dict[int, int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of predicted clusters against true cluster labels.

    Both map item -> cluster label; items missing from a mapping are singletons.
    """

    def pairs(labels: dict[int, int]) -> set[tuple[int, int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for item, label in labels.items():
            groups[label].append(item)
        out: set[tuple[int, int]] = set()
        for items in groups.values():
            items.sort()
            out.update((x, y) for i, x in enumerate(items) for y in items[i + 1 :])
        return out

    p, t = pairs(predicted), pairs(truth)
    hit = len(p & t)
    precision = hit / len(p) if p else 1.0
    recall = hit / len(t) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
