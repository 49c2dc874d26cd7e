"""Monitoring in the browser-less web: the admin's sources page, the desk's alerts page with its
filter, confirm and dismiss, the open count in the navigation, and the secret Atom feed."""

from __future__ import annotations

from xml.etree import ElementTree

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import select

from claimtrack.models import Appearance, WatchedSource
from claimtrack.services.monitoring import alerts
from tests.services.monitoring.site import RSS, Site, rss
from tests.services.monitoring.test_alerts import _alerted
from tests.services.monitoring.test_poll import _fresh
from tests.web.conftest import do_login

ATOM = "{http://www.w3.org/2005/Atom}"


def test_admin_adds_pauses_and_stops_watching_a_source(mon_app: Flask, site: Site) -> None:
    client = mon_app.test_client()
    do_login(client, "editor")
    assert client.get("/admin/sources").status_code == 403
    client = mon_app.test_client()
    do_login(client, "admin")
    page = client.get("/admin/sources")
    assert page.status_code == 200 and "Beobachtete Quellen" in page.text
    bad = client.post("/admin/sources", data={"url": "javascript:alert(1)", "kind": "auto",
                                               "interval_minutes": "30", "language": ""})  # fmt: skip
    assert bad.status_code == 400
    low = client.post("/admin/sources", data={"url": "https://e.org/f", "kind": "feed",
                                              "interval_minutes": "1", "language": ""})  # fmt: skip
    assert low.status_code == 400
    url = site.put("/f.rss", rss("F", []), RSS)
    added = client.post("/admin/sources", data={"url": url, "kind": "auto", "outlet": "Tagesblatt",
                                                "interval_minutes": "15", "language": "de"})  # fmt: skip
    assert added.status_code == 303
    listed = client.get("/admin/sources").text
    assert url in listed and "Tagesblatt" in listed and "15 Min." in listed
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        source_id = session.exec(select(WatchedSource)).one().id
    assert client.post(f"/admin/sources/{source_id}/pause").status_code == 303
    assert "pausiert" in client.get("/admin/sources").text
    assert client.post(f"/admin/sources/{source_id}/resume").status_code == 303
    assert client.post(f"/admin/sources/{source_id}/poll").status_code == 303
    assert client.post(f"/admin/sources/{source_id}/explode").status_code == 404
    assert client.post("/admin/sources/999/pause").status_code == 404
    assert client.post(f"/admin/sources/{source_id}/delete").status_code == 303
    assert url not in client.get("/admin/sources").text
    with db.session_scope(write=False) as session:
        gone = session.get(WatchedSource, source_id)
        assert gone is not None and gone.deleted_at is not None  # kept, soft-deleted


def test_desk_alerts_filter_confirm_dismiss_and_count(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=2)
        claim_id = claim.id
        _fresh(session)
    client = mon_app.test_client()
    assert client.get("/desk/alerts").status_code == 302  # login first
    do_login(client, "fact_checker")
    queue = client.get("/desk/queue").text
    assert "Meldungen (1)" in queue
    page = client.get("/desk/alerts").text
    assert (
        "Geprüfte Behauptung wieder da" in page
        and "Falsch" in page
        and "in 2 neuen Beiträgen" in page
    )
    assert "Tagesblatt" in client.get("/desk/alerts?outlet=Tagesblatt").text
    assert "Keine Meldungen" in client.get("/desk/alerts?outlet=Andere").text
    assert "Keine Meldungen" in client.get("/desk/alerts?rating=richtig").text
    assert "Keine Meldungen" in client.get("/desk/alerts?state=confirmed").text
    assert client.get("/desk/alerts?state=bogus&rating=<script>").status_code == 200
    missing_reason = client.post(f"/desk/alerts/{alert_id}/dismiss", data={"reason": ""})
    assert missing_reason.status_code == 400
    assert "bestätigt die Redaktion" in page  # fact-checkers see why they cannot confirm
    assert client.post(f"/desk/alerts/{alert_id}/confirm").status_code == 403
    client = mon_app.test_client()
    do_login(client, "editor")
    confirmed = client.post(f"/desk/alerts/{alert_id}/confirm")
    assert confirmed.status_code == 303
    again = client.post(f"/desk/alerts/{alert_id}/confirm", follow_redirects=True)
    assert "schon bestätigt" in again.text  # decided already: said so, nothing added twice
    with db.session_scope(write=False) as session:
        rows = session.exec(select(Appearance).where(Appearance.claim_id == claim_id)).all()
        assert len(rows) == 2 and alerts.open_count(session) == 0
    assert "Meldungen (" not in client.get("/desk/queue").text
    assert "bestätigt" in client.get("/desk/alerts?state=confirmed").text.lower()
    assert client.post("/desk/alerts/999/confirm").status_code == 404


