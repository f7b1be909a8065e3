"""Migrations: an existing database upgrades in place, and the migrated schema is exactly the models'."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from ingestion.store.db import _alembic_config, migrate
from ingestion.store.models import Base


def test_upgrade_keeps_rows_and_matches_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        cfg = _alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002")
            conn.execute(
                text(
                    "INSERT INTO answer_audit (trace_id, created_at, collection, collection_version, question, "
                    "answer, status, backend, citations, claims, timings) VALUES ('t1', CURRENT_TIMESTAMP, 'c', 1, "
                    "'q', 'a', 'answered', 'extractive', '[]', '[]', '{}')"
                )
            )
        migrate(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT question, client_trace_id FROM answer_audit")).all() == [("q", None)]
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()
