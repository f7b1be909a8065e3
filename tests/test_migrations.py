"""Migrations: an existing database upgrades in place, and the migrated schema is exactly the models'."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, insert, select, text

from ingestion.discovery import source_key
from ingestion.known import SourceOwners, StoredDocuments
from ingestion.loaders import LoadError
from ingestion.store import Chunk, Collection, Document, open_store
from ingestion.store.db import _alembic_config, migrate
from ingestion.store.models import Base, utcnow


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


def test_0007_backfills_source_keys_and_chunk_counts(database_url: str) -> None:
    """A database from before 0007: every document gets its source key (so a twin ingested alone is
    still refused) and every collection its chunk count; the way back keeps the rows."""
    engine = create_engine(database_url)
    sources = {"a": "Notes.md", "b": "Stra\u00dfe.md", "c": "faq.csv#CAF\u00c9"}
    try:
        cfg = _alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
            for name in ("kb", "empty"):
                conn.execute(
                    text("INSERT INTO collections (name, version, created_at, updated_at) VALUES (:n, 1, :t, :t)"),
                    {"n": name, "t": utcnow()},
                )
            kb = conn.execute(text("SELECT id FROM collections WHERE name = 'kb'")).scalar_one()
            for doc_id, source in sources.items():
                conn.execute(
                    text(
                        "INSERT INTO documents (id, collection_id, source, file_path, file_hash, content_hash, "
                        "format, title, tags, extra, text, revision, created_at, updated_at) VALUES (:id, :c, :s, "
                        ":s, 'h', 'h', 'markdown', 't', '[]', '{}', 'x', 1, :t, :t)"
                    ),
                    {"id": doc_id, "c": kb, "s": source, "t": utcnow()},
                )
            chunk = {"collection_id": kb, "start": 0, "end": 1, "text": "x", "heading": "", "n_tokens": 1}
            chunks = [
                {**chunk, "id": f"k{i}", "doc_id": d, "ord": i, "embed_hash": "e", "vector": b"\0" * 8}
                for i, d in enumerate("aab")
            ]
            conn.execute(insert(Chunk), [{**c, "sentences": []} for c in chunks])
        store = open_store(database_url)  # migrates, on the engine the service uses (SQLite: foreign keys on)
        try:
            with store.session() as s:
                keys = dict(s.execute(select(Document.source, Document.source_key)).all())
                counts = dict(s.execute(select(Collection.name, Collection.chunk_count)).all())
            assert keys == {src: source_key(src) for src in sources.values()}
            assert keys["Stra\u00dfe.md"] == "strasse.md" and counts == {"kb": 3, "empty": 0}
            owners = SourceOwners(StoredDocuments(store, kb, ["strasse.md"]))
            with pytest.raises(LoadError, match=r"only in case or Unicode form from 'Stra\u00dfe\.md'"):
                owners.check("STRASSE.md", "STRASSE.md")
            back = _alembic_config(store.engine)
            with store.engine.begin() as conn:
                back.attributes["connection"] = conn
                command.downgrade(back, "0006")
            with store.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM chunks")).scalar() == 3
                assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 3
        finally:
            store.dispose()
    finally:
        engine.dispose()


def _migrate_after(barrier: Any, url: str, outcomes: Any) -> None:
    from ingestion.store import open_store  # imported before the barrier, so the upgrades truly overlap

    barrier.wait()
    try:
        open_store(url).dispose()
        outcomes.put("migrated")
    except Exception as exc:
        outcomes.put(f"{type(exc).__name__}: {exc}"[:300])


@pytest.mark.postgres
def test_processes_migrating_one_fresh_database_at_once_all_start(postgres_server_url: str) -> None:
    """Replicas started together on a fresh PostgreSQL database: without a lock around the upgrade, all
    but one would die creating the same tables."""
    import psycopg

    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    url = postgres_server_url.replace("postgresql://", "postgresql+psycopg://", 1)
    ctx = multiprocessing.get_context("spawn")
    barrier, outcomes = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_migrate_after, args=(barrier, url, outcomes)) for _ in range(3)]
    for p in procs:
        p.start()
    try:
        got = sorted(outcomes.get(timeout=120) for _ in procs)
    finally:
        for p in procs:
            p.join(timeout=30)
    assert got == ["migrated"] * 3
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


_KILLED_MIDWAY = """
import os, sys
from alembic.operations import Operations
from sqlalchemy import create_engine
from ingestion.store.db import migrate

calls = []
def dying(real):
    def op(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == int(sys.argv[2]):
            os._exit(9)  # as a SIGKILL would: no rollback, no cleanup
        return real(self, *args, **kwargs)
    return op
Operations.create_table = dying(Operations.create_table)
Operations.create_index = dying(Operations.create_index)
migrate(create_engine(sys.argv[1]))
"""


@pytest.mark.parametrize("dies_at", [2, 10])  # within the first revision, in the last
def test_a_process_killed_mid_migration_leaves_a_database_the_next_start_migrates(tmp_path: Path, dies_at: int) -> None:
    """SQLite commits DDL on its own unless a transaction is open: a kill between two CREATEs once left
    tables without their revision, and every later start died on "table already exists"."""
    url = f"sqlite:///{tmp_path / 'tether.db'}"
    proc = subprocess.run([sys.executable, "-c", _KILLED_MIDWAY, url, str(dies_at)], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode(errors="replace")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:  # nothing of the dead run is visible
            assert conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).all() == []
        migrate(engine)
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


def test_a_start_with_nothing_to_migrate_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Migrations take SQLite's write lock; a process opening an up-to-date store while an ingestion holds
    that lock must not wait for it (here, 0.1 s of waiting would fail with "database is locked")."""
    path = tmp_path / "tether.db"
    open_store(f"sqlite:///{path}").dispose()  # at head
    writer = sqlite3.connect(path, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")  # as an ingestion's commit does
    writer.execute("UPDATE collections SET version = version + 1")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1})
    try:
        migrate(engine)  # reads the revision, finds nothing to do
        fresh = create_engine(f"sqlite:///{tmp_path / 'other.db'}", connect_args={"timeout": 0.1})
        migrate(fresh)  # a store that does need migrating still gets it
        with fresh.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        fresh.dispose()
    finally:
        writer.rollback()
        writer.close()
        engine.dispose()
