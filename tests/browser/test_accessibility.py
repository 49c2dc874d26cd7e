"""axe-core (vendored, WCAG 2 A/AA) finds no serious or critical problem on the main pages.

The pages are filled with the demo data, so tables, charts, verdicts and forms are all present.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from claimtrack.models import Claim, ClaimStatus, Story
from claimtrack.services.demo import load_demo
from tests.browser.conftest import axe_violations, login_page

PUBLIC_PAGES = ["/", "/search?q=Almaty", "/methodology", "/corrections", "/login"]
DESK_PAGES = [
    "/desk/",
    "/desk/intake",
    "/desk/claims/{claim}",
    "/desk/claims/{claim}/verdict",
    "/desk/claims/{published}/verdict",
    "/desk/claims/{published}/verdict/history",
    "/desk/intake/stories/{story}",
    "/desk/reports",
    "/admin/",
    "/admin/users",
    "/admin/tokens",
    "/admin/ratings",
    "/admin/matching",
    "/admin/audit",
    "/account",
]


def _ids(session: Session) -> dict[str, int]:
    load_demo(session)
    published = session.exec(
        select(Claim.id).where(Claim.status == ClaimStatus.PUBLISHED).order_by(col(Claim.id))
    ).first()
    claim = session.exec(
        select(Claim.id).where(Claim.status != ClaimStatus.PUBLISHED).order_by(col(Claim.id))
    ).first()
    story = session.exec(select(Story.id).order_by(col(Story.id))).first()
    assert published and claim and story
    return {"published": published, "claim": claim, "story": story}


def _check(page, paths: list[str], ids: dict[str, int]) -> dict[str, list[str]]:
    problems = {}
    for template in paths:
        path = template.format(**ids)
        response = page.goto(path)
        assert response is not None and response.status == 200, (
            f"{path}: {response and response.status}"
        )
        found = axe_violations(page)
        if found:
            problems[path] = found
    return problems


def test_main_pages_have_no_serious_accessibility_violations(axe_page, session):
    ids = _ids(session)
    problems = _check(axe_page, PUBLIC_PAGES, ids)
    login_page(axe_page, "admin")
    problems.update(_check(axe_page, DESK_PAGES, ids))
    assert problems == {}
