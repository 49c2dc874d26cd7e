"""match_rules: which reading rules and aliases the matching index was built with

Revision ID: 0014_match_rules
Revises: 0013_alert_sighting_decisions
Create Date: 2026-12-02 01:45:00

One row, written when the index is rebuilt (or its first claim is indexed). An index that holds
claims but no row was built before the fingerprint existed; the admin page asks for a rebuild.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import claimtrack.models.base

revision: str = "0014_match_rules"
down_revision: str | None = "0013_alert_sighting_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "match_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", claimtrack.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("match_rules")
