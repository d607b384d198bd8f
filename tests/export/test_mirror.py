"""Incremental sync: the mirror matches the API, and an unchanged account costs only the probes."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from intervals_async import IntervalsClient, InvalidParameter
from intervals_async.export import ExportError, Mirror, OutputError, ResourceSync, _mirror
from intervals_async.export._records import sqlite_row
from intervals_async.governor import RateGovernor
from intervals_async.sandbox import Sandbox

from ..conftest import Api, AutoClock, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


def _client(api: Api, app: Sandbox, clock: AutoClock) -> IntervalsClient:
    return api(app, governor=RateGovernor(clock=clock), page_size=100)


def _same(value: Any) -> Any:
    # SQLite keeps NUMERIC columns as numbers: compare them as exact decimals.
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(str(value)).normalize()
    if isinstance(value, str):
        try:
            return Decimal(value).normalize() if value.replace(".", "", 1).isdigit() else value
        except ArithmeticError:
            return value
    return value


async def _matches(client: IntervalsClient, db_path: Path, name: str) -> None:
    """The mirror's table equals what the API lists now, row for row (task notes: the API lists
    the last seven days' without ``taskid``; the mirror may hold older ones too)."""
    api_rows = {
        r.id: [_same(v) for v in sqlite_row(r)]
        async for r in getattr(client.with_options(use_cache=False), name).iterate()
    }
    db = sqlite3.connect(db_path)
    try:
        mine = {row[0]: [_same(v) for v in row] for row in db.execute(f'SELECT * FROM "{name}"')}
    finally:
        db.close()
    if name == "tasknote":
        assert mine.keys() >= api_rows.keys()
    else:
        assert mine.keys() == api_rows.keys(), name
    for ident, row in api_rows.items():
        assert mine[ident] == row, (name, ident)


