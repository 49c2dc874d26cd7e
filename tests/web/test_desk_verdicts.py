"""The verdict editor: draft, preview as readers see it, publish, correct or update, history, conflicts."""

from __future__ import annotations

import re

from claimtrack.models import ClaimStatus, VerdictState
from claimtrack.services import claims, ratings, verdicts
from tests.factories import make_claim, make_published_verdict

TEXT = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."


def _form(session, **overrides):
    label = ratings.label_by_key(session, "falsch")
    data = {
        "rating_id": str(label.id),
        "headline": "Die Zahl ist zu niedrig",
        "summary": "Es starben mehr Menschen.",
        "reasoning": "Laut **Gesundheitsministerium** waren es 238. <script>alert(1)</script>",
        "valid_as_of": "2022-01-20",
        "language": "de",
    }
    data.update(overrides)
    return data


def _version(html: str) -> str:
    match = re.search(r'id="version" name="version" type="hidden" value="(\d*)"', html)
    return match.group(1) if match else ""


def _claim_in_research(session, users):
    claim = make_claim(session, users["fact_checker"], TEXT)
    claims.change_status(
        session=session,
        actor=users["fact_checker"],
        claim_id=claim.id,
        status=ClaimStatus.IN_RESEARCH,
    )
    return claim


def test_preview_is_the_reader_partial_and_sanitised(client, login, session, users):
    claim = _claim_in_research(session, users)
    login(client, "fact_checker")
    url = f"/desk/claims/{claim.id}/verdict"
    html = client.get(url).get_data(as_text=True)
    assert "Publish" not in html and "veröffentlichen" not in html  # fact-checkers draft only
    r = client.post(url, data={**_form(session), "version": "", "action": "preview"})
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'class="verdict"' in page and "<strong>Gesundheitsministerium</strong>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert verdicts.verdict_of(session, claim.id) is None  # a preview saves nothing


def test_draft_publish_correct_update_and_history(client, login, session, users):
    claim = _claim_in_research(session, users)
    url = f"/desk/claims/{claim.id}/verdict"
    login(client, "fact_checker")
    r = client.post(url, data={**_form(session), "version": "", "action": "save"})
    assert r.status_code == 302
    html = client.get(url).get_data(as_text=True)
    version = _version(html)
    # A fact-checker cannot publish, even by forging the button.
    r = client.post(url, data={**_form(session), "version": version, "action": "publish"})
    assert r.status_code == 403
    session.rollback()
    assert verdicts.verdict_of(session, claim.id).state == VerdictState.DRAFT

    login(client, "editor")
    version = _version(client.get(url).get_data(as_text=True))
    r = client.post(url, data={**_form(session), "version": version, "action": "publish"})
    assert r.status_code == 302
    html = client.get(url).get_data(as_text=True)
    assert 'name="change_kind"' in html
    version = _version(html)
    # A public correction needs a note for readers.
    r = client.post(
        url,
        data={
            **_form(session, summary="Es starben 238 Menschen."),
            "version": version,
            "action": "correct",
            "change_kind": "correction",
            "note": "",
        },
    )
    assert r.status_code == 400
    r = client.post(
        url,
        data={
            **_form(session, summary="Es starben 238 Menschen."),
            "version": version,
            "action": "correct",
            "change_kind": "correction",
            "note": "Die Zahl der Toten wurde präzisiert.",
        },
    )
    assert r.status_code == 302
    version = _version(client.get(url).get_data(as_text=True))
    r = client.post(
        url,
        data={
            **_form(session, summary="Es starben 238 Menschen.", headline="Zu niedrig"),
            "version": version,
            "action": "correct",
            "change_kind": "update",
        },
    )
    assert r.status_code == 302
    session.rollback()
    verdict = verdicts.verdict_of(session, claim.id)
    kinds = [r.kind for r in verdicts.revisions_of(session, verdict.id)]
    assert kinds == ["draft", "publication", "correction", "update"]
    history = client.get(f"{url}/history").get_data(as_text=True)
    assert "Die Zahl der Toten wurde präzisiert." in history
    assert "<del>Die Zahl ist zu</del><ins>Zu</ins> niedrig" in history
    assert "<ins>238</ins>" in history
    assert "<script>" not in history


def test_stale_verdict_save_shows_conflict_and_keeps_text(client, login, session, users):
    claim = _claim_in_research(session, users)
    editor = users["editor"]
    make_published_verdict(session, editor, claim)
    url = f"/desk/claims/{claim.id}/verdict"
    login(client, "editor")
    version = _version(client.get(url).get_data(as_text=True))
    verdict = verdicts.verdict_of(session, claim.id)
    label = ratings.label_by_key(session, "falsch")
    verdicts.correct_verdict(
        session=session,
        actor=users["admin"],
        claim_id=claim.id,
        data=verdicts.VerdictInput(
            rating_id=label.id,
            headline="Die Zahl stimmt nicht",
            summary="Ein Kollege war schneller.",
        ),
        expected_version=verdict.version,
        public=False,
    )
    typed = "Mein sorgfältig getippter Text."
    r = client.post(
        url,
        data={
            **_form(session, summary=typed),
            "version": version,
            "action": "correct",
            "change_kind": "update",
        },
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 409
    assert typed in page and "Ada Admin" in page and 'aria-live="assertive"' in page
    assert "Kollege" in page  # the colleague's version is shown as the difference
    assert int(_version(page)) == int(version) + 1


def test_editor_withdraws_a_published_verdict(client, login, session, users):
    claim = _claim_in_research(session, users)
    make_published_verdict(session, users["editor"], claim)
    url = f"/desk/claims/{claim.id}/verdict"
    login(client, "fact_checker")
    assert "/withdraw" not in client.get(url).get_data(as_text=True)
    r = client.post(f"{url}/withdraw", data={"version": "2", "reason": "Quelle unhaltbar"})
    assert r.status_code == 403
    login(client, "editor")
    html = client.get(url).get_data(as_text=True)
    version = re.search(r'id="withdraw-version" name="version" type="hidden" value="(\d+)"', html)
    r = client.post(f"{url}/withdraw", data={"version": version.group(1), "reason": ""})
    assert r.status_code == 400
    r = client.post(
        f"{url}/withdraw", data={"version": version.group(1), "reason": "Die Quelle ist unhaltbar."}
    )
    assert r.status_code == 302
    session.rollback()
    verdict = verdicts.verdict_of(session, claim.id)
    assert verdict.state == VerdictState.WITHDRAWN
    assert verdict.withdrawn_reason == "Die Quelle ist unhaltbar."
