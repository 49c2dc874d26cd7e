"""The desk in a real browser (German UI): intake → claims → duplicate → verdict → correction;
a stale edit in a second browser context; keyboard triage; no CSP errors; accessibility."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from claimtrack.models import Claim, ClaimLink, LinkState
from claimtrack.services import claims, verdicts
from tests.browser.conftest import axe_violations, login_page
from tests.factories import make_claim, make_published_verdict, make_story

STORY = (
    (Path(__file__).resolve().parent.parent / "fixtures" / "pages")
    .joinpath("de_pasted_tagesblatt.txt")
    .read_text("utf-8")
)
EARLIER = (
    "Die Polizei in Almaty hat nach eigenen Angaben mehr als 2.700 Menschen bei den Protesten "
    "am 4. Januar festgenommen."
)

# The same claim as the story's lead, worded differently (similar enough to be suggested, not so
# close that the matcher links it without asking): the matcher must suggest it by itself.
SAME = "Die Polizei von Almaty meldet mehr als 2.000 Festnahmen am Rand der Proteste vom 4. Januar."


def _submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def _ensure_suggestion(session: Session, claim_id: int, other_id: int) -> None:
    """The matcher normally suggests the pair; its thresholds are tuned elsewhere, so make sure."""
    a, b = sorted((claim_id, other_id))
    session.rollback()
    found = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b)
    ).first()
    if found is None:
        session.add(
            ClaimLink(
                claim_a_id=a,
                claim_b_id=b,
                kind="variant",
                score=88.0,
                features={"conflicts": ["figure: more than 2,000 vs more than 2,700"]},
            )
        )
        session.commit()
    elif found.state != LinkState.SUGGESTED:
        found.state = LinkState.SUGGESTED
        session.add(found)
        session.commit()
    session.rollback()


def test_story_to_published_and_corrected_verdict(page, page_errors, session, users):
    earlier = make_claim(session, users["fact_checker"], EARLIER)
    same = make_claim(session, users["fact_checker"], SAME)
    login_page(page, "editor")
    page.goto("/desk/intake")
    page.fill("textarea[name=text]", STORY)
    page.fill("input[name=outlet]", "Tagesblatt")
    _submit(page, "form.intake-form button[type=submit]")
    assert "/desk/intake/stories/" in page.url
    assert page.locator(".candidate").count() >= 3
    first = page.locator(".candidate").first
    assert first.locator(".reasons li").count() >= 1  # reasons are shown
    # Accept the two best candidates, one click each.
    for _ in range(2):
        _submit(page, ".candidate:not(.candidate-accepted) button[name=accept]")
        assert "angelegt" in page.locator(".flashes").inner_text()
    assert page.locator(".candidate-accepted").count() == 2
    # Open the claim about the arrests and review its suggested duplicate.
    session.rollback()
    arrests = session.exec(
        select(Claim).where(
            Claim.text.contains("2.000 Menschen"), Claim.id.not_in([earlier.id, same.id])
        )
    ).first()
    assert arrests is not None
    _ensure_suggestion(session, arrests.id, earlier.id)
    page.goto(f"/desk/claims/{arrests.id}")
    duplicate = page.locator(".duplicate").first
    # Differences are highlighted within one language; a German/English pair is compared by facts.
    text = duplicate.inner_text()
    assert duplicate.locator("mark").count() >= 1 or "verschiedenen Sprachen" in text
    _submit(page, ".duplicate form:has(input[value=variant]) button")
    assert "Variante" in page.locator(".flashes").inner_text()
    # The matcher linked the reworded duplicate by itself as the same claim: sure enough to confirm
    # it at once, or suggested for the desk to confirm with one click.
    session.rollback()
    low, high = sorted((arrests.id, same.id))
    suggested = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).one()
    assert suggested.kind == "same"
    assert suggested.state in (LinkState.SUGGESTED, LinkState.CONFIRMED)
    if suggested.state == LinkState.SUGGESTED:
        card = f".duplicate:has(a[href$='/desk/claims/{same.id}'])"
        _submit(page, f"{card} form:has(input[value=same]) button")
    session.rollback()
    confirmed = session.get(ClaimLink, suggested.id)
    assert (confirmed.state, confirmed.kind) == (LinkState.CONFIRMED, "same")
    clustered = {session.get(Claim, i).canonical_claim_id for i in (arrests.id, same.id)}
    assert len(clustered) == 1 and None not in clustered
    # Move it into research and write the verdict.
    page.select_option("select[name=status]", "in_research")
    _submit(page, "form[action$='/status'] button[type=submit]")
    page.click("text=Urteil bearbeiten")
    page.wait_for_url("**/verdict")
    page.select_option("select[name=rating_id]", label="Größtenteils richtig")
    page.fill("input[name=headline]", "Die Zahl der Festnahmen stimmt ungefähr")
    page.fill("textarea[name=summary]", "Die Polizei meldete tatsächlich über 2.000 Festnahmen.")
    page.fill("textarea[name=reasoning]", "Laut **Innenministerium** waren es 2.134.")
    _submit(page, "button[value=preview]")
    preview = page.locator("#preview")
    assert preview.locator("strong", has_text="Innenministerium").count() == 1
    assert "Größtenteils richtig" in preview.inner_text()
    _submit(page, "button[value=publish]")
    assert "Urteil veröffentlicht" in page.locator(".flashes").inner_text()
    # Correct it publicly.
    page.fill("textarea[name=summary]", "Die Polizei meldete 2.134 Festnahmen.")
    page.check("input[name=change_kind][value=correction]")
    page.fill("textarea[name=note]", "Wir haben die genaue Zahl ergänzt.")
    _submit(page, "button[value=correct]")
    assert "Korrektur veröffentlicht" in page.locator(".flashes").inner_text()
    page.click("text=Verlauf dieses Urteils")
    page.wait_for_url("**/history")
    history = page.locator("main").inner_text()
    assert "Öffentliche Korrektur" in history and "Wir haben die genaue Zahl ergänzt." in history
    assert page.locator(".diff ins").count() >= 1
    session.rollback()
    assert verdicts.verdict_of(session, arrests.id).state == "published"
    assert page_errors == []


def test_stale_edit_in_a_second_browser_keeps_the_typed_text(new_page, page_errors, session, users):
    claim = make_claim(session, users["fact_checker"])
    mine = login_page(new_page(), "fact_checker")
    theirs = login_page(new_page(), "editor")
    url = f"/desk/claims/{claim.id}"
    mine.goto(url)
    theirs.goto(url)
    # The edit form is collapsed until asked for (a <details>, no JavaScript needed).
    assert not mine.locator("textarea[name=text]").is_visible()
    for page in (mine, theirs):
        page.click("#edit > summary")
    theirs.fill("input[name=claimant]", "Innenministerium Kasachstan")
    _submit(theirs, "form.claim-form button[type=submit]")
    typed = "Nach Angaben der Generalstaatsanwaltschaft starben 225 Menschen bei den Unruhen."
    mine.fill("textarea[name=text]", typed)
    _submit(mine, "form.claim-form button[type=submit]")
    alert = mine.locator(".conflict[role=alert]")
    assert alert.is_visible()
    assert "Erik Editor" in alert.inner_text()
    assert "Innenministerium Kasachstan" in alert.inner_text()
    assert mine.input_value("textarea[name=text]") == typed
    # Saving again, knowingly, goes through.
    _submit(mine, "form.claim-form button[type=submit]")
    assert mine.locator(".conflict").count() == 0
    session.rollback()
    session.expire_all()
    assert session.get(Claim, claim.id).text == typed
    # The conflict page answers 409, which Chromium logs; nothing else may be logged.
    assert [e for e in page_errors if "409 (CONFLICT)" not in e] == []


def test_keyboard_triage(page, page_errors, session, users):
    checker = users["fact_checker"]
    made = [make_claim(session, checker, worthiness=w) for w in (0.9, 0.6, 0.3)]
    login_page(page, "fact_checker")
    page.goto("/desk/")
    rows = page.locator(".queue-row")
    assert rows.count() == 3
    assert page.locator(".queue-nav").is_visible()  # the buttons behind j/k and ?
    page.keyboard.press("j")
    assert "is-current" in rows.nth(0).get_attribute("class")
    page.keyboard.press("j")
    assert "is-current" in rows.nth(1).get_attribute("class")
    page.keyboard.press("k")
    assert "is-current" in rows.nth(0).get_attribute("class")
    # Typing in a field never triggers a shortcut.
    page.click("summary:has-text('Filtern und suchen')")
    page.fill("input[name=q]", "")
    page.type("input[name=q]", "jjd")
    assert page.input_value("input[name=q]") == "jjd"
    assert "is-current" in rows.nth(0).get_attribute("class")
    page.locator(".queue-row .queue-open").first.focus()
    page.keyboard.press("?")
    assert page.locator("#shortcut-help").get_attribute("open") is not None
    page.keyboard.press("?")
    # a: assign the current claim to me.
    page.locator(".queue-row .queue-open").first.focus()
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "geändert" in page.locator(".flashes").inner_text()
    # j then d: dismiss the second claim.
    page.keyboard.press("j")
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("d")
    session.rollback()
    session.expire_all()
    assert session.get(Claim, made[0].id).assignee_id == checker.id
    assert session.get(Claim, made[1].id).status == "dismissed"
    assert page.locator(".queue-row").count() == 2
    # o: open the current claim.
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("o")
    assert f"/desk/claims/{made[0].id}" in page.url
    assert page_errors == []


def test_desk_pages_have_no_serious_accessibility_violations(axe_page, session, users):
    editor = users["editor"]
    claim = make_claim(
        session,
        editor,
        figures=[
            {"value": 225, "qualifier": None, "unit": None, "counted": "deaths", "raw": "225"}
        ],
    )
    other = make_claim(session, editor)
    _ensure_suggestion(session, claim.id, other.id)
    claims.add_note(session=session, actor=editor, claim_id=claim.id, body="Notiz")
    story = make_story(session, editor, body=STORY)
    published = make_claim(session, editor)
    make_published_verdict(session, editor, published)
    login_page(axe_page, "editor")
    for path in (
        "/desk/",
        f"/desk/claims/{claim.id}",
        f"/desk/claims/{claim.id}/verdict",
        f"/desk/claims/{published.id}/verdict",
        f"/desk/claims/{published.id}/verdict/history",
        "/desk/intake",
        f"/desk/intake/stories/{story.id}",
    ):
        axe_page.goto(path)
        assert axe_violations(axe_page) == [], path
