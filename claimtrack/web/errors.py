"""The one error path: error pages, JSON errors and service errors on forms. Never a stack trace.

Services raise `DomainError`s (see `claimtrack.services.errors`). Each kind has one HTTP status
(`status_for`). A view handles an error itself only when it can do better than an error page: put
the message on the form the person typed into (`show_error`) or show a conflict's difference.
Anything a view does not catch reaches `handle_domain`, which answers with that status and the
message in the reader's language (English JSON for API clients), so no forgotten `try` becomes a 500.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, flash, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from claimtrack.services.errors import (
    DomainError,
    EditConflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)

from .messages import error_text

# Most specific first: the first class the error is an instance of decides.
STATUS = (
    (NotFound, 404, "Not Found"),
    (PermissionDenied, 403, "Forbidden"),
    (EditConflict, 409, "Conflict"),
    (InvalidTransition, 400, "Bad Request"),
    (ValidationError, 400, "Bad Request"),
    (DomainError, 400, "Bad Request"),
)


def status_for(exc: DomainError) -> int:
    """The HTTP status a refused action answers with (400, 403, 404 or 409 for a stale edit)."""
    return next(status for kind, status, _title in STATUS if isinstance(exc, kind))


def wants_json() -> bool:
    return request.path.startswith(("/api/", "/exports/", "/healthz")) or (
        request.accept_mimetypes.best == "application/json"
    )


def _render(status: int, title: str, message: str, field: str | None = None) -> ResponseReturnValue:
    if wants_json():
        return jsonify({"errors": [{"field": field, "reason": message}]}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def handle_domain(exc: DomainError) -> ResponseReturnValue:
    """A service refused and the view did not catch it: its status and message, nothing else."""
    status, title = next((s, t) for kind, s, t in STATUS if isinstance(exc, kind))
    if wants_json():  # partners read English
        return _render(status, title, str(exc), getattr(exc, "field", None))
    return _render(status, title, _message(exc))


def handle_http(exc: HTTPException) -> ResponseReturnValue:
    body, status = _render(exc.code or 500, exc.name, exc.description or exc.name)  # type: ignore[misc]
    # Keep the exception's own headers: RFC 9110 wants `Allow` on every 405.
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return handle_http(exc)
    # Logged with its traceback; the person sees a plain message, never the exception's text.
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return _render(
        500, InternalServerError.name, "Something went wrong on our side. Please try again."
    )


def show_error(exc: DomainError, form: Any = None) -> int:
    """Show a refused action where the person looks, and return the status to answer with.

    A `ValidationError` naming a field of `form` goes under that field; anything else is flashed
    (shown at the top of the next page rendered), after a lead saying nothing was done.
    """
    text = _message(exc)
    name = exc.field if isinstance(exc, ValidationError) else None
    field = getattr(form, name, None) if form is not None and name else None
    if field is not None and isinstance(getattr(field, "errors", None), list | tuple):
        field.errors = [*field.errors, text]
    elif isinstance(exc, EditConflict):
        flash(text, "error")
    elif isinstance(exc, ValidationError):
        flash(_("Not saved:") + " " + text, "error")
    else:
        flash(_("Not done:") + " " + text, "error")
    return status_for(exc)


def conflict_message(exc: EditConflict, labels: dict[str, Any]) -> str:
    """The conflict in the reader's language: who changed which fields since the form was opened."""
    fields = [
        str(labels.get(f, f)) for f in exc.changed_fields if f not in ("version", "updated_at")
    ]
    who = exc.changed_by or _("Someone")
    if fields:
        return _(
            "%(who)s changed %(fields)s while you were editing.", who=who, fields=", ".join(fields)
        )
    return _("%(who)s saved a newer version while you were editing.", who=who)


def _message(exc: DomainError) -> str:
    if isinstance(exc, EditConflict):
        return conflict_message(exc, {}) + " " + _("Reload the page and apply your change again.")
    return error_text(exc)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(DomainError, handle_domain)
    if not app.config.get("PROPAGATE_EXCEPTIONS_IN_TESTS"):
        app.register_error_handler(Exception, handle_unexpected)
