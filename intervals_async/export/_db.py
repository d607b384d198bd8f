"""The SQLite file an export and a mirror both write: opening it, transactions, a table per
collection."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..models import Model
from ._records import columns, sqlite_row

__all__ = ["SCHEMA_VERSION", "Tables", "connect", "quoted", "transaction"]

# The layout of the file (``PRAGMA user_version``): 0 is the layout of the versions before the
# number was kept, 1 the same layout, numbered. A model that gains a field gains its column in
# place (see ``Tables``), so only a change of layout needs a step in ``_MIGRATIONS``.
SCHEMA_VERSION = 1
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: lambda db: None,  # 0 -> 1: nothing to change but the number
}


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with a write-ahead log,
    migrated to `SCHEMA_VERSION`.

    The connection belongs to the thread that opens it (a job's `JobThread`): Python's
    same-thread check stays on, so a statement sent from any other thread fails at once.

    Raises:
        sqlite3.DatabaseError: the file is not a usable database.
        ValueError: a newer version of this package wrote it (it is left untouched).
    """
    db = sqlite3.connect(path, isolation_level=None)
    try:
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"{path} was written by a newer version of intervals-async (schema {version}; "
                f"this one knows {SCHEMA_VERSION}): upgrade intervals-async, or use another file"
            )
        db.execute("PRAGMA journal_mode=WAL")
        if version < SCHEMA_VERSION:
            with transaction(db):
                for step in range(version, SCHEMA_VERSION):
                    _MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
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
        # A table an earlier version made lacks the fields the model has gained since: add
        # them (empty in the rows written before). A column the model lost stays, unfilled.
        present = {row[1] for row in self._db.execute(f"PRAGMA table_info({quoted(name)})")}
        for c in cols:
            if c.name not in present:
                self._db.execute(
                    f"ALTER TABLE {quoted(name)} ADD COLUMN {quoted(c.name)} {c.kind.value}"
                )
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
