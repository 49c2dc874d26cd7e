"""Fusion of the lexical and the embedding ranking: z-scores within the pool, union of both."""

from __future__ import annotations

import pytest

from claimtrack.matching.fusion import fuse, ranked, zscores


def test_union_of_both_pools_with_missing_sides_at_the_pool_minimum():
    lexical = {1: 60.0, 2: 40.0, 3: 20.0}
    semantic = {1: 0.80, 4: 0.95, 2: 0.70}
    fused = fuse(lexical, semantic, weight=0.65)
    assert set(fused) == {1, 2, 3, 4}
    # 4 was found only by the embedding: lexical minimum (20), but the best cosine.
    assert [k for k, _ in ranked(fused)] == [4, 1, 2, 3]


@pytest.mark.parametrize("weight", [0.0, 1.0])
def test_extreme_weights_give_either_ranking(weight):
    lexical = {1: 3.0, 2: 2.0, 3: 1.0}
    semantic = {1: 0.1, 2: 0.5, 3: 0.9}
    order = [k for k, _ in ranked(fuse(lexical, semantic, weight=weight))]
    assert order == ([1, 2, 3] if weight == 0.0 else [3, 2, 1])


def test_no_vectors_keeps_the_lexical_order_and_nothing_gives_nothing():
    assert fuse({1: 5.0, 2: 9.0}, {}) == {1: 5.0, 2: 9.0}
    assert fuse({}, {7: 0.3}) == {7: 0.3}
    assert fuse({}, {}) == {}


def test_zscores_of_equal_scores_are_zero():
    assert zscores({"a": 2.0, "b": 2.0}) == {"a": 0.0, "b": 0.0}
    z = zscores({"a": 1.0, "b": 3.0})
    assert z == {"a": -1.0, "b": 1.0}


def test_ranked_is_stable_and_limited():
    assert ranked({"x": 1.0, "y": 1.0, "z": 2.0}, limit=2) == [("z", 2.0), ("x", 1.0)]


def test_each_model_mixes_with_its_measured_weight() -> None:
    from claimtrack.matching.fusion import EMBEDDING_WEIGHT, weight_for

    assert weight_for("e5-small") > weight_for("use-m3")
    assert weight_for("some-new-model") == EMBEDDING_WEIGHT
    assert weight_for(None) == EMBEDDING_WEIGHT
