"""collections: the fingerprint of the embedding model their vectors came from, and its precision

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 10:00:00.000000

Collections written before stay without a fingerprint (it cannot be known now which model wrote them):
ingestion and serving then compare the width alone, and the next ingestion that changes the collection
records the fingerprint (ingestion/model_identity.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("collections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("embedding_fingerprint", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("embedding_precision", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("collections", schema=None) as batch_op:
        batch_op.drop_column("embedding_precision")
        batch_op.drop_column("embedding_fingerprint")
