"""The web layer: blueprints and the per-request plumbing they share."""

from __future__ import annotations

from importlib import import_module

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import api, auth, dbsession, errors, exports, health, i18n, security

csrf = CSRFProtect()


def init_web(app: Flask) -> None:
    csrf.init_app(app)
    dbsession.init_app(app)
    errors.init_app(app)
    app.register_blueprint(health.bp)
    security.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    app.register_blueprint(import_module(".admin", __name__).bp)  # W-A admin pages
    app.register_blueprint(csrf.exempt(exports.bp))
    app.register_blueprint(csrf.exempt(api.bp))
    app.register_blueprint(import_module(".public", __name__).bp)  # W-C reader pages
    app.register_blueprint(import_module(".desk", __name__).bp)  # W-B desk work pages
