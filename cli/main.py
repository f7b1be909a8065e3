"""Root of the `tether` command: the composition root, above every layer (ingestion ← app ← {evals,
training} ← cli). It builds Settings from the environment and the global flags, and mounts each verb."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from cli.common import CliState, fail
from cli.demo import demo_command
from cli.eval_bench import answerability_command, detector_command
from cli.eval_run import policies_command, retrieval_command, run_command
from cli.index import index_app
from cli.ingest import documents_app, ingest_command
from cli.keys import keys_app
from cli.review import review_app
from cli.serve import ask_command, serve_command

app = typer.Typer(
    name="tether",
    help="Tether: grounded answers from a verified corpus, with citations and claim verdicts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Overrides TETHER_STORE__DATA_DIR."),
    database_url: str | None = typer.Option(None, "--database-url", help="Overrides TETHER_STORE__DATABASE_URL."),
) -> None:
    ctx.obj = CliState(data_dir=data_dir, database_url=database_url)


app.command("ingest")(ingest_command)
app.add_typer(documents_app, name="documents")
app.add_typer(index_app, name="index")
app.command("serve")(serve_command)
app.command("ask")(ask_command)
app.add_typer(keys_app, name="keys")
app.add_typer(review_app, name="review")


app.command("demo")(demo_command)

eval_app = typer.Typer(
    name="eval", help="Hallucination eval and CI gate, retrieval and detector benchmarks.", no_args_is_help=True
)
eval_app.command("run")(run_command)
eval_app.command("policies")(policies_command)
eval_app.command("retrieval")(retrieval_command)
eval_app.command("detector")(detector_command)
eval_app.command("answerability")(answerability_command)
app.add_typer(eval_app, name="eval")


def _command(argv: list[str]) -> str | None:
    """The verb `argv` runs, past the root's options (`tether --data-dir D serve`)."""
    args = iter(argv[1:])
    for a in args:
        if a in ("--data-dir", "--database-url"):
            next(args, None)
        elif not a.startswith("-"):
            return a
    return None


def omp_wait_policy(argv: list[str], env: dict[str, str] | os._Environ[str]) -> str | None:
    """PASSIVE where llama.cpp may run beside torch, else None (libgomp's default: a short spin).

    OpenMP threads that spin while idle starve the other runtime on a small machine (torch and llama.cpp
    each bring one: 0.9-19 tokens/s spinning, 15-39 passive). But a thread that sleeps between the
    encoder's many small operations must be woken for each: a question's encode took 10.7 ms passive
    against 6.8 ms with the default spin (2 threads, AMD EPYC). A server on another backend spins."""
    if _command(argv) in ("serve", "demo") and env.get("TETHER_LLM__BACKEND", "extractive") != "local":
        return None
    return "PASSIVE"


def main() -> None:
    # libgomp reads the policy once, when it first loads (with torch or llama.cpp): set it before either.
    policy = omp_wait_policy(sys.argv, os.environ)
    if policy:
        os.environ.setdefault("OMP_WAIT_POLICY", policy)
    from sqlalchemy.exc import InterfaceError, OperationalError

    try:
        app()
    except (OperationalError, InterfaceError) as exc:
        # A store that is down is one line (and, with --json, one JSON object), not a traceback.
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        as_json = "--json" in sys.argv
        sys.exit(fail(f"the store is unavailable: {reason}", 3, as_json).exit_code)


if __name__ == "__main__":
    main()
