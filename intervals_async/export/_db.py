"""The SQLite file an export and a mirror both write: opening it, transactions, a table per
collection."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..models import Model
from ._records import columns, sqlite_row

__all__ = ["Tables", "connect", "quoted", "transaction"]


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with a write-ahead log.

    Worker threads take turns with the connection (never two at once), so any thread may use it.

    Raises:
        sqlite3.DatabaseError: the file is not a usable database.
    """
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    return db


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taking the lock at once; rolled back on any failure."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def quoted(name: str) -> str:
    """An SQL identifier (``group``, ``time`` and ``date`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


class Tables:
    """One table per collection, with typed columns and ``id`` as primary key, created on first
    write."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._inserts: dict[str, str] = {}  # the upsert statement of each table made so far

    def upsert(self, name: str, model: type[Model], records: Sequence[Model]) -> None:
        """Insert ``records`` into table ``name``, replacing rows of the same id (inside the
        caller's transaction)."""
        insert = self._inserts.get(name)
        if insert is None:
            insert = self._inserts[name] = self._create(name, model)
        self._db.executemany(insert, (sqlite_row(r) for r in records))

    def _create(self, name: str, model: type[Model]) -> str:
        cols = columns(model)
        spec = ", ".join(
            f"{quoted(c.name)} {c.kind.value}{' PRIMARY KEY' if c.name == 'id' else ''}"
            for c in cols
        )
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {quoted(name)} ({spec})")
        marks = ", ".join("?" for _ in cols)
        names = ", ".join(quoted(c.name) for c in cols)
        return f"INSERT OR REPLACE INTO {quoted(name)} ({names}) VALUES ({marks})"

    def exists(self, name: str) -> bool:
        """Whether table ``name`` is there."""
        if name in self._inserts:
            return True
        found = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return found is not None

    def drop(self, name: str) -> None:
        """Drop table ``name`` if it is there."""
        self._db.execute(f"DROP TABLE IF EXISTS {quoted(name)}")
        self._inserts.pop(name, None)
