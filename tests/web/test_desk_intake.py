"""Story intake pages: paste/upload → candidates → accept, reword or merge; bulk import job."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from sqlmodel import func, select

from claimtrack.jobs.tasks import execute_job
from claimtrack.models import Appearance, Claim, Story
from claimtrack.services.intake import bulk_jobs as bulk_import
from tests.factories import make_claim

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
PASTED = (PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8")


def _count(session, model) -> int:
    session.rollback()
    n = session.exec(select(func.count()).select_from(model)).one()
    session.rollback()  # a write session would otherwise hold SQLite's write lock
    return n


def _candidates(html: str) -> list[tuple[str, str]]:
    """(text, position) of each candidate form on the story page."""
    texts = re.findall(r'name="text" value="([^"]*)"><input type="hidden" name="position"', html)
    positions = re.findall(r'name="position" value="(\d*)"', html)
    return list(zip(texts, positions, strict=True))


def test_paste_story_then_accept_reword_and_merge(client, login, session, users):
    login(client, "fact_checker")
    assert client.get("/desk/intake").status_code == 200
    r = client.post("/desk/intake", data={"text": PASTED, "outlet": "Tagesblatt"})
    assert r.status_code == 302
    story_url = r.headers["Location"]
    html = client.get(story_url).get_data(as_text=True)
    assert "Mehr als 2.000 Festnahmen" in html and "Lesen Sie auch" not in html
    candidates = _candidates(html)
    assert len(candidates) >= 3
    story_id = int(story_url.rsplit("/", 1)[1])
    accept = f"/desk/intake/stories/{story_id}/accept"
    # Pasting the same story again finds the stored one.
    r = client.post("/desk/intake", data={"text": PASTED})
    assert r.headers["Location"] == story_url

    text, pos = candidates[0]
    text = text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
    r = client.post(accept, data={"text": text, "position": pos, "edited": text, "accept": "1"})
    assert r.status_code == 302
    first = session.exec(select(Claim).order_by(Claim.id.desc())).first()
    assert first.text == text and first.worthiness is not None

    text2, pos2 = candidates[1]
    reworded = "Die Polizei in Almaty hat am 4. Januar mehr als 2.000 Menschen festgenommen."
    r = client.post(accept, data={"text": text2, "position": pos2, "edited": reworded})
    assert r.status_code == 302
    session.rollback()
    assert session.exec(select(Claim).where(Claim.text == reworded)).first() is not None

    existing = make_claim(session, users["fact_checker"])
    text3, pos3 = candidates[2]
    r = client.post(accept, data={"text": text3, "position": pos3, "merge_into": str(existing.id)})
    assert r.status_code == 302
    session.rollback()
    assert session.exec(
        select(Appearance).where(
            Appearance.claim_id == existing.id, Appearance.story_id == story_id
        )
    ).first()
    html = client.get(story_url).get_data(as_text=True)
    assert html.count("candidate-accepted") == 3
    # A forged candidate is refused without a 500.
    r = client.post(accept, data={"text": "Erfunden und nie gesagt.", "position": "3"})
    assert r.status_code == 302
    assert _count(session, Claim) == 3


def test_upload_and_bad_input(client, login, session):
    login(client, "fact_checker")
    page = (PAGES / "de_saved_nordkurier.html").read_bytes()
    r = client.post(
        "/desk/intake",
        data={"file": (io.BytesIO(page), "nordkurier.html")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    r = client.post(
        "/desk/intake",
        data={"file": (io.BytesIO(b"\x00\x01binary"), "x.pdf")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 400
    assert client.post("/desk/intake", data={"text": "   "}).status_code == 400
    r = client.post("/desk/intake", data={"url": "http://127.0.0.1:9/x"})
    assert r.status_code == 400
    assert _count(session, Story) == 1


def _jsonl(n: int) -> bytes:
    rows = [
        {
            "title": f"Meldung {i}",
            "body": f"Laut Polizei wurden in Almaty mehr als {i}.000 Menschen festgenommen.",
            "outlet": "Agentur",
            "language": "de",
        }
        for i in range(1, n + 1)
    ]
    return "\n".join(json.dumps(r) for r in rows).encode()


def _run_queued(app, job_id: int) -> None:
    """What the worker does with the queued message (the scale-out test runs real workers)."""
    execute_job(app, app.extensions["claimtrack.db"], job_id)


def _post(client, data: bytes, name: str = "stories.jsonl"):
    return client.post(
        "/desk/intake/bulk",
        data={"file": (io.BytesIO(data), name), "fmt": "jsonl"},
        content_type="multipart/form-data",
    )


def test_bulk_import_job_reports_progress_and_never_adds_twice(client, login, session, app):
    login(client, "fact_checker")
    data = _jsonl(4)
    # An earlier import stored two of the four stories.
    first = _post(client, _jsonl(2), "first.jsonl")
    _run_queued(app, int(first.headers["Location"].rsplit("/", 1)[1]))
    assert _count(session, Story) == 2
    r = _post(client, data)
    assert r.status_code == 302
    job_id = r.headers["Location"].rsplit("/", 1)[1]
    html = client.get(f"/desk/intake/bulk/{job_id}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in html  # queued: the page follows it
    _run_queued(app, int(job_id))
    session.rollback()
    session.expire_all()
    done = bulk_import.get_import(session, int(job_id))
    assert (done.done, done.created, done.existing, done.error) == (4, 2, 2, "")
    html = client.get(f"/desk/intake/bulk/{job_id}").get_data(as_text=True)
    assert "<progress" in html and 'value="4"' in html and "Meldung 4" in html
    assert 'http-equiv="refresh"' not in html
    assert _count(session, Story) == 4
    # Uploading the same file again adds nothing.
    r = _post(client, data)
    assert r.headers["Location"].endswith(job_id)
    assert _count(session, Story) == 4
    # A bad file stops before storing anything.
    r = _post(client, _jsonl(1) + b"\n{broken", "bad.jsonl")
    bad_id = int(r.headers["Location"].rsplit("/", 1)[1])
    _run_queued(app, bad_id)
    session.rollback()
    session.expire_all()
    state = bulk_import.get_import(session, bad_id)
    assert "line 2" in state.error
    assert _count(session, Story) == 4
    assert client.get("/desk/intake/bulk/nope").status_code == 404
    assert client.get("/desk/intake/bulk/99999999999999999999999").status_code == 404
    assert client.get("/desk/intake/bulk/..%2Fetc").status_code == 404
