"""Issue 12, item 2: control characters and NUL never break a page or get stored (both databases)."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from sqlalchemy import text
from sqlmodel import select

from claimtrack.jobs.tasks import execute_job
from claimtrack.models import Claim, ErrorReport, Story
from claimtrack.services.intake import bulk_jobs
from tests.factories import make_claim, make_published_verdict


def test_feed_survives_control_characters_already_stored(client, session, users):
    claim = make_claim(session, users["editor"])
    verdict = make_published_verdict(session, users["editor"], claim)
    # Stored by a script or before the edge removed them: PostgreSQL cannot hold NUL, so \x1b etc.
    session.exec(
        text("UPDATE claim SET text = :t WHERE id = :i").bindparams(
            t="Zahl\x1b[31m\x0bfalsch\x08", i=claim.id
        )
    )
    session.exec(
        text("UPDATE verdict SET headline = :h WHERE id = :i").bindparams(
            h="Falsch\x01\x7f", i=verdict.id
        )
    )
    session.commit()
    response = client.get("/feed.atom")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.data)
    entry = root.find("{http://www.w3.org/2005/Atom}entry")
    assert entry is not None
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == "Falsch"
    assert "Zahl[31m falsch" in (entry.findtext("{http://www.w3.org/2005/Atom}summary") or "")


def test_nul_in_login_and_report_forms_is_removed_not_a_500(client, session, users):
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    login = client.post("/login", data={"email": "editor@example.org\x00", "password": "x\x00y"})
    assert login.status_code == 200  # wrong password, shown again
    report = client.post(
        f"/claims/{claim.id}/report",
        data={
            "message": "Die Zahl\x00 im Text stimmt\x1b nicht mit der Quelle überein.",
            "email": "",
        },
    )
    assert report.status_code in (200, 302, 303)
    session.rollback()
    stored = session.exec(select(ErrorReport)).one()
    assert stored.message == "Die Zahl im Text stimmt nicht mit der Quelle überein."


def test_edit_with_nul_in_every_field_stores_clean_text(client, login, session, users):
    claim = make_claim(session, users["fact_checker"])
    login(client, "fact_checker")
    response = client.post(
        f"/desk/claims/{claim.id}/edit",
        data={
            "text": "Bei den Unruhen\x00 sind 225\x07 Menschen gestorben.",
            "language": "de",
            "claimant": "Staats\x00anwaltschaft",
            "claimant_kind": "organisation",
            "tags": "kasach\x00stan",
            "version": str(claim.version),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    session.rollback()
    session.expire_all()
    stored = session.get(Claim, claim.id)
    assert stored.text == "Bei den Unruhen sind 225 Menschen gestorben."
    assert stored.claimant == "Staatsanwaltschaft"


def _records(bad: dict[str, str]) -> bytes:
    rows = [
        {
            "title": f"Meldung {i}",
            "body": f"Laut Polizei wurden {i}.000 Menschen festgenommen.",
            "language": "de",
        }
        for i in range(1, 7)
    ]
    rows[3] |= bad
    return "\n".join(json.dumps(r) for r in rows).encode()


def _import(app, session, users, data: bytes) -> bulk_jobs.ImportView:
    """Submit a bulk import and run its job as the worker would; the finished job's view."""
    queued, _ = bulk_jobs.submit_import(
        session=session, actor=users["fact_checker"], data=data, fmt="jsonl"
    )
    execute_job(app, app.extensions["claimtrack.db"], queued.job_id)
    session.rollback()
    session.expire_all()
    done = bulk_jobs.get_import(session, queued.job_id)
    assert done is not None and done.finished
    return done


def test_bulk_import_with_nul_in_record_4_stores_all_six_clean(app, session, users):
    data = _records(
        {"body": "Laut Polizei\u0000 wurden 4.000 Menschen festgenommen.", "title": "Mel\x00dung 4"}
    )
    done = _import(app, session, users, data)
    assert (done.error, done.created) == ("", 6)
    titles = sorted(s.title for s in session.exec(select(Story)))
    assert titles == [f"Meldung {i}" for i in range(1, 7)]


def test_bulk_import_with_a_bad_record_4_stores_nothing(app, session, users):
    """Every record is checked before the first is stored: a URL only the store step refused
    used to leave records 1 to 3 behind."""
    done = _import(app, session, users, _records({"url": "javascript:alert(1)"}))
    assert "Line 4" in done.error and done.created == 0
    assert session.exec(select(Story)).all() == []
