"""What every use case shares: one transaction, permission checks, loading by id."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from claimtrack.languages import LANGUAGES, is_supported
from claimtrack.models import User
from claimtrack.workflow import Permission, can

from . import queue_rank  # noqa: F401  (keeps the queue's maintained columns current at commit)
from .errors import EditConflict, NotFound, PermissionDenied, ValidationError

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=SQLModel)
log = logging.getLogger(__name__)
_IN_USE_CASE = "claimtrack.use_case"


def use_case(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` as one transaction: commit when it returns, roll back everything when it raises.

    The session must be passed as the keyword argument `session`. A use case called from inside
    another joins the caller's transaction (only the outermost commits), so one user action that
    is made of several steps (save the draft, then publish it) is all or nothing.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        session = kwargs["session"]
        assert isinstance(session, Session)
        if session.info.get(_IN_USE_CASE):
            return fn(*args, **kwargs)
        session.info[_IN_USE_CASE] = True
        try:
            result = fn(*args, **kwargs)
            session.commit()
            return result
        except StaleDataError as exc:
            session.rollback()
            raise EditConflict(
                "Someone else saved this at the same moment; reload and apply your change again.",
                current={},
                current_version=-1,
                changed_by=None,
                changed_fields=[],
            ) from exc
        except IntegrityError as exc:
            session.rollback()
            # The database's own text names tables and constraints: log it, never show it.
            log.warning("%s refused by the database: %s", fn.__name__, _short(exc))
            raise ValidationError(
                "The change conflicts with data stored in the meantime; nothing was saved."
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info.pop(_IN_USE_CASE, None)

    return wrapper


def _short(exc: IntegrityError) -> str:
    return str(exc.orig).splitlines()[0][:200] if exc.orig else "integrity error"


def require(actor: User | None, permission: Permission) -> User:
    """Refuse unless `actor` is an active user whose role grants `permission`."""
    if actor is None or not actor.active or not can(actor.role, permission):
        raise PermissionDenied("You are not allowed to do this.")
    return actor


def get_or_raise(session: Session, model: type[M], obj_id: int, *, deleted_ok: bool = False) -> M:
    obj = session.get(model, obj_id)
    if obj is None or (not deleted_ok and getattr(obj, "deleted_at", None) is not None):
        raise NotFound("%(kind)s %(id)s does not exist.", {"kind": model.__name__, "id": obj_id})
    return obj


def clean_text(value: Any, field: str, *, required: bool = True, max_len: int = 10_000) -> str:
    """Strip a text input and enforce presence and length, with a message naming the field."""
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError("%(field)s must not be empty.", field=field, params={"field": field})
    if len(text) > max_len:
        raise ValidationError(
            "%(field)s is longer than %(max)s characters.",
            field=field,
            params={"field": field, "max": max_len},
        )
    return text


def check_language(value: object, field: str = "language") -> str:
    """One of the languages claimtrack works in (`claimtrack.languages`), else a ValidationError."""
    if not isinstance(value, str) or not is_supported(value):
        raise ValidationError(
            "Language must be one of: %(languages)s.",
            field=field,
            params={"languages": ", ".join(LANGUAGES)},
        )
    return value


def check_http_url(value: str | None, field: str, *, required: bool = True) -> str | None:
    """Accept only absolute http(s) URLs, so no `javascript:` link is ever stored."""
    from urllib.parse import urlsplit

    url = (value or "").strip()
    if not url:
        if required:
            raise ValidationError(
                "%(field)s must not be empty.", field=field, params={"field": field}
            )
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2000:
        raise ValidationError(
            "%(field)s must be an http or https address.", field=field, params={"field": field}
        )
    return url
