"""The partner API, /api/v1: published claims with their verdicts, and the Fact Check search.

Every route but the OpenAPI document needs `Authorization: Bearer <token>` with the `api` scope and
counts against the token's rate limit. The API only reads (GET), so CSRF does not apply: the
blueprint is registered exempt. Errors are `{"errors": [{"field", "reason"}]}`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from claimtrack.publishing import claimreview, export_rows
from claimtrack.services import partner_api
from claimtrack.services.errors import NotFound, ValidationError
from claimtrack.web.api import partner_auth
from claimtrack.web.api.openapi import openapi_document
from claimtrack.web.dbsession import db_session

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.register_error_handler(partner_auth.AuthFailure, partner_auth.auth_error)
bp.register_error_handler(partner_auth.RateLimited, partner_auth.rate_limited_error)
PUBLIC_ENDPOINTS = frozenset({"api.openapi"})


@bp.before_request
def _authenticate() -> None:
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    partner = partner_auth.authenticate("api")
    g.rate_limit_headers = partner_auth.rate_limit(partner)


@bp.after_request
def _headers(response: Response) -> Response:
    response.headers.update(g.get("rate_limit_headers") or {})
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.errorhandler(ValidationError)
def _invalid(exc: ValidationError) -> ResponseReturnValue:
    return partner_auth.error_response(400, str(exc), exc.field)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound) -> ResponseReturnValue:
    return partner_auth.error_response(404, str(exc), "claimId")


def _json(body: dict[str, Any]) -> Response:
    """JSON with <, > and & escaped (as in the exports): no stored text can read as markup."""
    return Response(export_rows.to_json(body), mimetype="application/json")


def _site() -> claimreview.Site:
    return claimreview.site_from_config(current_app.config, request.url_root)


def _int_arg(name: str) -> int | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        return int(raw.strip(), 10)
    except ValueError:
        raise ValidationError(f"{name} must be a whole number.", field=name) from None


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document(request.url_root.rstrip("/") + bp.url_prefix))


@bp.get("/claims")
def list_claims() -> ResponseReturnValue:
    body = partner_api.list_claims(
        db_session(),
        _site(),
        page_size=_int_arg("pageSize"),
        page_token=request.args.get("pageToken"),
    )
    return _json(body)


@bp.get("/claims/<int(min=1, max=2147483647):claim_id>")
def get_claim(claim_id: int) -> ResponseReturnValue:
    bundle = partner_api.get_claim(db_session(), claim_id)
    if bundle.withdrawn:
        reason = bundle.verdict.withdrawn_reason or "The verdict was withdrawn."
        return partner_auth.error_response(410, reason, "claimId")
    return _json(partner_api.item(bundle, _site()))


@bp.get("/claims:search")
def search_claims() -> ResponseReturnValue:
    params = partner_api.check_search(
        request.args.get("query"),
        request.args.get("languageCode"),
        _int_arg("maxAgeDays"),
        _int_arg("pageSize"),
        request.args.get("pageToken"),
    )
    return _json(partner_api.search(db_session(), _site(), params))
