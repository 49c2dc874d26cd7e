"""The queue's maintained columns follow the use cases, repair restores them, and the ranked walk
returns exactly what ranking every claim would."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import col, select

from claimtrack.models import Claim, ClaimStatus, utcnow
from claimtrack.services import claims, queue, queue_rank
from claimtrack.services.matching import links
from tests.factories import make_claim, make_story


def _columns(session, claim_id):
    session.expire_all()
    c = session.get(Claim, claim_id)
    return c.spread_stories, c.spread_outlets, c.in_queue


def _appear(session, actor, claim_id, outlet):
    story = make_story(session, actor, outlet=outlet)
    claims.add_appearance(
        session=session,
        actor=actor,
        claim_id=claim_id,
        data=claims.AppearanceInput(story_id=story.id, quote="q"),
    )


def test_columns_follow_appearances_status_clusters_and_deletion(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    a = make_claim(session, checker, worthiness=0.5)
    b = make_claim(session, checker, worthiness=0.2)
    assert _columns(session, a.id) == (0, 0, True)
    assert queue_rank.open_claims(session) == 2
    _appear(session, checker, a.id, "Taz")
    _appear(session, checker, a.id, "Taz")
    _appear(session, checker, b.id, "Spiegel")
    assert _columns(session, a.id) == (2, 1, True)
    before = session.get(Claim, a.id).rank_base
    # A confirmed "same" link puts both into one cluster: the spread is the cluster's.
    links.link_claims(session=session, actor=editor, claim_id=a.id, other_id=b.id, decision="same")
    session.expire_all()
    canonical = session.get(Claim, a.id).canonical_claim_id
    member = b.id if canonical == a.id else a.id
    assert _columns(session, canonical) == (3, 2, True)
    assert _columns(session, member) == (3, 2, False)  # worked on through the canonical claim
    assert session.get(Claim, a.id).rank_base > before
    assert queue_rank.open_claims(session) == 1
    # The edit version did not move for the maintained columns.
    assert session.get(Claim, member).version == 1
    claims.dismiss_claim(session=session, actor=checker, claim_id=canonical)
    assert _columns(session, canonical)[2] is False
    assert queue_rank.open_claims(session) == 0
    assert queue.list_queue(session).total == 0


def test_repair_restores_drifted_columns_and_the_tally(session, users, runner, app):
    from claimtrack.cli import main

    checker = users["fact_checker"]
    made = [make_claim(session, checker, worthiness=0.1 * i) for i in range(5)]
    _appear(session, checker, made[0].id, "Taz")
    expected = [_columns(session, c.id) for c in made]
    session.exec(update(Claim).values(spread_stories=9, in_queue=False, rank_base=0))
    session.commit()
    assert queue.list_queue(session).items == []
    result = runner.invoke(main, ["queue", "repair"], obj={"app": app}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 claims brought up to date")
    session.rollback()  # end the read transaction begun before the command wrote
    assert [_columns(session, c.id) for c in made] == expected
    assert queue.list_queue(session).total == 5
    again = runner.invoke(main, ["queue", "repair"], obj={"app": app}, catch_exceptions=False)
    assert again.output.startswith("0 claims")


def _brute_force(session, as_of):
    """Every open claim ranked from its stored inputs, best first (what the walk must equal)."""
    rows = session.exec(
        select(Claim.id, Claim.rank_base, Claim.seen_at).where(col(Claim.in_queue).is_(True))
    )
    ranked = [(queue_rank.rank_at(as_of, base, seen), cid) for cid, base, seen in rows]
    return [cid for _rank, cid in sorted(ranked, reverse=True)]


def test_ranked_walk_equals_ranking_every_claim(session, users, monkeypatch):
    checker = users["fact_checker"]
    rng = random.Random(5)
    now = utcnow()
    for _ in range(120):
        c = make_claim(session, checker, worthiness=rng.random())
        # Spread their last sighting over a year so the recency window matters.
        c.created_at = now - timedelta(hours=rng.uniform(0, 24 * 365))
        session.add(c)
    session.commit()
    for claim_id in rng.sample(range(1, 121), 15):
        _appear(session, checker, claim_id, rng.choice(["Taz", "Spiegel", "Zeit"]))
    monkeypatch.setattr(queue, "FIRST_SCAN", 4)  # small seeds: exercise the window reads
    first = queue.list_queue(session, limit=7)
    expected = _brute_force(session, first.snapshot.as_of)
    seen, page = [], first
    while True:
        seen += [i.claim.id for i in page.items]
        if page.next_cursor is None:
            break
        page = queue.list_queue(session, snapshot=first.snapshot, after=page.next_cursor, limit=7)
    assert seen == expected and len(seen) == 120


def test_paging_keeps_the_snapshot_spread_of_clusters_that_grew(session, users):
    checker = users["fact_checker"]
    made = [make_claim(session, checker, worthiness=w / 10) for w in range(1, 7)]
    first = queue.list_queue(session, limit=2)
    rest_before = [i.claim.id for i in queue.list_queue(session, limit=10).items[2:]]
    # The lowest claim gains wide spread after the first page was shown.
    for outlet in ("A", "B", "C", "D", "E"):
        _appear(session, checker, made[0].id, outlet)
    page = queue.list_queue(session, snapshot=first.snapshot, after=first.next_cursor, limit=10)
    assert [i.claim.id for i in page.items] == rest_before
    assert page.items[-1].stories == 0  # counted as of the snapshot
    fresh = [(i.claim.id, i.stories) for i in queue.list_queue(session, limit=10).items]
    assert (made[0].id, 5) in fresh
    assert fresh.index((made[0].id, 5)) < fresh.index((made[2].id, 0))  # it moved up
    assert session.get(Claim, made[0].id).status == ClaimStatus.NEW
