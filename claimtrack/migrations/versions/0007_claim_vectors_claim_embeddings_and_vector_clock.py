"""claim embeddings and the vector clock

Revision ID: 0007_claim_vectors
Revises: 0006_rating_label_names
Create Date: 2026-12-01 15:40:00.000000

Only creates two empty tables: embedding the stored claims is background work
(`claimtrack matching embed`), never part of a migration.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op


revision: str = '0007_claim_vectors'
# Also joins main's two heads (0006, 0008) until the lead re-chains the revisions.
down_revision: str | tuple[str, ...] | None = '0006_rating_label_names'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'claim_vector',
        sa.Column('claim_id', sa.Integer(), nullable=False),
        sa.Column('model', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('dim', sa.Integer(), nullable=False),
        sa.Column('text_hash', sa.BigInteger(), nullable=False),
        sa.Column('scale', sa.Float(), nullable=False),
        sa.Column('vector', sa.LargeBinary(), nullable=True),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
        sa.PrimaryKeyConstraint('claim_id', 'model'),
    )
    with op.batch_alter_table('claim_vector', schema=None) as batch_op:
        batch_op.create_index('ix_claim_vector_model_seq', ['model', 'seq'], unique=False)

    op.create_table(
        'claim_vector_clock',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('epoch', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('claim_vector_clock')
    with op.batch_alter_table('claim_vector', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_vector_model_seq')
    op.drop_table('claim_vector')
