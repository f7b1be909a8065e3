"""A whole Tether on loopback for HTTP tests: ingest, build services, serve under real uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.http import create_app
from app.services import Services, build_services, make_ingestor
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.store import open_store
from tests.support.live_server import live_server


def open_settings(data_dir: Path) -> Settings:
    """Settings for a whole stack under test load: open local mode, no practical rate limit, plain logs."""
    return Settings().override(
        {
            "store.data_dir": data_dir,
            "auth.mode": "open",
            "rate_limit": {"requests_per_minute": 1_000_000, "burst": 100_000},
            "json_logs": False,
        }
    )


def ingest(settings: Settings, embedder: SentenceTransformerEmbedder, paths: list[Path], collection: str) -> None:
    store = open_store(settings.store.resolved_database_url())
    try:
        report = make_ingestor(settings, store, embedder).ingest(paths, collection)
    finally:
        store.dispose()
    assert report.errors == [], report.errors


@contextmanager
def serve(settings: Settings) -> Iterator[tuple[str, Services]]:
    svc = build_services(settings)
    try:
        with live_server(create_app(settings, svc)) as url:
            yield url, svc
    finally:
        svc.close()
