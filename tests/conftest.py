"""Fixtures: an app on a fresh database per test (SQLite, or PostgreSQL when
CLAIMTRACK_TEST_DATABASE_URL is set), its client and CLI runner, a session, and ready users."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from claimtrack.app import create_app
from claimtrack.db import Database
from claimtrack.models import User
from tests.dbs import TemplateDatabases
from tests.services.monitoring.site import Site, start_site

PASSWORD = "correct horse battery"
TEST_USERS = {
    "admin": ("admin@example.org", "Ada Admin"),
    "editor": ("editor@example.org", "Erik Editor"),
    "fact_checker": ("checker@example.org", "Frieda Faktencheck"),
}
CHEAP_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_KIB": 1024}
# The variables that steer the test run itself; every other CLAIMTRACK_* setting is the shell's.
TEST_RUN_VARIABLES = (
    "CLAIMTRACK_TEST_DATABASE_URL",
    "CLAIMTRACK_NO_SKIPS",
    "CLAIMTRACK_INSTALL_ONLY",
)


def pytest_configure(config: pytest.Config) -> None:
    """Hermetic: the suite ignores the shell's CLAIMTRACK_* settings (a production SECRET_KEY or
    DATABASE_URL exported in the shell) and any instance/config.py beside the code. Runs in every
    xdist worker; subprocesses the tests start inherit the cleaned environment."""
    for key in [k for k in os.environ if k.startswith("CLAIMTRACK_")]:
        if key not in TEST_RUN_VARIABLES:
            del os.environ[key]
    os.environ["CLAIMTRACK_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="claimtrack-test-instance-")


def _prepare_template(url: str) -> None:
    """Migrate, load the default rating scale and create one user per role."""
    from claimtrack import migrate
    from claimtrack.services import ratings, users

    users.configure_hasher(time_cost=1, memory_cost_kib=1024)
    db = Database(url)
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        system = users.system_user(session)
        session.commit()
        for role, (email, name) in TEST_USERS.items():
            users.create_user(
                session=session, actor=system, email=email, name=name, role=role, password=PASSWORD
            )
    db.dispose()


@pytest.fixture(scope="session")
def template_dbs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TemplateDatabases]:
    dbs = TemplateDatabases(tmp_path_factory.mktemp("db"), _prepare_template)
    yield dbs
    dbs.close()


@pytest.fixture
def database_url(template_dbs: TemplateDatabases) -> Iterator[str]:
    url = template_dbs.fresh()
    yield url
    template_dbs.drop(url)


def make_test_app(database_url: str, tmp_path: Path, **overrides: Any) -> Flask:
    config: dict[str, Any] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": None,
        "QUEUE_URL": f"sqlite:///{tmp_path / 'queue.sqlite'}",
        **CHEAP_ARGON2,
        **overrides,
    }
    return create_app(config)


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    app = make_test_app(database_url, tmp_path)
    yield app
    app.extensions["claimtrack.db"].dispose()


@pytest.fixture
def make_app(database_url: str, tmp_path: Path) -> Iterator[Callable[..., Flask]]:
    """Build apps with config overrides on the test's database; their engines are disposed after."""
    made: list[Flask] = []

    def factory(**overrides: Any) -> Flask:
        made.append(make_test_app(database_url, tmp_path, **overrides))
        return made[-1]

    yield factory
    for built in made:
        built.extensions["claimtrack.db"].dispose()


@pytest.fixture
def site() -> Iterator[Site]:
    """A local HTTP server serving the monitoring tests' feeds, sitemaps and articles."""
    served = start_site()
    yield served
    served.close()


@pytest.fixture
def mon_app(make_app: Callable[..., Flask]) -> Flask:
    """An app whose safe fetcher may reach the local `site` (loopback, testing apps only)."""
    return make_app(FETCH_ALLOW_LOOPBACK=True, FETCH_TIMEOUT_S=3.0)


@pytest.fixture
def csrf_app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """The app with CSRF protection on, as in production."""
    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)
    yield app
    app.extensions["claimtrack.db"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def db(app: Flask) -> Database:
    database: Database = app.extensions["claimtrack.db"]
    return database


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    """A session for the test itself. It opens transactions lazily (no SQLite write lock until it
    writes), so the app can write while the test holds it. SQLite keeps a read snapshot until the
    transaction ends: call `session.rollback()` (or commit) before reading what a request wrote."""
    with db.session_scope(write=False) as s:
        yield s


@pytest.fixture
def users(session: Session) -> dict[str, User]:
    """The test users by role: admin, editor, fact_checker, and the system account."""
    from claimtrack.services.users import SYSTEM_EMAIL

    by_email = {u.email: u for u in session.exec(select(User))}
    found = {role: by_email[email] for role, (email, _) in TEST_USERS.items()}
    found["system"] = by_email[SYSTEM_EMAIL]
    session.commit()  # end the read transaction: later reads see what requests write
    return found


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# -- CI refuses skipped tests ------------------------------------------------------------------------
_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import os

    if os.environ.get("CLAIMTRACK_NO_SKIPS") and _skipped and exitstatus == 0:
        print(f"\nCLAIMTRACK_NO_SKIPS is set and {len(_skipped)} test(s) were skipped:")
        for nodeid in _skipped[:20]:
            print(f"  {nodeid}")
        session.exitstatus = 1
