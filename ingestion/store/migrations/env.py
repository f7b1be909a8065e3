"""Alembic environment: run with a connection handed in by `ingestion.store.db.migrate`."""

from __future__ import annotations

from alembic import context

from ingestion.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through ingestion.store.db.migrate(engine)")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
