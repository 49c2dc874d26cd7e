"""Vector storage form and the in-process nearest-neighbour index, on real embeddings."""

from __future__ import annotations

import numpy as np
import pytest

from claimtrack.matching.embedding import get_embedder
from claimtrack.matching.vector_index import VectorIndex
from claimtrack.matching.vectors import dequantise, from_blobs, quantise, text_hash, to_blob

CLAIMS = [
    "Bei Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.",
    "The death toll of the unrest in Kazakhstan has risen to 225.",
    "Die Entsendung von OVKS-Truppen nach Kasachstan war illegal.",
    "The deployment of CSTO troops to Kazakhstan was illegal.",
    "Mehr als 2.000 Menschen wurden in Almaty festgenommen.",
    "More than 2,000 people were detained in Almaty.",
    "Die Zentralbank hat den Leitzins auf 10,25 Prozent erhöht.",
    "The central bank raised its key rate to 10.25 percent.",
    "Der Flughafen von Almaty wurde von Demonstranten besetzt.",
    "Protesters occupied the airport in Almaty.",
]


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return get_embedder("use-m3").embed(CLAIMS)


def test_int8_codes_keep_the_cosine_and_round_trip_through_bytes(vectors):
    codes, scales = quantise(vectors)
    assert codes.dtype == np.int8 and codes.shape == vectors.shape
    blobs = [to_blob(c) for c in codes]
    assert all(len(b) == vectors.shape[1] for b in blobs)
    back = dequantise(from_blobs(blobs, vectors.shape[1]), scales)
    exact = vectors @ vectors.T
    approx = back @ back.T
    assert np.abs(exact - approx).max() < 0.01
    # the order of neighbours is the same for every claim
    assert (np.argsort(-exact, axis=1)[:, :3] == np.argsort(-approx, axis=1)[:, :3]).all()


def test_a_blob_of_the_wrong_length_is_refused(vectors):
    codes, _ = quantise(vectors[:1])
    with pytest.raises(ValueError, match="512-dimensional"):
        from_blobs([to_blob(codes[0])[:100]], 512)


def test_text_hash_is_stable_and_tells_texts_apart():
    assert text_hash(CLAIMS[0]) == text_hash(CLAIMS[0])
    assert text_hash(CLAIMS[0]) != text_hash(CLAIMS[0] + " ")
    assert -(2**63) <= text_hash(CLAIMS[1]) < 2**63


def test_index_finds_translations_and_follows_changes(vectors):
    index = VectorIndex(vectors.shape[1])
    ids = list(range(100, 100 + len(CLAIMS)))
    index.upsert(ids, vectors)
    assert len(index) == len(CLAIMS)
    for i in range(
        0, len(CLAIMS), 2
    ):  # each German claim's nearest other claim is its English twin
        near = [cid for cid in index.nearest(vectors[i], 2) if cid != ids[i]]
        assert near[0] == ids[i + 1]
    cos = index.cosines(vectors[0], [ids[1], ids[6], 999])
    assert set(cos) == {ids[1], ids[6]} and cos[ids[1]] > cos[ids[6]]
    assert cos[ids[1]] == pytest.approx(float(vectors[0] @ vectors[1]), abs=0.01)

    index.remove([ids[1]])
    assert ids[1] not in index.nearest(vectors[0], len(CLAIMS))
    index.upsert([ids[2]], vectors[6:7])  # re-worded: the vector is replaced, not added twice
    assert len(index) == len(CLAIMS) - 1
    assert index.cosines(vectors[6], [ids[2]])[ids[2]] == pytest.approx(1.0, abs=0.01)
    assert VectorIndex(512).nearest(vectors[0], 5) == {}


def test_index_keeps_each_claims_language_through_changes_and_its_table(vectors):
    index = VectorIndex(vectors.shape[1])
    ids = list(range(1, len(CLAIMS) + 1))
    index.upsert(ids, vectors, ["de" if i % 2 == 0 else "en" for i in range(len(CLAIMS))])
    assert index.languages([1, 2, 999]) == {1: "de", 2: "en"}
    index.upsert([1], vectors[1:2], ["en"])  # the claim was relabelled
    index.upsert([3], vectors[2:3])  # re-embedded without a language: no stale label stays
    index.remove([2])
    assert index.languages([1, 2, 3, 4]) == {1: "en", 4: "en"}

    copy = VectorIndex(vectors.shape[1])
    copy.set_language_table(*index.language_table())
    assert copy.languages(ids) == index.languages(ids)
    table_ids, codes, _ = index.language_table()
    with pytest.raises(ValueError):
        copy.set_language_table(table_ids, codes, [])  # codes without their names


def test_language_table_grows_with_the_ids_and_forgets_removed_claims(vectors):
    """The table is dense by claim id: a far larger id later, an id never stored, one removed
    before it was stored, and ids in any order all answer as a dict of them would."""
    index = VectorIndex(vectors.shape[1])
    index.upsert([5, 2], vectors[:2], ["de", "en"])
    index.upsert([70_000], vectors[2:3], ["fr"])
    index.remove([9_999_999])  # never stored: nothing happens
    assert index.languages([70_000, 5, 3, 2, 9_999_999, 6]) == {70_000: "fr", 5: "de", 2: "en"}
    index.remove([5])
    assert index.languages([5, 2]) == {2: "en"}
    ids, codes, names = index.language_table()
    assert sorted(zip(ids.tolist(), [names[c] for c in codes], strict=True)) == [
        (2, "en"),
        (70_000, "fr"),
    ]
    with pytest.raises(ValueError):
        index.upsert([7], vectors[3:4], ["de", "en"])  # two languages for one vector
