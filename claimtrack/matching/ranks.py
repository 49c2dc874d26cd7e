"""Ranks: "the largest party" and "the third-largest party" are two claims.

A rank is read from a superlative ("stärkste", "largest", "most valuable": first) and an ordinal
written before it ("drittstärkste", "second-largest", "third most valuable"). Two claims conflict
on rank ("rank") when at least one writes an ordinal and they share no rank: "stärkste Kraft" vs
"nur drittstärkste Kraft", "the largest" vs "the second-largest", in either language. A claim
that names two ranks ("largest, ahead of the second-largest CDU") agrees with one that names
either; a claim without a superlative says nothing about rank.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["rank_sides", "ranks"]

_ORDINALS = {
    "zweit": 2, "dritt": 3, "viert": 4, "fuenft": 5, "sechst": 6, "siebt": 7, "acht": 8,
    "neunt": 9, "zehnt": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}  # fmt: skip
# German superlative endings on a folded word ("staerkste", "wertvollsten"), with an ordinal
# prefix or without; English "-est" words and the words that make one ("most valuable").
_DE_SUPERLATIVE = re.compile(
    r"^(zweit|dritt|viert|fuenft|sechst|siebt|acht|neunt|zehnt)?[a-z]{3,}?(?:st|est)(?:e|en|er|es|em)$"
)
_EN_SUPERLATIVE = frozenset(["best", "worst", "most", "least"])


def _en_superlative(word: str) -> bool:
    return word in _EN_SUPERLATIVE or (len(word) >= 6 and word.endswith("est"))


@lru_cache(maxsize=8192)
def ranks(norm: str) -> tuple[frozenset[int], bool]:
    """The ranks the claim names (1 for a bare superlative) and whether any is an ordinal."""
    words = norm.split()
    found: set[int] = set()
    explicit = False
    for i, w in enumerate(words):
        if w in _ORDINALS and i + 1 < len(words) and _en_superlative(words[i + 1]):
            found.add(_ORDINALS[w])
            explicit = True
            continue
        if _en_superlative(w) and (i == 0 or words[i - 1] not in _ORDINALS):
            found.add(1)
            continue
        m = _DE_SUPERLATIVE.match(w)
        if m:
            prefix = m.group(1)
            found.add(_ORDINALS[prefix] if prefix else 1)
            explicit = explicit or bool(prefix)
    return frozenset(found), explicit


def rank_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Each claim's ranks when they conflict (see the module), in a stable order."""
    ra, ea = ranks(norm_a)
    rb, eb = ranks(norm_b)
    if not ra or not rb or ra & rb or not (ea or eb):
        return None
    x = tuple(str(r) for r in sorted(ra))
    y = tuple(str(r) for r in sorted(rb))
    first, second = sorted([x, y])
    return first, second
