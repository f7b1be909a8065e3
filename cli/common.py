"""Shared CLI plumbing: settings from the environment plus global flags, JSON output, heavy parts."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console

from app.settings import Settings

err_console = Console(stderr=True)


@dataclass
class CliState:
    data_dir: Path | None = None
    database_url: str | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        """The environment's settings with the global flags applied (and validated with them)."""
        if self._settings is None:
            try:
                s = Settings()
            except ValidationError as exc:
                raise _invalid(exc) from None
            self._settings = overridden(s, self.overrides())
        return self._settings

    def overrides(self) -> dict[str, Any]:
        flags = {"store.data_dir": self.data_dir, "store.database_url": self.database_url}
        return {k: v for k, v in flags.items() if v is not None}


def overridden(settings: Settings, changes: Mapping[str, Any]) -> Settings:
    """`settings` with command-line values applied through the one validating helper; exit 2 naming the
    setting when they are refused."""
    if not changes:
        return settings
    try:
        return settings.override(changes)
    except (ValidationError, ValueError) as exc:
        raise _invalid(exc) from None


def describe_settings_error(exc: ValidationError | ValueError) -> list[str]:
    """One line per refused setting, named as its environment variable (pure). Pydantic's own text ends
    each error with a documentation link and never says which variable to fix; values are left out, as a
    database URL may carry a password."""
    if not isinstance(exc, ValidationError):
        return [str(exc)]
    lines = []
    for err in exc.errors(include_url=False, include_input=False):
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        loc = [str(part) for part in err.get("loc", ())]
        lines.append(f"TETHER_{'__'.join(loc).upper()}: {msg}" if loc else msg)
    return lines


def _invalid(exc: ValidationError | ValueError) -> typer.Exit:
    for line in describe_settings_error(exc):
        err_console.print("[red]invalid settings:[/red] ", end="")
        err_console.print(line, markup=False, highlight=False)
    return typer.Exit(2)


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj


def settings_from(ctx: typer.Context | None) -> Settings:
    """The root's settings (global --data-dir etc.), or the environment's when a sub-app runs alone."""
    obj = ctx.find_root().obj if ctx is not None else None
    return (obj if isinstance(obj, CliState) else CliState()).settings()


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, default=str, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def fail(message: str, code: int = 2, as_json: bool = False) -> typer.Exit:
    """The one way a command ends in error: the message on stderr (or one JSON object on stdout with
    --json), and the exit code: 1 a gate or check failed, 2 a usage error, 3 a dependency is down."""
    if as_json:
        print_json({"error": {"message": message}})
    else:
        err_console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def require_data(settings: Settings, as_json: bool = False) -> None:
    """Commands that read a store refuse to run where none is: opening one would create an empty
    `.tether` in the current folder and then report an unknown collection, without saying where it looked."""
    data_dir = settings.store.data_dir
    if not settings.store.database_url and not data_dir.exists():
        raise fail(
            f"no Tether data folder at {data_dir.resolve()}: nothing was ingested there; run from the folder "
            "you ingested in, or pass --data-dir (TETHER_STORE__DATA_DIR)",
            2,
            as_json,
        )
