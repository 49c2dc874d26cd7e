"""Personal secret URLs for the desk's alerts Atom feed.

A feed reader cannot log in, so each desk user may create a secret token that is part of the feed's
address. Only its SHA-256 is stored (a stolen database does not give the feed away), creating a
new one replaces the old (the way to revoke a leaked address), and the feed is refused once the
user is deactivated. Partner tokens were not reused: they belong to partners, carry export/API
scopes and rate limits, and are managed by admins, while this one is each desk member's own.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from claimtrack.models import AlertFeedToken, User, utcnow
from claimtrack.services import audit
from claimtrack.services.base import require, use_case
from claimtrack.workflow import Permission


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@use_case
def issue_feed_token(*, session: Session, actor: User) -> str:
    """A new secret for `actor`'s alert feed address (shown once); the old one stops working."""
    require(actor, Permission.TRIAGE)
    token = "af_" + secrets.token_urlsafe(32)
    row = session.exec(select(AlertFeedToken).where(AlertFeedToken.user_id == actor.id)).first()
    if row is None:
        row = AlertFeedToken(user_id=actor.id or 0, token_hash=_digest(token))
    else:
        row.token_hash, row.created_at = _digest(token), utcnow()
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="alert_feed_token.issue", obj=row)
    return token


def user_for_feed_token(session: Session, token: str) -> User | None:
    """The active desk user whose feed address carries `token`; None for anything else."""
    if not token or len(token) > 100:
        return None
    row = session.exec(
        select(AlertFeedToken).where(AlertFeedToken.token_hash == _digest(token))
    ).first()
    user = session.get(User, row.user_id) if row is not None else None
    if user is None or not user.active or user.is_system:
        return None
    return user


def has_feed_token(session: Session, user_id: int) -> bool:
    found = session.exec(select(AlertFeedToken.id).where(AlertFeedToken.user_id == user_id))
    return found.first() is not None
