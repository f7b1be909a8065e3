"""Shared fixtures: the real embedding model (loaded once), stores on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
# TETHER_DATASETS points elsewhere (a git worktree is not beside shared/).
SHARED_DATASETS = Path(os.environ.get("TETHER_DATASETS") or REPO.parent / "shared" / "datasets")
POSTGRES_URL = os.environ.get("TETHER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_SERVICES = os.environ.get("TETHER_REQUIRE_SERVICES") == "1"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def service_unavailable(reason: str) -> None:
    """Skip with the reason on a user's machine; fail in CI, where the service must be there."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (TETHER_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    e = SentenceTransformerEmbedder()
    e.embed(["warm up"])
    return e


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A throwaway database on the PostgreSQL server, dropped at the end of the session."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except Exception as exc:
        service_unavailable(f"PostgreSQL not reachable at {POSTGRES_URL}: {exc}")
    name = f"tether_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test that takes this runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tether.db'}"
    url: str = request.getfixturevalue("postgres_server_url")
    _reset_postgres(url)
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A few documents of the demo corpus, one per format, copied so a test may edit them."""
    dest = tmp_path / "kb"
    picks = [
        "plans/storage-limits.md",
        "account/reset-password.md",
        "faq/faq.csv",
    ]
    html = sorted(CORPUS.rglob("*.html"))[:1]
    pdf = sorted(CORPUS.rglob("*.pdf"))[:1]
    for rel in [*picks, *(p.relative_to(CORPUS).as_posix() for p in html + pdf)]:
        src = CORPUS / rel
        if src.exists():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / rel)
    return dest


@pytest.fixture
def ingest_settings() -> tuple[ChunkingSettings, IndexSettings, IngestLimits]:
    return ChunkingSettings(), IndexSettings(), IngestLimits(max_file_bytes=2_000_000)
