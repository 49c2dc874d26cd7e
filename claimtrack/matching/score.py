"""Ranking score of a stored claim for a query: lexical evidence plus rapidfuzz similarity.

Weights were chosen on the development sets (benchmarks/matching_quality.py): the IDF share
carries rare shared words (names, numbers) that a tweet and a short claim have in common;
token_set_ratio forgives the query's extra words; token_sort_ratio prefers candidates of the
query's own length and wording, which separates true duplicates from near-miss siblings.
"""

from __future__ import annotations

from rapidfuzz import fuzz

W_LEX = 0.8
W_SET = 0.1
W_SORT = 0.1


def rank_score(query_norm: str, cand_norm: str, lex_share: float) -> float:
    """0-100: ``lex_share`` is the candidate's summed IDF over the query's best possible."""
    return rank_value(
        lex_share,
        fuzz.token_set_ratio(query_norm, cand_norm),
        fuzz.token_sort_ratio(query_norm, cand_norm),
    )


def rank_value(lex_share: float, set_ratio: float, sort_ratio: float) -> float:
    """``rank_score`` from the pair's two rapidfuzz ratios, for a caller that keeps them
    (retrieval: the pair decision's word similarity is made of the same two)."""
    return W_LEX * 100.0 * min(lex_share, 1.0) + W_SET * set_ratio + W_SORT * sort_ratio
