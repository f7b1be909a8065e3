"""answer reviews: thumbs, comments, per-claim marks and corrected answers, keyed to the audit row

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trace_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("reviewer", sa.String(length=128), nullable=False),
        sa.Column("by_reviewer", sa.Boolean(), nullable=False),
        sa.Column("rating", sa.String(length=8), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("claim_marks", sa.JSON(), nullable=False),
        sa.Column("corrected_answer", sa.Text(), nullable=True),
        sa.Column("unanswerable", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["trace_id"], ["answer_audit.trace_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("answer_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_reviews_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_answer_reviews_trace_created", ["trace_id", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("answer_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_answer_reviews_trace_created")
        batch_op.drop_index(batch_op.f("ix_answer_reviews_created_at"))
    op.drop_table("answer_reviews")
