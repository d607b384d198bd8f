"""``SQLiteStore``: the governor's state in a SQLite file, shared by the processes of one host.

Every decision is one ``BEGIN IMMEDIATE`` transaction: it reads the egress's window, the
account's day and the server-clock bracket, runs the pure core on them, and writes them back.
SQLite lets one writer in at a time, so two processes never both take the last slot; WAL lets
readers go on meanwhile. The file keeps the day's count through restarts and crashes; a process
killed mid-request leaves its slots as leases that run out (``Limits.lease``).

The clock is the host's (every process on one host shares it). The calls run in a worker thread,
one at a time per store, so the event loop never waits on the file's lock. Each question also
leaves the asking process's waiting count under a lease (the ``presence`` table), for
``governor status``; a killed process drops out when its lease runs out.

With no store given, a governor on the wall clock keeps its state in one such file per user of
the host (``_default.py``).
"""

from __future__ import annotations

import array
import base64
import contextlib
import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import anyio.to_thread
import attrs

from .._exceptions import StoreError
from ._core import ClockState, Core, DayState, Decision, EgressState, Limits
from ._seam import Outcome, Permit, Priority
from ._store import (
    DayView,
    ProcessStatus,
    StoreStatus,
    WindowView,
    account_status,
    day_of,
    decide_and_admit,
    egress_status,
    presence_lease,
    process_id,
    window_of,
)

