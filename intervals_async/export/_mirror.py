"""Incremental sync: a local SQLite mirror of an account, kept up to date with few requests.

Per collection, each run does the cheapest thing that keeps the mirror exact:

- ``time``, ``task`` and ``tasknote`` change often and can be asked what changed: the run reads
  the records modified since the watermark (``datemodifiedbegin``) minus a safety overlap and
  upserts them. The watermark is the newest ``datemodified`` the server itself sent, so the clocks
  of this host and the server never need to agree; the overlap covers changes committed just
  behind the newest one.
- Deletions in ``time`` and ``task``: a probe of one record tells the collection's ``listcount``;
  when the mirror holds more rows than that (after the upserts), every id is read again and the
  rows the API no longer has are deleted. A deletion balanced by a creation between two runs
  leaves the count equal and is found only by a full run (``full=True``).
- ``tasknote`` deletions are not detected: without ``taskid`` the API lists only the last seven
  days of notes, so a full id list would cost a request per batch of tasks each run. The first
  run mirrors the notes of the last seven days; later runs catch every change after that.
- Task hours (``actual``, ``billable``, ``unbillable``) are sums of time entries that do not move
  the task's ``datemodified``: tasks whose entries changed are read again. Entries of a task whose
  title or project changed are read again too, and so are their notes, for the title they show.
- Every other collection changes rarely and cannot be asked what changed: it is read whole when
  its copy is older than ``refresh_after`` (a day by default), which also catches its deletions,
  and costs nothing in between. Names they lend to other records (a renamed project in its time
  entries) reach those records at their next change or full run.
"""

from __future__ import annotations

import contextlib
import enum
import json
import sqlite3
from collections.abc import AsyncGenerator, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from ..governor import Priority
from ..models import Model, Task, Time
from ..resources import Group
from ._db import Tables, connect, quoted, transaction
from ._export import ExportError, collection, readable_resources, walk_filters, writing
from ._records import ident
from ._thread import JobThread

if TYPE_CHECKING:
    from .._client import IntervalsClient

__all__ = ["CHANGING", "Mirror", "ResourceSync", "SyncMode", "SyncResult"]

CHANGING = ("task", "time", "tasknote")  # in this order: task titles feed time, time feeds tasks
_NOTE_WINDOW = timedelta(days=7)  # tasknote ranges without taskid may span at most 7 days
_BATCH = 100  # ids per request when reading records again by id


class SyncMode(enum.StrEnum):
    """How a sync run brought one collection up to date (each equal to its string)."""

    FULL = "full"  # read whole
    CHANGES = "changes"  # what changed since the watermark
    FOLLOW_UP = "follow-up"  # read again for another collection's sake
    CACHED = "cached"  # fresh enough: nothing asked


@attrs.frozen
class ResourceSync:
    """What one run did to one collection of the mirror.

    Args:
        resource: the collection.
        mode: how (see `SyncMode`; a follow-up reads records again because another
            collection's changes made them stale: a task's hours, the task title its entries
            show).
        upserted: rows written that were new or changed (the records a ``changes`` run reads
            again for its overlap, unchanged, are not counted).
        deleted: rows removed because the API no longer has them.
        requests: requests sent for it.
    """

    resource: str
    mode: SyncMode
    upserted: int
    deleted: int
    requests: int


@attrs.frozen
class SyncResult:
    """What a sync run did.

    Args:
        resources: each collection's part.
        requests: every request the run sent.
    """

    resources: tuple[ResourceSync, ...]
    requests: int


