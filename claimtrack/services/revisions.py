"""Revisions of verdicts: the immutable history readers and the desk see.

Besides the verdict's own edits, anything that changes what a published verdict page shows (the claim's
wording, its sources, its appearances) writes an internal revision and moves `modified_at`, so partners'
incremental pulls and the page's ETag pick it up and nothing on a published page changes silently.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, func, select

from claimtrack.models import RevisionKind, User, Verdict, VerdictRevision, VerdictState, utcnow
from claimtrack.workflow import Permission, can

from . import audit
from .errors import NeedsEditor

CONTENT_FIELDS = ("rating_id", "headline", "summary", "reasoning", "valid_as_of", "language")


def content(verdict: Verdict) -> dict[str, Any]:
    return audit.snapshot(verdict, [*CONTENT_FIELDS, "state"])


def write_revision(
    session: Session,
    *,
    verdict: Verdict,
    actor: User,
    kind: RevisionKind,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None = None,
    public: bool = False,
    note: str = "",
) -> VerdictRevision:
    """Append the next revision of `verdict` (numbered from 1); `new` defaults to its content now."""
    last = session.exec(
        select(func.max(VerdictRevision.number)).where(VerdictRevision.verdict_id == verdict.id)
    ).one()
    new = new if new is not None else content(verdict)
    revision = VerdictRevision(
        verdict_id=verdict.id or 0,
        number=(last or 0) + 1,
        kind=kind,
        public=public,
        note=note,
        actor_id=actor.id,
        old_rating_id=(old or {}).get("rating_id"),
        new_rating_id=verdict.rating_id,
        old=old,
        new=new,
    )
    session.add(revision)
    audit.record(session, actor=actor, action=f"verdict.{kind}", obj=verdict, before=old, after=new)
    return revision


def published_verdict(session: Session, claim_id: int) -> Verdict | None:
    verdict = session.exec(select(Verdict).where(Verdict.claim_id == claim_id)).first()
    return verdict if verdict is not None and verdict.state == VerdictState.PUBLISHED else None


def require_editor_if_published(session: Session, actor: User, claim_id: int) -> None:
    """Refuse a change to a published fact check (claim, sources, appearances) unless `actor` may
    publish: readers, the ClaimReview markup, exports and the API would change at once, which is
    what corrections and updates by an editor are for."""
    if published_verdict(session, claim_id) is not None and not can(actor.role, Permission.PUBLISH):
        raise NeedsEditor(
            "This fact check is published: an editor applies changes to it, "
            "as a public correction or an internal update."
        )


def record_published_change(
    session: Session,
    *,
    claim_id: int,
    actor: User,
    note: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    correction: bool = False,
) -> VerdictRevision | None:
    """If the claim has a published verdict, record a revision for a change to what its page shows
    (`before`/`after` are kept under the key "claim") and move `modified_at`: an internal update, or
    with `correction` a public correction whose `note` readers see."""
    require_editor_if_published(session, actor, claim_id)
    verdict = published_verdict(session, claim_id)
    if verdict is None:
        return None
    old = content(verdict)
    now = utcnow()
    verdict.modified_at = now
    verdict.updated_at = now
    session.add(verdict)
    session.flush()
    new = content(verdict)
    if before is not None or after is not None:
        old = {**old, "claim": before}
        new = {**new, "claim": after}
    kind = RevisionKind.CORRECTION if correction else RevisionKind.UPDATE
    return write_revision(
        session,
        verdict=verdict,
        actor=actor,
        kind=kind,
        old=old,
        new=new,
        public=correction,
        note=note,
    )
