"""People and partner tokens: accounts, roles, login checks, API tokens."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from claimtrack.models import PartnerToken, Role, User, utcnow
from claimtrack.workflow import Permission

from . import audit
from .base import get_or_raise, require, use_case
from .errors import NotFound, ValidationError

SYSTEM_EMAIL = "system@claimtrack.invalid"
TOKEN_SCOPES = ("export", "api")
MIN_PASSWORD_LENGTH = 10
TOKEN_USE_RESOLUTION = timedelta(minutes=1)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()
# Verified against when the email is unknown, so a login takes as long either way.
_DUMMY_HASH = _hasher.hash("claimtrack-timing-equaliser")


def configure_hasher(*, time_cost: int, memory_cost_kib: int) -> None:
    """Set the argon2 cost (tests lower it; production keeps argon2-cffi's OWASP-grade defaults)."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib)
    _DUMMY_HASH = _hasher.hash("claimtrack-timing-equaliser")


def system_user(session: Session) -> User:
    """The account that acts for the CLI and imports (it has no password and cannot log in)."""
    user = session.exec(select(User).where(User.email == SYSTEM_EMAIL)).first()
    if user is None:
        user = User(email=SYSTEM_EMAIL, name="claimtrack system", role=Role.ADMIN, is_system=True)
        session.add(user)
        session.flush()
    return user


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "The password needs at least %(min)s characters.",
            field="password",
            params={"min": MIN_PASSWORD_LENGTH},
        )


def _check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValidationError(
            "Unknown role %(role)s; choose one of %(choices)s.",
            field="role",
            params={"role": repr(role), "choices": choices},
        ) from None


@use_case
def create_user(
    *, session: Session, actor: User, email: str, name: str, role: str, password: str
) -> User:
    require(actor, Permission.MANAGE_USERS)
    email = email.strip().lower()
    if not _EMAIL_RE.match(email):
        raise ValidationError("That is not an email address.", field="email")
    if session.exec(select(User).where(User.email == email)).first():
        raise ValidationError(
            "A user with the email %(email)s exists already.",
            field="email",
            params={"email": email},
        )
    _check_password(password)
    user = User(
        email=email,
        name=name.strip() or email,
        role=_check_role(role),
        password_hash=_hasher.hash(password),
    )
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="user.create", obj=user, after=_public(user))
    return user


def _public(user: User) -> dict[str, object]:
    return audit.snapshot(user, ["email", "name", "role", "active", "locale"])


@use_case
def update_user(
    *,
    session: Session,
    actor: User,
    user_id: int,
    name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
) -> User:
    require(actor, Permission.MANAGE_USERS)
    user = get_or_raise(session, User, user_id)
    if user.is_system:
        raise ValidationError("The system account cannot be changed.")
    before = _public(user)
    if name is not None:
        user.name = name.strip() or user.name
    if role is not None:
        user.role = _check_role(role)
    if active is not None:
        if not active and user.id == actor.id:
            raise ValidationError("You cannot deactivate your own account.", field="active")
        if not active:
            user.session_epoch += 1
        user.active = active
    session.add(user)
    audit.record(
        session, actor=actor, action="user.update", obj=user, before=before, after=_public(user)
    )
    return user


@use_case
def set_password(*, session: Session, actor: User, user_id: int, password: str) -> User:
    """Set a password: a person for themself, or an admin for anyone. Ends the user's other sessions."""
    if actor.id != user_id:
        require(actor, Permission.MANAGE_USERS)
    user = get_or_raise(session, User, user_id)
    _check_password(password)
    user.password_hash = _hasher.hash(password)
    user.session_epoch += 1
    session.add(user)
    audit.record(session, actor=actor, action="user.password", obj=user)
    return user


def check_password(session: Session, email: str, password: str) -> User | None:
    """The active, non-system user with this email and password, or None. Writes nothing.

    An unknown email is checked against a dummy hash, so the answer takes as long either way.
    """
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    stored = user.password_hash if user and user.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.password_hash or not user.active or user.is_system:
        return None
    return user


