"""The packaged sentence encoders, loaded for real from their wheels (no download, no network)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from claimtrack.matching import embedding
from claimtrack.matching.embedding import (
    EmbedderUnavailable,
    calibration_for,
    embedder_name,
    get_embedder,
    semantic_score,
)

GERMAN = "Die Entsendung von OVKS-Truppen nach Kasachstan war illegal."
ENGLISH = "The deployment of CSTO troops to Kazakhstan was illegal."
OTHER = "Der Bundestag hat das Heizungsgesetz nach langer Debatte beschlossen."


@pytest.mark.parametrize("name", ["e5-small", "use-m3"])
def test_vectors_are_unit_length_float32_and_translations_are_closest(name):
    model = get_embedder(name)
    vecs = model.embed([GERMAN, ENGLISH, OTHER, ""])
    assert vecs.shape == (4, model.dim) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    translation, unrelated = float(vecs[0] @ vecs[1]), float(vecs[0] @ vecs[2])
    assert translation > unrelated + 0.05
    assert semantic_score(translation, name, cross_language=True) >= 80
    assert semantic_score(unrelated, name, cross_language=False) < 55  # below "related"
    assert model.embed([]).shape == (0, model.dim)


def test_one_instance_per_process_and_the_default_is_e5(monkeypatch):
    monkeypatch.delenv(embedding.ENV_VAR, raising=False)
    assert embedder_name() == "e5-small"
    assert get_embedder() is get_embedder("e5-small")
    monkeypatch.setenv(embedding.ENV_VAR, "use-m3")
    assert get_embedder().name == "use-m3"
    assert get_embedder() is get_embedder("USE-M3")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(EmbedderUnavailable, match="unknown embedder 'bert'"):
        embedder_name("bert")


def test_concurrent_threads_get_the_same_vectors():
    model = get_embedder("e5-small")
    texts = [GERMAN, ENGLISH, OTHER] * 3
    expected = model.embed(texts)
    results: list[np.ndarray] = []

    def work() -> None:
        results.append(model.embed(texts))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for r in results:
        assert np.allclose(r, expected, atol=1e-5)


def test_calibration_maps_related_and_same_medians_to_fixed_points():
    cal = calibration_for("e5-small", cross_language=True)
    assert cal.score(cal.related) == pytest.approx(embedding.RELATED_POINT)
    assert cal.score(cal.same) == pytest.approx(embedding.SAME_POINT)
    assert cal.score(-1.0) == 0.0 and cal.score(1.0) == 100.0


def test_e5_refuses_to_load_without_avx2(monkeypatch):
    monkeypatch.setattr(embedding, "cpu_has_avx2", lambda: False)
    with pytest.raises(EmbedderUnavailable, match="AVX2"):
        embedding.E5Small()
