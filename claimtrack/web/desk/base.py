"""What the desk's views share: the blueprint, the actor, version parsing, people to assign."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, request
from flask.typing import ResponseReturnValue
from sqlmodel import Session, col, select
from wtforms.fields.choices import SelectChoice

from claimtrack.models import User
from claimtrack.services.claims import LanguageMismatch
from claimtrack.services.errors import DomainError
from claimtrack.web.auth import safe_next
from claimtrack.web.choices import choices
from claimtrack.web.dbsession import db_session
from claimtrack.web.i18n import language_name

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


def in_page_language(exc: DomainError) -> DomainError:
    """A refused language label names both languages in the page's language ("Englisch")."""
    if isinstance(exc, LanguageMismatch):
        exc.params = {"chosen": language_name(exc.chosen), "guessed": language_name(exc.guessed)}
    return exc
