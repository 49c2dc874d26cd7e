"""On-disk snapshots of a process's vector index: a cache that spares a new process the graph build.

Building the HNSW graph from 100,000 stored vectors takes minutes of CPU; reading a saved graph
takes about a second. A snapshot is only a cache, never state: it is named by the model and the
database, and its sidecar records the database's clock epoch and the clock number the graph had
read up to. A process loads it only when all of these match and the number is not ahead of the
database's clock, then catches up from that number like any process does (``live``). A missing,
old, foreign, truncated or corrupt snapshot is ignored (and replaced after the next build).

Two files per (model, database): ``<name>.usearch`` and ``<name>.json``; each is written under a
temporary name and renamed, and the sidecar carries the graph file's size and CRC-32, so a
reader that finds a half-replaced pair sees a mismatch and rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from claimtrack.matching.vector_index import VectorIndex

FORMAT = 1
log = logging.getLogger("claimtrack.matching")


@dataclass(frozen=True)
class SnapshotKey:
    """Which index a snapshot may stand in for."""

    model: str
    database: str  # the database URL (only a digest of it reaches the disk)
    epoch: str  # the clock's epoch: a re-created database under the same URL has another


def _base(folder: Path, key: SnapshotKey) -> Path:
    digest = hashlib.sha256(key.database.encode()).hexdigest()[:16]
    return folder / f"vectors-{key.model}-{digest}"


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def save(folder: Path, key: SnapshotKey, index: VectorIndex, seq: int) -> Path:
    """Write ``index`` (holding every change up to clock number ``seq``) for later processes."""
    folder.mkdir(parents=True, exist_ok=True)
    base = _base(folder, key)
    graph, meta = base.with_suffix(".usearch"), base.with_suffix(".json")
    tmp_graph = graph.with_suffix(f".usearch.{os.getpid()}.tmp")
    tmp_meta = meta.with_suffix(f".json.{os.getpid()}.tmp")
    index.save(str(tmp_graph))
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
    }
    tmp_meta.write_text(json.dumps(info))
    os.replace(tmp_graph, graph)
    os.replace(tmp_meta, meta)
    return graph


def load(
    folder: Path, key: SnapshotKey, clock_seq: int, *, threads: int = 1
) -> tuple[VectorIndex, int] | None:
    """(index, clock number it holds) from the snapshot for ``key``; None when there is none
    usable. Never raises: a cache that cannot be read is rebuilt."""
    base = _base(folder, key)
    graph, meta = base.with_suffix(".usearch"), base.with_suffix(".json")
    if not meta.exists() or not graph.exists():
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
        index = VectorIndex.load(str(graph), int(info["dim"]), threads=threads)
        if len(index) != info["count"]:
            raise ValueError("graph holds another number of vectors than recorded")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("vector index snapshot %s ignored (%s); rebuilding", graph.name, exc)
        return None
    return index, seq
