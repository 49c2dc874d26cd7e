"""Issue 12, item 5, in one process on both databases: per-account login limit across addresses,
the report-an-error throttle, and a parallel login burst that cannot overshoot."""

from __future__ import annotations

import threading

from sqlmodel import select

from claimtrack.models import ErrorReport
from tests.conftest import PASSWORD, TEST_USERS
from tests.factories import make_claim, make_published_verdict

EDITOR = TEST_USERS["editor"][0]


def _login(client, address: str, password: str = "wrong password!", email: str = EDITOR):
    return client.post(
        "/login", data={"email": email, "password": password}, environ_base={"REMOTE_ADDR": address}
    ).status_code


def test_login_limit_per_account_across_addresses(app):
    app.config.update(LOGIN_RATE_LIMIT_PER_15_MIN=10, LOGIN_ACCOUNT_RATE_LIMIT_PER_15_MIN=20)
    client = app.test_client()
    statuses = [_login(client, f"192.0.2.{n}") for n in range(4) for _ in range(10)]
    assert statuses.count(200) == 20 and statuses.count(429) == 20  # 4 addresses, 20 guesses
    assert _login(client, "192.0.2.99", PASSWORD) == 429  # the account waits, even from elsewhere
    assert _login(client, "192.0.2.99", PASSWORD, TEST_USERS["admin"][0]) == 302  # others do not


def test_a_right_password_does_not_use_up_the_account_limit(app):
    app.config.update(LOGIN_RATE_LIMIT_PER_15_MIN=3, LOGIN_ACCOUNT_RATE_LIMIT_PER_15_MIN=3)
    for n in range(6):
        assert _login(app.test_client(), f"198.51.100.{n}", PASSWORD) == 302


def test_parallel_login_burst_counts_exactly(make_app):
    """8 threads x 5 wrong guesses at once against a limit of 10: exactly 10 are checked."""
    app = make_app(LOGIN_RATE_LIMIT_PER_15_MIN=10, LOGIN_ACCOUNT_RATE_LIMIT_PER_15_MIN=100)
    statuses: list[int] = []
    start = threading.Barrier(8)

    def guess() -> None:
        client = app.test_client()
        start.wait()
        statuses.extend(_login(client, "203.0.113.5") for _ in range(5))

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(statuses)) == [200, 429] and statuses.count(200) == 10


def test_report_an_error_is_throttled_per_client(app, session, users):
    app.config["REPORT_RATE_LIMIT_PER_10_MIN"] = 5
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    client = app.test_client()
    message = {"message": "Die Zahl im Text stimmt nicht mit der Quelle überein.", "email": ""}
    statuses = [
        client.post(
            f"/claims/{claim.id}/report", data=message, environ_base={"REMOTE_ADDR": "192.0.2.1"}
        ).status_code
        for _ in range(50)
    ]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    refused = client.post(
        f"/claims/{claim.id}/report", data=message, environ_base={"REMOTE_ADDR": "192.0.2.1"}
    )
    assert "ein paar Minuten" in refused.get_data(as_text=True)
    other = client.post(
        f"/claims/{claim.id}/report", data=message, environ_base={"REMOTE_ADDR": "192.0.2.2"}
    )
    assert other.status_code == 302
    session.rollback()
    assert len(session.exec(select(ErrorReport)).all()) == 6
