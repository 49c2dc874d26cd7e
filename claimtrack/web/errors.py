"""The one error path: error pages, JSON errors and service errors on forms. Never a stack trace.

Services raise `DomainError`s (see `claimtrack.services.errors`). Each kind has one HTTP status
(`status_for`). A view handles an error itself only when it can do better than an error page: put
the message on the form the person typed into (`show_error`) or show a conflict's difference.
Anything a view does not catch reaches `handle_domain`, which answers with that status and the
message in the reader's language (English JSON for API clients), so no forgotten `try` becomes a 500.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, flash, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

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
    409: (_l("Changed meanwhile"), _l("Someone else changed this in the meantime.")),
    410: (_l("Gone"), _l("This page was taken down.")),
    413: (_l("Too large"), _l("What you sent is larger than we accept.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (_l("Something went wrong"), _l("Something went wrong on our side. Please try again.")),
    503: (
        _l("Busy right now"),
        _l(
            "Many changes are being saved at this moment and this one could not wait any longer. "
            "It was not saved; please try again in a few seconds."
        ),
    ),
}

# How long a client should wait after a busy database (the `Retry-After` of the 503).
BUSY_RETRY_AFTER_S = 2

# PostgreSQL's "gave up waiting": lock_not_available, serialization_failure, deadlock_detected.
_PG_BUSY_STATES = {"55P03", "40001", "40P01"}


def _page_text(status: int) -> tuple[str, str]:
    """The localised title and explanation of an error page (JSON keeps English for partners)."""
    texts = PAGE_TEXTS.get(status) or PAGE_TEXTS[500 if status >= 500 else 400]
    return str(texts[0]), str(texts[1])


def _render(
    status: int, title: str, message: str, field: str | None = None
) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify({"errors": [{"field": field, "reason": message}]}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def handle_domain(exc: DomainError) -> ResponseReturnValue:
    """A service refused and the view did not catch it: its status and message, nothing else."""
    status, title = next((s, t) for kind, s, t in STATUS if isinstance(exc, kind))
    if wants_json():  # partners read English
        return _render(status, title, str(exc), getattr(exc, "field", None))
    return _render(status, _page_text(status)[0], _message(exc))


def handle_http(exc: HTTPException) -> ResponseReturnValue:
    code = exc.code or 500
    if wants_json():
        name = str(exc.name)
        body, status = _render(code, name, exc.description or name)
    else:
        body, status = _render(code, *_page_text(code))
    # Keep the exception's own headers: RFC 9110 wants `Allow` on every 405.
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def is_database_busy(exc: BaseException) -> bool:
    """True when the database gave up waiting for another writer (the transaction was rolled back).

    SQLite has one writer at a time and answers "database is locked" once its busy timeout runs
    out; PostgreSQL answers a lock or serialization failure. Neither is the person's fault nor a
    bug: the answer is a 503 asking to try again, not "something went wrong".
    """
    if not isinstance(exc, OperationalError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_BUSY_STATES:
        return True
    return "database is locked" in str(orig).lower()


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    if isinstance(exc, HTTPException):
        return handle_http(exc)
    if is_database_busy(exc):
        current_app.logger.warning("Database busy on %s %s: %s", request.method, request.path, exc)
        title, text = ("Service Unavailable", "The database is busy; try again shortly.")
        if not wants_json():
            title, text = _page_text(503)
        body, status = _render(503, title, text)
        return body, status, [("Retry-After", str(BUSY_RETRY_AFTER_S))]
    # Logged with its traceback; the person sees a plain message, never the exception's text.
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    if wants_json():
        return _render(500, "Internal Server Error", "Something went wrong on our side.")
    return _render(500, *_page_text(500))


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
