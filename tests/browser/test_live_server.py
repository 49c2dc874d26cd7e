"""The browser tests' live server: a response the browser drops is still closed before teardown.

Chromium resets connections whose responses it no longer needs (the favicon of a page it leaves).
werkzeug's dev server skipped closing such a response, and the static file it held was collected,
with a ResourceWarning, in some later test.
"""

from __future__ import annotations

import gc
import socket
import struct
import time

from tests.browser.conftest import _ServerThread
from tests.open_files import open_files_named

FAVICON = "favicon.svg"
DROPPED_REQUESTS = 40


def request_and_reset(port: int, path: str) -> None:
    """Send a GET and reset the connection (RST, like a browser cancelling) while it is answered."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        time.sleep(0.002)  # the server has opened the file and is writing the response
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_dropped_static_responses_are_closed_before_teardown(app):
    server = _ServerThread(app)
    server.start()
    for _ in range(DROPPED_REQUESTS):
        request_and_reset(server.server.server_port, f"/static/{FAVICON}")
    server.server.shutdown()
    server.join(timeout=15)
    assert not server.is_alive()
    # Every request thread has finished: nothing may hold the file any more, and a file only the
    # garbage collector would close fails this test (ResourceWarning is an error in the suite).
    assert open_files_named(FAVICON) == []
    gc.collect()
