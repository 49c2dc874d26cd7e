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


CONFLICT_DE = "Bei den Protesten in Almaty wurden mehr als 2.000 Menschen festgenommen."
CONFLICT_OTHER = "Bei den Protesten in Astana wurden 225 Menschen festgenommen."


def _conflicting_link(session, users) -> tuple[int, int, ClaimLink]:
    from claimtrack.matching.compare import compare
    from claimtrack.matching.prepare import prepare

    checker = users["fact_checker"]
    a = make_claim(session, checker, CONFLICT_DE)
    b = make_claim(session, checker, CONFLICT_OTHER)
    link = _suggest(session, a.id, b.id, kind="variant")
    cmp = compare(prepare(CONFLICT_DE, "de"), prepare(CONFLICT_OTHER, "de"))
    assert {r["code"] for r in cmp.reasons} >= {"conflict.figure", "conflict.place"}
    link.state, link.kind, link.features = "suggested", "variant", dict(cmp.features)
    session.add(link)
    session.commit()
    return a.id, b.id, link


def _conflict_list(html: str, link_id: int) -> str:
    card = html[html.index(f'id="link-{link_id}"') :]
    return card[card.index('class="conflicts"') : card.index("</ul>")]


def test_conflicts_are_said_in_the_german_desks_words(client, login, session, users):
    a_id, b_id, link = _conflicting_link(session, users)
    login(client, "editor")
    listed = _conflict_list(client.get(f"/desk/claims/{a_id}").get_data(as_text=True), link.id)
    assert "Zahl (festgenommen)" in listed
    assert "„mehr als 2.000“ gegenüber „225“" in listed
    assert "<strong>Ort</strong>: <mark>Almaty gegenüber Astana</mark>" in listed
    for english in (" vs ", "more than", "arrests", "place", "figure", "2,000"):
        assert english not in listed
    # Seen from the other claim, its own side comes first.
    other = _conflict_list(client.get(f"/desk/claims/{b_id}").get_data(as_text=True), link.id)
    assert "„225“ gegenüber „mehr als 2.000“" in other and "Astana gegenüber Almaty" in other


def test_conflicts_are_said_in_english_in_the_english_desk(client, login, session, users):
    a_id, _b_id, link = _conflicting_link(session, users)
    login(client, "editor")
    client.get("/language/en")
    listed = _conflict_list(client.get(f"/desk/claims/{a_id}").get_data(as_text=True), link.id)
    assert "Figure (arrested)" in listed and "“more than 2,000” vs “225”" in listed
    assert "Place</strong>: <mark>Almaty vs Astana</mark>" in listed
    assert "gegenüber" not in listed


def test_links_stored_with_english_conflicts_still_show_in_german(client, login, session, users):
    a_id, _b_id, link = _conflicting_link(session, users)
    link.features = {
        "conflicts": ["figure: more than 2,000 people arrests vs 225 people arrests",
                      "country: Kazakhstan vs Uzbekistan", "polarity: negation",
                      "date: month 01 vs month 12", "figure: a lot vs few"],
        "reasons": [{"code": "conflict.figure", "detail": "more than 2,000 people arrests vs 225 people arrests"}],
    }  # fmt: skip
    session.add(link)
    session.commit()
    login(client, "editor")
    response = client.get(f"/desk/claims/{a_id}")
    assert response.status_code == 200
    listed = _conflict_list(response.get_data(as_text=True), link.id)
    assert "„mehr als 2.000“ gegenüber „225“" in listed
    assert "Kasachstan gegenüber Usbekistan" in listed
    assert "Verneinung nur in einer der Aussagen" in listed
    assert "Januar gegenüber Dezember" in listed
    assert '<mark lang="en">a lot vs few</mark>' in listed  # unreadable: as written, marked


def test_the_facts_table_is_in_the_pages_language(client, login, session, users):
    checker = users["fact_checker"]
    de = make_claim(
        session,
        checker,
        "Am 5. Januar 2022 wurden in Kasachstan mehr als 2.000 Menschen festgenommen.",
    )
    en = make_claim(
        session,
        checker,
        "On 5 January 2022 more than 2,000 people were arrested in Kazakhstan.",
        language="en",
    )
    session.expire_all()  # the matcher links after each save commits, in a session of its own
    link = _suggest(session, de.id, en.id, kind="same")
    link.state = "suggested"  # the matcher may have linked them by itself: open the pair again
    session.add(link)
    for claim in (de, en):
        claim.canonical_claim_id = None
        session.add(claim)
    session.commit()
    login(client, "editor")
    html = client.get(f"/desk/claims/{de.id}").get_data(as_text=True)
    card = html[html.index(f'id="link-{link.id}"') :]
    table = card[card.index("<table") : card.index("</table>")]
    assert table.count("mehr als 2.000 festgenommen") == 2  # one figure in both languages
    assert table.count("Kasachstan") == 2 and "Kazakhstan" not in table
    assert table.count("5. Januar 2022") == 2 and "2022-01-05" not in table
    assert 'class="differs"' not in table
    client.get("/language/en")
    html = client.get(f"/desk/claims/{de.id}").get_data(as_text=True)
    table = html[html.index(f'id="link-{link.id}"') :]
    table = table[table.index("<table") : table.index("</table>")]
    assert table.count("more than 2,000 arrested") == 2 and table.count("January 5, 2022") == 2
