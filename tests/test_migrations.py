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


def test_rating_label_names_move_into_one_column_per_kind_and_back(db):
    """0006: label_de/label_en/explanation_* become `names`/`explanations` by language, and back."""
    from sqlalchemy import text

    migrate.downgrade(db.engine, "0005_reader_index")
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM rating_label WHERE key = 'satire'"))
        conn.execute(
            text(
                "INSERT INTO rating_label (key, label_de, label_en, explanation_de, explanation_en,"
                " color, ordinal, position, active) VALUES ('satire', 'Satire', 'Satire (en)',"
                " 'Nicht ernst gemeint.', 'Not meant seriously.', '#123456', NULL, 9, true)"
            )
        )
    migrate.upgrade(db.engine)
    with db.session() as session:
        from claimtrack.services import ratings

        label = ratings.label_by_key(session, "satire")
        assert label.names == {"de": "Satire", "en": "Satire (en)"}
        assert label.explanation_in("en") == "Not meant seriously."
        assert label.name_in("fr") == "Satire"  # a language without a name falls back to German
    migrate.downgrade(db.engine, "0005_reader_index")
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT label_en, explanation_de FROM rating_label WHERE key = 'satire'")
        ).one()
    assert tuple(row) == ("Satire (en)", "Nicht ernst gemeint.")
    migrate.upgrade(db.engine)
    assert migrate.drift(db.engine) == []


def test_postings_are_packed_by_0015_and_unpacked_again(db):
    """0015 turns (key, claim) rows into packed lists of up to 128 ids and back, losing none."""
    import numpy as np
    from sqlalchemy import text

    from claimtrack.services.matching import evaluation
    from claimtrack.services.matching.store import SqlStore

    migrate.downgrade(db.engine, "0014_match_rules")
    with db.session_scope() as session:
        from claimtrack.services import users

        system = users.system_user(session)
        session.commit()
        items = [evaluation.LoadItem(f"claim {k}", "en") for k in range(300)]
        ids = evaluation.insert_claims(session, system, items)
        session.commit()
    postings = sorted(
        {(7, cid) for cid in ids} | {(-3, cid) for cid in ids[::50]} | {(2**40, ids[5])}
    )
    # and 25,200 more, so the streamed copy (10,000 rows a fetch) writes while it still reads
    many = sorted((key, cid) for key in range(1000, 1084) for cid in ids)
    postings = sorted(postings + many)
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO match_posting (key, claim_id) VALUES (:k, :c)"),
            [{"k": k, "c": c} for k, c in postings],
        )
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        assert SqlStore(session).all_postings() == postings
        rows = session.connection().execute(
            text("SELECT key, first_id, ids FROM match_posting_list ORDER BY key, first_id")
        )
        sizes = [(k, f, len(np.frombuffer(b, dtype="<i4"))) for k, f, b in rows]
    assert [s for s in sizes if s[0] < 1000] == [
        (-3, ids[0], 6),
        (7, ids[0], 128),
        (7, ids[128], 128),
        (7, ids[256], 44),
    ]
    assert sizes[-1] == (2**40, ids[5], 1) and len(sizes) == 4 + 84 * 3 + 1
    migrate.downgrade(db.engine, "0014_match_rules")
    with db.engine.connect() as conn:
        back = conn.execute(text("SELECT key, claim_id FROM match_posting ORDER BY key, claim_id"))
        assert [tuple(r) for r in back] == postings
    migrate.upgrade(db.engine)
    assert migrate.drift(db.engine) == []
