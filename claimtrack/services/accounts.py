"""A person's own account: changing their password, which proves the current one first."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session

from claimtrack.models import User

from . import users
from .base import get_or_raise
from .errors import ValidationError

# Verifying needs no cost settings: argon2 hashes carry their own parameters.
_verifier = PasswordHasher()


def password_matches(user: User, password: str) -> bool:
    if not user.password_hash:
        return False
    try:
        return bool(_verifier.verify(user.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def change_own_password(*, session: Session, actor: User, current: str, new: str) -> User:
    """Set `actor`'s password after checking the current one. Ends the actor's other sessions
    (the caller renews the session it is serving)."""
    user = get_or_raise(session, User, actor.id or 0)
    if not password_matches(user, current):
        raise ValidationError("The current password is not correct.", field="current")
    if current == new:
        raise ValidationError("The new password must differ from the current one.", field="new")
    return users.set_password(session=session, actor=user, user_id=user.id or 0, password=new)
