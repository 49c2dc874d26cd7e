from __future__ import annotations

import sqlite3
import threading

from sqlmodel import select

from claimtrack import migrate
from claimtrack.app import create_app
from claimtrack.cli import main
from claimtrack.models import Claim, PartnerToken, Story, User, Verdict
from claimtrack.services import users
from tests.factories import make_claim


def invoke(runner, app, *args, input=None):
    return runner.invoke(main, list(args), obj={"app": app}, input=input, catch_exceptions=False)


def test_demo_loads_once_and_twice_changes_nothing(runner, app, session):
    first = invoke(runner, app, "demo")
    assert first.exit_code == 0, first.output
    counts = [len(session.exec(select(m)).all()) for m in (Story, Claim, Verdict)]
    assert counts[0] >= 5 and counts[1] >= 10 and counts[2] >= 4
    second = invoke(runner, app, "demo")
    assert "nothing changed" in second.output
    session.expire_all()
    assert [len(session.exec(select(m)).all()) for m in (Story, Claim, Verdict)] == counts


def test_user_create_reads_password_from_stdin_and_refuses_bad_input(runner, app, session):
    ok = invoke(
        runner,
        app,
        "user",
        "create",
        "new@example.org",
        "--role",
        "editor",
        "--password-stdin",
        input="a long enough password\n",
    )
    assert ok.exit_code == 0, ok.output
    assert session.exec(select(User).where(User.email == "new@example.org")).one().role == "editor"
    short = invoke(
        runner,
        app,
        "user",
        "create",
        "other@example.org",
        "--role",
        "editor",
        "--password-stdin",
        input="short\n",
    )
    assert short.exit_code == 1
    assert (
        short.output.strip().startswith("claimtrack: error:")
        and len(short.output.strip().splitlines()) == 1
    )
    assert session.exec(select(User).where(User.email == "other@example.org")).first() is None


def test_token_create_shows_token_once_and_stores_only_its_hash(runner, app, session):
    result = invoke(runner, app, "token", "create", "Example Platform", "--scope", "export")
    assert result.exit_code == 0
    plaintext = result.stdout.splitlines()[1]
    stored = session.exec(select(PartnerToken)).one()
    assert stored.token_hash == users.hash_token(plaintext) and plaintext not in stored.token_hash
    assert users.find_token(session, plaintext).partner == "Example Platform"
    revoke = invoke(runner, app, "token", "revoke", str(stored.id))
    assert revoke.exit_code == 0
    session.rollback()  # end the read snapshot: see what the command wrote
    assert users.find_token(session, plaintext) is None
    missing = invoke(runner, app, "token", "revoke", "999")
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_backup_during_writes_is_intact_and_restores(runner, app, db, session, users, tmp_path):
    checker = users["fact_checker"]
    make_claim(session, checker)
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        with db.session_scope() as s:
            actor = s.get(User, checker.id)
            while not stop.is_set():
                written.append(make_claim(s, actor).id)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            stop.wait(0.01)
        dest = tmp_path / "backup.db"
        result = invoke(runner, app, "backup", str(dest))
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert dest.exists() and not (tmp_path / "backup.db.partial").exists()
    if db.is_sqlite:
        assert sqlite3.connect(dest).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        restored_url = f"sqlite:///{dest}"
    else:
        restored_url = _pg_restore(dest, db)
    restored = create_app({"TESTING": True, "SECRET_KEY": "x" * 32, "DATABASE_URL": restored_url})
    rdb = restored.extensions["claimtrack.db"]
    assert migrate.current_revision(rdb.engine) == migrate.head_revision()
    with rdb.session_scope() as s:
        assert len(s.exec(select(Claim)).all()) >= 6
    rdb.dispose()


def _pg_restore(dump, db) -> str:
    import subprocess
    import uuid

    from sqlalchemy.engine import make_url

    url = make_url(db.url)
    name = f"restore_{uuid.uuid4().hex[:8]}"
    base = [
        "-h",
        url.host or "127.0.0.1",
        "-p",
        str(url.port or 5432),
        "-U",
        url.username or "postgres",
    ]
    subprocess.run(["createdb", *base, name], check=True)
    subprocess.run(["pg_restore", *base, "--no-owner", "-d", name, str(dump)], check=True)
    return url.set(database=name).render_as_string(hide_password=False)


def test_backup_to_missing_folder_fails_cleanly(runner, app, tmp_path):
    result = invoke(runner, app, "backup", str(tmp_path / "nope" / "b.db"))
    assert result.exit_code == 1 and "does not exist" in result.output


def test_backup_is_owner_only_whatever_the_umask(runner, app, tmp_path):
    """A backup holds password and token hashes: 0600 even with umask 0 over an existing 0644 file."""
    import os
    import stat

    dest = tmp_path / "backup.db"
    dest.write_bytes(b"old")
    dest.chmod(0o644)
    old_umask = os.umask(0)
    try:
        result = invoke(runner, app, "backup", str(dest))
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert dest.stat().st_size > 1000
    assert list(tmp_path.iterdir()) == [dest]


def test_run_starts_one_job_worker_per_requested_process_and_stops_them(runner, app, monkeypatch):
    """`claimtrack run --job-workers 2` (one per core) starts two worker processes beside the
    server and stops both when the server ends; with Redis none starts unless asked."""
    from claimtrack.cli import server

    started: list[FakeWorker] = []

    class FakeWorker:
        def __init__(self) -> None:
            self.terminated = self.waited = False
            started.append(self)

        def terminate(self) -> None:
            self.terminated = True

        def wait(self, timeout: float) -> int:
            self.waited = True
            return 0

    served: list[int] = []
    monkeypatch.setattr(server, "start_worker", FakeWorker)
    monkeypatch.setattr("claimtrack.serve.serve", lambda app, **kw: served.append(kw["workers"]))
    done = invoke(runner, app, "run", "--job-workers", "2", "--workers", "3")
    assert done.exit_code == 0, done.output
    assert served == [3] and len(started) == 2
    assert all(w.terminated and w.waited for w in started)
    bad = runner.invoke(main, ["run", "--job-workers", "0"], obj={"app": app})
    assert bad.exit_code == 2 and "job-workers" in bad.output
    started.clear()
    app.config["QUEUE_URL"] = "redis://127.0.0.1:6379/15"
    assert invoke(runner, app, "run", "--job-workers", "2").exit_code == 0
    assert started == []
