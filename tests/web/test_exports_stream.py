"""The export service itself: keyset batches, a fixed number of queries per batch, `since` parsing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import event

from claimtrack.publishing import claimreview, export_rows
from claimtrack.services import exports
from claimtrack.services.errors import ValidationError
from tests.web.partners import jsonl, publish, withdraw

SITE = claimreview.Site(
    base_url="https://faktencheck.example.org/",
    org_name="Beispiel Faktencheck",
    org_url="https://faktencheck.example.org/",
    license="https://creativecommons.org/licenses/by/4.0/",
)


def test_refs_come_in_keyset_batches_in_id_order(session, users):
    published = [publish(session, users) for _ in range(5)]
    batches = list(exports.iter_refs(session, since=None, batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert [r.verdict_id for b in batches for r in b] == [v.id for v in published]


def test_queries_per_batch_do_not_grow_with_the_rows(db, session, users):
    for _ in range(6):
        publish(session, users)
    statements: list[str] = []

    def count(*_args: object) -> None:
        statements.append("x")

    event.listen(db.engine, "before_cursor_execute", count)
    try:

        def run(batch_size: int) -> int:
            statements.clear()
            rows = list(exports.iter_entries(session, since=None, batch_size=batch_size))
            assert len(rows) == 6
            return len(statements)

        one_batch, three_batches = run(6), run(2)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    # A handful of queries per batch, whatever its size: no query per row.
    assert one_batch <= 12
    assert three_batches <= 3 * one_batch


def test_full_and_incremental_entries(session, users):
    before = datetime.now(UTC) - timedelta(
        seconds=1
    )  # before both were published, however long that takes
    kept, gone = publish(session, users), publish(session, users)
    since = datetime.now(UTC)
    withdraw(session, users, gone)
    full = jsonl("".join(exports.jsonl_chunks(session, SITE)))
    assert [(r["verdictId"], r["status"]) for r in full] == [(kept.id, "published")]
    assert full[0]["url"].startswith("https://faktencheck.example.org/claims/")
    recent = jsonl("".join(exports.jsonl_chunks(session, SITE, since=since)))
    assert [(r["verdictId"], r["deleted"]) for r in recent] == [(gone.id, True)]
    both = jsonl("".join(exports.jsonl_chunks(session, SITE, since=before)))
    assert [r["verdictId"] for r in both] == [kept.id, gone.id]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01T12:30:00Z", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        ("2024-05-01T14:30:00+02:00", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        # An unencoded "+" arrives as a space.
        ("2024-05-01T14:30:00 02:00", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        ("2024-05-01T12:30:00.123456", datetime(2024, 5, 1, 12, 30, 0, 123456, tzinfo=UTC)),
        (None, None),
    ],
)
def test_parse_since(raw, expected):
    assert exports.parse_since(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "soon", "2024-02-30", "0001-01-01T00:00:00+01:00", "1714560000"]
)
def test_parse_since_refuses(raw):
    with pytest.raises(ValidationError) as info:
        exports.parse_since(raw)
    assert info.value.field == "since"


def test_csv_cell_neutralises_formulas():
    assert [
        export_rows.csv_cell(v) for v in ["=1+1", "+49 30", "-5", "@x", "\tx", "ok", 5, None]
    ] == [
        "'=1+1",
        "'+49 30",
        "'-5",
        "'@x",
        "'\tx",
        "ok",
        5,
        None,
    ]


def test_offsets_other_than_utc_are_normalised():
    value = exports.parse_since("2024-05-01T00:00:00-05:00")
    assert value is not None
    assert value.tzinfo == UTC
    assert value == datetime(2024, 5, 1, tzinfo=timezone(timedelta(hours=-5)))
