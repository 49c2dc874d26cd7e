"""The request edge: what every request is cleaned of or refused for before a view sees it.

- Query and form values (and their names) lose control characters (`text.controls`), so a NUL
  typed or pasted anywhere can neither break PostgreSQL nor end up in a feed.
- Form pages take forms: a JSON body sent to any route outside the API is a 400, never parsed
  (Flask-WTF would otherwise read it as form data, and a list or a deeply nested value breaks it).
- `<int:…>` in a route matches at most 2^31 - 1 (PostgreSQL's integer) with at most ten digits:
  a larger id is a 404 like any other id that does not exist, never a database error.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Request, abort, request
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.routing import IntegerConverter

from claimtrack.text.controls import strip_controls

from .errors import wants_json

MAX_ID = 2**31 - 1
MAX_QUERY_BYTES = 8000
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CleanParams(ImmutableMultiDict[str, Any]):
    """Query and form values with control characters removed from names and text values."""

    def __init__(self, mapping: Any = None) -> None:
        raw: MultiDict[str, Any] = MultiDict(mapping) if mapping is not None else MultiDict()
        super().__init__(
            [
                (strip_controls(key), strip_controls(value) if isinstance(value, str) else value)
                for key, value in raw.items(multi=True)
            ]
        )


class EdgeRequest(Request):
    parameter_storage_class = CleanParams


class IdConverter(IntegerConverter):
    """A database id: 1 to 10 digits and at most MAX_ID (a min/max given in the rule still wins)."""

    regex = r"\d{1,10}"

    def __init__(
        self,
        map: Any,
        fixed_digits: int = 0,
        min: int | None = None,
        max: int | None = None,
        signed: bool = False,
    ) -> None:  # noqa: A002
        super().__init__(map, fixed_digits, min, MAX_ID if max is None else max, signed)


def refuse_long_query() -> None:
    """414 for a query string beyond MAX_QUERY_BYTES, the same under any server (gunicorn is
    started with a request line limit above it, see `serve`)."""
    if len(request.query_string) > MAX_QUERY_BYTES:
        message = "The query string is longer than 8000 bytes."
        abort(414, description=message if wants_json() else _(message))


def refuse_json_to_forms() -> None:
    """400 for a JSON (or other non-form) body sent to a page that takes a form."""
    if request.method in ("GET", "HEAD", "OPTIONS") or request.blueprint == "api":
        return
    if request.is_json or (
        request.mimetype and request.mimetype not in _FORM_TYPES and request.content_length
    ):
        message = "This page takes a form, not JSON or another kind of body."
        abort(400, description=message if wants_json() else _(message))


def refuse_cross_site_post() -> None:
    """400 for a POST a browser sent from another site (forms without a CSRF token use this).

    Browsers send `Origin` with every POST (the string "null" from sandboxed or privacy-stripped
    contexts); `Referer` is the fallback. Clients that send neither are not browsers a forged
    request could ride on.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if source is None:
        return
    if source == "null" or urlsplit(source).netloc != request.host:
        message = "This form can only be sent from this site."
        abort(400, description=message if wants_json() else _(message))


def init_converters(app: Flask) -> None:
    """Before any blueprint is registered: rules compile their converters when they are added."""
    app.url_map.converters["int"] = IdConverter


def init_app(app: Flask) -> None:
    app.request_class = EdgeRequest
    hooks = app.before_request_funcs.setdefault(None, [])
    hooks[0:0] = [refuse_long_query, refuse_json_to_forms]
