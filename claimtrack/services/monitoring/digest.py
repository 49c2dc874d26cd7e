"""The daily alert digest: a Markdown file in a configured folder, and an e-mail when SMTP is set.

Run once a day as a job (`KIND`, key "alert-digest:<day>"), so with several workers the digest of a
day is still written and sent once: the job row's unique key decides. It lists the alerts of the
last 24 hours in the desk's default language (the `messages` catalogue, read without Flask).
"""

from __future__ import annotations

import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from sqlmodel import Session

from claimtrack.db import Database
from claimtrack.languages import DEFAULT
from claimtrack.models import JobRun
from claimtrack.services import jobs
from claimtrack.services.monitoring import alerts

KIND = "alert-digest"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


@dataclass(frozen=True)
class Digest:
    day: date
    subject: str
    text: str
    alerts: int


def _catalogue(language: str) -> NullTranslations:
    return Translations.load(str(TRANSLATIONS), [language], domain="messages")


def compose(session: Session, *, day: date, desk_url: str = "", language: str = DEFAULT) -> Digest:
    """The digest of the 24 hours up to the end of `day` (UTC): every alert that moved then,
    without the sentences a person dismissed (an alert with only those is left out)."""
    t = _catalogue(language)
    _ = t.gettext
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)
    views = [
        v
        for v in alerts.list_alerts(
            session, state=None, since=end - timedelta(days=1), limit=500, with_dismissed=False
        )  # fmt: skip
        if v.alert.updated_at < end
    ]
    subject = _("claimtrack alerts for %(day)s: %(count)s") % {"day": day.isoformat(),
                                                                  "count": len(views)}  # fmt: skip
    lines = [f"# {subject}", ""]
    if not views:
        lines.append(_("No checked claim was seen again."))
    for view in views:
        label = view.label.name_in(language) if view.label else _("no rating")
        outlets = sorted({s.story.outlet for s in view.sightings if s.story.outlet})
        line = _("Checked claim back: %(claim)s — %(rating)s — in %(count)s new stories") % {
            "claim": view.claim.text, "rating": label, "count": view.story_count}  # fmt: skip
        lines.append(f"- {line}" + (f" ({', '.join(outlets)})" if outlets else ""))
        lines.append(f"  {_(STATE_NAMES[view.alert.state])}")
        for sighting in view.sightings:
            lines.append(f"  - {sighting.story.title or sighting.story.url}: {sighting.row.quote}")
        if desk_url:
            lines.append(f"  {desk_url.rstrip('/')}/desk/alerts/{view.alert.id}")
    return Digest(day, subject, "\n".join(lines) + "\n", len(views))


def N_(message: str) -> str:  # noqa: N802 - the gettext "mark only" name
    return message


STATE_NAMES = {alerts.OPEN: N_("open"), alerts.CONFIRMED: N_("confirmed"),
               alerts.DISMISSED: N_("dismissed")}  # fmt: skip


def write(directory: Path, digest: Digest) -> Path:
    """digest-<day>.md in `directory` (written again when run again for the same day)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"alert-digest-{digest.day.isoformat()}.md"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(digest.text, encoding="utf-8")
    tmp.replace(path)
    return path


def message(config: Mapping[str, Any], digest: Digest) -> EmailMessage | None:
    """The e-mail of the digest; None when no SMTP server or no recipient is configured."""
    recipients = [a.strip() for a in str(config.get("MONITOR_DIGEST_TO") or "").split(",")]
    recipients = [a for a in recipients if a]
    if not config.get("SMTP_HOST") or not recipients:
        return None
    mail = EmailMessage()
    mail["Subject"] = digest.subject
    mail["From"] = str(config.get("SMTP_FROM") or "claimtrack@localhost")
    mail["To"] = ", ".join(recipients)
    mail.set_content(digest.text)
    return mail


def send(config: Mapping[str, Any], mail: EmailMessage) -> None:
    host, port = str(config["SMTP_HOST"]), int(config.get("SMTP_PORT") or 25)
    with smtplib.SMTP(host, port, timeout=20) as smtp:
        if config.get("SMTP_STARTTLS"):
            smtp.starttls()
        if config.get("SMTP_USER"):
            smtp.login(str(config["SMTP_USER"]), str(config.get("SMTP_PASSWORD") or ""))
        smtp.send_message(mail)


def digest_dir(config: Mapping[str, Any], instance_path: str) -> Path:
    return Path(str(config.get("MONITOR_DIGEST_DIR") or Path(instance_path) / "digests"))


def make_digest(
    db: Database, config: Mapping[str, Any], instance_path: str, day: date
) -> tuple[Path, bool]:
    """Compose, write and (if configured) e-mail the digest of `day`; (file, e-mailed)."""
    with db.session_scope(write=False) as session:
        digest = compose(session, day=day, desk_url=str(config.get("PUBLIC_BASE_URL") or ""),
                         language=str(config.get("BABEL_DEFAULT_LOCALE") or DEFAULT))  # fmt: skip
    path = write(digest_dir(config, instance_path), digest)
    mail = message(config, digest)
    if mail is not None:
        send(config, mail)
    return path, mail is not None


def submit_daily(session: Session, day: date) -> jobs.Submitted:
    """The job of `day`'s digest (found, not repeated, when another worker asked first)."""
    return jobs.submit(session, kind=KIND, key=f"{KIND}:{day.isoformat()}",
                       params={"day": day.isoformat()})  # fmt: skip


def run_digest(db: Database, job: JobRun, owner: str) -> None:
    """Job handler (needs the app's config and instance folder: run inside its app context)."""
    from flask import current_app  # the worker runs handlers in the app's context

    day = date.fromisoformat(str(job.params["day"]))
    path, sent = make_digest(db, current_app.config, current_app.instance_path, day)
    with db.session_scope() as session:
        jobs.finish(session, job.id or 0, owner, state=jobs.DONE,
                    result={"path": str(path), "emailed": sent})  # fmt: skip
