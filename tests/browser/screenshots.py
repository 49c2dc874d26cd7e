"""Screenshots of every page, for reviewers: `.venv/bin/python -m tests.browser.screenshots OUTDIR`.

Starts the app on a fresh SQLite database in a temporary folder, loads the demo data (`claimtrack demo`),
serves it on 127.0.0.1 and saves full-page PNGs from headless Chromium of every page the layout sweep
checks (tests/browser/sweep.py): the reader pages, then the desk and admin pages as the demo admin, at
390, 768 and 1280 px, in German and English (`--lang de` for one): OUTDIR/<lang>-<page>-<width>.png.
Needs Debian's `chromium`.
"""

from __future__ import annotations

import argparse
import logging
import secrets
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from claimtrack.app import create_app
from claimtrack.config import sqlite_url
from claimtrack.db import Database
from claimtrack.demo_data import DEMO_USERS
from claimtrack.services.setup import initialise
from tests.browser.conftest import CHROMIUM_ARGS
from tests.browser.sweep import PAGES, WIDTHS, page_ids


def _prepare(folder: Path) -> tuple[str, dict[str, Any]]:
    url = sqlite_url(folder / "screenshots.sqlite")
    db = Database(url)
    initialise(db)
    with db.session_scope() as session:
        ids = page_ids(session)
    db.dispose()
    return url, ids


def _shoot(page: Any, base: str, lang: str, kind: str, ids: dict[str, Any], out: Path) -> None:
    """Every page of `kind` at every width; the page is loaded once and the viewport resized."""
    for name, template, who in PAGES:
        if who != kind:
            continue
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            if width == WIDTHS[0]:
                page.goto(base + template.format(**ids))
            target = out / f"{lang}-{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)


def _login(page: Any, base: str) -> None:
    email, password = next((e, p) for e, _n, role, p in DEMO_USERS if role == "admin")
    page.goto(base + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form[action='/login'] [type=submit]")


def _switch_to(page: Any, lang: str) -> None:
    if page.evaluate("document.documentElement.lang") != lang:
        with page.expect_navigation():
            page.click(f"a.lang-switch[lang={lang}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files (created if missing)")
    parser.add_argument("--lang", choices=["de", "en"], action="append", help="default: both")
    parser.add_argument("--only", help="only pages whose name contains this text")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("screenshots: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    args.outdir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if args.only:
        PAGES[:] = [p for p in PAGES if args.only in p[0]]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        url, ids = _prepare(Path(tmp))
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(32)})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                for lang in args.lang or ["de", "en"]:
                    accept = "de-DE,de" if lang == "de" else "en-GB,en"
                    context = browser.new_context(extra_http_headers={"Accept-Language": accept})
                    page = context.new_page()
                    _shoot(page, base, lang, "reader", ids, args.outdir)
                    _login(page, base)
                    _switch_to(page, lang)
                    _shoot(page, base, lang, "desk", ids, args.outdir)
                    context.close()
                browser.close()
        finally:
            server.shutdown()
            app.extensions["claimtrack.db"].dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