class _Store:
    """The mirror file: one table per collection and ``_sync``, the state of each."""

    def __init__(self, path: Path) -> None:
        try:
            self.db = connect(path)
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS _sync (resource TEXT PRIMARY KEY, state TEXT NOT NULL)"
            )
        except sqlite3.OperationalError:
            raise  # the disk (full, unreadable, gone): an OutputError, see writing()
        except sqlite3.DatabaseError as exc:
            raise ExportError(f"{path} is not a usable SQLite mirror: {exc}") from None
        except ValueError as exc:  # a newer version's file
            raise ExportError(str(exc)) from None
        self._tables = Tables(self.db)

    def state(self, name: str) -> dict[str, Any]:
        row = self.db.execute("SELECT state FROM _sync WHERE resource = ?", (name,)).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def write(
        self,
        name: str,
        model: type[Model],
        records: Sequence[Model],
        state: Mapping[str, Any],
        *,
        delete: Sequence[int] = (),
    ) -> None:
        """Upsert ``records``, delete the rows ``delete`` and save ``state``, in one transaction."""
        with transaction(self.db):
            self._tables.upsert(name, model, records)
            self.db.executemany(f"DELETE FROM {quoted(name)} WHERE id = ?", ((i,) for i in delete))
            self.db.execute(
                "INSERT OR REPLACE INTO _sync VALUES (?, ?)", (name, json.dumps(dict(state)))
            )

    def remember(self, names: Sequence[str]) -> None:
        """Keep the list of mirrored collections (the rows of ``_sync`` are per collection)."""
        with transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO _sync VALUES ('_resources', ?)",
                (json.dumps({"names": list(names)}),),
            )

    def absent(self, name: str, keep: set[int]) -> list[int]:
        """The ids of the rows of ``name`` not in ``keep``."""
        if not self._tables.exists(name):
            return []
        return [i for (i,) in self.db.execute(f"SELECT id FROM {quoted(name)}") if i not in keep]

    def count(self, name: str) -> int:
        """The rows of ``name``."""
        if not self._tables.exists(name):
            return 0
        return int(self.db.execute(f"SELECT count(*) FROM {quoted(name)}").fetchone()[0])

    def column(self, name: str, column: str, ids: Sequence[int]) -> dict[int, Any]:
        """``column`` of the rows ``ids`` of ``name``, by id."""
        if not ids or not self._tables.exists(name):
            return {}
        found: dict[int, Any] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" for _ in chunk)
            found.update(
                self.db.execute(
                    f"SELECT id, {quoted(column)} FROM {quoted(name)} WHERE id IN ({marks})", chunk
                ).fetchall()
            )
        return found


class Mirror:
    """A local SQLite mirror of an account, brought up to date by `sync()`.

        mirror = Mirror(client, "intervals.sqlite")
        result = await mirror.sync()       # the first run reads everything
        result = await mirror.sync()       # later runs: the changes, for a few requests

    The tables are those of a SQLite export (one per collection, typed columns); the state of
    each collection (watermark, last full read) is in the table ``_sync`` of the same file, and
    every page is written in one transaction with it, so a run stopped at any point loses nothing
    and the next one carries on.

    Args:
        client: the client to read with (``BULK`` priority, past the response cache).
        path: the mirror's SQLite file (created if missing).
        resources: the collections to mirror (default: every one the user may read whole).
        overlap: seconds before the watermark that each run reads again (default 600).
        refresh_after: seconds after which a slow-changing collection is read whole again
            (default a day).
    """

    def __init__(
        self,
        client: IntervalsClient,
        path: Path | str,
        *,
        resources: Sequence[str] | None = None,
        overlap: float = 600.0,
        refresh_after: float = 86_400.0,
    ) -> None:
        if overlap < 0 or refresh_after < 0:
            raise ValueError("overlap and refresh_after must not be negative")
        self._client = client.with_options(priority=Priority.BULK, use_cache=False)
        self._path = Path(path)
        self._resources = list(resources) if resources is not None else None
        for name in self._resources or []:
            collection(name)  # bad input is refused before any request
        self._overlap = timedelta(seconds=overlap)
        self._refresh_after = refresh_after

    def _sent(self) -> int:
        return self._client.statistics().requests_sent

    async def sync(
        self, *, full: bool = False, progress: Callable[[ResourceSync], None] | None = None
    ) -> SyncResult:
        """Bring the mirror up to date.

        Args:
            full: read every collection whole (finds every deletion).
            progress: called with each collection's part as soon as it is done.
        """
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"cannot create the mirror {self._path}: {exc}") from None
        with writing(self._path):
            return await self._sync(full, progress)

    async def _sync(
        self, full: bool, progress: Callable[[ResourceSync], None] | None
    ) -> SyncResult:
        thread, store = await JobThread.opening(_Store, self._path)
        started = self._sent()
        try:
            names = self._resources or (await thread.run(store.state, "_resources")).get("names")
            if names is None:
                # Asked once; later runs mirror the same collections without asking /me/.
                me = await self._client.me.get()
                names = readable_resources(Group(me.group or "Resource"))
                await thread.run(store.remember, names)
            ordered = [n for n in CHANGING if n in names] + [n for n in names if n not in CHANGING]
            run = _Run(
                client=self._client,
                store=store,
                thread=thread,
                sent=self._sent,
                refresh_after=self._refresh_after,
                overlap=self._overlap,
            )
            done = []
            for name in ordered:
                done.append(await run.collection(name, full))
                if progress is not None:
                    progress(done[-1])
            for part in await run.follow_ups(names):
                done.append(part)
                if progress is not None:
                    progress(part)
        finally:
            await thread.run(store.db.close)
            thread.close()
        return SyncResult(resources=tuple(done), requests=self._sent() - started)