async def test_a_second_sync_of_an_unchanged_account_costs_only_the_change_probes(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    first = await Mirror(client, path).sync()
    assert first.requests == auto_sandbox.quota_used()
    assert {r.mode for r in first.resources} == {"full"}
    sent = auto_sandbox.quota_used()
    parts: list[ResourceSync] = []
    second = await Mirror(client, path).sync(progress=parts.append)
    assert tuple(parts) == second.resources  # reported as each was done
    # time and task: what changed since the watermark, and a one-record count for deletions;
    # tasknote: what changed; the rest are fresh enough to skip; /me/ is not asked again.
    assert second.requests == auto_sandbox.quota_used() - sent == 5
    modes = {r.resource: (r.mode, r.requests) for r in second.resources}
    assert modes["time"] == ("changes", 2) and modes["task"] == ("changes", 2)
    assert modes["tasknote"] == ("changes", 1)
    assert all(mode == ("cached", 0) for n, mode in modes.items() if n not in _mirror.CHANGING)
    # The overlap's re-reads are not news: nothing changed, nothing is said to be upserted.
    assert all(r.upserted == 0 and r.deleted == 0 for r in second.resources)
    for name in ("time", "task", "project", "person"):
        await _matches(client, path, name)


async def test_after_edits_the_mirror_matches_the_api_exactly(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    await Mirror(client, path).sync()
    auto_clock.advance(3600)
    entries = (await client.time.list(limit=4, sortfield="id")).items
    await client.time.update(entries[0].id, time=Decimal("7.25"), description="Edited")
    await client.time.delete(entries[1].id)
    template = entries[2]
    assert template.worktypeid and template.personid and template.date
    await client.time.create(
        projectid=template.projectid,
        moduleid=template.moduleid,
        taskid=template.taskid,
        worktypeid=template.worktypeid,
        personid=template.personid,
        date=template.date,
        time=Decimal("2"),
        billable=True,
    )
    task = next(t for t in (await client.task.list(limit=20)).items if t.id != template.taskid)
    await client.task.update(task.id, title="Renamed while mirrored")
    await client.tasknote.create(taskid=task.id, note="A new note", public=True)
    auto_clock.advance(60)
    result = await Mirror(client, path).sync()
    by = {(r.resource, str(r.mode)): r for r in result.resources}
    assert by[("time", "changes")].deleted == 1
    for name in ("time", "task", "tasknote", "project"):
        await _matches(client, path, name)


async def test_slow_changing_collections_are_read_whole_once_stale(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    mirror = Mirror(client, path, resources=["project", "client"], refresh_after=3600)
    await mirror.sync()
    project = (await client.project.list(limit=1)).items[0]
    await client.project.update(project.id, name="Renamed project")
    gone = await client.client.create(
        name="Short-lived client", active=True, datecreated=date(2026, 1, 5)
    )
    auto_clock.advance(60)
    cached = await mirror.sync()
    assert cached.requests == 0 and {r.mode for r in cached.resources} == {"cached"}
    await client.client.delete(gone.id)
    auto_clock.advance(3600)
    refreshed = await mirror.sync()
    assert {r.mode for r in refreshed.resources} == {"full"}
    await _matches(client, path, "project")
    await _matches(client, path, "client")


async def test_the_watermark_comes_from_the_servers_stamps_with_an_overlap(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    await Mirror(client, path, resources=["time"], overlap=600).sync()
    db = sqlite3.connect(path)
    state = dict(db.execute("SELECT resource, state FROM _sync").fetchall())
    newest = db.execute('SELECT max(datemodified) FROM "time"').fetchone()[0]
    db.close()
    assert f'"watermark": "{newest}"' in state["time"]
    # A change the server stamped a little before the newest one seen (committed late) is
    # still caught: the next run asks from the watermark minus the overlap.
    entry = (await client.time.list(limit=1, sortfield="id")).items[0]
    record = auto_sandbox.accounts["demo"].table("time")[entry.id]
    record["description"] = "Committed late"
    record["datemodified"] = datetime.fromisoformat(newest) - timedelta(seconds=300)
    await Mirror(client, path, resources=["time"], overlap=600).sync()
    await _matches(client, path, "time")


async def test_a_sync_killed_mid_way_leaves_a_mirror_the_next_run_completes(
    api: Api,
    auto_sandbox: Sandbox,
    auto_clock: AutoClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    writes = {"n": 0}
    original = _mirror._Store.write

    def dying(self: Any, *args: Any, **kwargs: Any) -> None:
        writes["n"] += 1
        if writes["n"] == 4:  # part way through the time entries
            raise KeyboardInterrupt
        original(self, *args, **kwargs)

    monkeypatch.setattr(_mirror._Store, "write", dying)
    with pytest.raises(KeyboardInterrupt):
        await Mirror(client, path, resources=["task", "time"]).sync()
    monkeypatch.undo()
    await Mirror(client, path, resources=["task", "time"]).sync()
    await _matches(client, path, "time")
    await _matches(client, path, "task")


@pytest.mark.parametrize(
    "fault",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(28, "No space left on device"),
    ],
)
async def test_a_full_disk_mid_sync_is_typed_and_the_next_run_completes(
    api: Api,
    auto_sandbox: Sandbox,
    auto_clock: AutoClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Exception,
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    path = tmp_path / "mirror.sqlite"
    writes = {"n": 0}
    original = _mirror._Store.write

    def filling(self: Any, *args: Any, **kwargs: Any) -> None:
        writes["n"] += 1
        if writes["n"] == 3:
            raise fault
        original(self, *args, **kwargs)

    monkeypatch.setattr(_mirror._Store, "write", filling)
    with pytest.raises(OutputError) as raised:
        await Mirror(client, path, resources=["task", "time"]).sync()
    assert raised.value.path == path and "run it again to resume" in str(raised.value)
    monkeypatch.undo()
    await Mirror(client, path, resources=["task", "time"]).sync()
    await _matches(client, path, "time")
    await _matches(client, path, "task")


async def test_bad_input_is_refused_before_any_request(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    with pytest.raises(InvalidParameter, match="'tasks' is not a collection"):
        Mirror(client, tmp_path / "m.sqlite", resources=["tasks"])
    with pytest.raises(ValueError, match="negative"):
        Mirror(client, tmp_path / "m.sqlite", overlap=-1)
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("these are not the rows you are looking for\n" * 100)
    with pytest.raises(ExportError, match="not a usable SQLite mirror"):
        await Mirror(client, not_sqlite).sync()
    assert auto_sandbox.audit.entries == []


async def test_every_statement_of_a_job_runs_on_its_one_thread(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path, monkeypatch: Any
) -> None:
    # Each connection tells which thread ran each of its statements (SQLite's trace callback):
    # a sync, then an export to SQLite, each on one thread of its own, never the event loop's.
    import threading

    from intervals_async.export import Export, _db

    seen: list[tuple[str, int]] = []
    opened = _db.connect

    def traced(path: Path) -> sqlite3.Connection:
        db = opened(path)
        db.set_trace_callback(lambda _: seen.append((str(path), threading.get_ident())))
        return db

    monkeypatch.setattr(_db, "connect", traced)
    for module in ("_mirror", "_sinks"):
        monkeypatch.setattr(f"intervals_async.export.{module}.connect", traced)
    client = _client(api, auto_sandbox, auto_clock)
    await Mirror(client, tmp_path / "mirror.sqlite", resources=["project", "time"]).sync()
    await Export(client, tmp_path / "out", resources=["time"], format="sqlite").run()
    threads = {where: {t for w, t in seen if w == where} for where, _ in seen}
    assert len(threads) == 2 and all(len(t) == 1 for t in threads.values()), threads
    assert threading.get_ident() not in {t for (t,) in threads.values()}
