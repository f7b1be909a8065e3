"""Engine, sessions and migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

_MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


# Any constant will do, as long as every process migrating one database takes the same lock.
_MIGRATION_LOCK = 0x7E7E_0001


def _at_head(engine: Engine, cfg: Config) -> bool:
    """Whether the schema is at the newest revision already (read without taking any lock)."""
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == heads


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = _alembic_config(engine)
    if engine.dialect.name == "sqlite" and _at_head(engine, cfg):
        # Every command opens the store: one that starts while an ingestion holds SQLite's write lock
        # must not queue behind it (nor fail on "database is locked") when there is nothing to migrate.
        return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Replicas starting together on a fresh database would otherwise create the same tables at
            # once and all but one die on a duplicate key. The lock lasts until this transaction ends, and
            # whoever waited then finds the schema at head and has nothing to do.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        elif conn.dialect.name == "sqlite":
            # pysqlite opens a transaction only before INSERT/UPDATE/DELETE, so each CREATE and ALTER
            # would commit on its own: a process killed between two of them left tables without the
            # revision that made them, and every later start failed on "table already exists". An
            # explicit BEGIN makes the whole upgrade one transaction; IMMEDIATE also makes a second
            # process starting on the same file wait, then find the schema at head.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the server read while an ingestion writes; foreign keys make deletes cascade.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Bounds on waiting for PostgreSQL, so an outage is an error within seconds, never a hang.
    0 means no bound."""

    connect_s: float = 5.0  # to open a connection (libpq rounds anything under 2 up to 2)
    statement_s: float = 30.0  # one statement, lock waits included (server side)
    pool_s: float = 10.0  # for a free connection when the pool is exhausted


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self._sessions() as s, s.begin():
            yield s

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def _pg_connect_args(t: Timeouts) -> dict[str, Any]:
    args: dict[str, Any] = {}
    if t.connect_s:
        args["connect_timeout"] = max(2, math.ceil(t.connect_s))
    if t.statement_s:
        ms = math.ceil(t.statement_s * 1000)
        args["options"] = f"-c statement_timeout={ms}"
        # A peer that stops acknowledging (a partition, a dead host) breaks the connection instead of
        # leaving a request waiting on a socket forever; the server-side timeout cannot see that case.
        args["tcp_user_timeout"] = ms
    return args


def open_store(url: str, *, run_migrations: bool = True, timeouts: Timeouts | None = None) -> Store:
    timeouts = timeouts or Timeouts()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=timeouts.pool_s or 1e9,
            connect_args=_pg_connect_args(timeouts),
        )
    if run_migrations:
        migrate(engine)
    return Store(engine)
