"""Story intake service: stored once, article body only, candidates, bad input stores nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from sqlmodel import func, select

from claimtrack.fetch import FetchPolicy
from claimtrack.models import Appearance, AuditEvent, Claim, Story
from claimtrack.services.errors import ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake.ingest import StoryMeta
from tests.local_server import LocalServer

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
LOOPBACK = FetchPolicy(allow_loopback=True, connect_timeout=2, read_timeout=2)


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_pasted_page_is_stored_once_with_article_body_and_metadata(session, users):
    text = (PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8")
    checker = users["fact_checker"]
    first = intake.ingest_text(
        session=session, actor=checker, text=text, meta=StoryMeta(outlet="Tagesblatt")
    )
    story = first.story
    assert first.created
    no_outlet_given = intake.prepare_text(text)
    assert no_outlet_given.outlet == "Tagesblatt"  # from the copyright footer
    assert story.title == "Polizei: Mehr als 2.000 Festnahmen bei Protesten in Almaty"
    assert story.outlet == "Tagesblatt" and story.byline == "Anna Schmidt"
    assert story.language == "de" and story.published_at.date() == date(2022, 1, 5)
    assert story.body.startswith("Bei den Protesten am 4. Januar")
    assert story.body.endswith("ist unklar.")
    for furniture in ("Mehr zum Thema", "Impressum", "Facebook", "Lädt", "Startseite"):
        assert furniture not in story.body
    assert first.candidates and first.candidates[0].score >= first.candidates[-1].score
    again = intake.ingest_text(
        session=session, actor=checker, text=text, meta=StoryMeta(outlet="Tagesblatt")
    )
    assert (again.story.id, again.created) == (story.id, False)
    assert [c.text for c in again.candidates] == [c.text for c in first.candidates]
    assert count(session, Story) == 1


@pytest.mark.parametrize(
    ("name", "title", "outlet", "canonical", "language"),
    [
        (
            "de_saved_nordkurier.html",
            "Gaspreise: Regierung bestätigt Anstieg um 40 Prozent",
            "Nordkurier Beispiel",
            "https://www.nordkurier.example/wirtschaft/gaspreise-anstieg-101.html",
            "de",
        ),
        (
            "en_saved_daily.html",
            "Government says 3,000 troops sent to flood areas",
            "The Daily Example",
            "https://www.dailyexample.example/news/uk-floods-troops",
            "en",
        ),
    ],
)
def test_uploaded_html_page(session, users, name, title, outlet, canonical, language):
    result = intake.ingest_file(
        session=session,
        actor=users["fact_checker"],
        filename=name,
        data=(PAGES / name).read_bytes(),
    )
    story = result.story
    assert (story.title, story.outlet, story.canonical_url, story.language) == (
        title,
        outlet,
        canonical,
        language,
    )
    assert "Mehr zum Thema" not in story.body and "Latest news" not in story.body
    assert any(c.figures for c in result.candidates)


def test_meta_given_by_the_desk_wins(session, users):
    result = intake.ingest_file(
        session=session,
        actor=users["fact_checker"],
        filename="page.HTM",
        data=(PAGES / "en_saved_daily.html").read_bytes(),
        meta=StoryMeta(title="Own title", outlet="Wire", published=date(2023, 11, 13)),
    )
    story = result.story
    assert (story.title, story.outlet, story.published_at.date()) == (
        "Own title",
        "Wire",
        date(2023, 11, 13),
    )


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("story.pdf", b"%PDF-1.4", "Upload an .html, .htm or .txt file"),
        ("story.txt", b"", "empty"),
        ("story.html", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("story.txt", b"\x00\x01\x02\x03" * 50, "binary"),
        ("story.html", '<meta charset="utf-8"><p>Gr\xfc\xdfe</p>'.encode("latin-1"), "decoded"),
        ("story.txt", b"x" * (intake.MAX_INPUT_BYTES + 1), "larger than"),
        ("story.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "No article"),
    ],
)
def test_bad_uploads_store_nothing(session, users, filename, data, message):
    with pytest.raises(ValidationError, match=message):
        intake.ingest_file(
            session=session, actor=users["fact_checker"], filename=filename, data=data
        )
    assert count(session, Story) == 0
    assert (
        session.exec(select(AuditEvent).where(AuditEvent.action == "story.create")).first() is None
    )


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/article":
            body, ctype = (PAGES / "en_saved_daily.html").read_bytes(), "text/html; charset=utf-8"
        elif self.path == "/feed.json":
            body, ctype = b"{}", "application/json"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def local_site() -> Iterator[str]:
    httpd = LocalServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_and_stored(session, users, local_site):
    url = f"{local_site}/article"
    result = intake.ingest_url(
        session=session, actor=users["fact_checker"], url=url, policy=LOOPBACK
    )
    assert result.story.url == url
    # the page names a canonical URL on another host, so it is not trusted as identity
    assert result.story.canonical_url == url
    assert result.story.title == "Government says 3,000 troops sent to flood areas"
    again = intake.ingest_url(
        session=session, actor=users["fact_checker"], url=url, policy=LOOPBACK
    )
    assert again.story.id == result.story.id and not again.created


@pytest.mark.parametrize(
    ("path", "policy", "message"),
    [
        ("/article", FetchPolicy(), "non-public address"),
        ("/feed.json", LOOPBACK, "Unsupported content type"),
        ("/missing", LOOPBACK, "HTTP 404"),
    ],
)
def test_bad_urls_store_nothing(session, users, local_site, path, policy, message):
    with pytest.raises(ValidationError, match=message) as info:
        intake.ingest_url(
            session=session, actor=users["fact_checker"], url=f"{local_site}{path}", policy=policy
        )
    assert info.value.field == "url"
    assert count(session, Story) == 0


def _jsonl(*rows: dict) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


def test_bulk_jsonl_and_csv(session, users):
    rows = [
        {
            "title": f"Meldung {n}",
            "body": f"Laut Polizei wurden in Almaty mehr als {n}.000 Menschen festgenommen.",
            "outlet": "Agentur",
            "published": "2022-01-0" + str(n),
            "language": "de",
        }
        for n in (1, 2, 3)
    ]
    results = intake.ingest_bulk(
        session=session, actor=users["fact_checker"], data=_jsonl(*rows), fmt="jsonl"
    )
    assert [r.story.title for r in results] == ["Meldung 1", "Meldung 2", "Meldung 3"]
    assert all(r.candidates[0].figures for r in results)
    csv_data = (
        b"title,body,outlet,published\n"
        b'"Police report","More than 2,000 people were arrested in Almaty, police said.",Wire,'
        b"2022-01-06\n"
        b'"Meldung 1","Laut Polizei wurden in Almaty mehr als 1.000 Menschen festgenommen.",,\n'
    )
    csv_results = intake.ingest_bulk(
        session=session, actor=users["fact_checker"], data=csv_data, fmt="csv"
    )
    assert csv_results[0].story.language == "en" and csv_results[0].created
    assert csv_results[1].story.id == results[0].story.id and not csv_results[1].created
    assert count(session, Story) == 4


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (_jsonl({"body": "Ein ordentlicher Satz mit Inhalt."}) + b"\n{broken", "jsonl", "line 2"),
        (_jsonl({"body": "Ein Satz.", "language": "fr"}), "jsonl", "language must be one of"),
        (_jsonl({"body": "Ein Satz.", "published": "gestern"}), "jsonl", "published must be"),
        (_jsonl({"title": "Nur Titel"}), "jsonl", "body is empty"),
        (b"title,text\nA,B\n", "csv", "'body' column"),
        (b"", "jsonl", "empty"),
        (b"[1,2]", "xml", "unknown bulk format"),
    ],
)
def test_bad_bulk_files_store_nothing(session, users, data, fmt, message):
    with pytest.raises(ValidationError, match=f"(?i){message}"):
        intake.ingest_bulk(session=session, actor=users["fact_checker"], data=data, fmt=fmt)
    assert count(session, Story) == 0


def test_accept_candidate_creates_claim_with_appearance(session, users):
    checker = users["fact_checker"]
    text = (PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8")
    result = intake.ingest_text(
        session=session, actor=checker, text=text, meta=StoryMeta(outlet="Tagesblatt")
    )
    quote = next(c for c in result.candidates if c.text.startswith("„Wer Polizisten"))
    claim = intake.accept_candidate(
        session=session,
        actor=checker,
        story_id=result.story.id,
        text=quote.text,
        position=quote.start,
    )
    assert (claim.claimant, claim.claimant_kind) == ("Maria Berger", "person")
    assert claim.worthiness == quote.score and claim.worthiness_reasons == quote.reason_dicts()
    assert claim.claim_date == date(2022, 1, 5)
    lead = next(c for c in result.candidates if c.text.startswith("Bei den Protesten"))
    lead_claim = intake.accept_candidate(
        session=session,
        actor=checker,
        story_id=result.story.id,
        text=lead.text,
        position=lead.start,
    )
    assert (
        lead_claim.figures[0]["value"] == 2000 and lead_claim.figures[0]["qualifier"] == "more_than"
    )
    assert lead_claim.places == ["Almaty"] and lead_claim.dates == ["2022-01-04"]
    assert (lead_claim.claimant, lead_claim.claimant_kind) == ("Innenministerium", "organisation")
    [appearance] = session.exec(
        select(Appearance).where(Appearance.claim_id == lead_claim.id)
    ).all()
    assert appearance.position == lead.start and appearance.quote == lead.text
    assert appearance.appeared_on == date(2022, 1, 5)


def test_accept_candidate_as_appearance_of_existing_claim(session, users):
    checker = users["fact_checker"]
    page = (PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8")
    first = intake.ingest_text(session=session, actor=checker, text=page)
    headline = next(c for c in first.candidates if c.headline)
    claim = intake.accept_candidate(
        session=session, actor=checker, story_id=first.story.id, text=headline.text, position=None
    )
    other = intake.ingest_text(
        session=session,
        actor=checker,
        text="Polizei: Mehr als 2.000 Festnahmen\nDie Polizei hat in Almaty mehr als 2.000 "
        "Menschen festgenommen, teilte das Ministerium am Mittwoch mit.",
    )
    sentence = next(c for c in other.candidates if not c.headline)
    same = intake.accept_candidate(
        session=session,
        actor=checker,
        story_id=other.story.id,
        text=sentence.text,
        position=sentence.start,
        claim_id=claim.id,
    )
    assert same.id == claim.id
    assert count(session, Claim) == 1
    stories = {a.story_id for a in session.exec(select(Appearance)).all()}
    assert stories == {first.story.id, other.story.id}


def test_accept_unknown_candidate_is_refused(session, users):
    checker = users["fact_checker"]
    result = intake.ingest_text(
        session=session, actor=checker, text=(PAGES / "en_pasted_daily.txt").read_text("utf-8")
    )
    with pytest.raises(ValidationError, match="not a candidate"):
        intake.accept_candidate(
            session=session,
            actor=checker,
            story_id=result.story.id,
            text="Something the story never said at all.",
            position=0,
        )
    assert count(session, Claim) == 0


def test_similar_claims_finds_the_claim_a_candidate_repeats(session, users):
    checker = users["fact_checker"]
    first = intake.ingest_text(
        session=session,
        actor=checker,
        text="Die Polizei hat in Almaty mehr als 2.000 Menschen festgenommen, teilte das "
        "Innenministerium am Mittwoch mit.",
    )
    candidate = first.candidates[0]
    claim = intake.accept_candidate(
        session=session,
        actor=checker,
        story_id=first.story.id,
        text=candidate.text,
        position=candidate.start,
    )
    second = intake.ingest_text(
        session=session,
        actor=checker,
        text="In Almaty hat die Polizei mehr als 2.000 Menschen festgenommen, wie das "
        "Innenministerium mitteilte.",
    )
    matches = intake.similar_claims(session, second.candidates[0])
    assert matches and matches[0].claim_id == claim.id
