"""Which nearest neighbours by embedding become candidates: the cut follows each neighbour's
language, as the decision's score does (a translation's cosine is lower than a paraphrase's)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from claimtrack.matching.embedding import calibration_for
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import (
    CROSS_MIN_SEMANTIC,
    MemoryStore,
    SearchParams,
    Semantic,
    make_row,
    search,
)

MODEL = "e5-small"
QUERY = "Karlsruhe kippt Teile der Wahlrechtsreform der Ampel."
STORED = {  # no word shared with the query: only the vectors can find them
    1: ("Germany's Constitutional Court struck down parts of the electoral law.", "en"),
    2: ("Das Verfassungsgericht hob Abschnitte des Wahlgesetzes auf.", "de"),
    3: ("The court annulled parts of the coalition's voting reform.", None),
    4: ("Bundestag must shrink to 630 seats under the new electoral rules.", "en"),
}


class Neighbours:
    """Stand-in for the vector index: fixed cosines and languages."""

    def __init__(self, cosines: dict[int, float], languages: dict[int, str]) -> None:
        self._cosines, self._languages = cosines, languages

    def nearest(self, query: object, k: int) -> dict[int, float]:
        return dict(sorted(self._cosines.items(), key=lambda kv: -kv[1])[:k])

    def cosines(self, query: object, ids: Iterable[int]) -> dict[int, float]:
        return {i: self._cosines[i] for i in ids if i in self._cosines}

    def languages(self, ids: Iterable[int]) -> dict[int, str]:
        return {i: self._languages[i] for i in ids if i in self._languages}


def _store() -> MemoryStore:
    store = MemoryStore()
    for cid, (text, language) in STORED.items():
        store.add(*make_row(cid, prepare(text, language or "en")))
    return store


def test_a_weak_neighbour_is_a_candidate_only_when_it_may_be_a_translation():
    within, across = calibration_for(MODEL), calibration_for(MODEL, cross_language=True)
    params = SearchParams()
    weak = across.related  # a typical related pair across languages...
    assert across.score(weak) >= CROSS_MIN_SEMANTIC
    assert within.score(weak) < params.min_semantic  # ...is far below the cut in one language
    far = across.related - 0.1  # not even related across languages
    assert across.score(far) < CROSS_MIN_SEMANTIC
    cosines = {1: weak, 2: weak, 3: weak, 4: far}
    languages = {1: "en", 2: "de", 4: "en"}  # 3: language unknown
    semantic = Semantic(Neighbours(cosines, languages), query=None, model=MODEL)

    hits = search(_store(), prepare(QUERY, "de"), params=params, semantic=semantic)
    assert [h.claim_id for h in hits] == [1]  # the English one; not the German, unknown or far
    assert hits[0].cosine == weak  # and the decision scores it on the cross-language scale:
    assert hits[0].comparison.features["semantic"] == round(across.score(weak), 1)


def test_a_strong_neighbour_is_a_candidate_in_any_language():
    within = calibration_for(MODEL)
    strong = within.related  # a typical related pair in one language
    semantic = Semantic(Neighbours({2: strong, 3: strong}, {2: "de"}), query=None, model=MODEL)
    hits = search(_store(), prepare(QUERY, "de"), semantic=semantic)
    assert sorted(h.claim_id for h in hits) == [2, 3]


def test_a_translation_ranks_by_how_close_it_is_for_a_pair_of_languages():
    """Raw cosines put a loosely related German claim above the English translation of the
    query's claim (translations score lower); ranking compares them on one scale."""
    within, across = calibration_for(MODEL), calibration_for(MODEL, cross_language=True)
    translation = across.same - 0.03  # a close translation...
    related = within.related  # ...and a typical related pair in the query's language
    assert translation < related
    assert across.rescale(translation, within) > related
    assert across.rescale(across.related, within) == pytest.approx(within.related)
    cosines = {1: translation, 2: related}
    semantic = Semantic(Neighbours(cosines, {1: "en", 2: "de"}), query=None, model=MODEL)
    hits = search(_store(), prepare(QUERY, "de"), limit=1, semantic=semantic)
    assert [h.claim_id for h in hits] == [1]
    # in one language nothing is rescaled: the closer cosine ranks first
    semantic = Semantic(Neighbours(cosines, {1: "de", 2: "de"}), query=None, model=MODEL)
    assert [
        h.claim_id for h in search(_store(), prepare(QUERY, "de"), limit=1, semantic=semantic)
    ] == [2]
