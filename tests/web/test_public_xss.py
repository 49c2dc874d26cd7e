"""A corpus of XSS payloads stored in every text and URL field renders inert on every public page,
the desk's report list and the Atom feed: no script, no event handler, no `javascript:` link."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import lxml.etree
import lxml.html
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlmodel import Session

from claimtrack.models import User
from claimtrack.services import claims, ratings, reports, sources, verdicts
from tests.factories import make_claim, make_published_verdict, make_story

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "\u2028</script><!--",
    "[click](javascript:alert(1)) [c2](JaVaScRiPt:alert(1)) <javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a><iframe src="javascript:alert(1)"></iframe>',
    '<style>*{}</style><div style="x" onclick="alert(1)">',
    "{{ 7*7 }}{% raw %}",
]
CORPUS = " ".join(PAYLOADS)
SHORT = '"><img src=x onerror=alert(1)>'
BAD_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]
URL_ATTRS = (
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "{http://www.w3.org/1999/xlink}href",
)


def _store_everything(session: Session, users: dict[str, User]) -> tuple[int, int]:
    editor = users["editor"]
    story = make_story(session, editor, title=CORPUS[:1000], outlet=SHORT, byline=SHORT)
    claim = make_claim(
        session, editor, "Behauptung " + CORPUS, story=story, claimant=SHORT, tags=[SHORT],
        figures=[{"value": 2000, "counted": "arrests", "raw": SHORT}],
    )  # fmt: skip
    claims.add_appearance(
        session=session, actor=editor, claim_id=claim.id or 0,
        data=claims.AppearanceInput(story_id=make_story(session, editor).id or 0, quote=CORPUS),
    )  # fmt: skip
    sources.add_source(
        session=session, actor=editor, claim_id=claim.id or 0,
        data=sources.SourceInput(url="https://ok.example.org/", title=CORPUS[:500], publisher=SHORT,
                                 archive_url="https://archive.example.org/x", note=CORPUS),
    )  # fmt: skip
    label = ratings.label_by_key(session, "falsch")
    assert label is not None
    ratings.save_label(
        session=session, actor=users["admin"], label_id=label.id,
        data=ratings.LabelInput(key="falsch", names={"de": SHORT, "en": SHORT},
                                explanations={"de": CORPUS, "en": CORPUS}, color="#b91c1c",
                                ordinal=1),
    )  # fmt: skip
    verdict = make_published_verdict(session, editor, claim, headline=CORPUS[:300])
    verdicts.correct_verdict(
        session=session, actor=editor, claim_id=claim.id or 0,
        data=verdicts.VerdictInput(rating_id=verdict.rating_id, headline=CORPUS[:300],
                                   summary=CORPUS, reasoning=CORPUS),
        expected_version=verdict.version, public=True, note=CORPUS,
    )  # fmt: skip
    reports.submit_report(session=session, actor=None, claim_id=claim.id or 0, message=CORPUS,
                          email='a"><script>@x.org')  # fmt: skip
    # URL fields: the services refuse these schemes, so write them the way a bad import would.
    for bad in BAD_URLS:
        extra = make_story(session, editor, published_at=datetime(2022, 2, 1, tzinfo=UTC))
        claims.add_appearance(
            session=session, actor=editor, claim_id=claim.id or 0,
            data=claims.AppearanceInput(story_id=extra.id or 0, quote="2.000 Menschen"),
        )  # fmt: skip
        source = sources.add_source(
            session=session, actor=editor, claim_id=claim.id or 0,
            data=sources.SourceInput(url="https://ok.example.org/"),
        )  # fmt: skip
        session.exec(
            text("UPDATE story SET url = :u WHERE id = :i"), params={"u": bad, "i": extra.id}
        )  # type: ignore[call-overload]
        session.exec(
            text("UPDATE source SET url = :u, archive_url = :u WHERE id = :i"),
            params={"u": bad, "i": source.id},
        )  # type: ignore[call-overload]
    session.commit()
    withdrawn = make_claim(session, editor, "Zurückgezogen " + CORPUS, claimant=SHORT)
    make_published_verdict(session, editor, withdrawn, headline=CORPUS[:300])
    verdicts.withdraw_verdict(
        session=session, actor=editor, claim_id=withdrawn.id or 0, reason=CORPUS[:1000]
    )
    return claim.id or 0, withdrawn.id or 0


def _check_html(page: str, html: str) -> None:
    doc = lxml.html.document_fromstring(html)
    for script in doc.iter("script"):
        assert script.get("type") == "application/ld+json", page
        json.loads(script.text or "")  # intact JSON: nothing broke out of it
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in ("iframe", "object", "embed", "style"), (page, el.tag)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (page, el.tag, name)
            assert name.lower() != "style", (page, el.tag)
            if name.lower() in URL_ATTRS or name.endswith("href"):
                cleaned = "".join(value.split()).lower()
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), (page, value)


def _pages(claim_id: int, withdrawn_id: int) -> list[str]:
    return [
        "/",
        f"/claims/{claim_id}",
        f"/claims/{withdrawn_id}",
        f"/claims/{claim_id}/report",
        "/methodology",
        "/corrections",
        "/search?q=" + "Behauptung script alert",
        "/search?q=" + CORPUS[:900].replace("&", "%26").replace("#", "%23"),
        f"/?claimant={SHORT}",
    ]


def test_payloads_render_inert_everywhere(
    client: FlaskClient, session: Session, users: dict[str, User], login: Callable[..., FlaskClient]
) -> None:
    claim_id, withdrawn_id = _store_everything(session, users)
    for page in _pages(claim_id, withdrawn_id):
        response = client.get(page, follow_redirects=True)
        assert response.status_code in (200, 410, 422), (page, response.status_code)
        _check_html(page, response.get_data(as_text=True))
    login(client, "editor")
    desk = client.get("/desk/reports")
    assert desk.status_code == 200
    _check_html("/desk/reports", desk.get_data(as_text=True))


def test_feed_is_inert(client: FlaskClient, session: Session, users: dict[str, User]) -> None:
    _store_everything(session, users)
    body = client.get("/feed.atom").get_data()
    feed = lxml.etree.fromstring(body)
    assert b"<script" not in body and b"<img" not in body
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for summary in feed.iterfind(".//a:summary", ns):
        assert summary.get("type") in (None, "text")
    for link in feed.iterfind(".//a:link", ns):
        assert link.get("href", "").startswith("http://localhost/")
    assert feed.findtext(".//a:entry/a:title", namespaces=ns)


def test_json_ld_cannot_be_closed_by_stored_text(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim_id, _ = _store_everything(session, users)
    html = client.get(f"/claims/{claim_id}", follow_redirects=True).get_data(as_text=True)
    start = html.index('<script type="application/ld+json"')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    data = json.loads(body)
    assert data["claimReviewed"].startswith("Behauptung <script>")
    assert "{{ 7*7 }}" in data["claimReviewed"]  # stored text is never evaluated as a template
    assert all(c["url"].startswith("https://") for c in data.get("citation", []) if "url" in c)
