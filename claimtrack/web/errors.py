"""Error pages and JSON errors: never a stack trace to a user."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException, InternalServerError

from claimtrack.services.errors import DomainError, NotFound, PermissionDenied

from .messages import error_text


def wants_json() -> bool:
    return request.path.startswith(("/api/", "/exports/", "/healthz")) or (
        request.accept_mimetypes.best == "application/json"
    )


def _render(status: int, title: str, message: str) -> ResponseReturnValue:
    if wants_json():
        return jsonify({"errors": [{"field": None, "reason": message}]}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _text(exc: DomainError) -> str:
    """English for JSON clients (partners read it), the reader's language on pages."""
    return str(exc) if wants_json() else error_text(exc)


def handle_http(exc: HTTPException) -> ResponseReturnValue:
    body, status = _render(exc.code or 500, exc.name, exc.description or exc.name)  # type: ignore[misc]
    # Keep the exception's own headers: RFC 9110 wants `Allow` on every 405.
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def handle_not_found(exc: NotFound) -> ResponseReturnValue:
    return _render(404, "Not Found", _text(exc))


def handle_denied(exc: PermissionDenied) -> ResponseReturnValue:
    return _render(403, "Forbidden", _text(exc))


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return handle_http(exc)
    # Logged with its traceback by Flask; the user sees a plain message.
    from flask import current_app

    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return _render(
        500, InternalServerError.name, "Something went wrong on our side. Please try again."
    )


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(NotFound, handle_not_found)
    app.register_error_handler(PermissionDenied, handle_denied)
    if not app.config.get("PROPAGATE_EXCEPTIONS_IN_TESTS"):
        app.register_error_handler(Exception, handle_unexpected)
