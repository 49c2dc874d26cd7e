"""Configuration in four layers: defaults < instance/config.py < CLAIMTRACK_* environment < test config.

Environment values are parsed as JSON when they look like JSON (numbers, booleans, lists), so
`CLAIMTRACK_EXPORTS_PUBLIC=true` gives a bool; anything else stays a string.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from flask import Flask

from claimtrack.languages import DEFAULT, LANGUAGES

ENV_PREFIX = "CLAIMTRACK_"
INSECURE_DEFAULT_KEY = "dev-insecure-change-me"

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": INSECURE_DEFAULT_KEY,
    # Empty means: SQLite file in the instance folder.
    "DATABASE_URL": "",
    "SQLITE_BUSY_TIMEOUT_MS": 5000,
    "SQL_ECHO": False,
    # Organisation that publishes the verdicts (ClaimReview author, feed publisher).
    "ORG_NAME": "claimtrack Faktencheck",
    # The public address of the reader pages ("https://factcheck.example.org/"): every absolute URL in
    # markup, feeds, exports and the API starts with it. ORG_URL (the organisation's own site, the
    # ClaimReview author) defaults to it. Outside debug, exports and the API refuse to run without it
    # rather than guess the address from the request's Host header.
    "PUBLIC_BASE_URL": "",
    "ORG_URL": "",
    "DATA_LICENSE": "https://creativecommons.org/licenses/by/4.0/",
    "EXPORTS_PUBLIC": False,
    "API_RATE_LIMIT_PER_MINUTE": 120,
    "LOGIN_RATE_LIMIT_PER_15_MIN": 10,  # per account and address
    "LOGIN_ACCOUNT_RATE_LIMIT_PER_15_MIN": 20,  # per account, from all addresses together
    "REPORT_RATE_LIMIT_PER_10_MIN": 5,  # reader error reports per client address
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    "FETCH_TIMEOUT_S": 10.0,
    "FETCH_ALLOW_LOOPBACK": False,
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).
    # Set it behind a proxy so rate limits key on the client's address, not the proxy's.
    "TRUSTED_PROXIES": 0,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "WTF_CSRF_TIME_LIMIT": 8 * 3600,
    # Empty: argon2-cffi's defaults (argon2id, t=3, 64 MiB). Tests set a cheap cost.
    "ARGON2_TIME_COST": None,
    "ARGON2_MEMORY_KIB": 65536,
    # Job queue: empty = SQLite file queue.sqlite in the instance folder (single machine);
    # redis://host:6379/0 for several app servers and workers.
    "QUEUE_URL": "",
    # Name of the queue inside Redis (several instances can share one Redis).
    "QUEUE_NAME": "claimtrack",
    # Seconds a partner's webhook endpoint may take to answer.
    "WEBHOOK_TIMEOUT_S": 10.0,
    # Monitoring (watched feeds and sitemaps). New articles read per source and poll (the rest
    # wait for the next poll), and child sitemaps of a sitemap index read per poll.
    "MONITOR_ITEMS_PER_POLL": 100,
    "MONITOR_SITEMAP_CHILDREN": 3,
    # Screen story sentences with use-m3 before the full (e5) matcher (services/monitoring/screen.py).
    "MONITOR_SCREEN": True,
    # Daily alert digest: written to MONITOR_DIGEST_DIR (empty: <instance>/digests) at this UTC
    # hour, and e-mailed to MONITOR_DIGEST_TO (comma-separated) when SMTP_HOST is set.
    "MONITOR_DIGEST_DIR": "",
    "MONITOR_DIGEST_HOUR": 6,
    "MONITOR_DIGEST_TO": "",
    "SMTP_HOST": "",
    "SMTP_PORT": 25,
    "SMTP_FROM": "claimtrack@localhost",
    "SMTP_USER": "",
    "SMTP_PASSWORD": "",
    "SMTP_STARTTLS": False,
    "BABEL_DEFAULT_LOCALE": DEFAULT,
    "LANGUAGES": list(LANGUAGES),
}


def _parse_env_value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def load_config(app: Flask, test_config: dict[str, Any] | None = None) -> None:
    """Apply the four layers in order; later layers win."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    for key, raw in os.environ.items():
        if key.startswith(ENV_PREFIX) and key != "CLAIMTRACK_TEST_DATABASE_URL":
            app.config[key.removeprefix(ENV_PREFIX)] = _parse_env_value(raw)
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = sqlite_url(Path(app.instance_path) / "claimtrack.sqlite")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class InsecureConfigError(RuntimeError):
    """Raised when the app would start in production with a guessable secret key."""


def check_secret_key(app: Flask) -> None:
    """Refuse to run outside debug and tests with the built-in or a short secret key."""
    if app.debug or app.testing:
        return
    key = app.config.get("SECRET_KEY") or ""
    if key == INSECURE_DEFAULT_KEY or len(str(key)) < 16:
        raise InsecureConfigError(
            "SECRET_KEY is not set: put SECRET_KEY in instance/config.py or set "
            "CLAIMTRACK_SECRET_KEY to a long random value (python -c 'import secrets; "
            "print(secrets.token_hex(32))')."
        )
