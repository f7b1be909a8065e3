"""`tether demo` (`make demo`): ingest corpus/ (incrementally), serve on the embedded defaults, answer
sample questions.

Runs on localhost only, without API keys. With --once it exits after the sample answers (the tests)."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

import httpx
import typer
import uvicorn

from app.http import create_app
from app.services import make_ingestor
from cli.common import overridden, state
from ingestion.embedder import SentenceTransformerEmbedder

SAMPLES = [
    "What is the maximum file size I can upload on the Business plan?",
    "How long are deleted files kept in the trash on the Personal plan?",
    "Who won the football world cup in 1966?",  # outside the corpus: an honest abstention
]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _print_answer(question: str, body: dict[str, object]) -> None:
    print(f"\nQ: {question}")
    print(f"A: {body['answer']}")
    print(
        f"   status: {body['status']}"
        + (f" ({body['reason']})" if body.get("reason") else "")
        + (f", groundedness {body['groundedness']}" if body.get("groundedness") is not None else "")
    )
    for c in body.get("citations", []):  # type: ignore[attr-defined]
        print(f"   [{c['n']}] {c['title']} ({c['source']}, chars {c['start']}-{c['end']})")


def demo_command(
    ctx: typer.Context,
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    corpus: Path = typer.Option(CORPUS, "--corpus", help="Folder to ingest first (incrementally)."),
    once: bool = typer.Option(False, "--once", help="Exit after answering the sample questions."),
) -> None:
    """Ingest the demo corpus, serve it on 127.0.0.1 with no API keys, and answer sample questions."""
    raise typer.Exit(_demo(ctx, port, corpus, once))


def _demo(ctx: typer.Context, port: int, corpus: Path, once: bool) -> int:
    # A local demo: no keys, and so bound to loopback only.
    settings = overridden(state(ctx).settings(), {"server.host": "127.0.0.1", "auth.mode": "open"})
    print(f"Ingesting {corpus} into collection '{settings.default_collection}' ({settings.store.data_dir}) ...")
    from ingestion.store import open_store

    store = open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())
    report = make_ingestor(settings, store, SentenceTransformerEmbedder(settings.embedding)).ingest(
        [corpus], settings.default_collection, sync=True
    )
    store.dispose()
    print(json.dumps({k: v for k, v in report.as_dict().items() if k != "errors"}))
    for e in report.errors:
        print(f"  failed: {e['path']}: {e['error']}", file=sys.stderr)

    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    print(f"Starting Tether on {base} (open local mode: no API key, bound to localhost only) ...")
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if not thread.is_alive():
            print("the server failed to start", file=sys.stderr)
            return 1
        time.sleep(0.5)
    for q in SAMPLES:
        r = httpx.post(f"{base}/v1/answer", json={"question": q}, timeout=60)
        r.raise_for_status()
        _print_answer(q, r.json())
    print(
        f"\nAsk your own:\n  curl -s {base}/v1/answer -H 'content-type: application/json' "
        '-d \'{"question": "How do I enable two-factor authentication?"}\''
    )
    print(f"API docs: {base}/docs")
    if once:
        server.should_exit = True
        thread.join(timeout=10)
        return 0
    print("Serving; press Ctrl-C to stop.")
    try:
        thread.join()
    except KeyboardInterrupt:
        server.should_exit = True
    return 0
