"""One writer at a time: an advisory file lock on the data dir, which the OS releases if the process dies,
and on PostgreSQL an advisory lock in the database as well, since replicas with data dirs of their own
(other hosts) write to the one store."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from ingestion.store import Store

# Any constant will do, as long as every writer to one database takes the same lock.
_WRITER_LOCK = 0x7E7E_0002


class IngestionLocked(Exception):
    pass


@contextmanager
def writer_lock(data_dir: Path, store: Store | None = None) -> Iterator[None]:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "ingest.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise IngestionLocked(
                f"another ingestion is writing to {data_dir} (pid {holder}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        if store is not None and store.engine.dialect.name == "postgresql":
            with _database_lock(store):
                yield
        else:
            yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def _database_lock(store: Store) -> Iterator[None]:
    """A session-level advisory lock on a connection of its own, held for the whole run. The server
    releases it when that connection ends, so a writer that dies cannot leave it behind."""
    conn = store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _WRITER_LOCK}).scalar()
        if not got:
            holder = conn.execute(
                text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = :k"),
                {"k": _WRITER_LOCK},
            ).scalar()
            raise IngestionLocked(
                f"another ingestion is writing to the database (server pid {holder or 'unknown'}, from another "
                "data dir or host); wait for it to finish"
            )
        try:
            yield
        finally:
            # A session lock outlives transactions: released here, or the pooled connection would keep it.
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _WRITER_LOCK})
            except Exception:
                conn.invalidate()  # closing the connection drops the lock just as well
    finally:
        conn.close()


def writer_may_be_active(data_dir: Path) -> bool:
    """Whether a process that last took this data dir's writer lock is still alive (it may be between its
    commit and its index switch). A probe that takes no lock: taking even a shared one could make a
    writer's non-blocking attempt fail."""
    try:
        pid = int((data_dir / "ingest.lock").read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
