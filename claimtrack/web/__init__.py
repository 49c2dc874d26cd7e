"""The web layer: blueprints and the per-request plumbing they share."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import account, admin, auth, dbsession, desk, errors, health, i18n, public, security
from .api import exports, routes

csrf = CSRFProtect()


def init_web(app: Flask) -> None:
    csrf.init_app(app)
    dbsession.init_app(app)
    errors.init_app(app)
    app.register_blueprint(health.bp)
    security.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    app.register_blueprint(account.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(csrf.exempt(exports.bp))
    app.register_blueprint(csrf.exempt(routes.bp))
    app.register_blueprint(public.bp)
    public.render_cache.init_app(app)
    app.register_blueprint(desk.bp)
