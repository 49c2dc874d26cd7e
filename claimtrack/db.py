"""Engine and session plumbing: one `Database` per app, a session per request or per CLI command.

SQLite gets WAL, foreign keys and a busy timeout on every connection. Its write sessions open with
`BEGIN IMMEDIATE`: with a deferred BEGIN a transaction that reads and then writes cannot be retried
when another writer got there first and fails with "database is locked" at once, whatever the busy
timeout (SQLite cannot upgrade a read transaction while another connection holds the write lock).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlmodel import Session, create_engine

WRITE_OPTION = "claimtrack_write"


class Database:
    """The engine of one app, with a read and a write flavour sharing one connection pool."""

    def __init__(self, url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": not self.is_sqlite}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine, busy_timeout_ms)
        self.write_engine: Engine = self.engine.execution_options(**{WRITE_OPTION: True})

    def session(self, *, write: bool = False) -> Session:
        return Session(self.write_engine if write else self.engine, expire_on_commit=False)

    @contextmanager
    def session_scope(self, *, write: bool = True) -> Iterator[Session]:
        """A session for scripts and the CLI; services commit, this only cleans up."""
        session = self.session(write=write)
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True

    def dispose(self) -> None:
        self.engine.dispose()


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in (
            "journal_mode=WAL",
            f"busy_timeout={int(busy_timeout_ms)}",
            "foreign_keys=ON",
            "synchronous=NORMAL",
        ):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
