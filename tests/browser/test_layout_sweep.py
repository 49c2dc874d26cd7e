"""Every desk, admin and reader page at 390, 768 and 1280 px in German and English: nothing wider
than the viewport, no chrome in the other UI language, no CSP violation, no serious axe finding.

One browser page is reused: each page is loaded once per language and the viewport resized, so the
sweep stays within a few minutes on a small CI machine.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from tests.browser.conftest import login_page
from tests.browser.sweep import PAGES, WIDTHS, axe_in_page, foreign_words, overflow, page_ids


def _sweep(page: Any, lang: str, ids: dict[str, Any], kind: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for name, template, who in PAGES:
        if who != kind:
            continue
        path = template.format(**ids)
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        response = page.goto(path)
        expected = 404 if name == "not-found" else 200
        assert response is not None and response.status == expected, (
            f"{path}: {response and response.status}"
        )
        assert page.evaluate("document.documentElement.lang") == lang, path
        found = [f"{lang} other language: {w}" for w in foreign_words(page, lang)]
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            found += [f"{lang} {width}px overflow: {o}" for o in overflow(page)]
            if width != 768:
                found += [f"{lang} {width}px axe: {a}" for a in axe_in_page(page)]
        if found:
            problems[f"{lang} {name} {path}"] = found
    return problems


def test_every_page_fits_speaks_one_language_and_is_accessible(
    new_page: Any, session: Session
) -> None:
    ids = page_ids(session)
    problems: dict[str, list[str]] = {}
    for lang in ("de", "en"):
        page = new_page(locale="de-DE" if lang == "de" else "en-GB")
        # The browser's language picks the reader pages' language without a click...
        page.goto("/")
        assert page.evaluate("document.documentElement.lang") == lang
        problems.update(_sweep(page, lang, ids, "reader"))
        # ...the admin's stored preference (German) wins after login; the switch changes it.
        login_page(page, "admin")
        if page.evaluate("document.documentElement.lang") != lang:
            with page.expect_navigation():
                page.click(f"a.lang-switch[lang={lang}]")
        problems.update(_sweep(page, lang, ids, "desk"))
    report = "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in problems.items())
    assert problems == {}, report
