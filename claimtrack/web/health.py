"""GET /healthz: is the database reachable and migrated to the revision this code expects."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from claimtrack import migrate

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    db = current_app.extensions["claimtrack.db"]
    expected = migrate.head_revision()
    try:
        db.ping()
        revision = migrate.current_revision(db.engine)
    except SQLAlchemyError as exc:
        failure = {"status": "error", "database": "unreachable", "detail": type(exc).__name__}
        return jsonify(failure), 503
    ok = revision == expected
    body: dict[str, str | None] = {
        "status": "ok" if ok else "error",
        "database": "ok",
        "engine": db.engine.dialect.name,
        "schema_revision": revision,
        "expected_revision": expected,
    }
    return jsonify(body), 200 if ok else 503
