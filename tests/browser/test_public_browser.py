"""Reader pages in headless Chromium: the verdict page (chart, JSON-LD under the strict CSP, error
report form without JavaScript) raises no CSP violation or console error, and axe-core finds no
serious or critical accessibility problem on the verdict, report and withdrawn pages."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from claimtrack.models import User
from claimtrack.services import reports, verdicts
from tests.browser.conftest import axe_violations
from tests.factories import make_claim, make_published_verdict
from tests.web.public_data import publish_rich


def test_verdict_page_works_under_the_csp(
    page: Any, session: Session, users: dict[str, User], page_errors: list[str]
) -> None:
    data = publish_rich(session, users)
    response = page.goto(f"/claims/{data.claim.id}")
    assert response is not None and response.status == 200
    scripts = page.locator("script[type='application/ld+json']")
    assert scripts.count() == 1
    review = json.loads(scripts.text_content() or "")
    assert review["@type"] == "ClaimReview" and review["url"] == page.url
    assert page.locator("svg.figure-chart__svg circle").count() == 3
    page.fill("textarea[name=message]", "Die Zahl 4.000 stammt aus einem anderen Bericht.")
    with page.expect_navigation():
        page.click("form.report-form [type=submit]")
    assert page.url.endswith(review["url"].split("/claims/")[1])
    # The thank-you message shows although the page itself did not change (no 304 for it).
    assert "Danke" in (page.locator(".flashes").text_content() or "")
    session.rollback()  # end the test session's read snapshot before looking
    assert reports.count_open(session) == 1
    assert page_errors == []


def test_reader_pages_are_accessible(
    axe_page: Any, session: Session, users: dict[str, User]
) -> None:
    data = publish_rich(session, users)
    gone = make_claim(session, users["editor"], "Eine Behauptung, die wir zurückgezogen haben.")
    make_published_verdict(session, users["editor"], gone)
    verdicts.withdraw_verdict(
        session=session, actor=users["editor"], claim_id=gone.id or 0, reason="Quelle gefälscht."
    )
    problems = {}
    for path, status in [
        (f"/claims/{data.claim.id}", 200),
        (f"/claims/{data.claim.id}/report", 200),
        (f"/claims/{gone.id}", 410),
        ("/?rating=richtig", 200),
    ]:
        response = axe_page.goto(path)
        assert response is not None and response.status == status, path
        found = axe_violations(axe_page)
        if found:
            problems[path] = found
    assert problems == {}


def test_the_home_search_hint_is_read_in_full_on_a_phone(page: Any) -> None:
    """At 390 px the search box's placeholder fits inside the box, in German and in English."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    for lang in ("de", "en"):
        if lang == "en":
            with page.expect_navigation():  # measure the English page once it has loaded
                page.click("a.lang-switch[lang=en]")
            page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == lang
        room = page.evaluate(
            """() => {
              const box = document.querySelector('#home-q');
              const style = getComputedStyle(box);
              const ctx = document.createElement('canvas').getContext('2d');
              ctx.font = style.font;
              const inner = box.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
              return inner - ctx.measureText(box.placeholder).width;
            }"""
        )
        assert room >= 0, f"{lang}: the hint is {-room:.0f} px wider than the box"
