"""`tether keys create|list|revoke`: API keys (the plaintext is printed once, at creation)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from app.security.keys import ROLES, create_key, list_keys, revoke_key
from cli.common import fail, print_json, state
from ingestion.store import Store, open_store

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)


def _open_store(ctx: typer.Context) -> Store:
    store = state(ctx).settings().store
    return open_store(store.resolved_database_url(), timeouts=store.timeouts())


@keys_app.command("create")
def create(
    ctx: typer.Context,
    name: str = typer.Option(..., "--name", help="Who or what the key is for."),
    role: list[str] = typer.Option(["query"], "--role", help=f"Repeatable: {', '.join(ROLES)}."),
    collection: list[str] = typer.Option(["*"], "--collection", "-c", help="Repeatable; '*' for all."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Create a key. Store the printed key now: only its hash is kept."""
    store = _open_store(ctx)
    try:
        key_id, key = create_key(store, name, role, collection)
    except ValueError as exc:
        raise fail(str(exc), 2, as_json) from None
    finally:
        store.dispose()
    if as_json:
        print_json({"id": key_id, "key": key, "name": name, "roles": sorted(set(role)), "collections": collection})
    else:
        Console().print(f"key {key_id} ({name}): [bold]{key}[/bold]\nIt is shown once; keep it secret.")


@keys_app.command("list")
def list_(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """List keys (ids, names, prefixes, scopes; never the keys themselves)."""
    store = _open_store(ctx)
    try:
        keys = list_keys(store)
    finally:
        store.dispose()
    if as_json:
        print_json({"keys": keys})
        return
    t = Table(title=f"{len(keys)} API keys")
    for h in ("id", "name", "prefix", "roles", "collections", "revoked"):
        t.add_column(h)
    for k in keys:
        t.add_row(
            str(k["id"]),
            str(k["name"]),
            str(k["prefix"]),
            ",".join(k["roles"]),
            ",".join(k["collections"]),
            str(k["revoked"]),
        )
    Console().print(t)


@keys_app.command("revoke")
def revoke(
    ctx: typer.Context, key_id: int = typer.Argument(...), as_json: bool = typer.Option(False, "--json")
) -> None:
    """Revoke a key (effective on every server within TETHER_AUTH__KEY_CACHE_S seconds)."""
    store = _open_store(ctx)
    try:
        found = revoke_key(store, key_id)
    finally:
        store.dispose()
    if not found:
        raise fail(f"no key with id {key_id}", 1, as_json)
    if as_json:
        print_json({"id": key_id, "revoked": True})
    else:
        Console().print(f"key {key_id} revoked")
