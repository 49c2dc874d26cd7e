"""Test databases: one migrated template per test run (and xdist worker), a fresh copy per test.

SQLite copies the template file; PostgreSQL creates each test database from the template with
`CREATE DATABASE … TEMPLATE …`. Set CLAIMTRACK_TEST_DATABASE_URL to a PostgreSQL server URL
(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres) to run the suite on PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

PG_URL_ENV = "CLAIMTRACK_TEST_DATABASE_URL"
_counter = itertools.count()


def pg_server_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


class TemplateDatabases:
    """Builds the template once, hands out fresh databases and drops them afterwards."""

    def __init__(self, workdir: Path, prepare: Callable[[str], None]) -> None:
        self.workdir = workdir
        self.prepare = prepare
        self.server = pg_server_url()
        self.run_tag = f"ct_{worker_id()}_{uuid.uuid4().hex[:6]}"
        self._admin: Engine | None = None
        self.template_url = self._make_template()

    def _admin_engine(self) -> Engine:
        """One AUTOCOMMIT engine for CREATE/DROP DATABASE, disposed in `close`."""
        assert self.server
        if self._admin is None:
            self._admin = create_engine(
                self.server, isolation_level="AUTOCOMMIT", poolclass=NullPool
            )
        return self._admin

    def _pg_url(self, name: str) -> str:
        assert self.server
        return make_url(self.server).set(database=name).render_as_string(hide_password=False)

    def _make_template(self) -> str:
        if self.server is None:
            path = self.workdir / f"{self.run_tag}_template.sqlite"
            url = f"sqlite:///{path}"
        else:
            name = f"{self.run_tag}_tpl"
            with self._admin_engine().connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = self._pg_url(name)
        self.prepare(url)
        return url

    def fresh(self) -> str:
        n = next(_counter)
        if self.server is None:
            src = Path(make_url(self.template_url).database or "")
            dest = self.workdir / f"{self.run_tag}_{n}.sqlite"
            shutil.copyfile(src, dest)
            return f"sqlite:///{dest}"
        name = f"{self.run_tag}_{n}"
        template = make_url(self.template_url).database
        with self._admin_engine().connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self._pg_url(name)

    def drop(self, url: str) -> None:
        if self.server is None:
            for suffix in ("", "-wal", "-shm"):
                Path((make_url(url).database or "") + suffix).unlink(missing_ok=True)
            return
        name = make_url(url).database
        with self._admin_engine().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        if self.server is not None:
            self.drop(self.template_url)
        if self._admin is not None:
            self._admin.dispose()
