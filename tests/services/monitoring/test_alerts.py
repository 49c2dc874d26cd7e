"""Alerts: one-click confirm adds the appearances (and moves the queue's spread counts), dismiss
records why, both audited; permissions; an alert appears within one poll interval of the story."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from sqlmodel import Session, select

from claimtrack.jobs import queue_for
from claimtrack.models import Alert, Appearance, AuditEvent, Claim, utcnow
from claimtrack.models.base import clock_at
from claimtrack.services.errors import InvalidTransition, PermissionDenied, ValidationError
from claimtrack.services.monitoring import alerts, poll, sources
from tests.services.monitoring.site import RSS, Site, article, rss
from tests.services.monitoring.test_poll import FILLER, REPEAT, _checked_claim, _fresh, _news, _user


def _alerted(mon_app: Flask, site: Site, session: Session, n: int = 3) -> tuple[Claim, int]:
    db = mon_app.extensions["claimtrack.db"]
    claim = _checked_claim(session)
    items = _news(site, "x", n, repeat_in=set(range(n)))
    source = sources.add_source(session=session, actor=_user(session, "admin"),
                                url=site.put("/x.rss", rss("X", items), RSS), outlet="Tagesblatt")  # fmt: skip
    _fresh(session)
    poll.poll_source(db, source.id or 0, mon_app.config)
    _fresh(session)
    (view,) = alerts.list_alerts(session)
    return claim, view.alert.id or 0


def test_confirm_adds_each_sighting_as_an_appearance_once(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session)
        editor = _user(session, "editor")
        before = session.get(Claim, claim.id)
        assert before is not None and before.spread_stories == 0
        alerts.confirm_alert(session=session, actor=editor, alert_id=alert_id)
        _fresh(session)
        shown = session.exec(select(Appearance).where(Appearance.claim_id == claim.id)).all()
        assert len(shown) == 3 and all("225 Menschen" in a.quote for a in shown)
        after = session.get(Claim, claim.id)
        assert after is not None and after.spread_stories == 3  # the queue's counts moved
        alert = session.get(Alert, alert_id)
        assert alert is not None and alert.state == "confirmed" and alert.open_claim_id is None
        assert alert.decided_by_id == editor.id and alerts.open_count(session) == 0
        audit = session.exec(select(AuditEvent).where(AuditEvent.action == "alert.confirm")).one()
        assert audit.object_id == alert_id
        with pytest.raises(InvalidTransition):  # a second click (another tab) changes nothing
            alerts.confirm_alert(session=session, actor=editor, alert_id=alert_id)
        # The same stories seen again later raise nothing: they are appearances now.
        source_id = alerts.get_alert(session, alert_id).sightings[0].row.source_id
        _fresh(session)
        poll.poll_source(db, source_id or 0, mon_app.config, force=True)
        assert alerts.open_count(session) == 0


def test_dismiss_needs_a_reason_and_the_next_sighting_opens_a_new_alert(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=1)
        checker = _user(session, "fact_checker")
        with pytest.raises(ValidationError):
            alerts.dismiss_alert(session=session, actor=checker, alert_id=alert_id, reason=" ")
        alerts.dismiss_alert(session=session, actor=checker, alert_id=alert_id,
                             reason="Zitat einer Gegendarstellung")  # fmt: skip
        _fresh(session)
        assert session.exec(select(Appearance).where(Appearance.claim_id == claim.id)).all() == []
        dismissed = alerts.list_alerts(session, state="dismissed")
        assert [v.alert.dismiss_reason for v in dismissed] == ["Zitat einer Gegendarstellung"]
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "alert.dismiss")).one()
        # A new story with the claim: a new open alert.
        item = site.put("/x/new", article("Neu", [REPEAT, *FILLER]))
        site.put("/x.rss", rss("X", [(item, "Neu")]), RSS)
        source_id = dismissed[0].sightings[0].row.source_id
        poll.poll_source(db, source_id or 0, mon_app.config, force=True)
        _fresh(session)
        assert [v.alert.claim_id for v in alerts.list_alerts(session)] == [claim.id]
        assert alerts.list_alerts(session, rating="falsch", outlet="Tagesblatt")
        assert alerts.list_alerts(session, rating="richtig") == []
        assert alerts.list_alerts(session, outlet="Andere Zeitung") == []


def test_only_admins_manage_sources_and_readers_cannot_decide(mon_app: Flask) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        editor = _user(session, "editor")
        with pytest.raises(PermissionDenied):
            sources.add_source(session=session, actor=editor, url="https://example.org/feed")
        admin = _user(session, "admin")
        for bad in ("javascript:alert(1)", "ftp://example.org/x", ""):
            with pytest.raises(ValidationError):
                sources.add_source(session=session, actor=admin, url=bad)
        with pytest.raises(ValidationError):
            sources.add_source(
                session=session, actor=admin, url="https://e.org/f", interval_minutes=1
            )
        sources.add_source(session=session, actor=admin, url="https://e.org/f")
        with pytest.raises(ValidationError, match="watched already"):
            sources.add_source(session=session, actor=admin, url="https://e.org/f")
        checker = _user(session, "fact_checker")
        with pytest.raises(PermissionDenied):  # a published fact check: editors confirm
            alerts.confirm_alert(session=session, actor=checker, alert_id=1)
        inactive = _user(session, "admin")
        inactive.active = False
        with pytest.raises(PermissionDenied):
            alerts.confirm_alert(session=session, actor=inactive, alert_id=1)


def test_an_alert_appears_within_one_poll_interval_of_the_story(mon_app: Flask, site: Site) -> None:
    """The worker's periodic task, run as the minutes pass: a story published right after a poll
    is alerted at the next poll, one interval later."""
    db = mon_app.extensions["claimtrack.db"]
    queue = queue_for(mon_app)
    queue.huey.immediate = True  # tasks run inline, as a worker would run them
    with db.session_scope(write=False) as session:
        _checked_claim(session)
        feed = site.put("/y.rss", rss("Y", _news(site, "y", 2, set())), RSS)
        sources.add_source(session=session, actor=_user(session, "admin"), url=feed,
                           interval_minutes=15)  # fmt: skip
        _fresh(session)
    start = utcnow()
    queue.tasks.monitor.call_local()  # first poll: nothing checked in these stories
    with db.session_scope(write=False) as session:
        assert alerts.open_count(session) == 0
    published = start + timedelta(minutes=1)
    items = _news(site, "z", 1, {0}) + _news(site, "y", 2, set())
    site.put("/y.rss", rss("Y", items), RSS)
    minute = start
    while True:
        minute += timedelta(minutes=1)
        with clock_at(minute):
            queue.tasks.monitor.call_local()
        with db.session_scope(write=False) as session:
            if alerts.open_count(session):
                (view,) = alerts.list_alerts(session)
                created, stories = view.alert.created_at, view.story_count
                break
        assert minute - start < timedelta(minutes=30), "no alert within two intervals"
    assert created - published <= timedelta(minutes=15)
    assert stories == 1


def test_sentences_are_decided_one_by_one_and_the_last_decides_the_alert(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=3)
        editor = _user(session, "editor")
        checker = _user(session, "fact_checker")
        first, second, third = (
            s.row.id or 0 for s in alerts.get_alert(session, alert_id).sightings
        )
        with pytest.raises(PermissionDenied):  # the verdict is published: editors record
            alerts.confirm_sighting(session=session, actor=checker, sighting_id=first)
        _fresh(session)
        alerts.confirm_sighting(session=session, actor=editor, sighting_id=first)
        alerts.dismiss_sighting(session=session, actor=checker, sighting_id=second)
        _fresh(session)
        with pytest.raises(InvalidTransition, match="confirmed already"):
            alerts.dismiss_sighting(session=session, actor=editor, sighting_id=first)
        with pytest.raises(InvalidTransition, match="dismissed already"):
            alerts.confirm_sighting(session=session, actor=editor, sighting_id=second)
        _fresh(session)
        view = alerts.get_alert(session, alert_id)
        assert [s.row.state for s in view.sightings] == ["confirmed", "dismissed", "proposed"]
        assert view.alert.state == "open" and alerts.open_count(session) == 1
        recorded = session.exec(select(Appearance).where(Appearance.claim_id == claim.id)).all()
        assert len(recorded) == 1 and view.sightings[0].row.appearance_id == recorded[0].id
        assert view.sightings[1].row.decided_by_id == checker.id
        after = session.get(Claim, claim.id)
        assert after is not None and after.spread_stories == 1  # the queue's counts moved
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
        assert "alert.sighting.confirm" in actions and "alert.sighting.dismiss" in actions
        # The last open sentence decides the alert: confirmed, since one sentence was.
        alerts.dismiss_sighting(session=session, actor=checker, sighting_id=third)
        _fresh(session)
        alert = session.get(Alert, alert_id)
        assert alert is not None and alert.state == "confirmed" and alert.open_claim_id is None
        assert alerts.open_count(session) == 0
        with pytest.raises(InvalidTransition):
            alerts.confirm_alert(session=session, actor=editor, alert_id=alert_id)


def test_the_whole_alert_decides_only_the_sentences_still_open(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=3)
        editor = _user(session, "editor")
        first, *_rest = (s.row.id or 0 for s in alerts.get_alert(session, alert_id).sightings)
        alerts.dismiss_sighting(session=session, actor=editor, sighting_id=first)
        _fresh(session)
        alerts.confirm_alert(session=session, actor=editor, alert_id=alert_id)
        _fresh(session)
        view = alerts.get_alert(session, alert_id)
        assert [s.row.state for s in view.sightings] == ["dismissed", "confirmed", "confirmed"]
        recorded = session.exec(select(Appearance).where(Appearance.claim_id == claim.id)).all()
        assert len(recorded) == 2  # the dismissed sentence was not recorded


def test_migration_0013_gives_existing_sentences_their_alerts_decision(
    mon_app: Flask, site: Site
) -> None:
    """Rows written before sentences were decided one by one: confirmed where an appearance was
    recorded, dismissed in a dismissed alert, proposed in an open one; and back down again."""
    from sqlalchemy import text

    from claimtrack import migrate

    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, confirmed_id = _alerted(mon_app, site, session, n=1)
        editor = _user(session, "editor")
        alerts.confirm_alert(session=session, actor=editor, alert_id=confirmed_id)
        source_id = alerts.get_alert(session, confirmed_id).sightings[0].row.source_id or 0
        for n, decide in enumerate(("dismiss", "leave")):
            lead = f"Neuer Bericht {n} unserer Korrespondentin über die Lage am Abend in Almaty."
            item = site.put(f"/x/more{n}", article(f"Neu {n}", [lead, REPEAT, *FILLER]))
            site.put("/x.rss", rss("X", [(item, f"Neu {n}")]), RSS)
            _fresh(session)
            report = poll.poll_source(db, source_id, mon_app.config, force=True)
            assert report.proposed == 1, report
            _fresh(session)
            (view,) = alerts.list_alerts(session)
            if decide == "dismiss":
                alerts.dismiss_alert(session=session, actor=editor, alert_id=view.alert.id or 0,
                                     reason="Zitat")  # fmt: skip
        _fresh(session)
    migrate.downgrade(db.engine, "0012_link_proposals")
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        states = dict(conn.execute(text(
            "SELECT a.state, s.state FROM alert_appearance s JOIN alert a ON a.id = s.alert_id")
        ).all())  # fmt: skip
    assert states == {"confirmed": "confirmed", "dismissed": "dismissed", "open": "proposed"}
    assert migrate.drift(db.engine) == []
