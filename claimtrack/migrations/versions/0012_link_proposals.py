"""duplicate links: a fact-checker's proposal (kind, who, when, note) and an edit version

Revision ID: 0012_link_proposals
Revises: 0011_monitoring
Create Date: 2026-12-01 18:45:00

A link is now "proposed" between "suggested" and the editor's decision; `version` moves with every
change so that a decision taken on an outdated page is refused. Existing links start at version 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import claimtrack.models.base

revision: str = "0012_link_proposals"
down_revision: str | None = "0011_monitoring"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode: SQLite adds the foreign key by copying the table (nothing references it).
    with op.batch_alter_table("claim_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposed_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("proposed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("proposed_at", claimtrack.models.base.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("proposal_note", sa.String(length=1000), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.create_foreign_key(
            "fk_claim_link_proposed_by_id_user", "user", ["proposed_by_id"], ["id"]
        )


def downgrade() -> None:
    # A proposal is an open suggestion again for the older code.
    op.execute("UPDATE claim_link SET state = 'suggested' WHERE state = 'proposed'")
    with op.batch_alter_table("claim_link", schema=None) as batch_op:
        batch_op.drop_constraint("fk_claim_link_proposed_by_id_user", type_="foreignkey")
        batch_op.drop_column("version")
        batch_op.drop_column("proposal_note")
        batch_op.drop_column("proposed_at")
        batch_op.drop_column("proposed_by_id")
        batch_op.drop_column("proposed_kind")
