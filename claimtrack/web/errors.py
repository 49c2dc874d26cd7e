"""Error pages and JSON errors: never a stack trace to a user."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from claimtrack.services.errors import DomainError, NotFound, PermissionDenied

from .messages import error_text


def wants_json() -> bool:
    return request.path.startswith(("/api/", "/exports/", "/healthz")) or (
        request.accept_mimetypes.best == "application/json"
    )


# Title and explanation of each error page in the reader's language (Werkzeug's are English only).
PAGE_TEXTS = {
    400: (
        _l("Bad request"),
        _l("The request could not be understood. Please check the address or the form."),
    ),
    401: (_l("Please log in"), _l("This page is for logged-in members of the desk.")),
    403: (_l("Not allowed"), _l("You are not allowed to do this.")),
    404: (
        _l("Page not found"),
        _l("There is no page at this address. It may have moved, or the link is mistyped."),
    ),
    405: (_l("Not possible here"), _l("This page cannot be used in this way.")),
    410: (_l("Gone"), _l("This page was taken down.")),
    413: (_l("Too large"), _l("What you sent is larger than we accept.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (_l("Something went wrong"), _l("Something went wrong on our side. Please try again.")),
}


def _render(status: int, title: str, message: str) -> ResponseReturnValue:
    if wants_json():
        return jsonify({"errors": [{"field": None, "reason": message}]}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _page_text(status: int, title: str, message: str) -> tuple[str, str]:
    """The localised title and message for pages; JSON keeps Werkzeug's English for partners."""
    if wants_json():
        return title, message
    texts = PAGE_TEXTS.get(status) or PAGE_TEXTS[500 if status >= 500 else 400]
    return str(texts[0]), str(texts[1])


def _text(exc: DomainError) -> str:
    """English for JSON clients (partners read it), the reader's language on pages."""
    return str(exc) if wants_json() else error_text(exc)


def handle_http(exc: HTTPException) -> ResponseReturnValue:
    code = exc.code or 500
    title, message = _page_text(code, exc.name, exc.description or exc.name)
    body, status = _render(code, title, message)  # type: ignore[misc]
    # Keep the exception's own headers: RFC 9110 wants `Allow` on every 405.
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def handle_not_found(exc: NotFound) -> ResponseReturnValue:
    return _render(404, str(PAGE_TEXTS[404][0]) if not wants_json() else "Not Found", _text(exc))


def handle_denied(exc: PermissionDenied) -> ResponseReturnValue:
    return _render(403, str(PAGE_TEXTS[403][0]) if not wants_json() else "Forbidden", _text(exc))


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return handle_http(exc)
    # Logged with its traceback by Flask; the user sees a plain message.
    from flask import current_app

    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    title, message = _page_text(500, "Internal Server Error", "Something went wrong on our side.")
    return _render(500, title, message)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(NotFound, handle_not_found)
    app.register_error_handler(PermissionDenied, handle_denied)
    if not app.config.get("PROPAGATE_EXCEPTIONS_IN_TESTS"):
        app.register_error_handler(Exception, handle_unexpected)
