"""The app's shared rate limiter and the limits read from the configuration.

One `DatabaseLimiter` per app on the write engine: every worker and app server on the same
database counts against the same rows (see `services.limits`).
"""

from __future__ import annotations

from flask import current_app, g, request

from claimtrack.services.limits import DatabaseLimiter, Rule
from claimtrack.services.logins import LoginLimits


def limiter() -> DatabaseLimiter:
    """The shared limiter. On SQLite a write request's session holds the database's write lock from
    its first query (BEGIN IMMEDIATE), and the limiter writes on a connection of its own: a request
    that has only read so far ends its transaction first, so the two never wait on each other."""
    _end_read_only_transaction()
    found = current_app.extensions.get("claimtrack.limiter")
    if found is None:
        engine = current_app.extensions["claimtrack.db"].write_engine
        found = current_app.extensions.setdefault("claimtrack.limiter", DatabaseLimiter(engine))
    assert isinstance(found, DatabaseLimiter)
    return found


def _end_read_only_transaction() -> None:
    session = g.get("db_session")
    if session is None or not session.in_transaction():
        return
    if session.new or session.dirty or session.deleted:
        return  # never commit a view's half-made change here
    session.commit()


def client_address() -> str:
    """The client's address (behind TRUSTED_PROXIES, ProxyFix has put the real one here)."""
    return request.remote_addr or "-"


def login_limits() -> LoginLimits:
    config = current_app.config
    return LoginLimits(
        per_address=int(config["LOGIN_RATE_LIMIT_PER_15_MIN"]),
        per_account=int(config["LOGIN_ACCOUNT_RATE_LIMIT_PER_15_MIN"]),
    )


def api_rule() -> Rule:
    return Rule("api", int(current_app.config["API_RATE_LIMIT_PER_MINUTE"]), 60)


def report_rule() -> Rule:
    return Rule("report", int(current_app.config["REPORT_RATE_LIMIT_PER_10_MIN"]), 600, slices=10)
