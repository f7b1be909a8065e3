"""The SQL store: collections, documents, chunks (with their vectors), ingestion runs."""

from ingestion.store.db import Store, Timeouts, open_store
from ingestion.store.models import (
    AnswerAudit,
    AnswerReview,
    ApiKey,
    Chunk,
    Collection,
    Document,
    EmbeddingCache,
    IngestionRun,
)

__all__ = [
    "AnswerAudit",
    "AnswerReview",
    "ApiKey",
    "Chunk",
    "Collection",
    "Document",
    "EmbeddingCache",
    "IngestionRun",
    "Store",
    "Timeouts",
    "open_store",
]
