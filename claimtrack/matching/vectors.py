"""Storage form of claim embeddings: int8 codes with one scale per vector.

A unit vector of 512 floats costs 2 KB as float32; as int8 codes plus a float scale it costs 516
bytes, and the cosine survives: at 100,000 synthetic claims the int8 top-10 by cosine kept
99.6 % of the float32 top-10 (float16: 99.9 % at twice the size; benchmarks/README.md).
The scale is per vector (``max |v| / 127``), so a vector with one large component loses no more
precision than it must.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Codes = npt.NDArray[np.int8]


def quantise(vectors: npt.ArrayLike) -> tuple[Codes, npt.NDArray[np.float32]]:
    """int8 codes and per-row scales of float vectors (rows of an (n, dim) array)."""
    v = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    peak = np.abs(v).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(v / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def dequantise(codes: npt.ArrayLike, scales: npt.ArrayLike) -> Vectors:
    """Float32 rows back from codes and scales, re-normalised to unit length."""
    c = np.atleast_2d(np.asarray(codes, dtype=np.int8)).astype(np.float32)
    out = c * np.asarray(scales, dtype=np.float32).reshape(-1, 1)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (out / norms).astype(np.float32)


def to_blob(codes: Codes) -> bytes:
    """The stored bytes of one vector's codes."""
    return np.ascontiguousarray(codes, dtype=np.int8).tobytes()


def from_blobs(blobs: list[bytes], dim: int) -> Codes:
    """An (n, dim) int8 array from stored code bytes; a blob of the wrong length is an error."""
    if not blobs:
        return np.zeros((0, dim), dtype=np.int8)
    joined = b"".join(blobs)
    if len(joined) != len(blobs) * dim:
        raise ValueError(f"stored vectors are not {dim}-dimensional")
    return np.frombuffer(joined, dtype=np.int8).reshape(len(blobs), dim)


def text_hash(text: str) -> int:
    """Signed 64-bit digest of the exact text that was embedded (same in every process)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
