"""The bad-input corpus over every route in `url_map`: no answer is a 5xx and a refused request
stores nothing.

Payloads: NUL and control characters, invalid UTF-8, ids beyond the integer range and negative
ids, JSON, deep JSON and multipart bodies sent to form routes, repeated and very long query
strings. Each route runs on a fresh database as an anonymous visitor and logged in (admin, who
reaches every page, and a fact-checker on the desk). Form field names come from every WTForms form
of the app, so each form sees all of its fields filled with bad values. After a request answered
4xx, every table has as many rows as before (nothing half-stored); at the end no text column holds
a control character.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_wtf import FlaskForm
from sqlalchemy import String, Text, select, text
from sqlmodel import Session, SQLModel

import claimtrack.web  # noqa: F401  (imports every form class)
from claimtrack.text.controls import has_controls
from tests.web.conftest import do_login
from tests.web.test_route_matrix import _collection_app, _objects

BAD = "a\x00b\x1b[31mc\x7fd\x85e\ufffef\x0bg"
Q = quote(BAD)
HUGE_IDS = ("2147483648", "9223372036854775808", "9" * 30, "9" * 5000, "-1", "0")
LONG = "x" * 20_000
SKIP_COUNTS = {"rate_counter"}


def _form_fields() -> list[str]:
    names: set[str] = set()
    stack = list(FlaskForm.__subclasses__())
    while stack:
        form = stack.pop()
        stack.extend(form.__subclasses__())
        for name, value in vars(form).items():
            if hasattr(value, "field_class"):
                names.add(name)
    return sorted(names)


FIELDS = _form_fields()


def _routes() -> list[tuple[str, str, str]]:
    app = _collection_app()
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            found.add((rule.rule, method, rule.endpoint))
    return sorted(found)


ROUTES = _routes()


def _fill(rule: str, values: dict[str, Any], override: str | None = None) -> str:
    def one(match: re.Match[str]) -> str:
        converter, _, name = match.group(1).rpartition(":")
        if override is not None and converter.startswith("int"):
            return override
        return str(values.get(name, "x"))

    return re.sub(r"<([^>]+)>", one, rule)


def _payloads(rule: str, method: str, values: dict[str, Any]) -> list[dict[str, Any]]:
    url = _fill(rule, values)
    cases: list[dict[str, Any]] = [
        {
            "path": url,
            "query_string": f"q={Q}&page={Q}&pageSize=5&pageSize=6&page=9999999999999999999999",
        },
        {"path": url + "?q=%ff%fe%c3&lang=%00&query=%1b%5b"},
        {"path": url, "query_string": f"q={LONG}"},
    ]
    if "<int" in rule:
        cases += [{"path": _fill(rule, values, bad)} for bad in HUGE_IDS]
    if "<" in rule:
        cases.append({"path": re.sub(r"<[^>]+>", "%00%ff", rule)})
    if method != "GET":
        bad_form = {name: BAD for name in FIELDS} | {"version": "9" * 40, "page": "-9" * 20}
        cases += [
            {"path": url, "data": bad_form},
            {
                "path": url,
                "data": b"text=%ff%fe&title=\xff\xfe\x00&email=\xc3",
                "content_type": "application/x-www-form-urlencoded",
            },
            {
                "path": url,
                "data": json.dumps({n: BAD for n in FIELDS}),
                "content_type": "application/json",
            },
            {
                "path": url,
                "data": json.dumps([1, [2, {"a": None}]]),
                "content_type": "application/json",
            },
            {"path": url, "data": "[" * 100_000, "content_type": "application/json"},
            {"path": url, "data": b"\x00\xff\xfe<xml/>", "content_type": "text/xml"},
            {
                "path": url,
                "data": {
                    **{name: BAD for name in FIELDS},
                    "file": (io.BytesIO(b'{"text": "a\x00b"}\n\xff\xfe\x00' * 50), "bad\x00.jsonl"),
                },
                "content_type": "multipart/form-data",
            },
        ]
    return cases


def _counts(session: Session) -> dict[str, int]:
    tables = [t for t in SQLModel.metadata.sorted_tables if t.name not in SKIP_COUNTS]
    union = " UNION ALL ".join(f"SELECT '{t.name}', count(*) FROM {t.name}" for t in tables)
    session.rollback()  # a fresh snapshot (SQLite keeps the old one until the transaction ends)
    rows = session.exec(text(union)).all()  # type: ignore[call-overload]
    session.rollback()
    return {name: int(n) for name, n in rows}


def _stored_controls(session: Session) -> list[str]:
    found = []
    for table in SQLModel.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, String | Text)]
        for column in columns:
            for (value,) in session.execute(select(column).where(column.is_not(None))):
                if isinstance(value, str) and has_controls(value):
                    found.append(f"{table.name}.{column.name}: {value[:60]!r}")
    session.rollback()
    return found


def _clients(app: Flask, endpoint: str) -> dict[str, FlaskClient]:
    clients = {"anonymous": app.test_client(), "admin": do_login(app.test_client(), "admin")}
    if endpoint.startswith("desk."):
        clients["fact_checker"] = do_login(app.test_client(), "fact_checker")
    return clients


@pytest.mark.parametrize(
    ("rule", "method", "endpoint"), ROUTES, ids=[f"{m} {r}" for r, m, _ in ROUTES]
)
def test_bad_input_never_gives_5xx_nor_stores_half(
    app: Flask, session: Session, rule: str, method: str, endpoint: str
):
    values = _objects(session)
    values["code"] = "de"
    values["filename"] = "app.css"
    values["slug"] = "slug"
    problems = []
    for who, client in _clients(app, endpoint).items():
        for case in _payloads(rule, method, values):
            before = _counts(session)
            response = client.open(method=method, **case)
            status = response.status_code
            response.close()
            label = f"{who} {method} {case['path'][:80]} {str(case.get('content_type', ''))} {str(case.get('query_string', ''))[:40]!r}"
            if status >= 500:
                problems.append(f"{status} {label}")
            elif 400 <= status < 500 and _counts(session) != before:
                after = _counts(session)
                changed = {k: (before[k], after[k]) for k in after if after[k] != before.get(k)}
                problems.append(f"{status} but stored {changed}: {label}")
    problems += _stored_controls(session)
    assert problems == []


def test_the_corpus_covers_every_route():
    assert {e for _, _, e in ROUTES} >= {
        "public.feed",
        "desk.intake_bulk",
        "auth.login",
        "api.get_claim",
    }
    assert len(FIELDS) > 30 and {"email", "password", "text"} <= set(FIELDS)
