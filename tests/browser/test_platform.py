"""The platform in a real browser: login, language switch, logout, CSP and accessibility."""

from __future__ import annotations

from tests.browser.conftest import axe_violations, login_page


def test_login_switch_language_and_logout(page, page_errors):
    page.goto("/login")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == "Anmeldung für die Redaktion"
    with page.expect_navigation():
        page.click("a.lang-switch[lang=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Log in to the desk"

    login_page(page, "admin")
    assert page.locator(".whoami").inner_text() == "Ada Admin"
    assert page.locator("html").get_attribute("lang") == "en"  # the choice survives the login
    with page.expect_navigation():
        page.click("form[action='/logout'] button")
    assert "/login" in page.url
    assert "logged out" in page.locator(".flashes").inner_text()
    assert page_errors == []


def test_wrong_password_is_announced(page, page_errors):
    page.goto("/login")
    page.fill("input[name=email]", "editor@example.org")
    page.fill("input[name=password]", "not the password")
    with page.expect_navigation():
        page.click("form[action='/login'] [type=submit]")
    assert page.get_by_role("alert").inner_text().startswith("Die E-Mail-Adresse")
    assert page.input_value("input[name=email]") == "editor@example.org"
    assert page_errors == []


def test_login_page_has_no_serious_accessibility_violations(axe_page):
    axe_page.goto("/login")
    assert axe_violations(axe_page) == []


def test_the_csp_blocks_injected_inline_code_and_the_fixture_sees_it(page, page_problems):
    page.goto("/login")
    page.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.__injected = true';
            document.body.appendChild(s);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in page_problems.csp_violations)
    page_problems.csp_violations.clear()  # seen on purpose; the teardown check stays strict


def test_axe_reports_a_known_violation(axe_page):
    axe_page.goto("/login")
    axe_page.evaluate(
        "() => { const i = document.createElement('img'); i.src = '/static/favicon.svg';"
        " document.querySelector('main').appendChild(i); }"
    )
    assert any(v.startswith("image-alt") for v in axe_violations(axe_page))
