"""Screenshots of the main pages, for reviewers: `.venv/bin/python -m tests.browser.screenshots OUTDIR`.

Starts the app on a fresh SQLite database in a temporary folder, loads the demo data (`claimtrack demo`),
serves it on 127.0.0.1 and saves full-page PNGs from headless Chromium: the reader pages, then the
desk and admin pages as the demo admin, in German and a few in English. Needs Debian's `chromium`.
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

from sqlmodel import col, select
from werkzeug.serving import make_server

from claimtrack.app import create_app
from claimtrack.config import sqlite_url
from claimtrack.db import Database
from claimtrack.demo_data import DEMO_USERS
from claimtrack.models import Claim, ClaimStatus, Story
from claimtrack.services.demo import load_demo
from claimtrack.services.setup import initialise
from tests.browser.conftest import CHROMIUM_ARGS

PUBLIC = [
    ("home", "/"),
    ("search", "/search?q=Almaty"),
    ("public-claim", "/claims/{published}"),
    ("methodology", "/methodology"),
    ("login", "/login"),
]
DESK = [
    ("desk-queue", "/desk/"),
    ("desk-intake", "/desk/intake"),
    ("desk-intake-story", "/desk/intake/stories/{story}"),
    ("desk-claim", "/desk/claims/{claim}"),
    ("desk-verdict-editor", "/desk/claims/{claim}/verdict"),
    ("desk-verdict-history", "/desk/claims/{published}/verdict/history"),
    ("desk-reports", "/desk/reports"),
    ("admin-users", "/admin/users"),
    ("admin-tokens", "/admin/tokens"),
    ("admin-ratings", "/admin/ratings"),
    ("admin-matching", "/admin/matching"),
    ("admin-audit", "/admin/audit"),
    ("account", "/account"),
]
ENGLISH = [("en-desk-queue", "/desk/"), ("en-desk-claim", "/desk/claims/{claim}")]


def _prepare(folder: Path) -> tuple[str, dict[str, int]]:
    url = sqlite_url(folder / "screenshots.sqlite")
    db = Database(url)
    initialise(db)
    with db.session_scope() as session:
        load_demo(session)
        published = session.exec(
            select(Claim.id).where(Claim.status == ClaimStatus.PUBLISHED).order_by(col(Claim.id))
        ).first()
        claim = (
            session.exec(
                select(Claim.id)
                .where(col(Claim.status).in_([ClaimStatus.IN_RESEARCH, ClaimStatus.IN_REVIEW]))
                .order_by(col(Claim.id))
            ).first()
            or session.exec(select(Claim.id).order_by(col(Claim.id))).first()
        )
        story = session.exec(select(Story.id).order_by(col(Story.id))).first()
    db.dispose()
    return url, {"published": published or 1, "claim": claim or 1, "story": story or 1}


def _shoot(
    page: object, base: str, shots: list[tuple[str, str]], ids: dict[str, int], out: Path
) -> None:
    for name, path in shots:
        page.goto(base + path.format(**ids))  # type: ignore[attr-defined]
        target = out / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
        print(target)


def _login(page: object, base: str) -> None:
    email, password = next((e, p) for e, _n, role, p in DEMO_USERS if role == "admin")
    page.goto(base + "/login")  # type: ignore[attr-defined]
    page.fill("input[name=email]", email)  # type: ignore[attr-defined]
    page.fill("input[name=password]", password)  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("form[action='/login'] [type=submit]")  # type: ignore[attr-defined]


def _switch_to_english(page: object) -> None:
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("a.lang-switch[lang=en]")  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files (created if missing)")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("screenshots: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    args.outdir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
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
                page = browser.new_page(viewport={"width": args.width, "height": 900})
                _shoot(page, base, PUBLIC, ids, args.outdir)
                _login(page, base)
                _shoot(page, base, DESK, ids, args.outdir)
                _switch_to_english(page)
                _shoot(page, base, ENGLISH, ids, args.outdir)
                browser.close()
        finally:
            server.shutdown()
            app.extensions["claimtrack.db"].dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
