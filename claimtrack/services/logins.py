"""The login rate limit: attempts per account and address, and per account from any address.

Counted with the shared limiter (`services.limits`), so the limits hold with several workers and app
servers: the attempt is counted atomically *before* the password is checked (a burst of parallel
guesses cannot all pass a check that runs before any of them is recorded), and a login that turns out
right takes its attempt back. The per-account limit stops guessing from many addresses; the
per-address one keeps a mistyping person from locking out the account for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from claimtrack.models import User

from . import users
from .base import use_case
from .limits import DatabaseLimiter, Rule

WINDOW_S = 15 * 60


@dataclass(frozen=True, slots=True)
class LoginLimits:
    per_address: int  # attempts per account and address in 15 minutes
    per_account: int  # attempts per account from all addresses in 15 minutes

    def rules(self) -> tuple[Rule, Rule]:
        return (
            Rule("login-address", self.per_address, WINDOW_S, slices=15),
            Rule("login-account", self.per_account, WINDOW_S, slices=15),
        )


def _identities(email: str, address: str | None) -> tuple[str, str]:
    account = email.strip().lower()
    return f"{account}|{address or '-'}", account


def try_attempt(
    limiter: DatabaseLimiter, limits: LoginLimits, email: str, address: str | None
) -> bool:
    """Count one login attempt; False (nothing counted) when either limit is reached."""
    pair_rule, account_rule = limits.rules()
    pair, account = _identities(email, address)
    if not limiter.hit(pair_rule, pair).allowed:
        return False
    if not limiter.hit(account_rule, account).allowed:
        limiter.give_back(pair_rule, pair)
        return False
    return True


def succeeded(
    limiter: DatabaseLimiter, limits: LoginLimits, email: str, address: str | None
) -> None:
    """The password was right: forget this address's failures, give back the account's attempt."""
    pair_rule, account_rule = limits.rules()
    pair, account = _identities(email, address)
    limiter.clear(pair_rule, pair)
    limiter.give_back(account_rule, account)


def not_an_attempt(
    limiter: DatabaseLimiter, limits: LoginLimits, email: str, address: str | None
) -> None:
    """The request failed for another reason than the password: take the counted attempt back."""
    pair_rule, account_rule = limits.rules()
    pair, account = _identities(email, address)
    limiter.give_back(pair_rule, pair)
    limiter.give_back(account_rule, account)


@dataclass(frozen=True)
class LoginResult:
    """The user who logged in (None when refused), and whether the rate limit refused the try."""

    user: User | None
    blocked: bool = False


@use_case
def log_in(
    *,
    session: Session,
    reader: Session,
    email: str,
    password: str,
    address: str | None,
    limiter: DatabaseLimiter,
    limits: LoginLimits,
) -> LoginResult:
    """One login attempt: counted against both limits first (atomically, on the limiter's own
    connection, so the count survives whatever this transaction does), then the password checked
    through `reader`, and only a right one recorded in this transaction.

    The password hash takes tens of milliseconds on purpose. On SQLite a write session holds the
    database's only write lock from its first statement, so checking through it made every other
    request (the limiter's counts of parallel guesses included) wait for the hash, and a burst of
    guesses ran into the busy timeout. `reader` is a short read session of its own.
    After a success the caller calls `succeeded` once this use case has committed."""
    if not try_attempt(limiter, limits, email, address):
        return LoginResult(None, blocked=True)
    checked = users.check_password(reader, email, password)
    if checked is None:
        return LoginResult(None)
    user = session.get(User, checked.id)
    if user is None or not user.active:  # deactivated while the hash was checked
        return LoginResult(None)
    users.record_login(session, user, password)
    return LoginResult(user)
