"""How the workbench shows duplicates: a claim confirmed as the same is not offered again as a
suggestion, and a German/English pair is compared by its facts, not word by word."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.models import ClaimLink
from claimtrack.services.matching import links
from tests.factories import make_claim

TEXT_A = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."
TEXT_B = "Nach offiziellen Angaben starben bei den Unruhen in Kasachstan 225 Menschen."
TEXT_C = "In Kasachstan sind bei den Unruhen offiziell 225 Menschen gestorben."
TEXT_EN = "More than 2,000 people were arrested in Almaty, the police said."


def _suggest(session, a_id: int, b_id: int, kind: str = "related") -> ClaimLink:
    low, high = sorted((a_id, b_id))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).first()
    if link is None:
        link = ClaimLink(claim_a_id=low, claim_b_id=high, kind=kind, score=70.0, features={})
        session.add(link)
        session.commit()
    return link


def test_a_claim_confirmed_as_the_same_is_not_suggested_again(client, login, session, users):
    editor = users["editor"]
    a, b, c = (make_claim(session, editor, t) for t in (TEXT_A, TEXT_B, TEXT_C))
    for other in (b, c):
        links.link_claims(
            session=session, actor=editor, claim_id=a.id, other_id=other.id, decision="same"
        )
    session.commit()
    # An open suggestion between two members of the cluster (as the matcher leaves behind when
    # the claims were confirmed through a third one).
    open_pair = _suggest(session, b.id, c.id)
    open_pair.state, open_pair.kind = "suggested", "related"
    session.add(open_pair)
    session.commit()
    login(client, "editor")
    html = client.get(f"/desk/claims/{b.id}").get_data(as_text=True)
    assert f'id="link-{open_pair.id}"' not in html  # not a suggestion on b's page
    assert f'href="/desk/claims/{c.id}">#{c.id}</a>' in html  # c is listed with the same claims


def test_a_german_english_pair_is_not_marked_word_by_word(client, login, session, users):
    checker = users["fact_checker"]
    de = make_claim(session, checker, TEXT_A)
    en = make_claim(session, checker, TEXT_EN, language="en")
    link = _suggest(session, de.id, en.id, kind="same")
    link.state, link.kind = "suggested", "same"
    session.add(link)
    session.commit()
    login(client, "fact_checker")
    html = client.get(f"/desk/claims/{de.id}").get_data(as_text=True)
    card = html[html.index(f'id="link-{link.id}"') :]
    side_by_side = card[card.index('class="side-by-side"') : card.index("</article>")]
    side_by_side = side_by_side[: side_by_side.index("<table")]
    assert "<mark>" not in side_by_side
    assert "different languages" in html or "verschiedenen Sprachen" in html
    assert f'lang="en">{TEXT_EN}' in side_by_side