class _Run:
    """One sync run: the collections in turn, then the records read again for another's sake."""

    def __init__(
        self,
        *,
        client: IntervalsClient,
        store: _Store,
        thread: JobThread,
        sent: Callable[[], int],
        refresh_after: float,
        overlap: timedelta,
    ) -> None:
        self._client = client
        self._store = store
        self._sql = thread.run  # every statement on the job's one thread
        self._sent = sent  # requests the mirror has sent so far
        self._refresh_after = refresh_after
        self._overlap = overlap
        self._renamed_tasks: set[int] = set()  # tasks whose title or project changed
        self._timed_tasks: set[int] = set()  # tasks whose time entries changed
        self._read_tasks: set[int] = set()  # tasks read by this run already

    async def _write(
        self,
        name: str,
        records: Sequence[Model],
        state: Mapping[str, Any],
        keep: set[int] | None = None,
        changed: Sequence[Model] | None = None,
    ) -> int:
        """Write ``records`` (``changed``: those of them new or modified, where known) with
        ``state``; delete the rows not in ``keep``; the number deleted."""
        gone = [] if keep is None else await self._sql(self._store.absent, name, keep)
        await self._notice(name, records, gone, changed)
        model = getattr(self._client, name).model
        await self._sql(lambda: self._store.write(name, model, records, state, delete=gone))
        return len(gone)

    async def _changed(self, name: str, records: Sequence[Model]) -> list[Model]:
        """Those of ``records`` new to the mirror or modified since it stored them (the rest
        are read again by an overlap)."""
        stamps = await self._sql(
            self._store.column, name, "datemodified", [ident(r) for r in records]
        )
        return [
            r
            for r in records
            if (stamp := getattr(r, "datemodified", None)) is None
            or stamps.get(ident(r)) != stamp.isoformat()
        ]

    async def _notice(
        self,
        name: str,
        records: Sequence[Model],
        gone: Sequence[int],
        changed: Sequence[Model] | None,
    ) -> None:
        """Remember what other collections must read again because of these records (written
        or, for ``gone``, deleted)."""
        ids = [ident(r) for r in records]
        if name == "task":
            tasks = cast("Sequence[Task]", records)
            self._read_tasks.update(ids)
            titles = await self._sql(self._store.column, "task", "title", ids)
            projects = await self._sql(self._store.column, "task", "projectid", ids)
            self._renamed_tasks.update(
                t.id
                for t in tasks
                if t.id in titles and (titles[t.id] != t.title or projects[t.id] != t.projectid)
            )
        if name == "time":
            # Only entries that really changed (read again by the overlap, most did not).
            entries = cast(
                "Sequence[Time]",
                await self._changed(name, records) if changed is None else changed,
            )
            before = await self._sql(
                self._store.column, "time", "taskid", [*(e.id for e in entries), *gone]
            )
            self._timed_tasks.update(t for t in before.values() if t is not None)
            self._timed_tasks.update(e.taskid for e in entries if e.taskid is not None)

    async def _pages(self, name: str, **filters: Any) -> AsyncGenerator[Sequence[Model], None]:
        """Every matching record, a page at a time, in id order where the API sorts by id."""
        walk = getattr(self._client, name).pages(**walk_filters(name, filters))
        async with contextlib.aclosing(walk) as pages:
            async for page in pages:
                yield page

    async def collection(self, name: str, full: bool) -> ResourceSync:
        """Bring one collection up to date."""
        sent = self._sent()
        state = await self._sql(self._store.state, name)
        now = self._client.clock.time()
        if full or not state:
            mode, upserted, deleted = SyncMode.FULL, *await self._full(name, state, now)
        elif name in CHANGING:
            mode, upserted, deleted = SyncMode.CHANGES, *await self._changes(name, state)
        elif now - state.get("refreshed", 0.0) >= self._refresh_after:
            mode, upserted, deleted = SyncMode.FULL, *await self._full(name, state, now)
        else:
            mode, upserted, deleted = SyncMode.CACHED, 0, 0
        return ResourceSync(name, mode, upserted, deleted, self._sent() - sent)

    async def _full(self, name: str, state: dict[str, Any], now: float) -> tuple[int, int]:
        """Read the whole collection; delete the rows it no longer has."""
        seen: set[int] = set()
        upserted = 0
        watermark = state.get("watermark")
        async with contextlib.aclosing(self._pages(name)) as pages:
            async for records in pages:
                seen.update(ident(r) for r in records)
                upserted += len(records)
                watermark = _newest(records, watermark)
                # Pages are upserted as they come; the rows not seen are deleted with the last one.
                await self._write(name, records, state)
        state = {**state, "watermark": watermark, "refreshed": now}
        deleted = await self._write(name, [], state, keep=seen)
        return upserted, deleted

    async def _changes(self, name: str, state: dict[str, Any]) -> tuple[int, int]:
        """Read what changed since the watermark; check the count for deletions."""
        watermark = state.get("watermark")
        upserted = 0
        for filters in self._change_windows(name, watermark):
            async with contextlib.aclosing(self._pages(name, **filters)) as pages:
                async for records in pages:
                    changed = await self._changed(name, records)  # re-reads of the overlap: no news
                    upserted += len(changed)
                    watermark = _newest(records, watermark)
                    # The old watermark until every change is in: pages come in id order, not in
                    # order of change, so a newer stamp seen early says nothing of later pages.
                    await self._write(name, records, state, changed=changed)
        state = {**state, "watermark": watermark}
        await self._write(name, [], state)
        if name == "tasknote":
            return upserted, 0
        probe = await getattr(self._client, name).list(limit=1)
        if await self._sql(self._store.count, name) == probe.listcount:
            return upserted, 0
        # The counts differ: something was deleted (or missed). Read every id again.
        more, deleted = await self._full(name, state, state.get("refreshed", 0.0))
        return upserted + more, deleted

    def _change_windows(self, name: str, watermark: str | None) -> list[dict[str, Any]]:
        if watermark is None:
            return [{}]
        begin = datetime.fromisoformat(watermark) - self._overlap
        if name != "tasknote":
            return [{"datemodifiedbegin": begin}]
        # Task notes without taskid: ranges of at most seven days, up to now.
        now = datetime.fromtimestamp(self._client.clock.time(), UTC).replace(tzinfo=None)
        windows = []
        while begin + _NOTE_WINDOW < now:
            end = begin + _NOTE_WINDOW
            windows.append({"datemodifiedbegin": begin, "datemodifiedend": end})
            begin = end
        windows.append({"datemodifiedbegin": begin})
        return windows

    async def follow_ups(self, names: Sequence[str]) -> list[ResourceSync]:
        """Read again the records another collection's changes made stale: the time entries
        and notes of renamed tasks (they show the title), the tasks whose entries changed (their
        hours)."""
        done = []
        renamed = sorted(self._renamed_tasks)
        for name in ("time", "tasknote"):
            if name in names and renamed:
                done.append(await self._reread(name, "taskid", renamed))
        stale = sorted(self._timed_tasks - self._read_tasks)
        if "task" in names and stale:
            # Tasks have no id filter: their localids are in the mirror.
            found = await self._sql(self._store.column, "task", "localid", stale)
            localids = [v for v in found.values() if v]
            done.append(await self._reread("task", "localid", localids))
        return done

    async def _reread(self, name: str, by: str, values: Sequence[int]) -> ResourceSync:
        sent = self._sent()
        state = await self._sql(self._store.state, name)
        upserted = 0
        for start in range(0, len(values), _BATCH):
            async with contextlib.aclosing(
                self._pages(name, **{by: list(values[start : start + _BATCH])})
            ) as pages:
                async for records in pages:
                    upserted += len(records)
                    await self._write(name, records, state)
        return ResourceSync(name, SyncMode.FOLLOW_UP, upserted, 0, self._sent() - sent)


def _newest(records: Sequence[Model], watermark: str | None) -> str | None:
    stamps: list[datetime] = [
        stamp for r in records if (stamp := getattr(r, "datemodified", None)) is not None
    ]
    if not stamps:
        return watermark
    newest = max(stamps).isoformat()
    return newest if watermark is None or newest > watermark else watermark
