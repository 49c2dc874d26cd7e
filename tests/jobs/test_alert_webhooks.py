"""Partner webhooks for alerts (optional event `alert.raised`): a checked claim back in new stories
reaches the partners that chose alerts, signed, with the ClaimReview and the stories; the admin
page and the CLI offer it without choosing it by default; later corrections follow it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from flask import Flask
from sqlmodel import Session, select
from standardwebhooks.webhooks import Webhook

from claimtrack.cli import main
from claimtrack.models import Claim, Verdict, WebhookDelivery, WebhookEndpoint
from claimtrack.services import webhooks
from claimtrack.services.monitoring import alerts, poll, sources
from tests.factories import correct_publicly, make_claim, make_published_verdict
from tests.jobs.receiver import Receiver, start_receiver
from tests.jobs.test_webhooks import LOOPBACK, _deliveries, _user
from tests.services.monitoring.site import RSS, Site, article, rss
from tests.services.monitoring.test_poll import CHECKED, FILLER, REPEAT, _fresh
from tests.web.conftest import do_login


@pytest.fixture
def receivers() -> Iterator[tuple[Receiver, Receiver]]:
    a, b = start_receiver(), start_receiver()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def hook_app(make_app) -> Flask:  # type: ignore[no-untyped-def]
    return make_app(FETCH_ALLOW_LOOPBACK=True, FETCH_TIMEOUT_S=3.0,
                    PUBLIC_BASE_URL="https://faktencheck.example.org/")  # fmt: skip


def _endpoint(session: Session, url: str, events: list[str], partner: str) -> str:
    _, secret = webhooks.add_endpoint(session=session, actor=_user(session, "admin@example.org"),
                                      partner=partner, url=url, events=events, policy=LOOPBACK)  # fmt: skip
    return secret


def _checked(session: Session) -> Claim:
    editor = _user(session, "editor@example.org")
    claim = make_claim(session, editor, CHECKED)
    make_published_verdict(session, editor, claim)
    return claim


def _poll_news(app: Flask, site: Site, session: Session, repeats: int, prefix: str = "n") -> None:
    items = []
    for i in range(repeats + 1):  # the last story does not repeat the claim
        body = [f"{prefix} Bericht {i}: {FILLER[i % 3]}", *FILLER]
        if i < repeats:
            body.insert(1, REPEAT)
        title = f"Kasachstan: Bericht {prefix} {i}"
        items.append((site.put(f"/{prefix}/{i}", article(title, body, "Tagesblatt")), title))
    url = site.put(f"/{prefix}.rss", rss("Tagesblatt", items), RSS)
    source = sources.add_source(session=session, actor=_user(session, "admin@example.org"),
                                url=url, outlet="Tagesblatt")  # fmt: skip
    _fresh(session)
    report = poll.poll_source(app.extensions["claimtrack.db"], source.id or 0, app.config)
    assert report.items == repeats + 1 and report.proposed == repeats
    _fresh(session)


def test_an_alert_reaches_only_the_partners_that_chose_alerts(
    hook_app: Flask, site: Site, receivers: tuple[Receiver, Receiver]
) -> None:
    db = hook_app.extensions["claimtrack.db"]
    with_alerts, verdicts_only = receivers
    with db.session_scope(write=False) as session:
        session.info["db"] = db
        secret = _endpoint(session, with_alerts.url, [webhooks.PUBLISHED, webhooks.ALERT], "Alarm")
        _endpoint(session, verdicts_only.url, list(webhooks.VERDICT_EVENTS), "Urteile")
        claim_id = _checked(session).id
        _poll_news(hook_app, site, session, repeats=2)
        (view,) = alerts.list_alerts(session)
        alert_id, stories = view.alert.id, {s.story.url for s in view.sightings}
        sent = [d for d in _deliveries(session) if d.event_type == webhooks.ALERT]
        assert len(sent) == 2  # one event per new story, to the one endpoint that chose alerts
        assert {d.claim_id for d in sent} == {claim_id}
        assert len({d.event_key for d in sent}) == 2 and len({d.message_id for d in sent}) == 2
        alerting = session.exec(
            select(WebhookEndpoint).where(WebhookEndpoint.partner == "Alarm")
        ).one()
        assert {d.endpoint_id for d in sent} == {alerting.id}
        for d in sent:
            assert webhooks.attempt(db, d.id or 0, hook_app.config) is None
    assert verdicts_only.calls == []
    seen = set()
    for call in with_alerts.calls:
        payload = Webhook(secret).verify(call.body, call.headers)  # raises on a bad signature
        assert payload["type"] == "alert.raised" and payload["timestamp"]
        data = payload["data"]
        assert data["claimId"] == claim_id and data["alertId"] == alert_id
        assert data["claimReview"]["claimReviewed"] == CHECKED
        assert data["claimReview"]["reviewRating"]["alternateName"]
        assert data["url"].startswith("https://faktencheck.example.org/")
        (story,) = data["stories"]
        assert story["outlet"] == "Tagesblatt" and story["title"].startswith("Kasachstan: Bericht")
        assert story["sentences"][0]["text"].startswith("Bei den Unruhen in Kasachstan")
        assert story["sentences"][0]["kind"] in ("same", "variant")
        seen.add(story["url"])
    assert seen == stories and len(seen) == 2
    with db.session_scope(write=False) as session:
        assert {d.state for d in _deliveries_of(session, webhooks.ALERT)} == {"delivered"}


def _deliveries_of(session: Session, event_type: str) -> list[WebhookDelivery]:
    return list(session.exec(select(WebhookDelivery).where(
        WebhookDelivery.event_type == event_type)))  # fmt: skip


def test_a_correction_follows_an_alert_to_its_partner(
    hook_app: Flask, site: Site, receivers: tuple[Receiver, Receiver]
) -> None:
    """A partner that got only an alert received the verdict's ClaimReview in it: when the
    verdict is corrected, it hears so too."""
    db = hook_app.extensions["claimtrack.db"]
    alerts_only, _ = receivers
    with db.session_scope(write=False) as session:
        session.info["db"] = db
        _endpoint(session, alerts_only.url, [webhooks.ALERT], "Nur Meldungen")
        claim = _checked(session)
        assert _deliveries(session) == []  # the publication is not its event
        _poll_news(hook_app, site, session, repeats=1, prefix="k")
        (alerted,) = _deliveries(session)
        webhooks.attempt(db, alerted.id or 0, hook_app.config)
        editor = _user(session, "editor@example.org")
        verdict = session.exec(select(Verdict).where(Verdict.claim_id == claim.id)).one()
        correct_publicly(session, editor, verdict, note="Die Zahl war 227.")
        session.commit()
        (corrected,) = _deliveries_of(session, webhooks.CORRECTED)
        webhooks.attempt(db, corrected.id or 0, hook_app.config)
    body = json.loads(alerts_only.calls[-1].body)
    assert body["type"] == "verdict.corrected"
    assert body["data"]["correction"]["note"] == "Die Zahl war 227."


def test_the_admin_page_and_the_cli_offer_alerts_without_choosing_them(make_app) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(FETCH_ALLOW_LOOPBACK=True)
    client = do_login(app.test_client(), "admin")
    page = client.get("/admin/webhooks").get_data(as_text=True)
    assert 'value="alert.raised"' in page and "(Meldung)" in page  # German by default
    boxes = re.findall(r'<input ([^>]*)value="([^"]+)"', page)
    chosen = {value for attrs, value in boxes if "checked" in attrs.split()}
    assert chosen == set(webhooks.VERDICT_EVENTS)  # alerts are offered, not chosen by default
    added = client.post("/admin/webhooks", data={
        "partner": "Alarmfreunde", "url": "http://127.0.0.1:9/hook",
        "events": [webhooks.PUBLISHED, webhooks.ALERT]})  # fmt: skip
    assert added.status_code == 201
    runner = CliRunner()
    cli = runner.invoke(main, ["webhooks", "add", "Shell", "http://127.0.0.1:9/other",
                               "--event", "alert.raised"], obj={"app": app})  # fmt: skip
    assert cli.exit_code == 0, cli.output
    default = runner.invoke(main, ["webhooks", "add", "Standard", "http://127.0.0.1:9/third"],
                            obj={"app": app})  # fmt: skip
    assert default.exit_code == 0, default.output
    with app.extensions["claimtrack.db"].session_scope(write=False) as session:
        events = {e.partner: e.events for e in session.exec(select(WebhookEndpoint))}
    assert events == {
        "Alarmfreunde": sorted([webhooks.PUBLISHED, webhooks.ALERT]),
        "Shell": [webhooks.ALERT],
        "Standard": sorted(webhooks.VERDICT_EVENTS),
    }
