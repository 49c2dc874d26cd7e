"""alert sightings decided one by one: state, who and when

Revision ID: 0013_alert_sighting_decisions
Revises: 0012_link_proposals
Create Date: 2026-12-01 22:00:00

Each sentence proposed on an alert can now be confirmed (it becomes an appearance of the checked
claim) or dismissed on its own. Existing rows take the state their alert's decision gave them:
confirmed where an appearance was recorded, dismissed in dismissed alerts, proposed otherwise.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import claimtrack.models.base

revision: str = "0013_alert_sighting_decisions"
down_revision: str | None = "0012_link_proposals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode: SQLite adds the foreign key by copying the table.
    with op.batch_alter_table("alert_appearance", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=20), nullable=False, server_default="proposed")
        )
        batch_op.add_column(
            sa.Column("decided_at", claimtrack.models.base.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_alert_appearance_decided_by_id_user", "user", ["decided_by_id"], ["id"]
        )
    op.execute("UPDATE alert_appearance SET state = 'confirmed' WHERE appearance_id IS NOT NULL")
    op.execute(
        "UPDATE alert_appearance SET state = 'dismissed' WHERE appearance_id IS NULL AND "
        "alert_id IN (SELECT id FROM alert WHERE state = 'dismissed')"
    )


def downgrade() -> None:
    with op.batch_alter_table("alert_appearance", schema=None) as batch_op:
        batch_op.drop_constraint("fk_alert_appearance_decided_by_id_user", type_="foreignkey")
        batch_op.drop_column("decided_by_id")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("state")
