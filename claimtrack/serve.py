"""Run the app under gunicorn from `claimtrack run`, without a separate config file."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def serve(app: Flask, *, host: str, port: int, workers: int) -> None:
    # The engine's connection pool must not be shared across forked workers.
    app.extensions["claimtrack.db"].dispose()
    _Gunicorn(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            "timeout": 60,
            # Above the app's own 414 limit (web.edge.MAX_QUERY_BYTES), so the app answers it.
            "limit_request_line": 8190,
        },
    ).run()
