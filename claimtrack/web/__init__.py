"""The web layer: blueprints and the per-request plumbing they share."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import dbsession, errors, health

csrf = CSRFProtect()


def init_web(app: Flask) -> None:
    csrf.init_app(app)
    dbsession.init_app(app)
    errors.init_app(app)
    app.register_blueprint(health.bp)
