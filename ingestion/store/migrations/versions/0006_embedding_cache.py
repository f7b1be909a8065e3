"""embedding cache: vectors an unfinished ingestion computed, committed batch by batch

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 10:30:00.000000

A run killed mid-way keeps what it embedded here; the rerun embeds only the rest. The collection's
next successful ingestion empties its rows (ingestion/embed_cache.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "embedding_cache",
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=96), nullable=False),
        sa.Column("embed_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["collection_id"], ["collections.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("collection_id", "model", "embed_hash"),
    )


def downgrade() -> None:
    op.drop_table("embedding_cache")
