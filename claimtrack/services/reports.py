"""Readers' error reports: anyone may send one about a published verdict; the desk lists and closes them.

A report is the public's way to tell the desk it got something wrong, which a site publishing
ClaimReview must offer. Sending needs no account, so the actor is None and the audit row says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from claimtrack.languages import or_default
from claimtrack.models import Claim, ErrorReport, User, Verdict, VerdictState, utcnow
from claimtrack.workflow import Permission

from . import audit
from .base import clean_text, get_or_raise, require, use_case
from .errors import InvalidTransition, NotFound, ValidationError

MIN_MESSAGE_CHARS = 10
MAX_MESSAGE_CHARS = 5000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ReportRow:
    report: ErrorReport
    claim_text: str


@use_case
def submit_report(
    *,
    session: Session,
    actor: User | None,
    claim_id: int,
    message: str,
    email: str | None = None,
    language: str = "de",
) -> ErrorReport:
    """Store a reader's report on a claim whose verdict is published (or withdrawn)."""
    verdict = session.exec(select(Verdict).where(Verdict.claim_id == claim_id)).first()
    claim = session.get(Claim, claim_id)
    visible = (VerdictState.PUBLISHED, VerdictState.WITHDRAWN)
    if (
        claim is None
        or claim.deleted_at is not None
        or verdict is None
        or verdict.state not in visible
    ):
        raise NotFound("No published verdict for claim %(id)s.", {"id": claim_id})
    text = clean_text(message, "message", max_len=MAX_MESSAGE_CHARS)
    if len(text) < MIN_MESSAGE_CHARS:
        raise ValidationError("Please describe the error in a sentence or two.", field="message")
    address = (email or "").strip() or None
    if address is not None and (len(address) > 254 or not _EMAIL.match(address)):
        raise ValidationError("This does not look like an e-mail address.", field="email")
    report = ErrorReport(
        claim_id=claim_id,
        message=text,
        email=address,
        language=or_default(language),
    )
    session.add(report)
    session.flush()
    # The e-mail address stays out of the audit trail.
    audit.record(
        session, actor=actor, action="report.create", obj=report, after={"claim_id": claim_id}
    )
    return report


def list_reports(session: Session, *, open_only: bool = True, limit: int = 200) -> list[ReportRow]:
    """Reports newest first, with the text of the claim they are about."""
    stmt = select(ErrorReport, Claim.text).join(Claim, col(Claim.id) == ErrorReport.claim_id)
    if open_only:
        stmt = stmt.where(col(ErrorReport.handled_at).is_(None))
    stmt = stmt.order_by(col(ErrorReport.created_at).desc(), col(ErrorReport.id).desc()).limit(
        limit
    )
    return [ReportRow(report=r, claim_text=text) for r, text in session.exec(stmt)]


def count_open(session: Session) -> int:
    stmt = (
        select(func.count()).select_from(ErrorReport).where(col(ErrorReport.handled_at).is_(None))
    )
    return int(session.exec(stmt).one())


@use_case
def close_report(*, session: Session, actor: User, report_id: int) -> ErrorReport:
    """Mark a report as dealt with (by a correction, a reply, or because it was not an error)."""
    require(actor, Permission.TRIAGE)
    report = get_or_raise(session, ErrorReport, report_id)
    if report.handled_at is not None:
        raise InvalidTransition("This report was closed already.")
    report.handled_at = utcnow()
    report.handled_by_id = actor.id
    session.add(report)
    audit.record(
        session, actor=actor, action="report.close", obj=report, after={"claim_id": report.claim_id}
    )
    return report
