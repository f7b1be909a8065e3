"""answer audit: the client's trace id in its own column

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 18:40:00.000000

The audit row's key (`trace_id`) is now always the server's; the X-Trace-Id a client sends is kept
in `client_trace_id`, so that no client can name, and so replace, another answer's row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer_audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_trace_id", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_answer_audit_client_trace_id"), ["client_trace_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("answer_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_audit_client_trace_id"))
        batch_op.drop_column("client_trace_id")
