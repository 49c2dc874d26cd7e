"""A local HTTP server for tests that stops cleanly and stays quiet when a client hangs up.

Tests of timeouts and size limits make the client give up mid-answer (a slow page, a page too
big), so the handler's next write meets a closed socket. socketserver then prints the traceback
from the handler's thread, after the test that caused it, while another test runs. On Python
3.11 printing a traceback parses source lines with `ast` (to place its carets), and `ast` keeps
its recursion depth in module state shared by all threads: a test parsing Python at that moment
failed with "SystemError: AST constructor recursion depth mismatch". So a client that hangs up
is expected and not reported, and closing the server waits for its request threads.
"""

from __future__ import annotations

import ssl
import sys
from http.server import ThreadingHTTPServer
from typing import Any

# A client that gave up or refused the test certificate (a timeout, size or TLS check under test).
_HUNG_UP = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ssl.SSLError)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the request threads (block_on_close)
    block_on_close = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], _HUNG_UP):
            return
        super().handle_error(request, client_address)
