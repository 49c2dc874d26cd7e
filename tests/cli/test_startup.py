"""The command starts fast: `claimtrack --help` loads no web framework and no ORM (each command
imports what it needs when it runs), `matching compare` still answers without a database, and a
server keeps its control socket to itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.serve import MAX_SOCKET_PATH, gunicorn_options

HEAVY = ["flask", "sqlmodel", "sqlalchemy", "werkzeug", "jinja2", "wtforms", "claimtrack.services"]
RUN = f"""
import json, sys
from claimtrack.cli import main
try:
    main(sys.argv[1:], prog_name="claimtrack")
except SystemExit as stop:
    code = stop.code
heavy = [m for m in {HEAVY!r} if m in sys.modules]
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def _run(*args: str) -> tuple[str, dict]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=False
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [("--help",), ("matching", "--help")])
def test_help_loads_no_framework(args):
    out, seen = _run(*args)
    assert seen["code"] in (0, None), out
    assert seen["heavy"] == []
    assert out.strip()


def test_compare_without_a_database_uses_the_shipped_aliases_and_says_so():
    # The test run's instance folder has no database and no secret key: nothing to read.
    out, seen = _run("matching", "compare", "Die OVKS schickt Truppen nach Almaty.",
                     "Die CSTO schickt Truppen nach Almaty.", "--json")  # fmt: skip
    assert seen["code"] in (0, None), out
    data = json.loads(out)
    assert data["aliases"] == "shipped" and data["kind"] == "same"


def test_help_lists_every_command():
    out, _ = _run("--help")
    for name in ("init", "demo", "run", "backup", "user", "token", "ingest", "match", "matching",
                 "export"):  # fmt: skip
        assert f"\n  {name} " in out


def test_a_lazy_choice_is_checked_when_the_command_runs():
    out, seen = _run("token", "create", "Partner", "--scope", "nonsense")
    assert seen["code"] == 2  # click's usage error, before any database is opened
    assert "claimtrack.services" in seen["heavy"]  # the scopes were loaded for the check


def test_each_instance_has_its_own_control_socket(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    sockets = []
    for name in ("desk-a", "desk-b"):
        monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(tmp_path / name))
        app = make_app()
        options = gunicorn_options(app, host="127.0.0.1", port=5000, workers=1)
        assert Path(options["control_socket"]).parent == Path(app.instance_path)
        sockets.append(options["control_socket"])
    assert sockets[0] != sockets[1]
    assert not any(s.startswith(os.environ["HOME"]) for s in sockets)


def test_a_control_socket_path_too_long_for_unix_is_switched_off(make_app, tmp_path, monkeypatch):
    deep = tmp_path / ("x" * MAX_SOCKET_PATH)
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(deep))
    options = gunicorn_options(make_app(), host="127.0.0.1", port=5001, workers=1)
    assert options["control_socket_disable"] is True and "control_socket" not in options
