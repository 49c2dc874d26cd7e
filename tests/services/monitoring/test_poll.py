"""Polling watched sources: a real poll through the safe fetcher ends in an alert for a checked
claim; stories are stored once; failing sources are backed off; concurrent polls store once."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from flask import Flask
from sqlmodel import Session, func, select

from claimtrack.models import (
    Alert,
    AlertAppearance,
    Claim,
    Story,
    User,
    WatchedItem,
    WatchedSource,
    utcnow,
)
from claimtrack.services.monitoring import alerts, poll, sources
from tests.conftest import TEST_USERS
from tests.factories import make_claim, make_published_verdict
from tests.services.monitoring.site import (
    RSS,
    XML,
    Site,
    article,
    news_sitemap,
    rss,
    sitemap_index,
)

CHECKED = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."
REPEAT = (
    "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben, "
    "sagte der Sprecher der Generalstaatsanwaltschaft am Montag."
)
FILLER = [
    "Die Regierung in Astana hat am Wochenende neue Gespräche mit der Opposition angekündigt.",
    "Beobachter erwarten, dass die Verhandlungen mehrere Wochen dauern werden.",
    "Der Präsident äußerte sich zunächst nicht zu den Vorwürfen der Menschenrechtler.",
]


def _user(session: Session, role: str) -> User:
    """The test user of `role` ("admin", "editor", "fact_checker"), loaded in `session` (the
    tests' own session, which `_fresh` rolls back, so not the `users` fixture's objects)."""
    return session.exec(select(User).where(User.email == TEST_USERS[role][0])).one()


def _fresh(session: Session) -> None:
    """Read what other sessions committed (end the snapshot, forget loaded rows)."""
    session.rollback()
    session.expire_all()


def _count(session: Session, model: type) -> int:
    _fresh(session)
    return int(session.exec(select(func.count()).select_from(model)).one())


def _checked_claim(session: Session) -> Claim:
    editor = _user(session, "editor")
    claim = make_claim(session, editor, CHECKED)
    make_published_verdict(session, editor, claim)
    return claim


def _news(site: Site, prefix: str, n: int, repeat_in: set[int]) -> list[tuple[str, str]]:
    items = []
    for i in range(n):
        title = f"Kasachstan: Lage nach den Unruhen ({prefix} {i})"
        paragraphs = [f"{prefix} Bericht {i}: {FILLER[i % 3]}", *FILLER]
        if i in repeat_in:
            paragraphs.insert(1, REPEAT)
        url = site.put(f"/{prefix}/{i}", article(title, paragraphs))
        items.append((url, title))
    return items


def _poll(session: Session | None, db, source_id: int, config, **kw: object) -> poll.PollReport:  # type: ignore[no-untyped-def]
    """Poll with the test's session out of the way (SQLite: no read snapshot or lock held)."""
    if session is not None:
        _fresh(session)
    return poll.poll_source(db, source_id, config, **kw)  # type: ignore[arg-type]


def _add(session: Session, url: str, **kw: object) -> WatchedSource:
    return sources.add_source(session=session, actor=_user(session, "admin"), url=url, **kw)  # type: ignore[arg-type]


