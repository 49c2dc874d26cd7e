"""Web test helpers: `login(client, role)` logs a test client in as the test user of that role.

Works with CSRF off (`app`) and on (`csrf_app`): it reads the token from the login page when there is
one. `csrf_token(client, path)` gives the token of any page for hand-made POSTs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.conftest import PASSWORD, TEST_USERS

_TOKEN_RE = re.compile(r'name="(?:[\w-]+-)?csrf_token" type="hidden" value="([^"]+)"')

LoginFn = Callable[..., FlaskClient]


def csrf_token_of(html: str) -> str | None:
    """The first CSRF token in a page (None when CSRF is off)."""
    match = _TOKEN_RE.search(html)
    return match.group(1) if match else None


def page_csrf_token(client: FlaskClient, path: str = "/login") -> str | None:
    return csrf_token_of(client.get(path).get_data(as_text=True))


def do_login(client: FlaskClient, role: str, *, password: str = PASSWORD) -> FlaskClient:
    """Log `client` in as the test user of `role` (admin, editor, fact_checker); asserts success."""
    email = TEST_USERS[role][0]
    data = {"email": email, "password": password}
    token = page_csrf_token(client)
    if token:
        data["csrf_token"] = token
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return client


@pytest.fixture
def login() -> LoginFn:
    """`login(client, "editor")` → the same client, now logged in."""
    return do_login


@pytest.fixture
def csrf_token() -> Callable[[FlaskClient, str], str | None]:
    """`csrf_token(client, "/some/page")` → the CSRF token rendered on that page."""
    return page_csrf_token
