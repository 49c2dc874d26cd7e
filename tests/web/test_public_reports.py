"""'Report an error': readers send a report (CSRF-protected form), staff see and close it at /desk/reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from claimtrack.models import AuditEvent, ErrorReport, User
from claimtrack.services import reports
from claimtrack.services.errors import NotFound, ValidationError
from claimtrack.services.publication import bundles as publication
from tests.factories import make_claim, make_published_verdict
from tests.web.conftest import csrf_token_of


def _published(session: Session, users: dict[str, User]) -> int:
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    return claim.id or 0


def test_report_with_csrf_lands_in_desk_list(
    csrf_app: Flask, users: dict[str, User], login: Callable[..., FlaskClient]
) -> None:
    db = csrf_app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        claim_id = _published(session, users)
    client = csrf_app.test_client()
    form_page = client.get(f"/claims/{claim_id}", follow_redirects=True)  # the form is on the page
    assert f'action="/claims/{claim_id}/report"' in form_page.get_data(as_text=True)
    token = csrf_token_of(form_page.get_data(as_text=True))
    assert token
    refused = client.post(f"/claims/{claim_id}/report", data={"message": "Ohne Token geschickt."})
    assert refused.status_code == 400
    sent = client.post(
        f"/claims/{claim_id}/report",
        data={"csrf_token": token, "message": "Die Zahl 225 stammt aus einer älteren Meldung.",
              "email": "leser@example.org"},
    )  # fmt: skip
    assert sent.status_code == 302 and f"/claims/{claim_id}-" in sent.headers["Location"]
    with db.session_scope() as session:
        stored = session.exec(select(ErrorReport)).one()
        assert stored.email == "leser@example.org" and stored.handled_at is None
        report_id = stored.id
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "report.create")).one()
        assert event.actor_id is None and "leser@" not in str(event.after)

    assert client.get("/desk/reports").status_code == 302  # anonymous: to the login page
    login(client, "fact_checker")
    desk = client.get("/desk/reports").get_data(as_text=True)
    assert "Die Zahl 225 stammt aus einer älteren Meldung." in desk
    closed = client.post(
        f"/desk/reports/{report_id}/close", data={"csrf_token": csrf_token_of(desk)}
    )
    assert closed.status_code == 302
    assert "Die Zahl 225" not in client.get("/desk/reports").get_data(as_text=True)


def test_report_form_rejects_bad_input(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim_id = _published(session, users)
    short = client.post(f"/claims/{claim_id}/report", data={"message": "kurz"})
    assert short.status_code == 422
    bad_mail = client.post(
        f"/claims/{claim_id}/report", data={"message": "Eine lange Beschreibung.", "email": "nope"}
    )
    assert bad_mail.status_code == 422
    bot = client.post(
        f"/claims/{claim_id}/report", data={"message": "Eine lange Beschreibung.", "website": "x"}
    )
    assert bot.status_code == 422
    assert (
        client.post(
            "/claims/999999/report", data={"message": "Eine lange Beschreibung."}
        ).status_code
        == 404
    )
    assert reports.count_open(session) == 0


def test_report_service_rules(session: Session, users: dict[str, User]) -> None:
    unpublished = make_claim(session, users["editor"])
    with pytest.raises(NotFound):
        reports.submit_report(
            session=session, actor=None, claim_id=unpublished.id or 0, message="Lange genug hier."
        )
    claim_id = _published(session, users)
    with pytest.raises(ValidationError):
        reports.submit_report(session=session, actor=None, claim_id=claim_id, message="x" * 5001)
    report = reports.submit_report(
        session=session, actor=None, claim_id=claim_id, message="Lange genug hier."
    )
    reports.close_report(session=session, actor=users["fact_checker"], report_id=report.id or 0)
    assert reports.list_reports(session) == []
    assert len(reports.list_reports(session, open_only=False)) == 1
    assert publication.preview_bundle(session, claim_id).claim.id == claim_id
