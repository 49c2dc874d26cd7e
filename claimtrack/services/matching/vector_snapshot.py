"""On-disk snapshots of a process's vector index: a cache that spares a new process the graph build.

Building the HNSW graph from 100,000 stored vectors takes minutes of CPU; reading a saved graph
takes about a second. A snapshot is only a cache, never state: it is named by the model and the
database, and its sidecar records the database's clock epoch and the clock number the graph had
read up to. A process loads it only when all of these match and the number is not ahead of the
database's clock, then catches up from that number like any process does (``live``). A missing,
old, foreign, truncated or corrupt snapshot is ignored (and replaced after the next build).

Three files per (model, database): ``<name>.usearch`` (the graph), ``<name>.languages.npz`` (each
claim's language) and ``<name>.json``; each is written under a temporary name and renamed, the
sidecar last, and it carries the other files' sizes and CRC-32s, so a reader that finds a
half-replaced set sees a mismatch and rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimtrack.matching.vector_index import VectorIndex

FORMAT = 2  # 2: with the claims' languages
log = logging.getLogger("claimtrack.matching")


@dataclass(frozen=True)
class SnapshotKey:
    """Which index a snapshot may stand in for."""

    model: str
    database: str  # the database URL (only a digest of it reaches the disk)
    epoch: str  # the clock's epoch: a re-created database under the same URL has another


def _base(folder: Path, key: SnapshotKey) -> Path:
    digest = hashlib.sha256(key.database.encode()).hexdigest()[:16]
    # the format in the name: during a deploy, processes of the old and the new release share
    # the folder, and each would otherwise overwrite the other's snapshot and rebuild its own
    return folder / f"vectors-{key.model}-{digest}-f{FORMAT}"


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _paths(folder: Path, key: SnapshotKey) -> tuple[Path, Path, Path]:
    """The graph, languages and sidecar files of ``key``'s snapshot."""
    base = _base(folder, key)
    return (
        base.with_suffix(".usearch"),
        base.with_suffix(".languages.npz"),
        base.with_suffix(".json"),
    )


def save(folder: Path, key: SnapshotKey, index: VectorIndex, seq: int) -> Path:
    """Write ``index`` (holding every change up to clock number ``seq``) for later processes."""
    folder.mkdir(parents=True, exist_ok=True)
    graph, langs, meta = _paths(folder, key)
    tmp_graph = graph.with_suffix(f".usearch.{os.getpid()}.tmp")
    tmp_langs = langs.with_suffix(f".npz.{os.getpid()}.tmp")
    tmp_meta = meta.with_suffix(f".json.{os.getpid()}.tmp")
    index.save(str(tmp_graph))
    ids, codes, names = index.language_table()
    with tmp_langs.open("wb") as fh:  # a file object: savez would add ".npz" to a path
        np.savez(fh, ids=ids, codes=codes)
    info = {
        "format": FORMAT,
        "model": key.model,
        "database": hashlib.sha256(key.database.encode()).hexdigest(),
        "epoch": key.epoch,
        "dim": index.dim,
        "seq": seq,
        "count": len(index),
        "bytes": tmp_graph.stat().st_size,
        "crc32": _crc(tmp_graph),
        "languages": names,
        "languages_bytes": tmp_langs.stat().st_size,
        "languages_crc32": _crc(tmp_langs),
    }
    tmp_meta.write_text(json.dumps(info))
    os.replace(tmp_graph, graph)
    os.replace(tmp_langs, langs)
    os.replace(tmp_meta, meta)
    return graph


def load(
    folder: Path, key: SnapshotKey, clock_seq: int, *, threads: int = 1
) -> tuple[VectorIndex, int] | None:
    """(index, clock number it holds) from the snapshot for ``key``; None when there is none
    usable. Never raises: a cache that cannot be read is rebuilt."""
    graph, langs, meta = _paths(folder, key)
    if not meta.exists() or not graph.exists() or not langs.exists():
        return None
    try:
        info = json.loads(meta.read_text())
        wanted = {
            "format": FORMAT,
            "model": key.model,
            "database": hashlib.sha256(key.database.encode()).hexdigest(),
            "epoch": key.epoch,
        }
        if any(info.get(k) != v for k, v in wanted.items()):
            return None  # another model, database or clock epoch: not ours
        seq = int(info["seq"])
        if seq > clock_seq:
            return None  # ahead of the database (restored from an older backup): rebuild
        if graph.stat().st_size != info["bytes"] or _crc(graph) != info["crc32"]:
            raise ValueError("graph file does not match its sidecar")
        if (
            langs.stat().st_size != info["languages_bytes"]
            or _crc(langs) != info["languages_crc32"]
        ):
            raise ValueError("languages file does not match its sidecar")
        index = VectorIndex.load(str(graph), int(info["dim"]), threads=threads)
        if len(index) != info["count"]:
            raise ValueError("graph holds another number of vectors than recorded")
        with np.load(langs, allow_pickle=False) as table:
            index.set_language_table(table["ids"], table["codes"], list(info["languages"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("vector index snapshot %s ignored (%s); rebuilding", graph.name, exc)
        return None
    return index, seq
