"""`tether serve` and `tether ask`."""

from __future__ import annotations

import json
import os
from typing import cast

import typer
from rich.console import Console

from app.grounding.answer_policies import Policy
from cli.common import err_console, fail, overridden, print_json, require_data, state


def serve_command(
    ctx: typer.Context,
    host: str | None = typer.Option(None, help="Bind address (TETHER_SERVER__HOST)."),
    port: int | None = typer.Option(None, help="Port (TETHER_SERVER__PORT)."),
    workers: int | None = typer.Option(None, help="Worker processes (TETHER_SERVER__WORKERS)."),
) -> None:
    """Serve the HTTP API with uvicorn."""
    import uvicorn

    cli = state(ctx)
    flags = {"server.host": host, "server.port": port, "server.workers": workers}
    # Validated together with the environment: open mode on a non-loopback --host is refused here.
    settings = overridden(cli.settings(), {k: v for k, v in flags.items() if v is not None})
    host, port, workers = settings.server.host, settings.server.port, settings.server.workers
    # Worker processes rebuild Settings from the environment: hand them every override, so each one
    # validates exactly what this process did.
    for name, value in (cli.overrides() | {k: v for k, v in flags.items() if v is not None}).items():
        os.environ["TETHER_" + name.replace(".", "__").upper()] = str(value)
    if workers > 1 and not settings.rate_limit.redis_url:
        err_console.print(
            f"[yellow]warning:[/yellow] {workers} workers each keep their own rate limits, so a key may make "
            f"{workers} times its rate; set TETHER_RATE_LIMIT__REDIS_URL to share one budget"
        )
    err_console.print(
        f"Tether serving collection '{settings.default_collection}' on http://{host}:{port} "
        f"(backend: {settings.llm.backend}, verifier: {settings.verifier.kind})"
    )
    # Tether logs one access line per request itself (with the trace id and key id): uvicorn's would double it.
    if workers > 1:
        uvicorn.run(
            "app.http.factory:app_from_env", host=host, port=port, workers=workers, factory=True, access_log=False
        )
    else:
        from app.http import create_app

        uvicorn.run(create_app(settings), host=host, port=port, access_log=False)


def ask_command(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="The question."),
    collection: str | None = typer.Option(None, "--collection", "-c"),
    top_k: int | None = typer.Option(None, "--top-k"),
    policy: str = typer.Option("annotate", help="annotate | redact | abstain"),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as one JSON object."),
) -> None:
    """Answer one question from the terminal, through the same pipeline as the service."""
    from app.errors import TetherError
    from app.queries import AnswerQuery
    from app.retrieval.view import UnknownCollection
    from app.services import build_services

    settings = state(ctx).settings()
    if policy not in ("annotate", "redact", "abstain"):
        raise fail(f"--policy must be annotate, redact or abstain, not {policy!r}", 2, as_json)
    chosen = cast(Policy, policy)
    require_data(settings, as_json)
    svc = build_services(settings)
    try:
        q = AnswerQuery(
            question.strip(),
            collection or settings.default_collection,
            top_k or settings.retrieval.default_top_k,
            None,
            chosen,
        )
        result = svc.answerer.answer(q)
    except UnknownCollection as exc:
        where = "the database" if settings.store.database_url else str(settings.store.data_dir.resolve())
        raise fail(f"unknown collection {exc.args[0]!r} in {where}; ingest into it first", 2, as_json) from None
    except TetherError as exc:
        raise fail(exc.message, 1, as_json) from None
    finally:
        svc.close()
    if as_json:
        print_json(result.to_dict())
        return
    con = Console()
    con.print(f"\n[bold]{result.text}[/bold]\n")
    con.print(
        f"status: {result.status}"
        + (f" ({result.reason})" if result.reason else "")
        + (f", groundedness {result.groundedness:.2f}" if result.groundedness is not None else "")
    )
    for c in result.claims:
        mark = "[green]✓[/green]" if c.label == "supported" else "[red]✗[/red]"
        con.print(f"  {mark} {c.text}  (p={c.score if c.score is None else round(c.score, 2)})")
    for cited in result.citations:
        p = cited.passage
        con.print(f"  [{cited.n}] {p.title} — {p.source} [{p.start}:{p.end}]" + (f" {p.uri}" if p.uri else ""))
    con.print(f"[dim]{json.dumps(dict(result.timings))}[/dim]")