def test_a_poll_stores_new_stories_once_and_raises_one_alert_per_checked_claim(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim = _checked_claim(session)
        items = _news(site, "a", 4, repeat_in={0, 2})
        feed = _add(session, site.put("/feed.rss", rss("Tagesblatt", items), RSS),
                    outlet="Tagesblatt")  # fmt: skip
        report = _poll(session, db, feed.id or 0, mon_app.config)
        assert report.polled and not report.error
        assert (report.items, report.stories, report.failed_items) == (4, 4, 0)
        assert report.proposed == 2
        (alert,) = alerts.list_alerts(session)
        assert alert.claim.id == claim.id and alert.story_count == 2
        assert alert.label is not None and alert.label.key == "falsch"
        assert {s.row.kind for s in alert.sightings} <= {"same", "variant"}
        assert all(s.story.outlet == "Tagesblatt" for s in alert.sightings)
        assert alerts.open_count(session) == 1
        _fresh(session)
        stored = session.get(WatchedSource, feed.id)
        assert stored is not None and stored.kind == "feed" and stored.items_seen == 4
        assert stored.failures == 0 and stored.last_error == "" and stored.etag
        assert stored.next_poll_at is not None and stored.next_poll_at > utcnow()
        # Polled again (forced): a conditional GET, nothing read or stored twice.
        again = _poll(session, db, feed.id or 0, mon_app.config, force=True)
        assert again.not_modified and again.items == 0
        assert site.not_modified["/feed.rss"] == 1
        assert _count(session, Story) == 4 and _count(session, AlertAppearance) == 2


def test_the_same_story_in_two_sources_is_stored_once(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        _checked_claim(session)
        items = _news(site, "b", 3, repeat_in={1})
        feed = _add(session, site.put("/b.rss", rss("B", items), RSS))
        sitemap = _add(session, site.put("/news.xml", news_sitemap(items), XML), kind="auto")
        first = _poll(session, db, feed.id or 0, mon_app.config)
        second = _poll(session, db, sitemap.id or 0, mon_app.config)
        assert (first.stories, second.items, second.stories) == (3, 3, 0)
        assert _count(session, Story) == 3
        assert _count(session, AlertAppearance) == 1  # the second sighting is the same one
        _fresh(session)
        assert session.get(WatchedSource, sitemap.id).kind == "sitemap"  # type: ignore[union-attr]


def test_a_sitemap_index_is_followed_to_its_newest_sitemaps(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        children = [site.put(f"/sm-{i}.xml", news_sitemap(_news(site, f"c{i}", 2, set())), XML)
                    for i in range(3)]  # fmt: skip
        index = _add(session, site.put("/index.xml", sitemap_index(children), XML))
        report = _poll(
            session, db, index.id or 0, {**mon_app.config, "MONITOR_SITEMAP_CHILDREN": 2}
        )
        assert report.items == 4 and site.hits["/sm-2.xml"] == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        ("<rss><channel><item>", RSS, 200, "not a readable"),
        ("<html><body>Hallo</body></html>", "text/html", 200, "unsupported content type"),
        ("gone", RSS, 500, "HTTP 500"),
    ],
)
def test_a_failing_source_records_its_error_and_is_backed_off(
    mon_app: Flask, site: Site, body: str, content_type: str, status: int, message: str
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        source = _add(session, site.put("/bad", body, content_type, status), interval_minutes=10)
        waits = []
        for _ in range(3):
            before = utcnow()
            report = _poll(session, db, source.id or 0, mon_app.config, force=True)
            assert message.lower() in report.error.lower()
            _fresh(session)
            stored = session.get(WatchedSource, source.id)
            assert stored is not None and stored.next_poll_at is not None
            waits.append(round((stored.next_poll_at - before).total_seconds() / 60))
        assert waits == [20, 40, 80]
        assert stored.failures == 3 and message.lower() in stored.last_error.lower()
        assert stored.lease_owner == "" and _count(session, Story) == 0
        # Not due while backed off; a good answer clears the error and the count.
        assert _poll(session, db, source.id or 0, mon_app.config).polled is False
        site.put("/bad", rss("Fixed", []), RSS)
        assert _poll(session, db, source.id or 0, mon_app.config, force=True).error == ""
        _fresh(session)
        fixed = session.get(WatchedSource, source.id)
        assert fixed is not None and fixed.failures == 0 and fixed.last_error == ""


def test_a_broken_article_is_recorded_on_its_item_and_the_rest_is_read(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        items = _news(site, "d", 2, set()) + [(site.url("/d/missing"), "Weg")]
        source = _add(session, site.put("/d.rss", rss("D", items), RSS))
        report = _poll(session, db, source.id or 0, mon_app.config)
        assert (report.items, report.stories, report.failed_items, report.error) == (3, 2, 1, "")
        failed = session.exec(select(WatchedItem).where(WatchedItem.state == "failed")).one()
        assert failed.url.endswith("/d/missing") and "404" in failed.error


def test_two_concurrent_polls_of_one_source_store_everything_once(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        _checked_claim(session)
        source = _add(session, site.put("/e.rss", rss("E", _news(site, "e", 6, {0, 3})), RSS))
    barrier = threading.Barrier(2)
    reports: list[poll.PollReport] = []

    def run() -> None:
        barrier.wait()
        reports.append(_poll(None, db, source.id or 0, mon_app.config))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.polled for r in reports) == [False, True]
    # Even with the lease gone (taken over mid-poll), items are claimed one by one.
    with db.session_scope(write=False) as session:
        stored = session.get(WatchedSource, source.id)
        assert stored is not None
        stored.lease_until, stored.next_poll_at = None, utcnow() - timedelta(minutes=1)
        stored.etag = ""
        session.add(stored)
        session.commit()
        session.exec(select(WatchedItem)).all()
        for item in session.exec(select(WatchedItem)).all():
            session.delete(item) if item.url.endswith("/e/5") else None
        session.commit()
    rerun = [_poll(session, db, source.id or 0, mon_app.config, force=True) for _ in range(2)]
    assert [r.items for r in rerun] == [1, 0]
    with db.session_scope(write=False) as session:
        assert _count(session, Story) == 6
        assert _count(session, WatchedItem) == 6
        assert _count(session, Alert) == 1 and _count(session, AlertAppearance) == 2


def test_paused_and_deleted_sources_are_not_polled(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        admin = _user(session, "admin")
        paused = _add(session, site.put("/p.rss", rss("P", []), RSS))
        sources.pause_source(session=session, actor=admin, source_id=paused.id or 0)
        gone = _add(session, site.put("/g.rss", rss("G", []), RSS))
        sources.delete_source(session=session, actor=admin, source_id=gone.id or 0, reason="x")
        assert poll.due_sources(session) == []
        assert not _poll(session, db, paused.id or 0, mon_app.config, force=True).polled
        sources.resume_source(session=session, actor=admin, source_id=paused.id or 0)
        assert poll.due_sources(session) == [paused.id]
        assert site.hits["/g.rss"] == 0