def record_login(session: Session, user: User, password: str) -> None:
    """A successful login (part of `logins.log_in`): its time, an audit event, and a fresh hash
    when the hasher's settings grew since the password was set."""
    if user.password_hash and _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    session.add(user)
    audit.record(session, actor=user, action="user.login", obj=user)


@use_case
def end_sessions(*, session: Session, actor: User) -> None:
    """Log out everywhere: cookies carrying the old epoch stop working."""
    user = get_or_raise(session, User, actor.id or 0)
    user.session_epoch += 1
    session.add(user)
    audit.record(session, actor=actor, action="user.logout", obj=user)


def list_users(session: Session) -> list[User]:
    return list(
        session.exec(select(User).where(col(User.is_system).is_(False)).order_by(User.email))
    )


# -- partner tokens ---------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: PartnerToken
    plaintext: str  # shown once, never stored


@use_case
def create_token(
    *,
    session: Session,
    actor: User,
    partner: str,
    scopes: list[str],
    valid_days: int | None = 365,
) -> IssuedToken:
    require(actor, Permission.MANAGE_TOKENS)
    partner = partner.strip()
    if not partner:
        raise ValidationError("Name the partner this token is for.", field="partner")
    unknown = sorted(set(scopes) - set(TOKEN_SCOPES))
    if unknown or not scopes:
        raise ValidationError(
            "Scopes must be among %(choices)s; got %(scopes)s.",
            field="scopes",
            params={"choices": ", ".join(TOKEN_SCOPES), "scopes": ", ".join(scopes) or "none"},
        )
    plaintext = "ct_" + secrets.token_urlsafe(32)
    token = PartnerToken(
        partner=partner,
        token_hash=hash_token(plaintext),
        prefix=plaintext[:10],
        scopes=sorted(set(scopes)),
        created_by_id=actor.id,
        expires_at=utcnow() + timedelta(days=valid_days) if valid_days else None,
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="token.create",
        obj=token,
        after={"partner": partner, "scopes": token.scopes, "prefix": token.prefix},
    )
    return IssuedToken(token=token, plaintext=plaintext)


@use_case
def revoke_token(*, session: Session, actor: User, token_id: int) -> PartnerToken:
    require(actor, Permission.MANAGE_TOKENS)
    token = session.get(PartnerToken, token_id)
    if token is None:
        raise NotFound("Token %(id)s does not exist.", {"id": token_id})
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.add(token)
        audit.record(session, actor=actor, action="token.revoke", obj=token)
    return token


def find_token(
    session: Session, plaintext: str, *, now: datetime | None = None
) -> PartnerToken | None:
    """The valid token for `plaintext` (not revoked or expired), or None. Writes nothing."""
    if not plaintext:
        return None
    digest = hash_token(plaintext)
    token = session.exec(select(PartnerToken).where(PartnerToken.token_hash == digest)).first()
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        return None
    now = now or utcnow()
    if token.revoked_at is not None or (token.expires_at and token.expires_at <= now):
        return None
    return token


def token_use_due(token: PartnerToken, *, now: datetime | None = None) -> bool:
    """Whether `record_token_use` would write: the last use is kept to the minute, not per request."""
    last = token.last_used_at
    return last is None or (now or utcnow()) - last > TOKEN_USE_RESOLUTION


@use_case
def record_token_use(*, session: Session, token_id: int, now: datetime | None = None) -> None:
    """Note that a partner used the token (shown to admins), at most once a minute."""
    token = get_or_raise(session, PartnerToken, token_id)
    now = now or utcnow()
    if token_use_due(token, now=now):
        token.last_used_at = now
        session.add(token)


def list_tokens(session: Session) -> list[PartnerToken]:
    return list(session.exec(select(PartnerToken).order_by(col(PartnerToken.id).desc())))
