"""documents.source_key (indexed) and an index on file_path; collections.chunk_count

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:00:00.000000

An ingestion that names some files now reads only the documents those files can touch
(ingestion/known.py): by file_path, and by source_key, the name as a person reads it (NFC, case folded),
to refuse a twin that differs only in case or Unicode form. Both are backfilled here. chunk_count is kept
by every commit, so a run's report gives the collection's total without counting its chunks.

On SQLite the new NOT NULL columns come with a default (ALTER TABLE ADD COLUMN needs one, and rebuilding
`documents` to drop it would cascade-delete every chunk, foreign keys being on); the ORM sets source_key
on every insert, so it is never used. PostgreSQL drops it after the backfill.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _source_key(source: str) -> str:
    # ingestion.discovery.source_key as of this revision, copied so that the migration keeps meaning the same.
    return unicodedata.normalize("NFC", source).casefold()


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("documents", sa.Column("source_key", sa.String(length=3072), nullable=False, server_default=""))
    op.add_column("collections", sa.Column("chunk_count", sa.Integer(), nullable=False, server_default="0"))
    documents = sa.table("documents", sa.column("id", sa.String), sa.column("source", sa.String))
    rows = conn.execute(sa.select(documents.c.id, documents.c.source)).all()
    update = sa.text("UPDATE documents SET source_key = :key WHERE id = :id")
    for i in range(0, len(rows), 1000):
        conn.execute(update, [{"id": id_, "key": _source_key(source)} for id_, source in rows[i : i + 1000]])
    conn.execute(
        sa.text(
            "UPDATE collections SET chunk_count = "
            "(SELECT count(*) FROM chunks WHERE chunks.collection_id = collections.id)"
        )
    )
    if conn.dialect.name != "sqlite":
        op.alter_column("documents", "source_key", server_default=None)
    op.create_index("ix_documents_collection_source_key", "documents", ["collection_id", "source_key"])
    op.create_index("ix_documents_collection_file_path", "documents", ["collection_id", "file_path"])


def downgrade() -> None:
    op.drop_index("ix_documents_collection_file_path", table_name="documents")
    op.drop_index("ix_documents_collection_source_key", table_name="documents")
    # Not a batch rebuild: on SQLite that drops the table, and with it (foreign keys on) every child row.
    op.drop_column("collections", "chunk_count")
    op.drop_column("documents", "source_key")
