"""Search "has this been checked?" through the matcher: reworded and German/English variants."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlmodel import Session

from claimtrack.models import User
from tests.factories import make_claim, make_published_verdict


def _publish(
    session: Session, users: dict[str, User], text: str, headline: str, **kw: object
) -> None:
    claim = make_claim(session, users["editor"], text, **kw)
    make_published_verdict(session, users["editor"], claim, headline=headline)


def test_search_finds_reworded_and_translated_claims(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    _publish(session, users, "In Almaty wurden mehr als 2.000 Menschen festgenommen.", "Festnahmen")
    _publish(
        session,
        users,
        "Die Inflation in Deutschland lag im Dezember bei zehn Prozent.",
        "Inflation",
    )
    unpublished = make_claim(
        session, users["editor"], "In Almaty wurden über 2000 Leute verhaftet."
    )
    assert unpublished.id
    reworded = client.get(
        "/search", query_string={"q": "Mehr als 2000 Menschen in Almaty festgenommen"}
    )
    html = reworded.get_data(as_text=True)
    assert reworded.status_code == 200
    assert ">Festnahmen<" in html and ">Inflation<" not in html
    assert "über 2000 Leute" not in html  # unpublished claims never show
    english = client.get(
        "/search", query_string={"q": "More than 2,000 people were arrested in Almaty"}
    )
    assert ">Festnahmen<" in english.get_data(as_text=True)


def test_search_shows_conflicting_figures_and_handles_bad_input(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    _publish(session, users, "In Almaty wurden mehr als 2.000 Menschen festgenommen.", "Festnahmen")
    html = client.get("/search?q=In+Almaty+wurden+mehr+als+8.000+Menschen+festgenommen").get_data(
        as_text=True
    )
    # Found, but flagged: the figure differs.
    assert ">Festnahmen<" in html
    assert "Zahl (festgenommen): „mehr als 2.000“ gegenüber „mehr als 8.000“" in html
    assert " vs " not in html and "8,000" not in html
    assert client.get("/search?q=a").status_code == 422
    assert client.get("/search").status_code == 200
    nothing = client.get("/search?q=Völlig+anderes+Thema+über+Fußball+und+Wetter")
    assert ">Festnahmen<" not in nothing.get_data(as_text=True)
