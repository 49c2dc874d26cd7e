"""What the desk's views share: the blueprint, the actor, version parsing, people to assign."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlmodel import Session, col, select
from wtforms.fields.choices import SelectChoice

from claimtrack.models import User
from claimtrack.services.errors import DomainError, EditConflict, ValidationError
from claimtrack.web.auth import safe_next
from claimtrack.web.choices import choices
from claimtrack.web.dbsession import db_session
from claimtrack.web.messages import error_text

bp = Blueprint("desk", __name__, url_prefix="/desk")


def dbs() -> Session:
    return db_session()


def form_version(raw: Any) -> int:
    """The version a form was based on (hidden field); a missing or forged one is a bad request."""
    try:
        version = int(str(raw))
    except (TypeError, ValueError):
        abort(400)
    if version < 1:
        abort(400)
    return version


def people(session: Session) -> list[User]:
    """Everyone who can be assigned claims."""
    stmt = (
        select(User)
        .where(col(User.active).is_(True), col(User.is_system).is_(False))
        .order_by(User.name)
    )
    return list(session.exec(stmt))


def people_choices(session: Session, *, blank: str) -> list[SelectChoice]:
    return choices([("", blank), *((str(u.id), u.name) for u in people(session))])


def back_to(default: str) -> ResponseReturnValue:
    """Redirect to the form's `next` when it is a path on this site, else to `default`."""
    target = safe_next(request.form.get("next")) or default
    return redirect(target)


def flash_error(exc: DomainError) -> None:
    """A domain error as a message in the reader's language, after a lead saying nothing was done."""
    if isinstance(exc, EditConflict):
        flash(
            conflict_message(exc, {}) + " " + _("Reload the page and apply your change again."),
            "error",
        )
    elif isinstance(exc, ValidationError):
        flash(_("Not saved:") + " " + error_text(exc), "error")
    else:
        flash(_("Not done:") + " " + error_text(exc), "error")


def field_errors(form: Any, exc: ValidationError) -> None:
    """Attach a service ValidationError to the field it names (or to the whole form)."""
    field = getattr(form, exc.field, None) if exc.field else None
    if field is not None and hasattr(field, "errors"):
        field.errors = [*field.errors, error_text(exc)]
    else:
        form.form_errors.append(error_text(exc))


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
