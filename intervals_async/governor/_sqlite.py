"""``SQLiteStore``: the governor's state in a SQLite file, shared by the processes of one host.

Every decision is one ``BEGIN IMMEDIATE`` transaction: it reads the egress's window, the
account's day and the server-clock bracket, runs the pure core on them, and writes them back.
SQLite lets one writer in at a time, so two processes never both take the last slot; WAL lets
readers go on meanwhile. The file keeps the day's count through restarts and crashes; a process
killed mid-request leaves its slots as leases that run out (``Limits.lease``).

The clock is the host's (every process on one host shares it). The calls run in a worker thread,
one at a time per store, so the event loop never waits on the file's lock.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread
import cattrs

from .._exceptions import StoreError
from ._core import ClockState, Core, DayState, Decision, EgressState, Limits
from ._seam import Outcome, Permit, Priority
from ._store import View, decide_and_admit, view_of

__all__ = ["SQLiteStore"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS egress (name TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS day (account TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clock (id INTEGER PRIMARY KEY CHECK (id = 1), low REAL, high REAL);
"""

# Plain data in and out of JSON (dict keys of minutes come back as ints).
_states = cattrs.Converter()


class SQLiteStore:
    """The governor's state in a SQLite file: many processes on one host, one set of limits.

    Args:
        path: the database file (created if missing; its directory must exist).
        limits: the limits to keep; every process sharing the file must keep the same.
        horizon: how far ahead (seconds) a request may be admitted in one transaction
            (default: a window). Only the head of each process's queue holds such a
            reservation, so they are never more than the processes sharing the store.
        busy_timeout: seconds to wait for another process's transaction before failing.

    Raises (on first use):
        StoreError: the file cannot be opened or written, is not a database, or stays locked.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        limits: Limits | None = None,
        *,
        horizon: float | None = None,
        busy_timeout: float = 10.0,
    ) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self.horizon = self.limits.window if horizon is None else horizon
        self.busy_timeout = busy_timeout
        self._connection: sqlite3.Connection | None = None
        self._lock: anyio.Lock | None = None
        self._seen = Core(self.limits)  # what this process last read, for view()
        self.calls = 0  # transactions made: one per acquire, release or reconcile

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    # -- the store protocol ---------------------------------------------------------------------

    async def acquire(
        self, now: float, account: str, egress: str, priority: Priority, *, daily: bool
    ) -> tuple[Decision, float]:
        """Decide and take the slot in one transaction."""

        def step(core: Core) -> Decision:
            return decide_and_admit(
                core, now, account, egress, priority, daily=daily, horizon=self.horizon
            )

        return await self._run(account, egress, step), now

    async def release(self, now: float, permit: Permit, outcome: Outcome, *, daily: bool) -> None:
        """Hand the slot back in one transaction."""

        def step(core: Core) -> None:
            core.complete(
                permit.account,
                permit.egress,
                outcome,
                daily=daily,
                sent_at=permit.granted_at,
                slot=permit.slot,
            )

        await self._run(permit.account, permit.egress, step)

    async def reconcile(self, now: float, account: str, *, used: int, limit: int | None) -> None:
        """Take the server's count in one transaction."""

        def step(core: Core) -> None:
            core.reconcile(account, now, used=used, limit=limit)

        await self._run(account, None, step)

    def view(self, now: float, account: str, egress: str) -> View:
        """The state as this process last read it."""
        return view_of(self._seen, now, account, egress)

    async def refresh(self, now: float, account: str, egress: str) -> View:
        """Read the state now."""
        core = await self._run(account, egress, lambda core: core, write=False)
        return view_of(core, now, account, egress)

    async def aclose(self) -> None:
        """Close the file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- internals ------------------------------------------------------------------------------

    async def _run(
        self, account: str, egress: str | None, step: Callable[[Core], T], write: bool = True
    ) -> T:
        if self._lock is None:
            self._lock = anyio.Lock()
        async with self._lock:
            self.calls += 1
            return await anyio.to_thread.run_sync(self._transaction, account, egress, step, write)

    def _transaction(
        self, account: str, egress: str | None, step: Callable[[Core], T], write: bool
    ) -> T:
        try:
            db = self._connect()
            # A writer takes the lock at once: two deciders must never read the same state.
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                core = self._load(db, account, egress)
                result = step(core)
                if write:
                    self._save(db, core)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        # What this process saw, for view().
        self._seen.egresses.update(core.egresses)
        self._seen.days.update(core.days)
        self._seen.clock = core.clock
        return result

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            db = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,  # transactions are ours: BEGIN IMMEDIATE ... COMMIT
                check_same_thread=False,  # worker threads, one at a time (the store's lock)
            )
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # a process crash loses nothing in WAL
                db.executescript(_SCHEMA)
            except BaseException:
                db.close()
                raise
            self._connection = db
        return self._connection

    def _load(self, db: sqlite3.Connection, account: str, egress: str | None) -> Core:
        core = Core(self.limits)
        if egress is not None:
            row = db.execute("SELECT state FROM egress WHERE name = ?", (egress,)).fetchone()
            if row is not None:
                core.egresses[egress] = _states.structure(json.loads(row[0]), EgressState)
        row = db.execute("SELECT state FROM day WHERE account = ?", (account,)).fetchone()
        if row is not None:
            core.days[account] = _states.structure(json.loads(row[0]), DayState)
        row = db.execute("SELECT low, high FROM clock WHERE id = 1").fetchone()
        if row is not None:
            core.clock = ClockState(row[0], row[1])
        return core

    def _save(self, db: sqlite3.Connection, core: Core) -> None:
        for name, state in core.egresses.items():
            db.execute(
                "INSERT INTO egress VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = ?2",
                (name, _dump(state)),
            )
        for account, day in core.days.items():
            db.execute(
                "INSERT INTO day VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET state = ?2",
                (account, _dump(day)),
            )
        db.execute(
            "INSERT INTO clock VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET low = ?1, high = ?2",
            (core.clock.low, core.clock.high),
        )

    def _error(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            why = f"it stayed locked by another process for {self.busy_timeout:g} s"
        elif "readonly" in text or "unable to open" in text:
            why = "it cannot be opened for writing (check the path and its permissions)"
        elif "not a database" in text or "malformed" in text:
            why = "it is not a SQLite database, or it is corrupt (move it away to start afresh)"
        else:
            why = text
        error = StoreError(f"the governor's SQLite store {str(self.path)!r} failed: {why}")
        # On any failure the connection is started afresh on the next request.
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        return error


def _dump(state: Any) -> str:
    return json.dumps(_states.unstructure(state), separators=(",", ":"))
