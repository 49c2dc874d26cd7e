"""Desk forms: a language label the text contradicts is refused with both languages named (in
the page's language), the typed text is kept, and a checkbox confirms the label."""

from __future__ import annotations

import re

from sqlmodel import func, select

from claimtrack.models import Claim
from tests.factories import make_claim

GERMAN = "Die Zahl der Arbeitslosen ist im November um 40.000 auf 2,6 Millionen gestiegen."
TYPED = "Die Zahl der Arbeitslosen ist im Dezember um 52.000 auf 2,7 Millionen gestiegen."


def _claims(session) -> int:
    session.rollback()
    return session.exec(select(func.count()).select_from(Claim)).one()


def test_new_claim_with_a_contradicting_language_asks_for_confirmation(client, login, session):
    login(client, "fact_checker")
    assert 'name="confirm_language"' not in client.get("/desk/intake/claim").get_data(True)
    form = {"text": GERMAN, "language": "en", "source_url": "https://social.example/p/3"}
    r = client.post("/desk/intake/claim", data=form)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and _claims(session) == 0
    assert GERMAN in html  # the typed text stays in the form
    assert "Der Text sieht nach Deutsch aus, gewählt ist aber Englisch." in html
    assert 'name="confirm_language"' in html
    r = client.post("/desk/intake/claim", data={**form, "confirm_language": "y"})
    assert r.status_code == 302 and _claims(session) == 1
    assert session.exec(select(Claim)).one().language == "en"


def test_the_refusal_names_the_languages_in_english_on_an_english_page(client, login, session):
    login(client, "fact_checker")
    client.get("/language/en")
    r = client.post("/desk/intake/claim", data={"text": GERMAN, "language": "en"})
    assert r.status_code == 400
    assert "The text reads as German, but the language chosen is English." in r.get_data(True)


def test_claim_edit_to_a_contradicting_language_keeps_the_form(client, login, session, users):
    claim = make_claim(session, users["fact_checker"], GERMAN)
    login(client, "fact_checker")
    html = client.get(f"/desk/claims/{claim.id}").get_data(as_text=True)
    version = re.search(r'id="claim-version" name="version" type="hidden" value="(\d+)"', html)
    form = {"version": version.group(1), "text": TYPED, "language": "en", "claimant": "",
            "claimant_kind": "unknown", "tags": "arbeit"}  # fmt: skip
    r = client.post(f"/desk/claims/{claim.id}/edit", data=form)
    page = r.get_data(as_text=True)
    assert r.status_code == 400 and TYPED in page
    assert "Korrigieren Sie die Sprache oder bestätigen Sie, dass Englisch stimmt." in page
    session.rollback()
    session.expire_all()
    stored = session.get(Claim, claim.id)
    assert (stored.text, stored.language) == (GERMAN, "de")
    r = client.post(f"/desk/claims/{claim.id}/edit", data={**form, "confirm_language": "y"})
    assert r.status_code == 302
    session.rollback()
    session.expire_all()
    assert session.get(Claim, claim.id).language == "en"
