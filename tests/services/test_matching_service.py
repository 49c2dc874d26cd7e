"""Matching on a real database: indexing hook, suggestions, search, decisions, clusters."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.models import Claim, ClaimLink, LinkKind, LinkState, MatchEntry, MatchStats
from claimtrack.services import claims
from claimtrack.services.demo import load_demo
from claimtrack.services.errors import PermissionDenied, ValidationError
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import links as matching_links
from claimtrack.services.matching import match as matching
from claimtrack.services.matching.store import SqlStore
from tests.factories import make_claim

ARREST = "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen."
ARREST_REWORDED = (
    "In Alma-Ata wurden bei den Unruhen in Kasachstan über 2000 Menschen festgenommen."
)
ARREST_VARIANT = (
    "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.700 Menschen festgenommen."
)
LEGAL = "Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht illegal."
OTHER = "Die Zentralbank hat den Leitzins um einen halben Prozentpunkt auf 10,25 Prozent erhöht."


def _links(session) -> list[ClaimLink]:
    session.expire_all()
    return list(session.exec(select(ClaimLink).order_by(ClaimLink.id)))


def test_creating_a_claim_indexes_it_and_links_duplicates(session, users):
    checker = users["fact_checker"]
    first = make_claim(session, checker, ARREST)
    make_claim(session, checker, OTHER)
    dup = make_claim(session, checker, ARREST_REWORDED)
    variant = make_claim(session, checker, ARREST_VARIANT)
    assert session.get(MatchEntry, first.id) is not None
    assert session.get(MatchStats, 1).n_docs == 4
    by_pair = {(link.claim_a_id, link.claim_b_id): link for link in _links(session)}
    same = by_pair[(first.id, dup.id)]
    assert (
        same.kind == LinkKind.SAME and same.state == LinkState.CONFIRMED and same.method == "auto"
    )
    vlink = by_pair[(first.id, variant.id)]
    assert vlink.kind == LinkKind.VARIANT and vlink.state == LinkState.SUGGESTED
    assert any(c.startswith("figure") for c in vlink.features["conflicts"])
    session.expire_all()
    assert session.get(Claim, dup.id).canonical_claim_id == first.id
    assert session.get(Claim, first.id).canonical_claim_id == first.id
    # the cluster move did not bump the claim's edit version
    assert session.get(Claim, dup.id).version == 1


def test_search_text_finds_checked_claim_in_other_wording_and_script(session, users):
    checker = users["fact_checker"]
    legal = make_claim(session, checker, LEGAL)
    make_claim(session, checker, OTHER)
    results = matching.search_text(session, "War der Einsatz der ОДКБ in Kasachstan illegal?")
    assert results[0].claim_id == legal.id
    assert results[0].text == LEGAL
    assert matching.search_text(session, "zzzz qqqq xxxx") == []
    with pytest.raises(ValidationError):
        matching.search_text(session, "   ")


def test_search_lists_the_same_claim_first_across_languages(session):
    """On the demo's checked claims an English question finds the German verdict on the same claim
    first, above English claims that share more words but say something else."""
    load_demo(session)
    results = matching.search_text(
        session, "The deployment of CSTO troops to Kazakhstan was illegal", published_only=True
    )
    assert results[0].kind == "same" and "OVKS" in results[0].text
    kinds = [r.kind for r in results]
    assert kinds == sorted(kinds, key=lambda kind: kind != "same")  # every "same" before the rest


def test_editing_a_claim_reindexes_it(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker, ARREST)
    make_claim(session, checker, OTHER)
    claims.edit_claim(session=session, actor=checker, claim_id=claim.id, expected_version=1,
                      changes={"text": LEGAL})  # fmt: skip
    old_wording = matching.search_text(session, ARREST)
    assert all(r.kind != "same" for r in old_wording)
    assert matching.search_text(session, LEGAL)[0].claim_id == claim.id
    assert session.get(MatchStats, 1).n_docs == 2
    # the old wording's own keys are gone from the document frequencies
    from claimtrack.matching.retrieval import key_of

    assert SqlStore(session).doc_freqs([key_of("festgen")]) in ({}, {key_of("festgen"): 0})


def test_rejected_pairs_are_never_suggested_again(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    a = make_claim(session, checker, ARREST)
    b = make_claim(session, checker, ARREST_VARIANT)
    (link,) = _links(session)
    matching_links.decide_link(session=session, actor=editor, link_id=link.id, decision="reject")
    claims.edit_claim(session=session, actor=checker, claim_id=b.id, expected_version=1,
                      changes={"claimant": "Innenministerium", "text": ARREST_VARIANT + " "})  # fmt: skip
    links = _links(session)
    assert len(links) == 1 and links[0].state == LinkState.REJECTED
    assert {x.claim_id for x in matching.suggest_matches(session, a.id)} == {b.id}


def test_decisions_form_clusters_and_respect_rejections(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    ids = [make_claim(session, checker, f"Claim number {n} about something entirely different "
                      f"topic {'abcdefghij'[n]} here").id for n in range(3)]  # fmt: skip
    with pytest.raises(PermissionDenied):
        matching_links.link_claims(session=session, actor=checker, claim_id=ids[0],
                                   other_id=ids[1], decision="same")  # fmt: skip
    matching_links.link_claims(session=session, actor=editor, claim_id=ids[0], other_id=ids[2],
                               decision="reject")  # fmt: skip
    matching_links.link_claims(session=session, actor=editor, claim_id=ids[0], other_id=ids[1],
                               decision="same")  # fmt: skip
    with pytest.raises(ValidationError, match="judged different"):
        matching_links.link_claims(session=session, actor=editor, claim_id=ids[1],
                                   other_id=ids[2], decision="same")  # fmt: skip
    session.expire_all()
    canon = [session.get(Claim, i).canonical_claim_id for i in ids]
    assert canon == [ids[0], ids[0], None]
    report = matching_links.recluster(session=session, actor=users["admin"])
    assert (report.clusters, report.clustered_claims, report.changed) == (1, 2, 0)
    matching_links.link_claims(session=session, actor=editor, claim_id=ids[0], other_id=ids[1],
                               decision="variant")  # fmt: skip
    session.expire_all()
    assert [session.get(Claim, i).canonical_claim_id for i in ids] == [None, None, None]


def test_calibration_uses_the_desks_decisions(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    make_claim(session, checker, ARREST)
    make_claim(session, checker, ARREST_VARIANT)
    (link,) = _links(session)
    matching_links.decide_link(session=session, actor=editor, link_id=link.id, decision="same")
    rows = {r.threshold: r for r in matching_links.calibration(session)}
    assert rows[50].predicted == 0  # the matcher named a conflict, so it never said "same"
    assert rows[50].recall == 0.0


def test_aliases_and_thresholds(session, users):
    admin, checker = users["admin"], users["fact_checker"]
    claim = make_claim(session, checker, "Das Komitee KSB hat nach den Unruhen mehrere Generäle "
                       "festgenommen und angeklagt.")  # fmt: skip
    matching_admin.add_alias(session=session, actor=admin, spelling="KSB", canonical="KNB")
    assert matching_admin.rebuild_index(session=session, actor=admin) == 1
    hits = matching.search_text(session, "Das Komitee KNB hat nach den Unruhen mehrere Generäle "
                                "festgenommen und angeklagt.")  # fmt: skip
    assert hits[0].claim_id == claim.id and hits[0].kind == "same"
    with pytest.raises(PermissionDenied):
        matching_admin.add_alias(session=session, actor=checker, spelling="X", canonical="Y")
    with pytest.raises(ValidationError):
        matching_admin.set_threshold(session=session, actor=admin, name="suggest", value=99)
    updated = matching_admin.set_threshold(session=session, actor=admin, name="auto_link", value=95)
    assert updated.auto_link == 95 and matching.thresholds(session).auto_link == 95


def test_deleted_claims_are_not_found(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker, LEGAL)
    claims.delete_claim(session=session, actor=users["editor"], claim_id=claim.id, reason="dup")
    assert matching.search_text(session, LEGAL) == []


def test_incremental_index_equals_bulk_rebuild(session, users):
    """Claims indexed one by one (create, edit, delete) leave the same index as a rebuild."""
    checker, admin = users["fact_checker"], users["admin"]
    texts = [ARREST, ARREST_REWORDED, LEGAL, OTHER, ARREST_VARIANT]
    made = [make_claim(session, checker, t) for t in texts]
    claims.edit_claim(session=session, actor=checker, claim_id=made[3].id, expected_version=1,
                      changes={"text": OTHER.replace("10,25", "11,5")})  # fmt: skip
    claims.delete_claim(session=session, actor=users["editor"], claim_id=made[1].id, reason="dup")

    def snapshot():
        raw = SqlStore(session)
        cur = raw._raw.cursor()
        cur.execute("SELECT key, df FROM match_term WHERE df > 0 ORDER BY key")
        terms = cur.fetchall()
        cur.close()
        postings = raw.all_postings()
        return terms, postings, raw.stats()

    incremental = snapshot()
    matching_admin.rebuild_index(session=session, actor=admin)
    assert snapshot() == incremental
    hits = SqlStore(session).postings([])
    assert hits == []


def test_deleting_a_claim_takes_it_out_of_every_matching_index(session, users):
    """The delete use case itself updates the lexical index and the vector clock: no caller
    has to remember a hook, and no process keeps finding the deleted claim by meaning."""
    from claimtrack.matching.embedding import get_embedder
    from claimtrack.models import ClaimVector, ClaimVectorClock
    from claimtrack.services.matching import live

    checker = users["fact_checker"]
    keep = make_claim(session, checker, ARREST)
    gone = make_claim(session, checker, LEGAL)
    model = get_embedder()
    query = model.embed([LEGAL])[0]
    index = live.live_index(session, model.name)
    assert index is not None and gone.id in index.nearest(query, 5)
    docs_before = SqlStore(session).stats()[0]
    session.rollback()
    clock_before = session.get(ClaimVectorClock, 1).seq

    claims.delete_claim(session=session, actor=users["editor"], claim_id=gone.id, reason="dup")

    session.rollback()
    session.expire_all()
    assert session.get(MatchEntry, gone.id) is None
    store = SqlStore(session)
    assert store.stats()[0] == docs_before - 1
    assert all(cid != gone.id for _, cid in store.all_postings())
    assert session.get(ClaimVectorClock, 1).seq > clock_before
    assert session.get(ClaimVector, (gone.id, model.name)) is not None  # kept for a restore
    index = live.live_index(session, model.name)
    assert index is not None and gone.id not in index.nearest(query, 5)
    assert keep.id in index.nearest(model.embed([ARREST])[0], 5)
    assert gone.id not in [r.claim_id for r in matching.search_text(session, LEGAL)]
    assert [r.claim_id for r in matching.search_text(session, ARREST)][:1] == [keep.id]

    # Brought back (a restore saves the claim again): indexed again, its kept vector re-read.
    restored = session.get(Claim, gone.id)
    restored.deleted_at = None
    session.add(restored)
    matching.on_claim_saved(session, restored, users["editor"])
    session.commit()
    index = live.live_index(session, model.name)
    assert gone.id in index.nearest(query, 5)
    assert gone.id in [r.claim_id for r in matching.search_text(session, LEGAL)]


def test_a_deleted_claim_leaves_its_cluster_and_is_never_its_canonical(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    ids = [make_claim(session, checker, f"Claim number {n} about something entirely different "
                      f"topic {'abcdefghij'[n]} here").id for n in range(4)]  # fmt: skip
    for a, b in ((ids[0], ids[1]), (ids[1], ids[2])):
        matching_links.link_claims(session=session, actor=editor, claim_id=a, other_id=b,
                                   decision="same")  # fmt: skip
    session.expire_all()
    assert [session.get(Claim, i).canonical_claim_id for i in ids[:3]] == [ids[0]] * 3

    claims.delete_claim(session=session, actor=editor, claim_id=ids[0], reason="entered twice")
    session.expire_all()
    assert [session.get(Claim, i).canonical_claim_id for i in ids[:3]] == [None, ids[1], ids[1]]
    # a full rebuild agrees with the incremental one
    report = matching_links.recluster(session=session, actor=users["admin"])
    assert (report.clusters, report.clustered_claims, report.changed) == (1, 2, 0)

    # the deleted claim was the only bridge: the two sides part
    matching_links.link_claims(session=session, actor=editor, claim_id=ids[3], other_id=ids[2],
                               decision="same")  # fmt: skip
    claims.delete_claim(session=session, actor=editor, claim_id=ids[2], reason="mistake")
    session.expire_all()
    assert [session.get(Claim, i).canonical_claim_id for i in ids] == [None, None, None, None]
