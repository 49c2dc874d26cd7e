"""The embedding back-fill as a queued job: started from the admin page or the CLI, progress in the
job row (so every server shows it), resumable after a failure, idempotent (real model)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from claimtrack.cli import main
from claimtrack.jobs.tasks import execute_job
from claimtrack.matching.embedding import get_embedder
from claimtrack.services import jobs
from claimtrack.services.errors import PermissionDenied
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import embed_job, vectors
from claimtrack.services.matching import evaluation as matching_eval
from claimtrack.services.matching import match as matching
from tests.web.conftest import do_login

TEXTS = [
    ("Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben.", "de"),
    ("Demonstranten haben den Flughafen von Almaty besetzt und Flugzeuge beschädigt.", "de"),
    ("The deployment of CSTO troops to Kazakhstan was illegal under international law.", "en"),
    ("Mehr als 2.000 Menschen wurden in Almaty festgenommen.", "de"),
    ("The central bank raised its key interest rate by half a percentage point.", "en"),
]


def _stored(session: Session) -> list[int]:
    items = [matching_eval.LoadItem(t, lang) for t, lang in TEXTS]
    ids = matching_eval.insert_claims(session, _system(session), items)  # bulk: no vectors yet
    session.commit()
    return ids


def _system(session: Session):  # type: ignore[no-untyped-def]
    from claimtrack.services import users

    return users.system_user(session)


def _fresh(session: Session) -> None:
    session.rollback()
    session.expire_all()


def test_the_job_embeds_every_waiting_claim_with_progress_and_resumes_after_a_failure(
    app, session, users, monkeypatch
):
    ids = _stored(session)
    model = get_embedder().name
    db = app.extensions["claimtrack.db"]
    with pytest.raises(PermissionDenied):
        embed_job.request_embedding(session=session, actor=users["editor"])
    submitted = embed_job.request_embedding(session=session, actor=users["admin"], batch_size=2)
    assert submitted.dispatch and submitted.job.params["model"] == model
    assert embed_job.embedding_status(session).pending == len(ids)

    # The worker dies after the first batch (here: the second batch's write fails).
    real_fill, calls = vectors.fill_vectors, []

    def fail_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return real_fill(*args, **kwargs)

    monkeypatch.setattr(vectors, "fill_vectors", fail_second)
    assert execute_job(app, db, submitted.job.id) is not None  # a retry is due
    monkeypatch.undo()
    _fresh(session)
    job = embed_job.embedding_status(session).job
    assert job.state == jobs.QUEUED and (job.done, job.total) == (2, len(ids))
    assert vectors.count_pending(session, model) == len(ids) - 2

    # The retry resumes: only what is still pending is embedded, and the count goes on.
    assert execute_job(app, db, job.id) is None
    _fresh(session)
    status = embed_job.embedding_status(session)
    assert status.pending == 0 and not status.running
    assert status.job.state == jobs.DONE and status.job.done == len(ids) == status.job.total
    assert status.job.result["model"] == model and status.job.result["rate"] > 0
    matching_admin.rebuild_index(session=session, actor=users["admin"])  # bulk: no lexical index
    german = "Die Entsendung von OVKS-Truppen nach Kasachstan war völkerrechtswidrig."
    assert [r.claim_id for r in matching.search_text(session, german)][:1] == [ids[2]]

    # Asked again with nothing pending: the same row runs again and embeds nothing.
    again = embed_job.request_embedding(session=session, actor=users["admin"])
    assert again.job.id == job.id and again.dispatch
    execute_job(app, db, job.id)
    _fresh(session)
    done = embed_job.embedding_status(session).job
    assert done.state == jobs.DONE and done.done == 0 and done.result["embedded"] == 0


def test_the_admin_page_starts_the_job_and_shows_its_progress(app, client, session, users):
    ids = _stored(session)
    do_login(client, "admin")
    page = client.get("/admin/matching").get_data(as_text=True)
    assert "auf ihre Einbettung warten: 5" in page.replace("\u00a0", " ")
    assert client.post("/admin/matching/embed").status_code == 302
    _fresh(session)
    job = embed_job.embedding_status(session).job
    assert job is not None and job.state == jobs.QUEUED
    assert "Einbettung läuft" in client.get("/admin/matching").get_data(as_text=True)
    execute_job(app, app.extensions["claimtrack.db"], job.id)  # what the worker does
    page = client.get("/admin/matching").get_data(as_text=True)
    assert f"Letzter Lauf: {len(ids)} Behauptungen eingebettet" in page
    assert "auf ihre Einbettung warten: 0" in page
    do_login(client, "editor")
    assert client.post("/admin/matching/embed").status_code == 403


def test_the_cli_queues_the_job_or_runs_it_in_the_foreground(app, session, users):
    _stored(session)
    runner = CliRunner()
    out = runner.invoke(main, ["matching", "embed", "--queue", "--workers", "2"], obj={"app": app})
    assert out.exit_code == 0, out.output
    assert "queued" in out.output and "admin matching page" in out.output
    _fresh(session)
    job = embed_job.embedding_status(session).job
    assert job.state == jobs.QUEUED and job.params["workers"] == 2
    # the foreground run does the work meanwhile; the job then finds nothing left
    assert (
        "embedded 5 claims" in runner.invoke(main, ["matching", "embed"], obj={"app": app}).output
    )
    execute_job(app, app.extensions["claimtrack.db"], job.id)
    _fresh(session)
    assert embed_job.embedding_status(session).job.state == jobs.DONE