__all__ = ["SQLiteStore"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS egress (name TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS day (account TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clock (id INTEGER PRIMARY KEY CHECK (id = 1), low REAL, high REAL);
CREATE TABLE IF NOT EXISTS presence (
    process TEXT NOT NULL, egress TEXT NOT NULL, waiting INTEGER NOT NULL,
    seen_at REAL NOT NULL, expires_at REAL NOT NULL, per_minute INTEGER NOT NULL,
    window REAL NOT NULL, PRIMARY KEY (process, egress)
);
"""

_KEPT = 86_400.0  # presence rows outlive their lease by a day: the last limits an egress kept


class SQLiteStore:
    """The governor's state in a SQLite file: many processes on one host, one set of limits.

    Args:
        path: the database file (created if missing; its directory must exist).
        limits: the limits to keep; every process sharing the file must keep the same.
        horizon: how far ahead (seconds) a request may be admitted in one transaction
            (default: a window). Only the head of each process's queue holds such a
            reservation, so they are never more than the processes sharing the store.
        busy_timeout: seconds to wait for another process's transaction before failing.
        make_parents: create the file's directory if it is missing (the per-host default
            does); otherwise a missing directory is an error.
        hint: what to do when the file cannot be used, added to every ``StoreError``.

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
        make_parents: bool = False,
        hint: str = "",
    ) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self.horizon = self.limits.window if horizon is None else horizon
        self.busy_timeout = busy_timeout
        self.make_parents = make_parents
        self.hint = hint
        self.process = process_id()
        self._connection: sqlite3.Connection | None = None
        # A thread lock, not an event loop's: one store may serve several loops in turn (the
        # process's default governor outlives each anyio.run).
        self._lock = threading.Lock()
        self._seen = Core(self.limits)  # what this process last read, for window() and day()
        self._checkpointed = time.monotonic()
        self.calls = 0  # transactions made: one per acquire, release or reconcile

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    # -- the store protocol ---------------------------------------------------------------------

    async def acquire(
        self,
        now: float,
        *,
        account: str,
        egress: str,
        priority: Priority,
        daily: bool,
        waiting: int = 0,
    ) -> tuple[Decision, float]:
        """Decide and take the slot in one transaction."""

        def step(core: Core) -> Decision:
            return decide_and_admit(
                core, now, account, egress, priority, daily=daily, horizon=self.horizon
            )

        return await self._run(account, egress, step, presence=(now, waiting)), now

    async def release(
        self, now: float, permit: Permit, outcome: Outcome, *, daily: bool, waiting: int = 0
    ) -> None:
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

        await self._run(permit.account, permit.egress, step, presence=(now, waiting))

    async def reconcile(self, now: float, *, account: str, used: int, limit: int | None) -> None:
        """Take the server's count in one transaction."""

        def step(core: Core) -> None:
            core.reconcile(account, now, used=used, limit=limit)

        await self._run(account, None, step)

    def window(self, now: float, egress: str) -> WindowView:
        """The window as this process last read it."""
        return window_of(self._seen, now, egress)

    def day(self, now: float, account: str) -> DayView:
        """The day as this process last read it."""
        return day_of(self._seen, now, account)

    async def refresh(self, now: float, *, account: str, egress: str) -> tuple[DayView, WindowView]:
        """Read the state now, in one transaction."""
        core = await self._run(account, egress, lambda core: core, write=False)
        return day_of(core, now, account), window_of(core, now, egress)

    async def status(self, now: float) -> StoreStatus:
        """Every egress, account and live process in the file, read now."""
        return await anyio.to_thread.run_sync(self._status, now)

    async def aclose(self) -> None:
        """Close the file."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # -- internals ------------------------------------------------------------------------------

    async def _run(
        self,
        account: str,
        egress: str | None,
        step: Callable[[Core], T],
        write: bool = True,
        presence: tuple[float, int] | None = None,
    ) -> T:
        self.calls += 1
        # Uncontended, a transaction takes a fraction of a millisecond: it runs right here,
        # since a hop to a worker thread would cost more than the transaction. If another
        # process holds the file's lock (or this store's), it waits in a worker thread instead,
        # so that the event loop never waits on the file.
        # The first one (which opens the file, and may wait for it) always goes to the thread.
        result: T | _Busy = _BUSY
        if self._connection is not None and self._lock.acquire(blocking=False):
            try:
                result = self._transaction(account, egress, step, write, presence, wait=False)
            except _Busy:
                pass
            finally:
                self._lock.release()
        if isinstance(result, _Busy):
            waiting = functools.partial(
                self._transaction, account, egress, step, write, presence, wait=True
            )
            result = await anyio.to_thread.run_sync(self._locked, waiting)
        if write and (self.calls % 256 == 0 or time.monotonic() - self._checkpointed > 60):
            await anyio.to_thread.run_sync(self._checkpoint)
        return result

    def _locked(self, call: Callable[[], T]) -> T:
        """``call()`` under this store's lock (in a worker thread, where it may wait)."""
        with self._lock:
            return call()

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the file, off the event loop: the one step that syncs
        the disk, which no transaction does itself (``wal_autocheckpoint`` is off)."""
        self._checkpointed = time.monotonic()
        with self._lock:
            if self._connection is not None:
                with contextlib.suppress(sqlite3.Error):  # busy: the next one will do
                    self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _transaction(
        self,
        account: str,
        egress: str | None,
        step: Callable[[Core], T],
        write: bool,
        presence: tuple[float, int] | None,
        *,
        wait: bool,
    ) -> T:
        """One transaction, under this store's lock; ``wait``: for the file's lock, up to the
        busy timeout (else `_Busy` at once)."""
        try:
            db = self._connect()
            with self._patient(db) if wait else contextlib.nullcontext():
                # A writer takes the lock at once: two deciders must never read the same state.
                db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                loaded = self._load(db, account, egress)
                core = loaded.core
                result = step(core)
                if write:
                    self._save(db, loaded)
                    if presence is not None and egress is not None:
                        self._present(db, egress, *presence)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if not wait and ("locked" in str(exc) or "busy" in str(exc)):
                raise _Busy from None
            raise self._error(exc) from None
        except (sqlite3.Error, OSError) as exc:
            raise self._error(exc) from None
        # What this process saw, for window() and day().
        self._seen.egresses.update(core.egresses)
        self._seen.days.update(core.days)
        self._seen.clock = core.clock
        return result

    def _present(self, db: sqlite3.Connection, egress: str, now: float, waiting: int) -> None:
        """This process's waiting count on ``egress``, under its lease (in the transaction)."""
        lease = presence_lease(self.limits, self.horizon)
        db.execute(
            "INSERT OR REPLACE INTO presence VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.process,
                egress,
                waiting,
                now,
                now + lease,
                self.limits.per_minute,
                self.limits.window,
            ),
        )
        if self.calls % 64 == 1:  # now and then: rows of processes long gone
            db.execute("DELETE FROM presence WHERE expires_at < ?", (now - _KEPT,))

    @contextlib.contextmanager
    def _patient(self, db: sqlite3.Connection) -> Iterator[None]:
        """Wait up to the busy timeout for another process's lock (outside this, not at all:
        the event loop's transactions must not wait on the file)."""
        db.execute(f"PRAGMA busy_timeout = {round(self.busy_timeout * 1000)}")
        try:
            yield
        finally:
            db.execute("PRAGMA busy_timeout = 0")

    def _status(self, now: float) -> StoreStatus:
        with self._lock:
            try:
                db = self._connect()
                with self._patient(db):
                    db.execute("BEGIN")
                    try:
                        egresses = db.execute(
                            "SELECT name, state FROM egress ORDER BY name"
                        ).fetchall()
                        days = db.execute(
                            "SELECT account, state FROM day ORDER BY account"
                        ).fetchall()
                        clock = db.execute("SELECT low, high FROM clock WHERE id = 1").fetchone()
                        presence = db.execute(
                            "SELECT process, egress, waiting, seen_at, expires_at, per_minute, "
                            "window FROM presence ORDER BY seen_at"
                        ).fetchall()
                    finally:
                        db.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                raise self._error(exc) from None
        # Each egress is judged by the limits its processes last kept (the file holds state,
        # not limits), else by this store's.
        kept = {row[1]: (row[5], row[6]) for row in presence}
        egress_rows = []
        for name, state in egresses:
            limits = self.limits
            if name in kept:
                limits = attrs.evolve(limits, per_minute=kept[name][0], window=kept[name][1])
            core = Core(limits)
            core.egresses[name] = _egress(json.loads(state))
            if clock is not None:
                core.clock = ClockState(clock[0], clock[1])
            egress_rows.append(egress_status(core, now, name))
        core = Core(self.limits)
        if clock is not None:
            core.clock = ClockState(clock[0], clock[1])
        for account, state in days:
            core.days[account] = _day(json.loads(state))
        return StoreStatus(
            store=repr(self),
            now=now,
            egresses=tuple(egress_rows),
            accounts=tuple(account_status(core, now, account) for account, _ in days),
            processes=tuple(
                ProcessStatus(row[0], row[1], row[2], row[3], row[4])
                for row in presence
                if row[4] > now
            ),
        )

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if self.make_parents:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,  # transactions are ours: BEGIN IMMEDIATE ... COMMIT
                check_same_thread=False,  # worker threads, one at a time (the store's lock)
            )
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # a process crash loses nothing in WAL
                db.execute("PRAGMA wal_autocheckpoint=0")  # see _checkpoint
                db.executescript(_SCHEMA)
                # From now on, a transaction that may wait for the lock says so (_transaction).
                db.execute("PRAGMA busy_timeout = 0")
            except BaseException:
                db.close()
                raise
            self._connection = db
        return self._connection

    def _load(self, db: sqlite3.Connection, account: str, egress: str | None) -> _Loaded:
        core = Core(self.limits)
        loaded = _Loaded(core)
        if egress is not None:
            row = db.execute("SELECT state FROM egress WHERE name = ?", (egress,)).fetchone()
            if row is not None:
                core.egresses[egress] = _egress(json.loads(row[0]))
                loaded.rows[("egress", egress)] = row[0]
        row = db.execute("SELECT state FROM day WHERE account = ?", (account,)).fetchone()
        if row is not None:
            core.days[account] = _day(json.loads(row[0]))
            loaded.rows[("day", account)] = row[0]
        row = db.execute("SELECT low, high FROM clock WHERE id = 1").fetchone()
        if row is not None:
            core.clock = ClockState(row[0], row[1])
            loaded.clock = (row[0], row[1])
        return loaded

    def _save(self, db: sqlite3.Connection, loaded: _Loaded) -> None:
        """Write back what the step changed (a row it left as it was is not written again)."""
        core = loaded.core
        for name, state in core.egresses.items():
            text = _dump(state)
            if loaded.rows.get(("egress", name)) != text:
                db.execute(
                    "INSERT INTO egress VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = ?2",
                    (name, text),
                )
        for account, day in core.days.items():
            text = _dump(day)
            if loaded.rows.get(("day", account)) != text:
                db.execute(
                    "INSERT INTO day VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET state = ?2",
                    (account, text),
                )
        if (core.clock.low, core.clock.high) != loaded.clock:
            db.execute(
                "INSERT INTO clock VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET low = ?1, high = ?2",
                (core.clock.low, core.clock.high),
            )

    def _error(self, exc: sqlite3.Error | OSError) -> StoreError:
        text = str(exc)
        if isinstance(exc, OSError):
            why = f"its directory cannot be made ({exc.strerror or text})"
        elif "locked" in text or "busy" in text:
            why = f"it stayed locked by another process for {self.busy_timeout:g} s"
        elif "readonly" in text or "unable to open" in text:
            why = "it cannot be opened for writing (check the path and its permissions)"
        elif "not a database" in text or "malformed" in text:
            why = "it is not a SQLite database, or it is corrupt (move it away to start afresh)"
        elif "disk" in text and "full" in text:
            why = "the disk is full"
        else:
            why = text
        fix = f"; {self.hint}" if self.hint else ""
        error = StoreError(
            f"the governor's SQLite store {str(self.path)!r} failed: {why}; nothing was sent{fix}"
        )
        # On any failure the connection is started afresh on the next request.
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        return error


