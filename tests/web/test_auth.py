"""Login, logout, rate limit, safe redirects and session invalidation."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from claimtrack.services import users as user_service
from claimtrack.web.auth import safe_next
from tests.conftest import PASSWORD, TEST_USERS
from tests.web.conftest import do_login, page_csrf_token

EDITOR_EMAIL = TEST_USERS["editor"][0]


def _post_login(client, email=EDITOR_EMAIL, password=PASSWORD, **extra):
    return client.post("/login", data={"email": email, "password": password, **extra})


def test_login_page_renders_in_german_by_default(client):
    response = client.get("/login")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="de">' in html
    assert "Anmelden" in html


def test_login_with_correct_password_redirects_and_sets_user(client, login):
    login(client, "editor")
    response = client.get("/login")
    # Logged in: the login page sends you on.
    assert response.status_code == 302


def test_wrong_password_rerenders_form_with_message(client):
    response = _post_login(client, password="wrong password here")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html
    assert EDITOR_EMAIL in html  # what was typed stays


def test_unknown_email_gets_same_message_as_wrong_password(client):
    a = _post_login(client, email="nobody@example.org").get_data(as_text=True)
    b = _post_login(client, password="not the password").get_data(as_text=True)
    assert "E-Mail-Adresse oder das Passwort" in a
    assert "E-Mail-Adresse oder das Passwort" in b


def test_empty_form_is_400_with_field_errors(client):
    response = client.post("/login", data={"email": "", "password": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "/desk/\r\nSet-Cookie: x=1",
        "desk/",
        "",
    ],
)
def test_unsafe_next_is_refused(client, target):
    assert safe_next(target) is None
    response = _post_login(client, next=target)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil" not in location
    assert location.startswith("/")
    assert not location.startswith("//")


def test_safe_next_is_followed(client):
    assert safe_next("/desk/claims/3?tab=sources") == "/desk/claims/3?tab=sources"
    response = _post_login(client, next="/desk/claims/3?tab=sources")
    assert response.headers["Location"] == "/desk/claims/3?tab=sources"


def test_login_page_carries_next_from_query(client):
    html = client.get("/login?next=/desk/intake").get_data(as_text=True)
    assert 'value="/desk/intake"' in html
    html = client.get("/login?next=https://evil.example/").get_data(as_text=True)
    assert 'id="next" name="next" type="hidden" value=""' in html


def test_rate_limit_blocks_even_the_right_password(app, client):
    app.config["LOGIN_RATE_LIMIT_PER_15_MIN"] = 3
    for _ in range(3):
        assert _post_login(client, password="wrong password!").status_code == 200
    blocked = _post_login(client)
    assert blocked.status_code == 429
    assert "15 Minuten" in blocked.get_data(as_text=True)


def test_rate_limit_is_per_account_and_address(app, client):
    app.config["LOGIN_RATE_LIMIT_PER_15_MIN"] = 2
    for _ in range(2):
        _post_login(client, password="wrong password!")
    assert _post_login(client).status_code == 429
    # Another account from the same address is not affected ...
    other = _post_login(client, email=TEST_USERS["admin"][0])
    assert other.status_code == 302
    # ... nor the same account from another address.
    other_ip = app.test_client()
    response = other_ip.post(
        "/login",
        data={"email": EDITOR_EMAIL, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert response.status_code == 302


def test_successful_login_clears_failures(app, client):
    app.config["LOGIN_RATE_LIMIT_PER_15_MIN"] = 3
    _post_login(client, password="wrong password!")
    _post_login(client, password="wrong password!")
    assert _post_login(client).status_code == 302
    fresh = app.test_client()
    _post_login(fresh, password="wrong password!")
    _post_login(fresh, password="wrong password!")
    assert _post_login(fresh).status_code == 302


def test_session_is_renewed_at_login(client):
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
        sess["locale"] = "en"
    _post_login(client)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["locale"] == "en"  # the language choice survives
        assert "_user_id" in sess


def test_logout_invalidates_copies_of_the_cookie(app, client):
    do_login(client, "editor")
    with client.session_transaction() as sess:
        stolen = dict(sess)
    assert client.post("/logout").status_code == 302
    with client.session_transaction() as sess:
        assert "_user_id" not in sess
    # A copy of the old cookie no longer logs anyone in.
    thief = app.test_client()
    with thief.session_transaction() as sess:
        sess.update(stolen)
    assert thief.get("/login").status_code == 200


def test_logout_needs_post(client, login):
    login(client, "editor")
    assert client.get("/logout").status_code == 405


def test_inactive_user_cannot_log_in_and_is_logged_out(app, client, session: Session, users):
    do_login(client, "editor")
    user_service.update_user(
        session=session, actor=users["admin"], user_id=users["editor"].id, active=False
    )
    assert client.get("/login").status_code == 200  # the old session ended
    assert _post_login(client).status_code == 200  # and no new one starts


def test_password_change_ends_sessions(client, session: Session, users):
    do_login(client, "fact_checker")
    user_service.set_password(
        session=session,
        actor=users["admin"],
        user_id=users["fact_checker"].id,
        password="a brand new password",
    )
    assert client.get("/login").status_code == 200


def test_system_account_cannot_log_in(client):
    from claimtrack.services.users import SYSTEM_EMAIL

    assert _post_login(client, email=SYSTEM_EMAIL).status_code == 200


def test_tampered_session_id_is_anonymous(client):
    with client.session_transaction() as sess:
        sess["_user_id"] = "not-an-id"
    assert client.get("/login").status_code == 200


def test_csrf_is_enforced_on_login_and_logout(csrf_app):
    client = csrf_app.test_client()
    assert _post_login(client).status_code == 400
    do_login(client, "editor")  # with the page's token
    assert client.post("/logout").status_code == 400  # no token: refused
    assert client.get("/login").status_code == 302  # still logged in


def test_logout_with_token_works_under_csrf(csrf_app):
    client = csrf_app.test_client()
    do_login(client, "editor")
    token = page_csrf_token(client, "/admin/")
    assert token
    response = client.post("/logout", data={"logout-csrf_token": token})
    assert response.status_code == 302
    assert client.get("/login").status_code == 200


def test_csrf_failure_page_has_csp_and_no_500(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/login", data={"email": EDITOR_EMAIL, "password": PASSWORD})
    assert response.status_code == 400
    assert "nonce-" in response.headers["Content-Security-Policy"]


def test_session_cookie_flags(client):
    response = _post_login(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_json_clients_get_401_not_a_redirect(app, client):
    from claimtrack.web.auth import login_required

    @app.get("/desk/__json_probe")
    @login_required
    def probe():
        return "secret"

    response = client.get("/desk/__json_probe", headers={"Accept": "application/json"})
    assert response.status_code == 401
    response = client.get("/desk/__json_probe?x=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/desk/__json_probe?x%3D1"


def test_anonymous_post_goes_to_login_without_next(client):
    response = client.post("/admin/users", data={})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
