"""rating label names and explanations per language (JSON) instead of one column per language

Revision ID: 0006_rating_label_names
Revises: 0005_reader_index
Create Date: 2026-12-01 16:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = '0006_rating_label_names'
down_revision: str | None = '0005_reader_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = ('label_de', 'label_en', 'explanation_de', 'explanation_en')


def _table(*columns: sa.Column) -> sa.Table:
    return sa.table('rating_label', sa.column('id', sa.Integer), *columns)


def upgrade() -> None:
    with op.batch_alter_table('rating_label', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('explanations', sa.JSON(), nullable=True))
    conn = op.get_bind()
    old = _table(*(sa.column(name, sa.Text) for name in OLD))
    new = _table(sa.column('names', sa.JSON), sa.column('explanations', sa.JSON))
    for row in conn.execute(sa.select(old)).mappings().all():
        conn.execute(
            new.update()
            .where(new.c.id == row['id'])
            .values(
                names={'de': row['label_de'], 'en': row['label_en']},
                explanations={'de': row['explanation_de'], 'en': row['explanation_en']},
            )
        )
    with op.batch_alter_table('rating_label', schema=None) as batch_op:
        batch_op.alter_column('names', existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column('explanations', existing_type=sa.JSON(), nullable=False)
        for name in OLD:
            batch_op.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table('rating_label', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label_de', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('label_en', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('explanation_de', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('explanation_en', sa.Text(), nullable=True))
    conn = op.get_bind()
    table = _table(
        sa.column('key', sa.Text),
        sa.column('names', sa.JSON),
        sa.column('explanations', sa.JSON),
        *(sa.column(name, sa.Text) for name in OLD),
    )
    for row in conn.execute(sa.select(table)).mappings().all():
        names, explanations = row['names'] or {}, row['explanations'] or {}
        default = names.get('de') or row['key']
        conn.execute(
            table.update()
            .where(table.c.id == row['id'])
            .values(
                label_de=default[:80],
                label_en=(names.get('en') or default)[:80],
                explanation_de=explanations.get('de') or '',
                explanation_en=explanations.get('en') or '',
            )
        )
    with op.batch_alter_table('rating_label', schema=None) as batch_op:
        batch_op.alter_column('label_de', existing_type=sa.String(length=80), nullable=False)
        batch_op.alter_column('label_en', existing_type=sa.String(length=80), nullable=False)
        batch_op.alter_column('explanation_de', existing_type=sa.Text(), nullable=False)
        batch_op.alter_column('explanation_en', existing_type=sa.Text(), nullable=False)
        batch_op.drop_column('names')
        batch_op.drop_column('explanations')
