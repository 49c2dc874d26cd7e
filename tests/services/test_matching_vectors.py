"""Claim vectors in the database: embedded on save, searched beside the lexical index, kept fresh
in every process by the vector clock, and back-filled in batches (real model, SQLite/PostgreSQL)."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.db import Database
from claimtrack.matching.embedding import get_embedder
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import search
from claimtrack.models import Claim, ClaimVector, ClaimVectorClock
from claimtrack.services import claims
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import embed as matching_embed
from claimtrack.services.matching import evaluation as matching_eval
from claimtrack.services.matching import live, vectors
from claimtrack.services.matching import match as matching
from claimtrack.services.matching.store import SqlStore
from tests.factories import make_claim

RATE = "The central bank raised its key interest rate by half a percentage point."
RATE_DE = "Die Notenbank hat den Leitzins um einen halben Prozentpunkt angehoben."
TROOPS = "Die Entsendung von OVKS-Truppen nach Kasachstan war nach internationalem Recht illegal."
AIRPORT = "Demonstranten haben den Flughafen von Almaty besetzt und Flugzeuge beschädigt."
DEAD = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."


def _vector_rows(session) -> dict[int, ClaimVector]:
    session.rollback()
    return {v.claim_id: v for v in session.exec(select(ClaimVector))}


def test_saving_a_claim_stores_its_vector_and_search_finds_a_translation(session, users):
    checker = users["fact_checker"]
    rate = make_claim(session, checker, RATE, language="en")
    others = [make_claim(session, checker, t) for t in (TROOPS, AIRPORT, DEAD)]
    model = get_embedder()
    stored = _vector_rows(session)
    assert set(stored) == {rate.id, *(c.id for c in others)}
    row = stored[rate.id]
    assert (row.model, row.dim) == (model.name, model.dim)
    assert row.vector is not None and len(row.vector) == model.dim and row.scale > 0
    assert session.get(ClaimVectorClock, 1).seq >= 4

    # No word of the German text is in the English claim: the lexical engine alone finds nothing.
    assert search(SqlStore(session), prepare(RATE_DE, "de")) == []
    results = matching.search_text(session, RATE_DE)
    assert results[0].claim_id == rate.id
    assert results[0].features["semantic"] is not None
    assert results[0].kind != "unrelated"
    # a text about nothing stored finds nothing, vectors or not
    assert matching.search_text(session, "zzzz qqqq xxxx") == []


def test_a_loose_translation_is_a_candidate_although_its_cosine_is_low_for_one_language(
    session, users
):
    """e5 gives this German headline and the English claim cosine 0.83: below a typical
    same-language related pair, but a German-English paraphrase. The vector neighbours' cut must
    not drop it before the decision sees it (no word is shared, so only the vectors find it)."""
    checker = users["fact_checker"]
    court = make_claim(session, checker, "Germany's Constitutional Court ruled that parts of the "
                       "coalition's electoral law are unconstitutional.", language="en")  # fmt: skip
    for text in (TROOPS, AIRPORT, DEAD, RATE):
        make_claim(session, checker, text, language="en" if text == RATE else "de")
    found = matching.search_text(session, "Karlsruhe kippt Teile der Wahlrechtsreform der Ampel.")
    assert court.id in [r.claim_id for r in found]
    # the cut follows the neighbour's language, which the index knows from the claim
    index = live.live_index(session, get_embedder().name)
    assert index is not None and index.languages([court.id]) == {court.id: "en"}


def test_every_process_sees_claims_saved_reworded_and_deleted_elsewhere(
    session, users, database_url
):
    checker = users["fact_checker"]
    make_claim(session, checker, TROOPS)
    model = get_embedder().name
    matching.search_text(session, RATE_DE)  # this process builds its index
    index = live.live_index(session, model)
    assert index is not None and len(index) == 1

    other = Database(database_url)  # another process's engine: writes never touch our index
    try:
        with other.session_scope() as s2:
            rate = make_claim(s2, users["fact_checker"], RATE, language="en")
            rate_id = rate.id
        session.rollback()
        assert [r.claim_id for r in matching.search_text(session, RATE_DE)][:1] == [rate_id]

        with other.session_scope() as s2:
            claim = claims.get_claim(s2, rate_id)
            claims.edit_claim(session=s2, actor=users["fact_checker"], claim_id=rate_id,
                              expected_version=claim.version, changes={"text": AIRPORT})  # fmt: skip
        session.rollback()
        found = live.live_index(session, model)
        query = get_embedder().embed([AIRPORT])[0]
        assert found is not None and next(iter(found.nearest(query, 1))) == rate_id
        assert found.cosines(query, [rate_id])[rate_id] > 0.95

        with other.session_scope() as s2:
            claims.delete_claim(session=s2, actor=users["editor"], claim_id=rate_id,
                                reason="entered twice")  # fmt: skip
        session.rollback()
        found = live.live_index(session, model)
        assert found is not None and rate_id not in found.nearest(query, 5)
        assert rate_id not in [r.claim_id for r in matching.search_text(session, AIRPORT)]
    finally:
        other.dispose()


def test_backfill_embeds_pending_claims_once_and_never_overwrites_a_newer_text(session, users):
    items = [matching_eval.LoadItem(t, "de") for t in (TROOPS, AIRPORT, DEAD)]
    items.append(matching_eval.LoadItem(RATE, "en"))
    ids = matching_eval.insert_claims(session, users["system"], items)
    session.commit()
    model = get_embedder()
    assert vectors.count_pending(session, model.name) == 4
    assert matching_embed.embed_batch(session, batch_size=2) == (2, ids[1])
    assert vectors.count_pending(session, model.name) == 2

    seen: list[matching_embed.EmbedProgress] = []
    report = matching_embed.embed_pending(session, batch_size=1, progress=seen.append)
    assert (report.embedded, report.pending, report.model) == (2, 0, model.name)
    assert [p.embedded for p in seen] == [1, 2] and seen[-1].last_id == ids[3]
    assert vectors.count_pending(session, model.name) == 0
    assert matching_embed.embed_pending(session).embedded == 0  # idempotent
    assert set(_vector_rows(session)) == set(ids)
    matching_admin.rebuild_index(session=session, actor=users["system"])
    assert [r.claim_id for r in matching.search_text(session, RATE_DE)][:1] == [ids[3]]

    # A back-fill that read the old text must not overwrite the re-worded claim's row.
    claim = claims.get_claim(session, ids[0])
    claims.edit_claim(session=session, actor=users["fact_checker"], claim_id=ids[0],
                      expected_version=claim.version, changes={"text": RATE_DE})  # fmt: skip
    before = _vector_rows(session)[ids[0]]
    old = model.embed([TROOPS])
    vectors.fill_vectors(session, model.name, [(ids[0], TROOPS)], old)
    session.commit()
    after = _vector_rows(session)[ids[0]]
    assert (after.text_hash, after.vector) == (before.text_hash, before.vector)


def test_backfill_in_worker_processes(session, users):
    texts = [TROOPS, AIRPORT, DEAD, RATE, RATE_DE]
    ids = matching_eval.insert_claims(
        session, users["system"], [matching_eval.LoadItem(t) for t in texts]
    )
    session.commit()
    report = matching_embed.embed_pending(session, workers=2, batch_size=2)
    assert (report.embedded, report.pending) == (5, 0)
    rows = _vector_rows(session)
    assert set(rows) == set(ids) and all(r.vector is not None for r in rows.values())
    # the worker processes' vectors equal this process's
    mine = get_embedder().embed([DEAD])[0]
    stored = vectors.stored_vector(session, ids[2], get_embedder().name)
    assert float(mine @ stored) > 0.99


def test_a_saved_claim_is_embedded_after_its_save_commits_and_found_by_meaning_at_once(
    session, users, database_url, monkeypatch
):
    """The model never runs inside the save's transaction: when it runs, another connection
    already sees the claim (and on SQLite nobody waits on the write lock meanwhile)."""
    checker = users["fact_checker"]
    make_claim(session, checker, TROOPS)
    model = get_embedder()
    text = f"{RATE} ({database_url[-12:]})"  # texts no earlier test embedded (cache)
    # reworded in its own language: the claim is English (a German text under an English label
    # is a translation to the matcher, and may well be related to a German query)
    airport = f"Protesters occupied Almaty airport and damaged planes. ({database_url[-12:]})"
    german = "Die Notenbank hat den Leitzins um einen halben Prozentpunkt angehoben."
    other = Database(database_url)
    committed: list[bool] = []
    real = model.embed

    def spy(texts):
        if text in texts or airport in texts:
            with other.session_scope(write=False) as s2:
                row = s2.exec(select(Claim.text).where(Claim.text == texts[0])).first()
                committed.append(row is not None)
        return real(texts)

    monkeypatch.setattr(model, "embed", spy)
    try:
        rate = make_claim(session, checker, text, language="en")
        assert committed == [True]
        session.rollback()
        row = session.get(ClaimVector, (rate.id, model.name))
        assert row is not None and row.vector is not None and row.dim == model.dim
        assert [r.claim_id for r in matching.search_text(session, german)][:1] == [rate.id]

        # Reworded: the old meaning is gone from the index and the new one found, at once.
        seq = session.get(ClaimVectorClock, 1).seq
        claims.edit_claim(session=session, actor=checker, claim_id=rate.id,
                          expected_version=rate.version, changes={"text": airport})  # fmt: skip
        assert committed == [True, True]
        session.rollback()
        session.expire_all()
        assert session.get(ClaimVectorClock, 1).seq > seq
        assert rate.id not in [r.claim_id for r in matching.search_text(session, german)]
        index = live.live_index(session, model.name)
        assert index is not None
        assert next(iter(index.nearest(real([airport])[0], 1))) == rate.id
    finally:
        other.dispose()


def test_a_save_whose_embedding_fails_is_kept_and_left_to_the_backfill(session, users, monkeypatch):
    model = get_embedder()

    def broken(texts):
        raise RuntimeError("model crashed")

    monkeypatch.setattr(model, "embed", broken)
    claim = make_claim(session, users["fact_checker"], f"{DEAD} Quelle: Innenministerium.")
    session.rollback()
    assert session.get(Claim, claim.id) is not None  # the save stands
    assert vectors.count_pending(session, model.name) == 1
    assert matching.search_text(session, DEAD)[0].claim_id == claim.id  # found by its words
    monkeypatch.undo()
    assert matching_embed.embed_pending(session).embedded == 1
    assert vectors.stored_vector(session, claim.id, model.name) is not None


def test_texts_embedded_ahead_in_one_batch_are_not_embedded_again():
    """Monitoring embeds a story's candidate sentences in one batch; each search then reuses them."""
    model = get_embedder()
    calls: list[int] = []

    class Counting:
        name = model.name

        def embed(self, texts):
            calls.append(len(texts))
            return model.embed(texts)

    counting = Counting()
    texts = [f"{DEAD} ({n})" for n in range(3)] + [f"{DEAD} (0)"]
    matching_embed.embed_texts(counting, texts)
    assert calls == [3]  # one batch, each text once
    for text in texts:
        assert (
            abs(float(matching_embed.embed_text(counting, text) @ model.embed([text])[0]) - 1)
            < 1e-3
        )
    assert calls == [3]  # every search found its vector
    matching_embed.embed_texts(counting, texts)
    assert calls == [3]
