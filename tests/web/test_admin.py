"""Admin pages: users and roles, passwords, partner tokens, rating scale, matching, audit log."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from claimtrack.models import AuditEvent, PartnerToken, RatingLabel, User
from claimtrack.services import users as user_service
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import match as matching
from tests.conftest import PASSWORD
from tests.factories import make_claim
from tests.web.conftest import do_login


def _html(response) -> str:
    return response.get_data(as_text=True)


def _fresh(session: Session) -> None:
    """See what requests wrote: end the read transaction and forget loaded objects."""
    session.rollback()
    session.expire_all()


def _user(session: Session, email: str) -> User:
    _fresh(session)
    user = session.exec(select(User).where(User.email == email)).one()
    return user


def _new_user(client, **overrides):
    data = {
        "email": "neu@example.org",
        "name": "Nora Neu",
        "role": "fact_checker",
        "password": "ein langes passwort",
        **overrides,
    }
    return client.post("/admin/users", data=data)


# -- users ------------------------------------------------------------------------------------------


def test_admin_creates_a_user_who_can_log_in(app, client, session):
    do_login(client, "admin")
    response = _new_user(client)
    assert response.status_code == 302
    assert "Nora Neu" in _html(client.get("/admin/users"))
    fresh = app.test_client()
    login = fresh.post(
        "/login", data={"email": "neu@example.org", "password": "ein langes passwort"}
    )
    assert login.status_code == 302
    assert _user(session, "neu@example.org").role == "fact_checker"


def test_duplicate_email_and_short_password_rerender_with_messages(client):
    do_login(client, "admin")
    response = _new_user(client, email="editor@example.org")
    assert response.status_code == 400
    assert "existiert bereits" in _html(response) or "exists already" in _html(response)
    assert 'value="Nora Neu"' in _html(response)  # nothing typed is lost
    response = _new_user(client, password="kurz")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in _html(response)


def test_change_role_and_deactivate_ends_sessions(app, client, session, users):
    do_login(client, "admin")
    victim = do_login(app.test_client(), "fact_checker")
    uid = users["fact_checker"].id
    response = client.post(
        f"/admin/users/{uid}", data={"name": "Frieda F.", "role": "editor", "active": ""}
    )
    assert response.status_code == 302
    user = _user(session, "checker@example.org")
    assert (user.role, user.active, user.name) == ("editor", False, "Frieda F.")
    assert victim.get("/desk/").status_code == 302  # logged out at once
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "user.update")).all()[-1]
    assert event.before["role"] == "fact_checker"
    assert event.after["role"] == "editor"


def test_admin_cannot_deactivate_themself(client, users):
    do_login(client, "admin")
    uid = users["admin"].id
    response = client.post(f"/admin/users/{uid}", data={"name": "Ada", "role": "admin"})
    assert response.status_code == 400
    assert "eigenes Konto" in _html(response)


def test_reset_password_generates_one_shown_once(app, client, users):
    do_login(client, "admin")
    victim = do_login(app.test_client(), "editor")
    uid = users["editor"].id
    response = client.post(f"/admin/users/{uid}/password", data={"reset-password": ""})
    assert response.status_code == 200
    password = re.search(r'<p class="secret"><code>([^<]+)</code>', _html(response)).group(1)
    assert victim.get("/desk/").status_code == 302  # the old session ended
    fresh = app.test_client()
    ok = fresh.post("/login", data={"email": "editor@example.org", "password": password})
    assert ok.status_code == 302
    # Not shown again.
    assert password not in _html(client.get(f"/admin/users/{uid}"))


def test_reset_password_to_a_typed_one(app, client, users):
    do_login(client, "admin")
    uid = users["editor"].id
    response = client.post(
        f"/admin/users/{uid}/password", data={"reset-password": "neues passwort 1"}
    )
    assert response.status_code == 302
    fresh = app.test_client()
    assert (
        fresh.post(
            "/login", data={"email": "editor@example.org", "password": "neues passwort 1"}
        ).status_code
        == 302
    )


def test_user_names_are_escaped(client, session, users):
    user_service.create_user(
        session=session,
        actor=users["admin"],
        email="x@example.org",
        name="<script>alert(1)</script>",
        role="editor",
        password=PASSWORD,
    )
    do_login(client, "admin")
    html = _html(client.get("/admin/users"))
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


# -- tokens -----------------------------------------------------------------------------------------


def test_token_is_shown_once_listed_by_prefix_and_revocable(client, session):
    do_login(client, "admin")
    response = client.post(
        "/admin/tokens", data={"partner": "Agentur", "scopes": ["api", "export"], "valid_days": 30}
    )
    assert response.status_code == 201
    plaintext = re.search(r'<code id="issued-token">([^<]+)</code>', _html(response)).group(1)
    assert user_service.find_token(session, plaintext) is not None
    listing = _html(client.get("/admin/tokens"))
    assert plaintext not in listing
    assert plaintext[:10] in listing
    token = session.exec(select(PartnerToken)).one()
    assert client.post(f"/admin/tokens/{token.id}/revoke").status_code == 302
    _fresh(session)
    assert user_service.find_token(session, plaintext) is None
    assert "widerrufen" in _html(client.get("/admin/tokens"))


def test_token_needs_a_scope_and_a_partner(client):
    do_login(client, "admin")
    response = client.post("/admin/tokens", data={"partner": "", "valid_days": 30})
    assert response.status_code == 400
    assert _html(response).count('class="field-errors"') == 2


# -- rating scale -----------------------------------------------------------------------------------


def test_edit_a_rating_label(client, session):
    do_login(client, "admin")
    label = session.exec(select(RatingLabel).where(RatingLabel.key == "falsch")).one()
    form = {
        "key": "falsch",
        "label_de": "Falsch!",
        "label_en": "False",
        "explanation_de": "Stimmt nicht.",
        "explanation_en": "Not so.",
        "color": "#aa0000",
        "ordinal": "1",
        "position": "4",
        "active": "y",
    }
    assert client.post(f"/admin/ratings/{label.id}", data=form).status_code == 302
    _fresh(session)
    label = session.get(RatingLabel, label.id)
    assert (label.name_in("de"), label.color) == ("Falsch!", "#aa0000")
    bad = client.post(f"/admin/ratings/{label.id}", data={**form, "color": "red"})
    assert bad.status_code == 400
    assert "#1a7f37" in _html(bad)
    clash = client.post("/admin/ratings", data={**form, "key": "richtig"})
    assert clash.status_code == 400
    assert "Schlüssel" in _html(clash)


def test_add_a_non_ordinal_label(client, session):
    do_login(client, "admin")
    form = {
        "key": "satire",
        "label_de": "Satire",
        "label_en": "Satire",
        "color": "#445566",
        "ordinal": "",
        "position": "9",
        "active": "y",
    }
    assert client.post("/admin/ratings", data=form).status_code == 302
    label = session.exec(select(RatingLabel).where(RatingLabel.key == "satire")).one()
    assert label.ordinal is None


# -- matching ---------------------------------------------------------------------------------------


def test_alias_add_and_remove(client, session):
    do_login(client, "admin")
    response = client.post(
        "/admin/matching/aliases", data={"spelling": "ODKB", "canonical": "CSTO", "kind": "org"}
    )
    assert response.status_code == 302
    assert "ODKB" in _html(client.get("/admin/matching"))
    assert [a.spelling for a in matching_admin.list_aliases(session)] == ["ODKB"]
    assert (
        client.post("/admin/matching/aliases/remove", data={"spelling": "ODKB"}).status_code == 302
    )
    _fresh(session)
    assert matching_admin.list_aliases(session) == []


def test_the_page_asks_for_a_rebuild_once_an_alias_changes_how_claims_read(
    client, session, users, app
):
    from claimtrack.jobs.tasks import execute_job
    from claimtrack.services.matching import reindex_job

    make_claim(session, users["fact_checker"], "Die Akorda bestätigte 225 Todesopfer.")
    do_login(client, "admin")
    asks = "Bis er neu aufgebaut ist"
    assert asks not in _html(client.get("/admin/matching"))
    data = {"spelling": "Akorda", "canonical": "Präsidialverwaltung", "kind": "org"}
    assert client.post("/admin/matching/aliases", data=data).status_code == 302
    page = _html(client.get("/admin/matching"))
    assert asks in page and "Der Index enthält 1 Behauptungen" in page
    assert client.post("/admin/matching/rebuild").status_code == 302
    _fresh(session)
    execute_job(app, app.extensions["claimtrack.db"], reindex_job.last_reindex(session).id)
    assert asks not in _html(client.get("/admin/matching"))


def test_thresholds_saved_in_a_valid_order(client, session):
    do_login(client, "admin")
    # Raising suggest above the old auto_link works when auto_link rises first.
    data = {"suggest": "95", "auto_link": "98", "same": "80", "related": "50"}
    assert client.post("/admin/matching/thresholds", data=data).status_code == 302
    _fresh(session)
    t = matching.thresholds(session)
    assert (t.suggest, t.auto_link, t.same, t.related) == (95.0, 98.0, 80.0, 50.0)


def test_impossible_thresholds_change_nothing(client, session):
    do_login(client, "admin")
    before = matching.thresholds(session)
    data = {"suggest": "99", "auto_link": "90", "same": "80", "related": "50"}
    response = client.post("/admin/matching/thresholds", data=data)
    assert response.status_code == 400
    assert 'role="alert"' in _html(response)
    _fresh(session)
    assert matching.thresholds(session) == before


def test_rebuild_index_runs_as_a_job(client, session, app):
    from claimtrack.jobs.tasks import execute_job
    from claimtrack.services.matching import reindex_job

    do_login(client, "admin")
    assert client.post("/admin/matching/rebuild").status_code == 302
    _fresh(session)
    job = reindex_job.last_reindex(session)
    assert job is not None and job.state == "queued"
    assert "Die Neuindizierung läuft" in _html(client.get("/admin/matching"))
    execute_job(app, app.extensions["claimtrack.db"], job.id)  # what the worker does
    _fresh(session)
    session.expire_all()
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "matching.reindex")).first()
    done = reindex_job.last_reindex(session)
    assert done.state == "done" and done.result == {"claims": done.done}
    assert "Letzte Neuindizierung" in _html(client.get("/admin/matching"))
    # Asked for again: the same job row runs again.
    assert client.post("/admin/matching/rebuild").status_code == 302
    _fresh(session)
    session.expire_all()
    again = reindex_job.last_reindex(session)
    assert again.id == done.id and again.state == "queued"


# -- audit log --------------------------------------------------------------------------------------


def test_audit_log_filters_and_pages(client, session, users, monkeypatch):
    from claimtrack.web.admin import config as admin_config

    monkeypatch.setattr(admin_config, "AUDIT_PAGE", 2)
    for n in range(5):
        user_service.create_token(
            session=session, actor=users["admin"], partner=f"Partner-Nummer-{n}", scopes=["api"]
        )
    do_login(client, "editor")
    page = _html(client.get("/admin/audit?action=token.create"))
    # The action reads as words in the page's language; the stored code stays on the cell.
    assert page.count('<td data-action="token.create">API-Token erstellt</td>') == 2
    assert '<option selected value="token.create">API-Token erstellt</option>' in page
    assert "Partner-Nummer-4" in page and "Partner-Nummer-3" in page
    # The changed fields read as words too; a field without a name keeps its code.
    assert '<span data-field="partner">Partner</span>' in page
    assert '<span data-field="scopes">Berechtigungen</span>' in page
    older = re.search(r'href="([^"]+)" rel="next"', page).group(1).replace("&amp;", "&")
    page2 = _html(client.get(older))
    assert "Partner-Nummer-2" in page2 and "Partner-Nummer-1" in page2
    assert "Partner-Nummer-4" not in page2
    by_actor = _html(client.get(f"/admin/audit?actor={users['editor'].id}"))
    assert 'data-action="token.create"' not in by_actor
    assert client.get("/admin/audit?before=abc").status_code == 400


def test_editor_sees_only_the_audit_section(client):
    do_login(client, "editor")
    html = _html(client.get("/admin/"))
    assert "/admin/audit" in html
    assert "/admin/users" not in html
    assert client.get("/admin/users").status_code == 403


def test_admin_pages_render_in_english(client):
    do_login(client, "admin")
    with client.session_transaction() as sess:
        sess["locale"] = "en"
    html = _html(client.get("/admin/matching"))
    assert '<html lang="en">' in html
    assert "Precision and recall per threshold" in html


def test_admin_forms_need_csrf(csrf_app):
    client = csrf_app.test_client()
    do_login(client, "admin")
    assert _new_user(client).status_code == 400
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', _html(client.get("/admin/users"))
    ).group(1)
    assert _new_user(client, csrf_token=token).status_code == 302


def test_precision_and_recall_from_the_desks_decisions(client, session, users):
    from claimtrack.models import ClaimLink, LinkState

    a = make_claim(session, users["editor"], "In Almaty wurden 3.000 Menschen festgenommen.")
    b = make_claim(session, users["editor"], "Die OVKS zog ihre Truppen bis zum 19. Januar ab.")
    c = make_claim(session, users["editor"], "Präsident Tokajew sprach von 20.000 Terroristen.")
    for other, score, state in ((b, 90.0, LinkState.CONFIRMED), (c, 80.0, LinkState.REJECTED)):
        session.add(
            ClaimLink(
                claim_a_id=a.id,
                claim_b_id=other.id,
                kind="same",
                score=score,
                method="matcher-v1",
                state=state,
            )
        )
    session.commit()
    do_login(client, "admin")
    html = _html(client.get("/admin/matching"))
    rows = re.findall(
        r"<tr[^>]*>\s*<td>(\d+)[^<]*(?:<span[^>]*>[^<]*</span>)?</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>",
        html,
    )
    by_threshold = {int(t): (p.strip(), r.strip()) for t, p, r in rows}
    assert by_threshold[80] == ("50,0\xa0%", "100,0\xa0%")
    assert by_threshold[85] == ("100,0\xa0%", "100,0\xa0%")
    assert by_threshold[95] == ("–", "0,0\xa0%")
