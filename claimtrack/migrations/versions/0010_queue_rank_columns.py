"""triage queue: maintained spread and rank columns on claim, with the indexes the first page walks

Revision ID: 0010_queue_rank_columns
Revises: 0009_jobs_monitoring_webhooks
Create Date: 2026-12-01 16:00:00

The upgrade fills the new columns with the same code as `claimtrack queue repair`, so the queue is
complete right after upgrading (one aggregate pass over the appearances, then a batch of
UPDATEs per 5,000 claims; expect about a minute per 100,000 claims).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import claimtrack.models.base

revision: str = "0010_queue_rank_columns"
down_revision: str | None = '0009_jobs_monitoring_webhooks'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "queue_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("open_claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # Plain ALTER TABLE ADD COLUMN (no batch copy): SQLite cannot drop and recreate `claim` while
    # other tables' foreign keys point at it.
    for column in (
        sa.Column("spread_stories", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("spread_outlets", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_seen_at", claimtrack.models.base.UTCDateTime(), nullable=True),
        sa.Column("rank_base", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("seen_at", claimtrack.models.base.UTCDateTime(), nullable=True),
        sa.Column("in_queue", sa.Boolean(), nullable=False, server_default=sa.false()),
    ):
        op.add_column("claim", column)
    op.create_index("ix_claim_queue_rank", "claim", ["in_queue", "rank_base", "id"], unique=False)
    op.create_index(
        "ix_claim_queue_seen", "claim", ["in_queue", "seen_at", "rank_base", "id"], unique=False
    )
    _fill()


def _fill() -> None:
    from sqlmodel import Session

    from claimtrack.services import queue_rank

    session = Session(bind=op.get_bind())
    queue_rank.repair(session)
    session.flush()


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), no batch copy of `claim`: see upgrade.
    op.drop_index("ix_claim_queue_seen", table_name="claim")
    op.drop_index("ix_claim_queue_rank", table_name="claim")
    for name in ("in_queue", "seen_at", "rank_base", "last_seen_at", "spread_outlets",
                 "spread_stories"):  # fmt: skip
        op.drop_column("claim", name)
    op.drop_table("queue_tally")
