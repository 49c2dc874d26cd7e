"""The admin webhooks page: add an endpoint (secret once), see deliveries, send again, disable."""

from __future__ import annotations

from flask import Flask
from sqlmodel import select

from claimtrack.models import User, WebhookDelivery, WebhookEndpoint
from claimtrack.services import webhooks
from tests.factories import make_claim, make_published_verdict
from tests.web.conftest import do_login


def test_admin_adds_endpoint_sees_deliveries_and_sends_again(make_app) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(FETCH_ALLOW_LOOPBACK=True)
    client = app.test_client()
    do_login(client, "fact_checker")
    assert client.get("/admin/webhooks").status_code == 403
    client.post("/logout")
    do_login(client, "admin")
    page = client.get("/admin/webhooks")
    assert page.status_code == 200 and "Webhooks" in page.get_data(as_text=True)
    refused = client.post("/admin/webhooks", data={
        "partner": "Partner", "url": "https://10.1.2.3/hook", "events": [webhooks.PUBLISHED]})  # fmt: skip
    assert refused.status_code == 400 and "non-public" in refused.get_data(as_text=True)
    added = client.post("/admin/webhooks", data={
        "partner": "Faktenfreunde", "url": "http://127.0.0.1:9/hook",
        "events": [webhooks.PUBLISHED, webhooks.WITHDRAWN]})  # fmt: skip
    html = added.get_data(as_text=True)
    assert added.status_code == 201 and 'id="issued-secret">whsec_' in html
    db = app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        endpoint = session.exec(select(WebhookEndpoint)).one()
        endpoint_id, secret = endpoint.id, endpoint.secret
        assert endpoint.events == [webhooks.PUBLISHED, webhooks.WITHDRAWN]
        editor = session.exec(select(User).where(User.email == "editor@example.org")).one()
        make_published_verdict(session, editor, make_claim(session, editor))
        delivery = session.exec(select(WebhookDelivery)).one()
        delivery_id, message_id = delivery.id, delivery.message_id
    listing = client.get("/admin/webhooks").get_data(as_text=True)
    assert message_id in listing and "Faktenfreunde" in listing
    assert secret not in listing  # shown once, never again
    # Port 9 refuses the connection: one failed attempt, retried later; "send again" re-queues.
    webhooks.attempt(db, delivery_id or 0, app.config)
    with db.session_scope(write=False) as session:
        failed = session.get(WebhookDelivery, delivery_id)
        assert failed is not None and failed.attempts == 1 and failed.state == "pending"
        assert "could not post" in failed.last_error
    again = client.post(f"/admin/webhooks/deliveries/{delivery_id}/send-again")
    assert again.status_code == 302
    with db.session_scope(write=False) as session:
        row = session.get(WebhookDelivery, delivery_id)
        assert row is not None and row.message_id == message_id and row.state == "pending"
    assert client.post(f"/admin/webhooks/{endpoint_id}/disable").status_code == 302
    with db.session_scope(write=False) as session:
        assert session.get(WebhookEndpoint, endpoint_id).active is False  # type: ignore[union-attr]


def test_send_again_of_unknown_delivery_is_a_404(app: Flask) -> None:
    client = do_login(app.test_client(), "admin")
    assert client.post("/admin/webhooks/deliveries/999999/send-again").status_code == 404
