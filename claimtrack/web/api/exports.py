"""GET /exports/claimreview.json, /exports/claims.csv, /exports/claims.jsonl (streamed).

They need a partner token with the `export` scope (counted against the token's rate limit, as in the
API), unless the config sets EXPORTS_PUBLIC. A bad `since` is refused with a JSON 400 before the
first byte is streamed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from flask import Blueprint, Response, current_app, request
from flask.typing import ResponseReturnValue

from claimtrack.db import Database
from claimtrack.publishing import claimreview
from claimtrack.services import exports
from claimtrack.services.errors import ValidationError
from claimtrack.web.api import partner_auth

bp = Blueprint("exports", __name__, url_prefix="/exports")
bp.register_error_handler(partner_auth.AuthFailure, partner_auth.auth_error)
bp.register_error_handler(partner_auth.RateLimited, partner_auth.rate_limited_error)

FILENAMES = {"claimreview": "claimreview.json", "csv": "claims.csv", "jsonl": "claims.jsonl"}


@bp.errorhandler(ValidationError)
def _invalid(exc: ValidationError) -> ResponseReturnValue:
    return partner_auth.error_response(400, str(exc), exc.field)


def _stream(
    db: Database, fmt: str, site: claimreview.Site, since: datetime | None
) -> Iterator[str]:
    """The export on a session of its own, so it outlives the request context while it streams."""
    session = db.session()
    try:
        yield from exports.chunks(fmt, session, site, since=since)
    finally:
        session.rollback()
        session.close()


def _export(fmt: str) -> ResponseReturnValue:
    headers: dict[str, str] = {}
    if not current_app.config.get("EXPORTS_PUBLIC"):
        partner = partner_auth.authenticate("export")
        headers = partner_auth.rate_limit(partner)
    since = exports.parse_since(request.args.get("since"))
    site = claimreview.site_from_config(current_app.config, request.url_root)
    db = current_app.extensions["claimtrack.db"]
    response = Response(_stream(db, fmt, site, since), mimetype=exports.MEDIA_TYPES[fmt])
    response.headers.update(headers)
    response.headers["Content-Disposition"] = f'inline; filename="{FILENAMES[fmt]}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = (
        "public, max-age=300" if current_app.config.get("EXPORTS_PUBLIC") else "private, no-store"
    )
    return response


@bp.get("/claimreview.json")
def claimreview_feed() -> ResponseReturnValue:
    return _export("claimreview")


@bp.get("/claims.csv")
def claims_csv() -> ResponseReturnValue:
    return _export("csv")


@bp.get("/claims.jsonl")
def claims_jsonl() -> ResponseReturnValue:
    return _export("jsonl")
