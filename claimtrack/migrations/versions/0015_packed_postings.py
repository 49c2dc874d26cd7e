"""match_posting_list: each key's claims as packed id lists instead of one row per posting

Revision ID: 0015_packed_postings
Revises: 0014_match_rules
Create Date: 2026-12-02 07:05:00

A million claims have about 16 million (key, claim) postings; written as single rows they were
the serial tail of a rebuild. ``match_posting_list`` holds up to 128 claim ids a row (ascending,
little-endian 32-bit). The upgrade packs the postings an index already has and the downgrade
unpacks them again, so neither needs a rebuild.
"""

from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import itemgetter

import numpy as np
import sqlalchemy as sa
from alembic import op

revision: str = "0015_packed_postings"
down_revision: str | None = "0014_match_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PACK = 128  # as claimtrack.services.matching.store.PACK when this was written
IDS = np.dtype("<i4")
ROWS = 10_000  # rows inserted a statement


def _packed(rows: Iterator[tuple[int, int]]) -> Iterator[dict[str, object]]:
    for key, group in groupby(rows, itemgetter(0)):
        ids = [cid for _, cid in group]
        for start in range(0, len(ids), PACK):
            part = ids[start : start + PACK]
            yield {"key": key, "first_id": part[0], "ids": np.array(part, dtype=IDS).tobytes()}


def _insert_in_batches(table: sa.Table, rows: Iterator[dict[str, object]]) -> None:
    bind = op.get_bind()
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == ROWS:
            bind.execute(table.insert(), batch)
            batch = []
    if batch:
        bind.execute(table.insert(), batch)


def upgrade() -> None:
    lists = op.create_table(
        "match_posting_list",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("first_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ids", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("key", "first_id"),
        sqlite_with_rowid=False,
    )
    found = op.get_bind().execute(
        sa.text("SELECT key, claim_id FROM match_posting ORDER BY key, claim_id").execution_options(
            yield_per=ROWS
        )  # streamed: an index may hold millions of rows
    )
    _insert_in_batches(lists, _packed((int(k), int(c)) for k, c in found))
    op.drop_table("match_posting")


def downgrade() -> None:
    postings = op.create_table(
        "match_posting",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("key", "claim_id"),
        sqlite_with_rowid=False,
    )
    found = op.get_bind().execute(
        sa.text("SELECT key, ids FROM match_posting_list ORDER BY key, first_id").execution_options(
            yield_per=ROWS
        )
    )
    _insert_in_batches(
        postings,
        (
            {"key": int(key), "claim_id": cid}
            for key, blob in found
            for cid in np.frombuffer(bytes(blob), dtype=IDS).tolist()
        ),
    )
    op.drop_table("match_posting_list")
