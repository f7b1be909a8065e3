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


def test_collections_from_before_0005_keep_their_rows_without_a_fingerprint(database_url: str) -> None:
    """Which model wrote an existing collection cannot be known: the fingerprint stays empty (ingestion
    and serving then compare the width alone), and the embedding cache starts empty."""
    engine = create_engine(database_url)
    try:
        cfg = _alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0004")
            conn.execute(
                text(
                    "INSERT INTO collections (name, version, dim, embedding_model, created_at, updated_at) "
                    "VALUES ('kb', 3, 384, 'all-MiniLM-L6-v2', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
        migrate(engine)
        query = (
            "SELECT name, version, dim, embedding_model, embedding_fingerprint, embedding_precision FROM collections"
        )
        with engine.connect() as conn:
            assert conn.execute(text(query)).all() == [("kb", 3, 384, "all-MiniLM-L6-v2", None, None)]
            assert conn.execute(text("SELECT count(*) FROM embedding_cache")).scalar() == 0
        with engine.begin() as conn:  # and the way back
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name, dim FROM collections")).all() == [("kb", 384)]
    finally:
        engine.dispose()
