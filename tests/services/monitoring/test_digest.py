"""The daily digest: a Markdown file with the day's alerts, e-mailed when SMTP is configured,
and run once per day as a job whatever the number of workers."""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest
from flask import Flask

from claimtrack.jobs.tasks import execute_job
from claimtrack.models import utcnow
from claimtrack.services.monitoring import alerts, digest
from tests.services.monitoring.site import Site
from tests.services.monitoring.smtp import Mailbox, start_smtp
from tests.services.monitoring.test_alerts import _alerted
from tests.services.monitoring.test_poll import _user


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = start_smtp()
    yield box
    box.close()


def test_digest_file_and_mail_list_the_days_alerts(
    make_app, site: Site, mailbox: Mailbox, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(
        FETCH_ALLOW_LOOPBACK=True,
        MONITOR_DIGEST_DIR=str(tmp_path / "digests"),
        MONITOR_DIGEST_TO="desk@example.org, chef@example.org",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=mailbox.port,
        PUBLIC_BASE_URL="https://faktencheck.example.org/",
    )
    db = app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(app, site, session, n=3)
        claim_text = claim.text
    path, sent = digest.make_digest(db, app.config, app.instance_path, utcnow().date())
    text = path.read_text(encoding="utf-8")
    assert path.parent == tmp_path / "digests" and sent
    # German by default: the desk's language.
    assert f"Geprüfte Behauptung wieder da: {claim_text} — Falsch — in 3 neuen Beiträgen" in text
    assert f"https://faktencheck.example.org/desk/alerts/{alert_id}" in text
    (raw,) = mailbox.messages
    mail = email.message_from_bytes(raw, policy=policy.default)
    assert sorted(mailbox.recipients) == ["chef@example.org", "desk@example.org"]
    assert mail["Subject"].endswith(": 1")
    assert mail.get_content().replace("\r\n", "\n").strip() == text.strip()


def test_no_smtp_means_a_file_only_and_the_daily_job_runs_once(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(MONITOR_DIGEST_DIR=str(tmp_path / "d"))
    db = app.extensions["claimtrack.db"]
    day = utcnow().date()
    with db.session_scope() as session:
        first = digest.submit_daily(session, day)
        again = digest.submit_daily(session, day)
        job_id = first.job.id or 0
        assert first.dispatch and again.job.id == job_id  # one job per day
    assert execute_job(app, db, job_id) is None
    assert execute_job(app, db, job_id) is None  # done: nothing runs twice
    (written,) = (tmp_path / "d").iterdir()
    assert "Keine geprüfte Behauptung" in written.read_text(encoding="utf-8")
    with db.session_scope() as session:
        job = digest.jobs.get_job(session, job_id)
        assert job is not None and job.state == "done" and job.result["emailed"] is False
        assert digest.message(app.config, digest.compose(session, day=day)) is None


def test_the_digest_leaves_out_the_sentences_a_person_dismissed(mon_app: Flask, site: Site) -> None:
    db = mon_app.extensions["claimtrack.db"]
    day = utcnow().date()
    with db.session_scope(write=False) as session:
        claim, alert_id = _alerted(mon_app, site, session, n=3)
        editor = _user(session, "editor")
        first, *others = alerts.get_alert(session, alert_id).sightings
        alerts.dismiss_sighting(session=session, actor=editor, sighting_id=first.row.id or 0)
        text = digest.compose(session, day=day).text
        assert f"{claim.text} — Falsch — in 2 neuen Beiträgen" in text
        assert all(f"{s.story.title}: " in text for s in others)
        assert f"{first.story.title}: " not in text
        for sighting in others:  # every sentence dismissed: the claim was not back at all
            alerts.dismiss_sighting(session=session, actor=editor, sighting_id=sighting.row.id or 0)
        assert alerts.get_alert(session, alert_id).alert.state == alerts.DISMISSED
        empty = digest.compose(session, day=day)
        assert empty.alerts == 0 and claim.text not in empty.text
        assert "Keine geprüfte Behauptung" in empty.text
