"""SQLAlchemy 2 ORM models. Schema changes go through Alembic (ingestion/store/migrations)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ingestion.discovery import source_key


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Collection(Base):
    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    # Bumped by every ingestion that changes the collection; the index snapshot on disk carries the
    # same number, so a reader can tell whether the two agree.
    version: Mapped[int] = mapped_column(Integer, default=0)
    dim: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The model its vectors came from (ingestion/model_identity.py): the name is shown, the fingerprint
    # (of the model's files) and dim are compared; precision is recorded, not compared.
    embedding_model: Mapped[str | None] = mapped_column(String(512), nullable=True)
    embedding_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    embedding_precision: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Chunks it holds, kept by each commit that adds or deletes some (in the same transaction), so that a
    # run's report need not count a million rows to give the total.
    chunk_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


def _source_key(ctx: DefaultExecutionContext) -> str:
    return source_key(ctx.get_current_parameters()["source"])


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("collection_id", "source", name="uq_documents_collection_source"),
        # What a run that names some files looks up (ingestion/known.py): the documents of those files,
        # and those whose names read as the ones it brings.
        Index("ix_documents_collection_file_path", "collection_id", "file_path"),
        Index("ix_documents_collection_source_key", "collection_id", "source_key"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # hash of (collection, source): stable
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(1024))
    # discovery.source_key(source), set on insert (a source never changes): case folding makes a
    # character at most three, hence the width. Changing source_key means a migration recomputing it.
    source_key: Mapped[str] = mapped_column(String(3072), default=_source_key)
    file_path: Mapped[str] = mapped_column(String(1024))  # the file it came from (a CSV holds many records)
    file_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    verified_by: Mapped[str | None] = mapped_column(String(256), nullable=True)
    verified_at: Mapped[str | None] = mapped_column(String(64), nullable=True)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # +1 each time its content changes
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    chunks: Mapped[list[Chunk]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Chunk.ord"
    )


class Chunk(Base):
    __tablename__ = "chunks"
    # AUTOINCREMENT on SQLite: a deleted max row id is never handed out again.
    __table_args__ = (Index("ix_chunks_collection_row", "collection_id", "row"), {"sqlite_autoincrement": True})

    # `row` is the FAISS id: an integer that is never reused, so a stale index row can never
    # point at a different chunk.
    row: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)  # content hash of (doc id, text, occurrence)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    ord: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    heading: Mapped[str] = mapped_column(Text, default="")
    n_tokens: Mapped[int] = mapped_column(Integer)
    sentences: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [[start, end], ...] in document offsets
    embed_hash: Mapped[str] = mapped_column(String(64))  # hash of the exact text embedded
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32 little-endian, L2-normalised

    document: Mapped[Document] = relationship(back_populates="chunks")


class EmbeddingCache(Base):
    """Vectors an ingestion computed but has not yet committed with their chunks, saved batch by batch so
    that a run killed mid-way leaves its work to the rerun. Emptied for a collection by its next
    successful ingestion; `model` is the identity and precision they were computed with."""

    __tablename__ = "embedding_cache"

    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(96), primary_key=True)
    embed_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32 little-endian, L2-normalised
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IngestionRun(Base):
    __tablename__ = "ingestion_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    collection_version: Mapped[int] = mapped_column(Integer)
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{path, error}]


class ApiKey(Base):
    """An API key, stored as its SHA-256 (keys are 32 random bytes, so a slow hash buys nothing)."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    prefix: Mapped[str] = mapped_column(String(16))  # shown in listings so a key can be recognised
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)  # query | ingest | admin
    collections: Mapped[list[Any]] = mapped_column(JSON, default=list)  # names, or ["*"]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AnswerAudit(Base):
    """One row per answer served: what was asked, what was cited, the verdicts."""

    __tablename__ = "answer_audit"

    trace_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the server's, never a client's
    # The X-Trace-Id a client sent, kept to correlate with its own logs; any client may send any value.
    client_trace_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    collection: Mapped[str] = mapped_column(String(64))
    collection_version: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    groundedness: Mapped[float | None] = mapped_column(nullable=True)
    backend: Mapped[str] = mapped_column(String(64))
    citations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    claims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    timings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AnswerReview(Base):
    """A person's judgement of one served answer. Rows are only inserted: the latest row of a trace id
    is its current review, the earlier ones its history. They go when their audit row goes (retention)."""

    __tablename__ = "answer_reviews"
    __table_args__ = (Index("ix_answer_reviews_trace_created", "trace_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trace_id: Mapped[str] = mapped_column(ForeignKey("answer_audit.trace_id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reviewer: Mapped[str] = mapped_column(String(128))  # the key's name: who, as the key was issued
    # True when written by a reviewer (or admin) key: only such a review takes an answer off the queue.
    by_reviewer: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[str | None] = mapped_column(String(8), nullable=True)  # up | down
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    claim_marks: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"claim": i, "mark": right|wrong}]
    corrected_answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    unanswerable: Mapped[bool] = mapped_column(Boolean, default=False)  # the corpus does not answer it
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)  # supporting documents, if the reviewer named them
