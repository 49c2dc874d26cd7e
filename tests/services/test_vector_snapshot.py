"""Snapshots of the vector index on disk: a new process loads the graph instead of building it,
catches up from the clock, and ignores a snapshot that is corrupt, foreign or ahead of the
database (real model, SQLite/PostgreSQL)."""

from __future__ import annotations

import json

import pytest

from claimtrack.matching.embedding import get_embedder
from claimtrack.services.matching import live, vector_snapshot
from claimtrack.services.matching import vectors as rows
from tests.factories import make_claim

TEXTS = [
    "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben.",
    "Demonstranten haben den Flughafen von Almaty besetzt und Flugzeuge beschädigt.",
    "Die Entsendung von OVKS-Truppen nach Kasachstan war nach internationalem Recht illegal.",
]
RATE = "The central bank raised its key interest rate by half a percentage point."


@pytest.fixture
def snapshots(tmp_path, monkeypatch):
    monkeypatch.setattr(live, "SNAPSHOT_MIN", 1)
    monkeypatch.setattr(live, "SNAPSHOT_EVERY", 1)
    yield tmp_path / "vector-index"  # configured by the test once its claims are stored
    live.configure_snapshots(None)
    live.forget_indexes()


def _builds(monkeypatch) -> list[int]:
    """Count reads of every stored vector (what building the index from the rows does)."""
    calls: list[int] = []
    real = rows.live_vectors

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(rows, "live_vectors", counting)
    return calls


def _nearest(session, model, text):
    index = live.live_index(session, model.name)
    assert index is not None
    return next(iter(index.nearest(model.embed([text])[0], 1)))


def test_a_new_process_loads_the_snapshot_and_catches_up(session, users, snapshots, monkeypatch):
    model = get_embedder()
    made = [make_claim(session, users["fact_checker"], t) for t in TEXTS]
    live.configure_snapshots(snapshots)
    live.forget_indexes()
    assert _nearest(session, model, TEXTS[1]) == made[1].id  # built from the rows, then saved
    graph = next(snapshots.glob("*.usearch"))
    meta = json.loads(graph.with_suffix(".json").read_text())
    assert meta["model"] == model.name and meta["count"] == 3
    assert meta["seq"] == rows.clock(session)[0]

    # Changed after the snapshot: a new claim and a deleted one.
    rate = make_claim(session, users["fact_checker"], RATE, language="en")
    from claimtrack.services import claims

    claims.delete_claim(session=session, actor=users["editor"], claim_id=made[0].id, reason="x")
    session.rollback()
    live.forget_indexes()  # a new process
    builds = _builds(monkeypatch)
    assert _nearest(session, model, RATE) == rate.id
    assert builds == []  # loaded, not built
    index = live.live_index(session, model.name)
    assert made[0].id not in index.nearest(model.embed([TEXTS[0]])[0], 5)
    assert _nearest(session, model, TEXTS[2]) == made[2].id
    # the claims' languages came with the snapshot (German) and from the clock (English)
    assert index.languages([made[1].id, made[2].id, rate.id, made[0].id]) == {
        made[1].id: "de",
        made[2].id: "de",
        rate.id: "en",
    }


DAMAGES = ["corrupt", "truncated", "foreign epoch", "ahead of the clock", "languages lost",
           "languages changed", "older format"]  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_snapshot_that_cannot_stand_in_is_ignored_and_rebuilt(
    session, users, snapshots, monkeypatch, damage
):
    model = get_embedder()
    made = [make_claim(session, users["fact_checker"], t) for t in TEXTS]
    live.configure_snapshots(snapshots)
    live.forget_indexes()
    live.live_index(session, model.name)
    graph = next(snapshots.glob("*.usearch"))
    sidecar = graph.with_suffix(".json")
    meta = json.loads(sidecar.read_text())
    if damage == "corrupt":
        data = bytearray(graph.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
        graph.write_bytes(bytes(data))
    elif damage == "truncated":
        graph.write_bytes(graph.read_bytes()[:100])
    elif damage == "foreign epoch":
        sidecar.write_text(json.dumps({**meta, "epoch": "another database"}))
    elif damage == "languages lost":
        next(snapshots.glob("*.languages.npz")).unlink()
    elif damage == "languages changed":
        langs = next(snapshots.glob("*.languages.npz"))
        langs.write_bytes(langs.read_bytes()[:-8] + b"\0" * 8)
    elif damage == "older format":  # before languages were kept: a German claim read as unknown
        sidecar.write_text(json.dumps({**meta, "format": 1}))
    else:
        sidecar.write_text(json.dumps({**meta, "seq": meta["seq"] + 1000}))
    live.forget_indexes()
    builds = _builds(monkeypatch)
    assert _nearest(session, model, TEXTS[2]) == made[2].id  # right answers all the same
    assert builds != []  # built from the rows
    key = vector_snapshot.SnapshotKey(model.name, live._entry(session, model.name).url,
                                      rows.clock(session)[1])  # fmt: skip
    restored = vector_snapshot.load(snapshots, key, rows.clock(session)[0])
    assert restored is not None and len(restored[0]) == 3  # written again, readable
    assert restored[0].languages([c.id for c in made]) == {c.id: "de" for c in made}


def test_another_releases_snapshot_in_the_same_folder_is_left_alone(session, users, snapshots):
    """During a deploy old and new processes share the folder: each keeps its own format's files
    (overwriting each other's made both rebuild the graph again and again)."""
    model = get_embedder()
    made = [make_claim(session, users["fact_checker"], t) for t in TEXTS]
    live.configure_snapshots(snapshots)
    live.forget_indexes()
    assert _nearest(session, model, TEXTS[1]) == made[1].id
    ours = next(snapshots.glob("*.usearch"))
    assert ours.name.endswith(f"-f{vector_snapshot.FORMAT}.usearch")
    theirs = ours.with_name(ours.name.replace(f"-f{vector_snapshot.FORMAT}.", "-f1."))
    theirs.write_bytes(b"an older release's graph")
    rate = make_claim(session, users["fact_checker"], RATE, language="en")
    live.forget_indexes()
    assert _nearest(session, model, RATE) == rate.id  # our snapshot loaded and caught up
    assert theirs.read_bytes() == b"an older release's graph"
