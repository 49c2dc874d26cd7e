from __future__ import annotations

from sqlalchemy import inspect

from claimtrack import migrate


def test_models_and_migrations_agree(db):
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert migrate.drift(db.engine) == []


def test_downgrade_to_base_and_upgrade_again(db):
    migrate.downgrade(db.engine, "base")
    assert migrate.current_revision(db.engine) is None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(db.engine)
    assert migrate.drift(db.engine) == []
