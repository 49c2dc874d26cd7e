"""Static files release their file handle when the WSGI server closes the response.

Production servers (gunicorn) iterate the response and close it in a `finally`, also when the
client went away; this checks that every kind of static answer hands them a response whose
`close()` releases the file (the app adds no layer that would drop it).
"""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.test import EnvironBuilder

from tests.open_files import open_files_named

FAVICON = "favicon.svg"


def served(app: Any, headers: dict[str, str], method: str = "GET") -> tuple[str, Any]:
    """Call the app as a WSGI server does; the status and the (not yet closed) response."""
    environ = EnvironBuilder(
        path=f"/static/{FAVICON}", method=method, headers=headers
    ).get_environ()
    status: list[str] = []
    response = app(environ, lambda s, h, exc_info=None: status.append(s))
    return status[0], response


@pytest.mark.parametrize(
    ("method", "headers", "code"),
    [
        ("GET", {}, "200"),
        ("HEAD", {}, "200"),
        ("GET", {"Range": "bytes=0-9"}, "206"),
        ("GET", {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}, "304"),
    ],
)
def test_closing_a_static_response_releases_its_file(app, method, headers, code):
    status, response = served(app, headers, method)
    assert status.startswith(code)
    assert len(open_files_named(FAVICON)) == 1  # the response holds the file until it is closed
    b"".join(response)
    response.close()
    assert open_files_named(FAVICON) == []
