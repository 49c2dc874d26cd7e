"""Browser fixtures: the app on a live local server and headless Debian Chromium via Playwright.

- `live_server`: base URL ("http://127.0.0.1:PORT") of the `app` fixture (a fresh test database)
  served by werkzeug in a thread.
- `browser`: one Chromium per test session (`executable_path=shutil.which("chromium")`).
- `page`: a page in a new context; CSP violations fail the test at teardown, and
  `page_errors` lists every console error and uncaught exception so a test can assert it is empty.
- `new_page()`: another page in its own context (a second person, e.g. for edit conflicts).
- `browser_login(page, role)`: log a page in as the test user of that role.
- `axe_page` and `axe_violations(page)`: a CSP-bypassing page with the vendored axe-core, and the
  serious/critical accessibility violations of the page's current document.

Screenshots of the main pages for reviewers: `.venv/bin/python -m tests.browser.screenshots OUTDIR`.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.conftest import PASSWORD, TEST_USERS

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
SHUTDOWN_TIMEOUT_S = 15
_RESPONSE_KEY = "claimtrack.tests.response"

# Reports CSP violations to the test (Playwright injects this before any page script, past the CSP).
_CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  window.__ctReportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber}`);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class _ClosingHandler(WSGIRequestHandler):
    """werkzeug's handler, but the response is always closed, also when the browser dropped it.

    Chromium resets a connection whose response it no longer wants (a favicon or stylesheet of a
    page it navigates away from). werkzeug's `run_wsgi` then reads the reset socket in the
    `finally` that should close the response and raises before `close()`, so a static file's
    handle stays open until the garbage collector finds it, in whichever test runs then.
    """

    timeout = 5  # an idle connection (a browser's preconnect) never holds teardown up for long

    def run_wsgi(self) -> None:
        try:
            super().run_wsgi()
        finally:
            response = getattr(self, "environ", {}).get(_RESPONSE_KEY)
            if response is not None:
                response.close()


class _CloseOnce:
    """A response iterable whose `close()` runs once, whoever calls it (werkzeug or the handler)."""

    def __init__(self, iterable: Iterable[bytes]) -> None:
        self._iterable = iterable
        self._closed = False

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._iterable)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if hasattr(self._iterable, "close"):
                self._iterable.close()


def _remember_response(app: Flask) -> Callable[..., Iterable[bytes]]:
    """The WSGI app, with its response kept in the environ for `_ClosingHandler` to close."""

    def wsgi(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        response = environ[_RESPONSE_KEY] = _CloseOnce(app(environ, start_response))
        return response

    return wsgi


class _ServerThread(threading.Thread):
    def __init__(self, app: Flask) -> None:
        super().__init__(daemon=True)
        self.server = make_server(
            "127.0.0.1", 0, _remember_response(app), threaded=True, request_handler=_ClosingHandler
        )
        # Request threads are joined when the server closes (socketserver's `block_on_close`), so
        # no request is still running, or still holding a file, when the test's teardown goes on.
        self.server.daemon_threads = False

    def run(self) -> None:
        self.server.serve_forever()  # werkzeug's serve_forever closes the server when it stops


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    thread = _ServerThread(app)
    thread.start()
    yield f"http://127.0.0.1:{thread.server.server_port}"
    thread.server.shutdown()
    thread.join(timeout=SHUTDOWN_TIMEOUT_S)
    assert not thread.is_alive(), (
        f"a request to the live server still ran {SHUTDOWN_TIMEOUT_S} s after the test"
    )


class PageProblems:
    """Console errors, uncaught exceptions and CSP violations seen by the pages of one test."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.csp_violations: list[str] = []

    def watch(self, page: Any) -> Any:
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        return page

    def report_csp(self, text: str) -> None:
        self.csp_violations.append(text)

    def _on_console(self, msg: Any) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)
            if "Content Security Policy" in msg.text:
                self.csp_violations.append(msg.text)


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page_errors(page_problems: PageProblems) -> list[str]:
    """Console errors and uncaught exceptions so far (assert `page_errors == []`)."""
    return page_problems.console_errors


def _set_timeouts(context: Any) -> None:
    """10 s for an action, 30 s for a page to load: on a shared two-core machine under a full
    parallel suite a desk page has been seen to take more than 10 s to load (the accessibility
    test's goto), while a real hang still fails within half a minute."""
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(30_000)


@pytest.fixture
def new_page(
    browser: Any, live_server: str, page_problems: PageProblems
) -> Iterator[Callable[..., Any]]:
    contexts: list[Any] = []

    def open_page(**context_options: Any) -> Any:
        # A German browser unless a test asks otherwise: the first visit follows Accept-Language.
        context_options.setdefault("locale", "de-DE")
        context = browser.new_context(base_url=live_server, **context_options)
        _set_timeouts(context)
        context.expose_function("__ctReportCsp", page_problems.report_csp)
        context.add_init_script(_CSP_LISTENER)
        contexts.append(context)
        return page_problems.watch(context.new_page())

    yield open_page
    for context in contexts:
        context.close()
    assert page_problems.csp_violations == [], "Content-Security-Policy violations"


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    """A page whose relative `goto("/path")` URLs go to the live server."""
    return new_page()


def login_page(page: Any, role: str, *, password: str = PASSWORD) -> Any:
    page.goto("/login")
    page.fill("input[name=email]", TEST_USERS[role][0])
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form[action='/login'] [type=submit]")
    assert "/login" not in page.url, "login failed"
    return page


@pytest.fixture
def browser_login() -> Callable[..., Any]:
    """`browser_login(page, "editor")` logs the page in through the login form."""
    return login_page


@pytest.fixture
def axe_page(browser: Any, live_server: str) -> Iterator[Any]:
    """A page that may load the vendored axe-core past the CSP (for accessibility checks only)."""
    context = browser.new_context(base_url=live_server, bypass_csp=True, locale="de-DE")
    _set_timeouts(context)
    yield context.new_page()
    context.close()


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's WCAG 2 A/AA violations of the current document with one of `impacts`."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    found = []
    for violation in result["violations"]:
        if violation.get("impact") in impacts:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {'; '.join(targets)}")
    return found