def test_desk_confirms_and_dismisses_sentences_one_by_one(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=2)
        claim_id = claim.id
        first, second = (s.row.id for s in alerts.get_alert(session, alert_id).sightings)
        _fresh(session)
    checker = do_login(mon_app.test_client(), "fact_checker")
    page = checker.get(f"/desk/alerts/{alert_id}").text
    assert "Nicht diese Behauptung" in page and "Diesen Satz bestätigen" not in page
    assert checker.post(f"/desk/alerts/sightings/{first}/confirm").status_code == 403
    editor = do_login(mon_app.test_client(), "editor")
    page = editor.get(f"/desk/alerts/{alert_id}").text
    assert page.count("Diesen Satz bestätigen") == 2
    done = editor.post(f"/desk/alerts/sightings/{first}/confirm", follow_redirects=True)
    assert done.status_code == 200 and "als Fundstelle der Behauptung eingetragen" in done.text
    assert done.text.count("Diesen Satz bestätigen") == 1 and "eingetragen" in done.text
    again = editor.post(f"/desk/alerts/sightings/{first}/confirm", follow_redirects=True)
    assert "Dieser Satz wurde schon bestätigt" in again.text  # decided already: said so
    dismissed = checker.post(f"/desk/alerts/sightings/{second}/dismiss", follow_redirects=True)
    assert "Satz verworfen." in dismissed.text
    with db.session_scope(write=False) as session:
        rows = session.exec(select(Appearance).where(Appearance.claim_id == claim_id)).all()
        assert len(rows) == 1 and alerts.open_count(session) == 0  # the last one decided it
    late = checker.post(f"/desk/alerts/sightings/{second}/dismiss", follow_redirects=True)
    assert "schon verworfen" in late.text
    assert editor.post("/desk/alerts/sightings/999999/dismiss").status_code == 404


def test_alert_feed_needs_the_secret_address(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        _alerted(mon_app, site, session, n=1)
    client = mon_app.test_client()
    assert client.get("/desk/alerts.atom").status_code == 401
    assert client.get("/desk/alerts.atom?token=af_guess").status_code == 401
    do_login(client, "fact_checker")
    made = client.post("/desk/alerts/feed-token")
    assert made.status_code == 201
    start = made.text.index('id="alert-feed-url">') + len('id="alert-feed-url">')
    feed_url = made.text[start : made.text.index("</code>", start)].replace("&amp;", "&")
    reader = mon_app.test_client()  # a feed reader: no session
    feed = reader.get(feed_url)
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml"
    assert "Geprüfte Behauptung wieder da" in feed.text and "225 Menschen" in feed.text
    assert feed.headers["Cache-Control"] == "private, no-store"
    client.post("/desk/alerts/feed-token")  # a new address replaces the old one
    assert reader.get(feed_url).status_code == 401


def _feed_entries(client: FlaskClient) -> list[tuple[str, list[str]]]:
    """The alert feed's entries as (title, summary lines)."""
    feed = client.get("/desk/alerts.atom")
    assert feed.status_code == 200
    entries = ElementTree.fromstring(feed.data).findall(f"{ATOM}entry")
    return [
        (e.findtext(f"{ATOM}title") or "", (e.findtext(f"{ATOM}summary") or "").splitlines())
        for e in entries
    ]


def test_alert_feed_leaves_out_dismissed_sentences(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        _alerted(mon_app, site, session, n=3)
        sighting_ids = [s.row.id for s in alerts.list_alerts(session)[0].sightings]
        _fresh(session)
    editor = do_login(mon_app.test_client(), "editor")
    ((title, lines),) = _feed_entries(editor)
    assert title.endswith("in 3 neuen Beiträgen") and len(lines) == 3
    editor.post(f"/desk/alerts/sightings/{sighting_ids[0]}/dismiss")
    ((title, lines),) = _feed_entries(editor)
    assert title.endswith("in 2 neuen Beiträgen") and len(lines) == 2
    for sighting_id in sighting_ids[1:]:  # all dismissed: the claim was not back after all
        editor.post(f"/desk/alerts/sightings/{sighting_id}/dismiss")
    assert _feed_entries(editor) == []
