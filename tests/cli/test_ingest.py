"""`claimtrack ingest`: files, stdin, URLs (local server only), bulk, --json, bad input."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from sqlmodel import func, select

from claimtrack.cli import main
from claimtrack.models import Story
from tests.conftest import make_test_app
from tests.local_server import LocalServer

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"


def invoke(runner, app, *args, input=None):
    return runner.invoke(main, list(args), obj={"app": app}, input=input, catch_exceptions=False)


def stories(session) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(Story)).one()


def test_ingest_pasted_file_prints_story_body_and_candidates(runner, app, session):
    path = str(PAGES / "de_pasted_tagesblatt.txt")
    result = invoke(runner, app, "ingest", path, "--outlet", "Tagesblatt")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "(new): Polizei: Mehr als 2.000 Festnahmen bei Protesten in Almaty" in out
    assert "Outlet: Tagesblatt  Published: 2022-01-05  Language: de" in out
    assert "Bei den Protesten am 4. Januar" in out and "Mehr zum Thema" not in out
    assert "claimant: Maria Berger (person)" in out
    assert "figures: mehr als 2.000 Menschen = 2000 more_than" in out
    assert "dates: 4. Januar = 2022-01-04" in out
    again = invoke(runner, app, "ingest", path, "--outlet", "Tagesblatt")
    assert "(already stored)" in again.output
    assert stories(session) == 1


def test_ingest_json_output(runner, app):
    result = invoke(
        runner,
        app,
        "ingest",
        str(PAGES / "en_saved_daily.html"),
        "--published",
        "2023-11-13",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"story", "body", "candidates"}
    assert data["story"]["title"] == "Government says 3,000 troops sent to flood areas"
    assert data["story"]["published"] == "2023-11-13" and data["story"]["language"] == "en"
    assert data["body"].startswith("The government has sent 3,000 troops")
    top = data["candidates"][0]
    assert {"text", "score", "reasons", "claimant", "figures", "places", "dates"} <= set(top)
    scores = [c["score"] for c in data["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_ingest_stdin_with_title_and_language(runner, app):
    text = "Die Regierung hat nach eigenen Angaben 5.000 Soldaten nach Almaty geschickt."
    result = invoke(
        runner, app, "ingest", "-", "--title", "Soldaten", "--language", "de", "--json", input=text
    )
    data = json.loads(result.output)
    assert data["story"]["title"] == "Soldaten" and data["body"] == text
    assert data["candidates"][0]["figures"][0]["value"] == 5000


def test_ingest_bulk_jsonl(runner, app, session, tmp_path):
    path = tmp_path / "stories.jsonl"
    rows = [
        {"title": f"Nr. {n}", "body": f"Laut Polizei gab es in Almaty {n}00 Festnahmen."}
        for n in (1, 2)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    result = invoke(runner, app, "ingest", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert [s["story"]["title"] for s in json.loads(result.output)["stories"]] == ["Nr. 1", "Nr. 2"]
    assert stories(session) == 2


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["ingest", "{dir}/empty.txt"], b"", "empty"),
        (["ingest", "{dir}/scan.html"], b"%PDF-1.5 ...", "PDF"),
        (["ingest", "{dir}/notes.docx"], b"PK\x03\x04", "Upload an .html, .htm or .txt file"),
        (["ingest", "{dir}/missing.txt"], None, "No such file"),
        (["ingest", "{dir}/ok.txt", "--published", "5.1.2022"], b"Text.", "--published"),
        (["ingest", "{dir}/ok.txt", "--language", "fr"], b"Text.", "--language"),
        (["ingest", "http://127.0.0.1:9/"], None, "non-public address"),
        (["ingest", "http://10.0.0.1/story"], None, "non-public address"),
        (["ingest", "ftp://example.org/x"], None, "No such file"),
    ],
)
def test_bad_input_one_line_on_stderr_nothing_stored(
    runner, app, session, tmp_path, args, content, message
):
    if content is not None:
        (tmp_path / Path(args[1].format(dir="")).name).write_bytes(content)
    argv = [a.format(dir=tmp_path) for a in args]
    result = invoke(runner, app, *argv)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimtrack: error:") and message in lines[0]
    assert stories(session) == 0


def test_oversized_stdin_is_refused_without_reading_it_all(runner, app, session):
    big = b"Ein Satz mit Inhalt. " * (5 * 1024 * 1024 // 20 + 10)
    result = invoke(runner, app, "ingest", "-", input=big)
    assert result.exit_code == 1 and "larger than" in result.output
    assert stories(session) == 0


class _Article(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = (PAGES / "de_saved_nordkurier.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_site() -> Iterator[str]:
    httpd = LocalServer(("127.0.0.1", 0), _Article)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/artikel"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_url_with_test_loopback_switch(runner, database_url, tmp_path, local_site):
    app = make_test_app(database_url, tmp_path, FETCH_ALLOW_LOOPBACK=True)
    try:
        result = invoke(runner, app, "ingest", local_site, "--json")
        assert result.exit_code == 0, result.output
        story = json.loads(result.output)["story"]
        assert story["title"] == "Gaspreise: Regierung bestätigt Anstieg um 40 Prozent"
        assert story["outlet"] == "Nordkurier Beispiel" and story["url"] == local_site
    finally:
        app.extensions["claimtrack.db"].dispose()


def test_loopback_switch_is_off_by_default(runner, app, local_site):
    result = invoke(runner, app, "ingest", local_site)
    assert result.exit_code == 1 and "non-public address" in result.output


def test_ingest_a_headline_from_stdin_gives_one_candidate(runner, app, session):
    result = invoke(
        runner,
        app,
        "ingest",
        "-",
        "--json",
        input="Mehr als 2.000 Menschen in Almaty festgenommen\n",
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [c["text"] for c in out["candidates"]] == [
        "Mehr als 2.000 Menschen in Almaty festgenommen"
    ]
    assert out["candidates"][0]["reasons"][0]["code"] == "figure"


def test_claim_add_notes_a_claim_without_a_story(runner, app, session):
    result = invoke(
        runner, app, "claim", "add",
        "Laut Innenministerium wurden 5.800 Menschen in Almaty festgenommen.",
        "--said-on", "2022-01-09", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["claim"]["claimant"] == "Innenministerium"
    assert out["claim"]["claim_date"] == "2022-01-09" and out["claim"]["places"] == ["Almaty"]
    assert stories(session) == 0
    again = invoke(
        runner, app, "claim", "add", "Innenministerium: 5.800 Festnahmen in Almaty",
        "--claimant", "Innenministerium", "--source-url", "https://social.example/p/2",
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    assert f"Similar: claim {out['claim']['id']}" in again.output
    session.rollback()
    assert stories(session) == 1


def test_claim_add_refuses_bad_input_with_one_line(runner, app, session):
    result = runner.invoke(
        main, ["claim", "add", "Die Polizei nahm 2.000 fest.", "--said-on", "gestern"],
        obj={"app": app},
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip() == "claimtrack: error: --said-on must be a date like 2022-01-05."


def test_claim_add_asks_before_saving_a_language_the_text_contradicts(runner, app, session):
    text = "Die Zahl der Arbeitslosen ist im November um 40.000 auf 2,6 Millionen gestiegen."
    refused = runner.invoke(main, ["claim", "add", text, "--language", "en"], obj={"app": app})
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "claimtrack: error: The text reads as German, but the language chosen is English. "
        "Correct the language, or confirm that English is right."
    )
    confirmed = invoke(
        runner, app, "claim", "add", text, "--language", "en", "--language-confirmed", "--json"
    )
    assert confirmed.exit_code == 0, confirmed.output
    assert json.loads(confirmed.output)["claim"]["language"] == "en"
