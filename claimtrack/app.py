"""The app factory: config, database, extensions and blueprints (no module-level app or engine)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from .config import check_secret_key, load_config
from .db import Database

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, database, extensions, blueprints. No module-level state."""
    app = Flask(
        __name__,
        instance_path=instance_path(),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    load_config(app, test_config)
    app.testing = bool(app.config.get("TESTING"))
    check_secret_key(app)
    app.extensions["claimtrack.db"] = Database(
        app.config["DATABASE_URL"],
        busy_timeout_ms=int(app.config["SQLITE_BUSY_TIMEOUT_MS"]),
        echo=bool(app.config["SQL_ECHO"]),
    )
    if app.config.get("ARGON2_TIME_COST"):
        from .services.users import configure_hasher

        configure_hasher(
            time_cost=int(app.config["ARGON2_TIME_COST"]),
            memory_cost_kib=int(app.config["ARGON2_MEMORY_KIB"]),
        )
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    from .services.matching.live import configure_snapshots

    configure_snapshots(
        app.config.get("VECTOR_INDEX_DIR") or Path(app.instance_path) / "vector-index"
    )
    from .jobs import init_app as init_jobs
    from .web import init_web

    init_jobs(app)
    init_web(app)
    return app


def instance_path() -> str | None:
    """The instance folder: CLAIMTRACK_INSTANCE_PATH, else Flask's default (./instance beside the code)."""
    return os.environ.get("CLAIMTRACK_INSTANCE_PATH") or None
