"""A person changes their own password at /account."""

from __future__ import annotations

from tests.conftest import PASSWORD, TEST_USERS
from tests.web.conftest import do_login

NEW = "ein ganz neues passwort"


def _change(client, current=PASSWORD, new=NEW, repeat=None):
    data = {"current": current, "new": new, "repeat": new if repeat is None else repeat}
    return client.post("/account", data=data)


def test_change_own_password_keeps_this_session_and_ends_the_others(app, client):
    do_login(client, "fact_checker")
    other = do_login(app.test_client(), "fact_checker")
    response = _change(client)
    assert response.status_code == 302
    assert client.get("/account").status_code == 200  # still logged in here
    assert other.get("/account").status_code == 302  # the other session ended
    fresh = app.test_client()
    email = TEST_USERS["fact_checker"][0]
    assert fresh.post("/login", data={"email": email, "password": NEW}).status_code == 302
    assert fresh.post("/login", data={"email": email, "password": PASSWORD}).status_code == 200


def test_wrong_current_password_is_refused_and_counted(app, client):
    app.config["LOGIN_RATE_LIMIT_PER_15_MIN"] = 2
    do_login(client, "editor")
    response = _change(client, current="not my password")
    assert response.status_code == 400
    assert "aktuelle Passwort ist nicht korrekt" in response.get_data(as_text=True)
    _change(client, current="still not it")
    assert _change(client).status_code == 429  # even the right one, once blocked


def test_new_passwords_must_match_and_be_long(client):
    do_login(client, "editor")
    assert "unterscheiden sich" in _change(client, repeat="something else").get_data(as_text=True)
    assert _change(client, new="kurz").status_code == 400
    same = _change(client, new=PASSWORD)
    assert same.status_code == 400
    assert "muss sich vom aktuellen unterscheiden" in same.get_data(as_text=True)


def test_account_needs_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/account")
