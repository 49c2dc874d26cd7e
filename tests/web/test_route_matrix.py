"""Every desk, admin and account route × role × method: who gets in, who is refused.

The table below is checked against `app.url_map`: a new /desk or /admin route without a row fails
`test_every_desk_and_admin_route_has_a_row`. Add a row when you add a route:
`(endpoint, METHOD): Row(minimum role[, statuses the permitted roles may get])`.

GET routes share one database; every other route runs on a fresh one (so one role's POST cannot
change what the next role sees). Anonymous → redirect to the login page; roles below the minimum →
403; the minimum and above → one of the row's statuses (GET: 200 unless said otherwise; POST with an
empty form: a redirect or a re-rendered form, never 401/403/405/500).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from sqlmodel import Session, select

from claimtrack.app import create_app
from claimtrack.models import User
from claimtrack.services import ratings, reports, sources
from claimtrack.services import users as user_service
from claimtrack.services.matching import links as matching_links
from tests.conftest import PASSWORD
from tests.factories import make_claim, make_published_verdict, make_story
from tests.web.conftest import do_login

ROLES = ("fact_checker", "editor", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}
POST_OK = frozenset({200, 201, 302, 303, 400, 409, 422})


@dataclass(frozen=True)
class Row:
    role: str  # the least role allowed
    ok: frozenset[int] = field(default=frozenset())


def row(role: str, *ok: int) -> Row:
    return Row(role, frozenset(ok))


MATRIX: dict[tuple[str, str], Row] = {
    # -- admin --
    ("admin.index", "GET"): row("editor"),
    ("admin.audit", "GET"): row("editor"),
    ("admin.users", "GET"): row("admin"),
    ("admin.create_user", "POST"): row("admin"),
    ("admin.user", "GET"): row("admin"),
    ("admin.update_user", "POST"): row("admin"),
    ("admin.reset_password", "POST"): row("admin"),
    ("admin.tokens", "GET"): row("admin"),
    ("admin.create_token", "POST"): row("admin"),
    ("admin.revoke_token", "POST"): row("admin"),
    ("admin.webhook_list", "GET"): row("admin"),
    ("admin.add_webhook", "POST"): row("admin", 400),
    ("admin.disable_webhook", "POST"): row("admin"),
    ("admin.send_again", "POST"): row("admin"),
    ("admin.ratings", "GET"): row("admin"),
    ("admin.create_label", "POST"): row("admin"),
    ("admin.edit_label", "GET"): row("admin"),
    ("admin.edit_label", "POST"): row("admin"),
    ("admin.matching", "GET"): row("admin"),
    ("admin.add_alias", "POST"): row("admin"),
    ("admin.remove_alias", "POST"): row("admin"),
    ("admin.save_thresholds", "POST"): row("admin"),
    ("admin.rebuild_index", "POST"): row("admin"),
    ("admin.source_list", "GET"): row("admin"),
    ("admin.add_source", "POST"): row("admin", 400),
    ("admin.source_action", "POST"): row("admin"),
    ("admin.embed_claims", "POST"): row("admin"),
    ("account.account", "GET"): row("fact_checker"),
    ("account.account", "POST"): row("fact_checker"),
    # -- desk work --
    ("desk.queue", "GET"): row("fact_checker"),
    ("desk.bulk", "POST"): row("fact_checker"),
    ("desk.claim", "GET"): row("fact_checker"),
    ("desk.claim_edit", "POST"): row("fact_checker"),
    ("desk.claim_assign", "POST"): row("fact_checker"),
    ("desk.claim_status", "POST"): row("fact_checker"),
    ("desk.claim_note", "POST"): row("fact_checker"),
    ("desk.claim_source", "POST"): row("fact_checker"),
    ("desk.source_remove", "POST"): row("fact_checker"),
    ("desk.link_decide", "POST"): row("editor"),
    ("desk.link_manual", "POST"): row("editor"),
    ("desk.link_propose", "POST"): row("fact_checker"),
    ("desk.proposal_decide", "POST"): row("editor"),
    ("desk.proposals", "GET"): row("fact_checker"),
    ("desk.verdict", "GET"): row("fact_checker"),
    ("desk.verdict_save", "POST"): row("fact_checker"),
    ("desk.verdict_history", "GET"): row("fact_checker"),
    ("desk.verdict_withdraw", "POST"): row("editor"),
    ("desk.intake", "GET"): row("fact_checker"),
    ("desk.intake", "POST"): row("fact_checker"),
    ("desk.intake_bulk", "POST"): row("fact_checker"),
    ("desk.intake_job", "GET"): row("fact_checker", 200, 404),
    ("desk.intake_story", "GET"): row("fact_checker"),
    ("desk.intake_accept", "POST"): row("fact_checker"),
    ("desk.new_claim", "GET"): row("fact_checker"),
    ("desk.new_claim", "POST"): row("fact_checker"),
    # -- reader error reports on the desk --
    ("desk.reports", "GET"): row("fact_checker"),
    ("desk.close_report", "POST"): row("fact_checker"),
    # -- monitoring alerts --
    ("desk.alerts", "GET"): row("fact_checker"),
    ("desk.alert", "GET"): row("fact_checker"),
    ("desk.alert_feed", "GET"): row("fact_checker"),
    ("desk.confirm_alert", "POST"): row("editor"),
    ("desk.dismiss_alert", "POST"): row("fact_checker"),
    ("desk.confirm_sighting", "POST"): row("editor"),
    ("desk.dismiss_sighting", "POST"): row("fact_checker"),
    ("desk.new_feed_token", "POST"): row("fact_checker"),
}

PROTECTED_PREFIXES = ("/desk", "/admin", "/account")


def _routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) of every /desk and /admin route."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(PROTECTED_PREFIXES):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, rule.rule))
    return sorted(set(found))


def _collection_app() -> Flask:
    return create_app(
        {"TESTING": True, "SECRET_KEY": "route-matrix-collection", "DATABASE_URL": "sqlite://"}
    )


ROUTES = _routes(_collection_app())


def test_every_desk_and_admin_route_has_a_row():
    missing = [(e, m) for e, m, _ in ROUTES if (e, m) not in MATRIX]
    assert missing == [], f"add rows to MATRIX in {__file__} for {missing}"


def test_no_row_names_a_route_that_is_gone():
    present = {(e, m) for e, m, _ in ROUTES}
    stale = sorted(set(MATRIX) - present)
    assert stale == [], f"remove rows from MATRIX for {stale}"


def _webhook_objects(session: Session, admin: User, claim_id: int) -> dict[str, int]:
    from claimtrack.fetch import FetchPolicy
    from claimtrack.services import webhooks

    endpoint, _secret = webhooks.add_endpoint(
        session=session, actor=admin, partner="Matrix", url="http://127.0.0.1:9/hook",
        events=[webhooks.PUBLISHED], policy=FetchPolicy(allow_loopback=True),
    )  # fmt: skip
    (delivery,) = webhooks.record_event(session, event_type=webhooks.PUBLISHED, claim_id=claim_id,
                                        key="matrix", data={})  # fmt: skip
    session.commit()
    return {"endpoint_id": endpoint.id or 0, "delivery_id": delivery.id or 0}


def _objects(session: Session) -> dict[str, Any]:
    """One object of every kind a route can name, owned by nobody who logs in for the test."""
    people = {u.email: u for u in session.exec(select(User))}
    admin = people["admin@example.org"]
    editor = people["editor@example.org"]
    story = make_story(session, editor)
    claim = make_claim(session, editor, story=story)
    other = make_claim(
        session, editor, "Die OVKS-Truppen haben Kasachstan bis zum 19. Januar verlassen."
    )
    link = matching_links.link_claims(
        session=session, actor=editor, claim_id=claim.id, other_id=other.id, decision="related"
    )
    source = sources.add_source(
        session=session,
        actor=editor,
        claim_id=claim.id or 0,
        data=sources.SourceInput(url="https://example.org/quelle", title="Quelle"),
    )
    published = make_claim(
        session, editor, "In Almaty wurden mehr als 5.000 Menschen festgenommen."
    )
    make_published_verdict(session, editor, published)
    report = reports.submit_report(
        session=session,
        actor=None,
        claim_id=published.id or 0,
        message="Die Zahl im Text stimmt nicht mit der Quelle überein.",
    )
    target = user_service.create_user(
        session=session,
        actor=admin,
        email="target@example.org",
        name="Tanja Target",
        role="fact_checker",
        password=PASSWORD,
    )
    token = user_service.create_token(
        session=session, actor=admin, partner="Partner", scopes=["api"]
    ).token
    label = ratings.label_by_key(session, "falsch")
    return {
        "claim_id": claim.id,
        "story_id": story.id,
        "link_id": link.id,
        "source_id": source.id,
        "report_id": report.id,
        "user_id": target.id,
        "token_id": token.id,
        "label_id": label.id if label else 1,
        "job_id": "no-such-job",
        **_webhook_objects(session, admin, claim.id or 0),
        **_monitoring_objects(session, admin, published.id or 0, story.id or 0),
    }


def _monitoring_objects(
    session: Session, admin: User, claim_id: int, story_id: int
) -> dict[str, Any]:
    from claimtrack.models import Alert, AlertAppearance
    from claimtrack.services.monitoring import sources as watched

    source = watched.add_source(session=session, actor=admin, url="https://example.org/feed.rss")
    alert = Alert(claim_id=claim_id, open_claim_id=claim_id)
    session.add(alert)
    session.flush()
    sighting = AlertAppearance(alert_id=alert.id or 0, claim_id=claim_id, story_id=story_id,
                               quote="In Almaty wurden mehr als 5.000 Menschen festgenommen.")  # fmt: skip
    session.add(sighting)
    session.commit()
    return {"watched_id": source.id, "action": "pause", "alert_id": alert.id,
            "sighting_id": sighting.id}  # fmt: skip


def _url(rule: str, values: dict[str, Any]) -> str:
    import re

    def fill(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[-1]
        assert name in values, f"the matrix needs a value for <{name}> (see _objects)"
        return str(values[name])

    return re.sub(r"<([^>]+)>", fill, rule)


def _call(client: Any, method: str, url: str) -> Any:
    return client.get(url) if method == "GET" else client.open(url, method=method, data={})


def _failures(app: Flask, method: str, url: str, expected: Row) -> list[str]:
    """What differs from the row for anonymous visitors and each role on one URL."""
    problems = []
    anonymous = _call(app.test_client(), method, url)
    location = urlsplit(anonymous.headers.get("Location", "")).path
    if not (
        anonymous.status_code == 401 or (anonymous.status_code == 302 and location == "/login")
    ):
        problems.append(f"anonymous {method} {url}: {anonymous.status_code} {location}")
    ok = expected.ok or (frozenset({200}) if method == "GET" else POST_OK)
    for role in ROLES:
        status = _call(_clients(app)[role], method, url).status_code
        if RANK[role] < RANK[expected.role] and status != 403:
            problems.append(f"{role} {method} {url}: {status}, expected 403")
        elif RANK[role] >= RANK[expected.role] and status not in ok:
            problems.append(f"{role} {method} {url}: {status}, expected one of {sorted(ok)}")
    return problems


def _clients(app: Flask) -> dict[str, Any]:
    """One logged-in client per role, made once per app."""
    clients = app.extensions.setdefault("route-matrix-clients", {})
    for role in ROLES:
        if role not in clients:
            clients[role] = do_login(app.test_client(), role)
    return clients


GETS = [r for r in ROUTES if r[1] == "GET"]
OTHERS = [r for r in ROUTES if r[1] != "GET"]


def test_every_get_route_by_role(app: Flask, session: Session):
    """GETs change nothing, so they share one database (which keeps this test fast)."""
    values = _objects(session)
    problems = []
    for endpoint, method, rule in GETS:
        expected = MATRIX.get((endpoint, method))
        if expected is not None:
            problems += _failures(app, method, _url(rule, values), expected)
    assert problems == []


@pytest.mark.parametrize(
    ("endpoint", "method", "rule"), OTHERS, ids=[f"{m} {e}" for e, m, _ in OTHERS]
)
def test_write_route_by_role(app: Flask, session: Session, endpoint: str, method: str, rule: str):
    """Each write route on a fresh database: one role's POST cannot change what the next sees."""
    expected = MATRIX.get((endpoint, method))
    if expected is None:
        pytest.fail(f"no MATRIX row for {method} {endpoint}")
    assert _failures(app, method, _url(rule, _objects(session)), expected) == []


def test_the_matrix_catches_a_view_without_its_role_check(app: Flask):
    from claimtrack.web.auth import login_required

    @app.get("/admin/__leaky")
    @login_required
    def leaky() -> str:
        return "for admins only, but nobody checks"

    problems = _failures(app, "GET", "/admin/__leaky", row("admin"))
    assert problems == [
        "fact_checker GET /admin/__leaky: 200, expected 403",
        "editor GET /admin/__leaky: 200, expected 403",
    ]
