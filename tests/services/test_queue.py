from __future__ import annotations

from datetime import timedelta

from claimtrack.models import ClaimStatus, utcnow
from claimtrack.services import claims, queue
from tests.factories import make_claim, make_story


def _ids(page: queue.QueuePage) -> list[int]:
    return [item.claim.id for item in page.items]


def test_rank_prefers_worthy_and_widely_spread_claims(session, users):
    checker = users["fact_checker"]
    low = make_claim(session, checker, worthiness=0.1)
    high = make_claim(session, checker, worthiness=0.9)
    spread = make_claim(session, checker, worthiness=0.1)
    for outlet in ("Zeitung A", "Zeitung B", "Zeitung C"):
        story = make_story(session, checker, outlet=outlet)
        claims.add_appearance(
            session=session,
            actor=checker,
            claim_id=spread.id,
            data=claims.AppearanceInput(story_id=story.id, quote="x"),
        )
    page = queue.list_queue(session)
    assert _ids(page) == [high.id, spread.id, low.id]
    by_id = {i.claim.id: i for i in page.items}
    assert (by_id[spread.id].stories, by_id[spread.id].outlets) == (3, 3)
    assert page.total == 3 and page.next_cursor is None
    newest = queue.list_queue(session, filters=queue.QueueFilters(sort="newest"), limit=2)
    assert _ids(newest) == [spread.id, high.id] and newest.items[0].stories == 3
    older = queue.list_queue(
        session,
        filters=queue.QueueFilters(sort="newest"),
        snapshot=newest.snapshot,
        after=newest.next_cursor,
        limit=2,
    )
    assert _ids(older) == [low.id]


def test_paging_is_stable_while_colleagues_add_claims(session, users):
    checker = users["fact_checker"]
    made = [make_claim(session, checker, worthiness=w / 20) for w in range(1, 11)]
    first = queue.list_queue(session, limit=4)
    assert first.next_cursor is not None
    # A colleague adds claims that would rank first, and one more appearance for a listed claim.
    for _ in range(3):
        make_claim(session, checker, worthiness=0.99)
    story = make_story(session, checker)
    claims.add_appearance(
        session=session,
        actor=checker,
        claim_id=made[0].id,
        data=claims.AppearanceInput(story_id=story.id, quote="y"),
    )
    seen = _ids(first)
    cursor = first.next_cursor
    while cursor is not None:
        page = queue.list_queue(session, snapshot=first.snapshot, after=cursor, limit=4)
        assert page.arrived_since == 3
        seen += _ids(page)
        cursor = page.next_cursor
    assert sorted(seen) == sorted(c.id for c in made)
    assert len(seen) == len(set(seen))
    assert queue.list_queue(session).total == 13


def test_filters(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    story = make_story(session, checker, outlet="Taz")
    a = make_claim(session, checker, "Die Inflation lag im Mai bei 7,9 Prozent.", story=story)
    b = make_claim(session, checker, language="en", tags=["Economy"])
    c = make_claim(session, checker)
    claims.assign_claim(session=session, actor=checker, claim_id=b.id, assignee_id=editor.id)
    claims.dismiss_claim(session=session, actor=checker, claim_id=c.id)

    def ids(**kw):
        return set(_ids(queue.list_queue(session, filters=queue.QueueFilters(**kw))))

    assert ids() == {a.id, b.id}
    assert ids(statuses=(ClaimStatus.DISMISSED,)) == {c.id}
    assert ids(statuses=()) == {a.id, b.id, c.id}
    assert ids(assignee=str(editor.id)) == {b.id}
    assert ids(assignee="none") == {a.id}
    assert ids(language="en") == {b.id}
    assert ids(tag="economy") == {b.id}
    assert ids(outlet="taz") == {a.id}
    assert ids(q="inflation MAI") == {a.id}
    assert ids(q="100%_") == set()
    today = utcnow().date()
    assert ids(date_from=today, date_to=today) == {a.id, b.id}
    assert ids(date_to=today - timedelta(days=1)) == set()
    assert ids(sort="newest") == {a.id, b.id}
    newest = queue.list_queue(session, filters=queue.QueueFilters(sort="newest"))
    assert _ids(newest) == [b.id, a.id]


def test_merged_claims_are_hidden_behind_their_canonical_claim(session, users):
    checker = users["fact_checker"]
    canonical = make_claim(session, checker)
    member = make_claim(session, checker)
    member.canonical_claim_id = canonical.id
    session.add(member)
    session.commit()
    story = make_story(session, checker, outlet="Other")
    claims.add_appearance(
        session=session,
        actor=checker,
        claim_id=member.id,
        data=claims.AppearanceInput(story_id=story.id, quote="q"),
    )
    page = queue.list_queue(session)
    assert _ids(page) == [canonical.id]
    # The member's appearance counts towards the cluster's spread.
    assert page.items[0].stories == 1
    assert queue.list_queue(session, filters=queue.QueueFilters(include_merged=True)).total == 2


def test_tokens_round_trip_and_reject_garbage():
    snap = queue.Snapshot(utcnow().replace(microsecond=0), 5, 7)
    assert queue.Snapshot.parse(snap.token()) == snap
    assert queue.Cursor.parse("123.4") == queue.Cursor(123, 4)
    assert queue.Snapshot.parse("x.1.2") is None
    assert queue.Cursor.parse("1;drop") is None
