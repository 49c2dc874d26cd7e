"""Run the app under gunicorn from `claimtrack run`, without a separate config file."""

from __future__ import annotations

from pathlib import Path
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


# A Unix socket path longer than this does not fit `sockaddr_un` (108 bytes on Linux).
MAX_SOCKET_PATH = 100


def gunicorn_options(app: Flask, *, host: str, port: int, workers: int) -> dict[str, Any]:
    """The server's settings. Gunicorn's control socket (for `gunicornc`) goes into this
    instance's folder, one per port, never the shared `$HOME/.gunicorn/gunicorn.ctl`: two
    instances on one machine must not take over each other's socket. Where that path would be
    too long for a Unix socket, the control socket is switched off."""
    options: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "timeout": 60,
    }
    control = Path(app.instance_path) / f"gunicorn-{port}.ctl"
    if len(str(control)) <= MAX_SOCKET_PATH:
        options["control_socket"] = str(control)
    else:
        options["control_socket_disable"] = True
    return options


def serve(app: Flask, *, host: str, port: int, workers: int) -> None:
    # The engine's connection pool must not be shared across forked workers.
    app.extensions["claimtrack.db"].dispose()
    _Gunicorn(app, gunicorn_options(app, host=host, port=port, workers=workers)).run()
