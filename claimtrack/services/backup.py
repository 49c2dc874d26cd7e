"""Consistent backups of a running instance.

SQLite: the online backup API in one step (a step-wise backup never finishes under a steady writer,
see FIELD-NOTES). PostgreSQL: `pg_dump --format=custom`, restorable with `pg_restore`.

A backup holds password and token hashes and unpublished work: it is created owner-only (0600) before
the first byte is written, whatever the umask, and keeps that mode when renamed into place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from claimtrack.db import Database

from .errors import ValidationError

PG_DUMP_TIMEOUT_S = 3600
BACKUP_MODE = 0o600


def backup_database(db: Database, dest: Path) -> int:
    """Write the backup to `dest` (atomically: a partial file never has the final name). Returns its size."""
    dest = dest.expanduser().resolve()
    if not dest.parent.is_dir():
        raise ValidationError(
            "The folder %(folder)s does not exist.", params={"folder": dest.parent}
        )
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)  # a leftover of a crashed run may have another mode
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BACKUP_MODE))
        os.chmod(partial, BACKUP_MODE)  # O_CREAT's mode is masked by the umask; this is not
        if db.is_sqlite:
            _backup_sqlite(db, partial)
        else:
            _backup_postgres(db, partial)
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest.stat().st_size


def _backup_sqlite(db: Database, dest: Path) -> None:
    source_path = make_url(db.url).database
    if not source_path or source_path == ":memory:":
        raise ValidationError("An in-memory database cannot be backed up.")
    source = sqlite3.connect(source_path, timeout=30)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)  # pages=-1: the whole database in one step
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise ValidationError(
                "The backup failed its integrity check: %(check)s", params={"check": check}
            )
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def _backup_postgres(db: Database, dest: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise ValidationError("pg_dump is not installed (Debian package postgresql-client).")
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = [pg_dump, "--format=custom", "--no-owner", f"--file={dest}"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    args.append(url.database or "")
    result = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=PG_DUMP_TIMEOUT_S
    )
    if result.returncode != 0:
        raise ValidationError(
            "pg_dump failed: %(reason)s", params={"reason": result.stderr.strip().splitlines()[-1:]}
        )