class _Busy(Exception):
    """The file's lock is held by another process: wait for it in a worker thread."""


_BUSY = _Busy()


class _Loaded:
    """A transaction's state, and the rows it was read from (to write back only changes)."""

    __slots__ = ("clock", "core", "rows")

    def __init__(self, core: Core) -> None:
        self.core = core
        self.rows: dict[tuple[str, str], str] = {}
        self.clock: tuple[float | None, float | None] = (None, None)


# The states by hand rather than through a converter: a decision reads and writes them twice per
# request, and a window's state is about a hundred numbers.


def _egress(data: dict[str, Any]) -> EgressState:
    frees = data["frees"]
    if isinstance(frees, str):
        frees = array.array("d", base64.b64decode(frees)).tolist()
    return EgressState(
        tokens=data["tokens"],
        refilled_at=data["refilled_at"],
        since=data.get("since"),  # files of before bursts: not yet seen a window
        leases=data["leases"],
        frees=frees,
        sends={int(m): n for m, n in data["sends"].items()},  # JSON keys are strings
        done_within={int(m): n for m, n in data["done_within"].items()},
        cooldown_until=data["cooldown_until"],
        throttled=data["throttled"],
    )


def _day(data: dict[str, Any]) -> DayState:
    return DayState(**data)


def _dump(state: EgressState | DayState) -> str:
    data = attrs.asdict(state, recurse=False)
    if isinstance(state, EgressState):
        # Up to a window's worth of times: as packed doubles, since JSON's float text costs
        # ten times as much to write and read (lists of numbers, as older files hold, are read
        # too).
        data["frees"] = base64.b64encode(array.array("d", state.frees).tobytes()).decode()
    return json.dumps(data, separators=(",", ":"))
