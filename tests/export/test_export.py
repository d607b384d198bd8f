"""Bulk export: every record exactly once, at the announced cost, resumable after any stop."""

from __future__ import annotations

import csv
import errno
import io
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from intervals_async import IntervalsClient, InvalidParameter
from intervals_async.cli._progress import ProgressDisplay
from intervals_async.export import (
    Export,
    ExportError,
    ExportProgress,
    Format,
    OutputError,
    _sinks,
    readable_resources,
)
from intervals_async.export._records import columns, plain
from intervals_async.governor import RateGovernor
from intervals_async.resources import Group, resource
from intervals_async.sandbox import AccountSpec, DataSize, Sandbox, SandboxConfig

from ..conftest import Api, AutoClock

pytestmark = pytest.mark.anyio


def _client(api: Api, app: Sandbox, clock: AutoClock, **options: Any) -> IntervalsClient:
    # The real governor on the self-advancing clock: pacing costs no real time.
    return api(app, governor=RateGovernor(clock=clock), **options)


async def _listcounts(client: IntervalsClient, names: list[str]) -> dict[str, int]:
    counts = {}
    for name in names:
        spec = resource(name)
        assert spec is not None
        namespace = getattr(client, name)
        # every timer: the list holds task timers only unless asked for both kinds
        every = {"gettimerinfo": True} if name == "timer" else {}
        if spec.filter("limit") is None:
            counts[name] = len((await namespace.list()).items)
        else:
            counts[name] = (await namespace.list(limit=1, **every)).listcount
    return counts


def _read(out: Path, name: str, format: Format) -> list[Any]:
    """The records of one collection as written, in file order."""
    if format is Format.JSONL:
        return [
            json.loads(line) for line in (out / f"{name}.jsonl").read_text("utf-8").splitlines()
        ]
    if format is Format.CSV:
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    db = sqlite3.connect(out / "intervals.sqlite")
    try:
        return db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
    finally:
        db.close()


@pytest.mark.parametrize("format", list(Format))
async def test_export_writes_every_record_once_at_the_announced_cost(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path, format: Format
) -> None:
    client = _client(api, auto_sandbox, auto_clock, page_size=50)
    job = Export(client, tmp_path, format=format)
    plan = await job.plan()
    result = await job.run()
    assert result.complete and result.stopped is None
    names = [p.resource for p in plan.resources]
    assert "time" in names and "me" not in names and "projectteam" not in names  # needs projectid
    # What the API would answer now, asked past the export (this costs requests, counted after).
    sent = auto_sandbox.quota_used()
    assert result.requests == plan.requests == sent  # the announced cost, exactly
    counts = await _listcounts(client, names)
    assert dict(result.records) == counts
    for name in names:
        rows = _read(tmp_path, name, format)
        assert len(rows) == counts[name], name
    time_ids = [
        int(r["id"] if format is not Format.SQLITE else r[0])
        for r in _read(tmp_path, "time", format)
    ]
    assert time_ids == sorted(set(time_ids))  # id order, none twice
    assert counts["timer"] == len(auto_sandbox.accounts["demo"].table("timer"))  # both kinds
    # One probe per paged collection, then max(1, ceil(N / page)) pages each.
    pages = sum(
        max(1, -(-(p.listcount or 0) // 50)) if p.listcount is not None else 1
        for p in plan.resources
    )
    probes = sum(1 for p in plan.resources if p.listcount is not None)
    assert plan.requests == 1 + probes + pages  # 1: /me/, to learn which collections to read


async def test_jsonl_holds_the_models_values_and_sqlite_types_its_columns(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    await Export(client, tmp_path / "j", resources=["time"]).run()
    await Export(client, tmp_path / "s", resources=["time"], format="sqlite").run()
    entries = [e async for e in client.time.iterate(sortfield="id")]
    lines = _read(tmp_path / "j", "time", Format.JSONL)
    assert lines == [plain(e) for e in entries]
    first = lines[0]
    assert isinstance(first["id"], int) and isinstance(first["billable"], bool)
    assert isinstance(first["time"], str)  # a Decimal, exactly
    db = sqlite3.connect(tmp_path / "s" / "intervals.sqlite")
    declared = {row[1]: row[2] for row in db.execute('PRAGMA table_info("time")')}
    assert declared["id"] == "INTEGER" and declared["date"] == "DATE"
    assert declared["time"] == "NUMERIC" and declared["billable"] == "BOOLEAN"
    assert list(declared) == [c.name for c in columns(type(entries[0]))]
    total = db.execute('SELECT sum("time"), typeof("time") FROM "time"').fetchone()
    assert total[0] == pytest.approx(float(sum(e.time or 0 for e in entries)))
    db.close()


class Crash(Exception):
    """Stands for the process dying."""


@pytest.mark.parametrize("format", list(Format))
@pytest.mark.parametrize("crash_at", [1, 2, 5, 9])
async def test_a_crash_between_a_page_and_its_checkpoint_loses_and_doubles_nothing(
    api: Api,
    auto_sandbox: Sandbox,
    auto_clock: AutoClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format: Format,
    crash_at: int,
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    names = ["time", "task", "project"]
    await Export(client, tmp_path / "whole", resources=names, format=format, page_size=40).run()

    # Die after the crash_at-th page is written but before its checkpoint is (the worst moment).
    calls = {"n": 0}
    original_save = _sinks._FileSink._save
    original_transaction = _sinks._SQLiteSink._transaction

    def dying_save(self: Any) -> None:
        calls["n"] += 1
        if calls["n"] == crash_at + 1:  # the first save is the fresh job's
            raise Crash
        original_save(self)

    def dying_transaction(self: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == crash_at + 1:
            raise Crash
        return original_transaction(self)

    monkeypatch.setattr(_sinks._FileSink, "_save", dying_save)
    monkeypatch.setattr(_sinks._SQLiteSink, "_transaction", dying_transaction)
    out = tmp_path / "resumed"
    with pytest.raises(Crash):
        await Export(client, out, resources=names, format=format, page_size=40).run()
    monkeypatch.undo()
    result = await Export(client, out, resources=names, format=format, page_size=40).run()
    assert result.complete
    for name in names:
        assert _read(out, name, format) == _read(tmp_path / "whole", name, format), name


# What a disk does when it fills, loses a permission or loses the directory, as each format sees
# it: the files' writes raise OSError, SQLite's raise its own error.
_DISK_FAULTS: dict[str, Callable[[Path], Exception]] = {
    "full": lambda path: OSError(errno.ENOSPC, "No space left on device", str(path)),
    "permission": lambda path: PermissionError(errno.EACCES, "Permission denied", str(path)),
    "gone": lambda path: FileNotFoundError(errno.ENOENT, "No such file or directory", str(path)),
    "sqlite full": lambda path: sqlite3.OperationalError("database or disk is full"),
}


@pytest.mark.parametrize("format", list(Format))
@pytest.mark.parametrize("fault", list(_DISK_FAULTS))
async def test_a_disk_fault_mid_export_is_typed_and_the_same_export_resumes(
    api: Api,
    auto_sandbox: Sandbox,
    auto_clock: AutoClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format: Format,
    fault: str,
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    names = ["time", "task"]
    await Export(client, tmp_path / "whole", resources=names, format=format, page_size=50).run()
    out = tmp_path / "faulty"
    sink = _sinks._SQLiteSink if format is Format.SQLITE else _sinks._FileSink
    original = sink.append
    calls = {"n": 0}

    def failing(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 4:
            raise _DISK_FAULTS[fault](out / f"{name}.{format.value}")
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(sink, "append", failing)
    with pytest.raises(OutputError) as raised:
        await Export(client, out, resources=names, format=format, page_size=50).run()
    error = raised.value
    assert isinstance(error, ExportError) and str(out) in str(error.path)
    assert str(error.path) in str(error) and "run it again to resume" in str(error)
    monkeypatch.undo()  # the space is freed, the permission given back
    result = await Export(client, out, resources=names, format=format, page_size=50).run()
    assert result.complete
    for name in names:
        assert _read(out, name, format) == _read(tmp_path / "whole", name, format), name


async def test_max_requests_stops_cleanly_and_the_next_run_finishes(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    await Export(client, tmp_path / "whole", resources=["time"], page_size=50).run()
    before = auto_sandbox.quota_used()
    first = await Export(client, tmp_path / "out", resources=["time"], page_size=50).run(
        max_requests=5
    )
    assert not first.complete and first.stopped == "budget"
    assert first.requests == auto_sandbox.quota_used() - before == 5
    assert first.records["time"] == 5 * 50  # five pages: the first is the probe
    job = Export(client, tmp_path / "out", resources=["time"], page_size=50)
    plan = await job.plan()
    assert plan.resources[0].written == 250 and plan.resources[0].requests == 7  # 350 left
    second = await job.run()
    assert second.complete and second.requests == plan.requests == 1 + 7  # the plan's probe
    assert _read(tmp_path / "out", "time", Format.JSONL) == _read(
        tmp_path / "whole", "time", Format.JSONL
    )


async def test_the_reserve_leaves_todays_quota_for_others(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    app = Sandbox(
        SandboxConfig(seed=3, accounts=[AccountSpec("small", daily_limit=30)]), clock=auto_clock
    )
    client = _client(api, app, auto_clock)
    job = Export(client, tmp_path, resources=["time"], page_size=20)
    plan = await job.plan()
    assert plan.quota_left == 30 - 1 and not plan.fits  # 600 entries need 30 pages
    result = await job.run(reserve=10)
    assert result.stopped == "budget"
    assert app.quota_used() == 20  # 30 - the reserve of 10
    assert (await client.quota()).used == 20


async def test_a_spent_day_stops_the_export_and_the_next_gmt_day_finishes_it(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    app = Sandbox(
        SandboxConfig(seed=3, accounts=[AccountSpec("small", daily_limit=12)]), clock=auto_clock
    )
    client = _client(api, app, auto_clock)
    await_whole = Export(client, tmp_path / "whole", resources=["time"], page_size=100)
    first = await await_whole.run()  # 7 requests: fits in the day
    assert first.complete
    progress: list[ExportProgress] = []
    stopped = await Export(client, tmp_path / "out", resources=["time"], page_size=100).run(
        progress=progress.append
    )
    assert stopped.stopped == "daily quota" and not stopped.complete
    assert stopped.resets_at is not None and stopped.resets_at.hour == 0
    # The pages read before the day closed are written; the last request of the day is the
    # governor's BULK reserve (5% of 12, rounded down to 1), kept for interactive calls.
    # (The first moment is the run's start, before its first page.)
    assert [p.records for p in progress] == [0, 100, 200, 300, 400, 500]
    assert progress[-1].quota_left == 1
    auto_clock.set(stopped.resets_at + timedelta(seconds=1))
    finished = await Export(client, tmp_path / "out", resources=["time"], page_size=100).run()
    assert finished.complete
    assert _read(tmp_path / "out", "time", Format.JSONL) == _read(
        tmp_path / "whole", "time", Format.JSONL
    )


async def test_records_deleted_while_paused_shift_nothing_out_of_the_export(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    first = await Export(client, tmp_path, resources=["time"], page_size=50).run(max_requests=4)
    assert first.records["time"] == 200
    written = [r["id"] for r in _read(tmp_path, "time", Format.JSONL)]
    for ident in written[:30]:  # thirty records before the checkpoint go
        await client.time.delete(ident)
    model = await client.time.get(written[40])
    assert model.worktypeid is not None and model.personid is not None
    created = await client.time.create(
        projectid=model.projectid,
        moduleid=model.moduleid,
        worktypeid=model.worktypeid,
        personid=model.personid,
        date=datetime(2026, 1, 5, tzinfo=UTC).date(),
        time="1.5",
        billable=False,
    )
    result = await Export(client, tmp_path, resources=["time"], page_size=50).run()
    assert result.complete
    ids = [r["id"] for r in _read(tmp_path, "time", Format.JSONL)]
    now = [e.id async for e in client.time.iterate(sortfield="id")]
    assert len(ids) == len(set(ids))  # none twice
    assert set(now) <= set(ids) and created.id in ids  # none missing
    assert set(ids) - set(now) == set(written[:30])  # only what was deleted after it was written


async def test_bad_input_is_refused_before_any_request(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    with pytest.raises(InvalidParameter, match="'tme' is not a collection"):
        Export(client, tmp_path, resources=["tme"])
    with pytest.raises(InvalidParameter, match="datebegin"):
        Export(client, tmp_path, resources=["time"], filters={"time": {"datebegin": "yesterday"}})
    with pytest.raises(InvalidParameter, match="me"):
        Export(client, tmp_path, resources=["me"])
    with pytest.raises(InvalidParameter, match="does not read time"):
        Export(client, tmp_path, resources=["task"], filters={"time": {"billable": True}})
    with pytest.raises(InvalidParameter, match="pages time itself: leave out limit, offset"):
        Export(client, tmp_path, resources=["time"], filters={"time": {"limit": 5, "offset": 9}})
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    with pytest.raises(ExportError, match="cannot write the export"):
        await Export(client, blocked / "out", resources=["time"]).plan()
    assert auto_sandbox.audit.entries == []
    await Export(client, tmp_path / "a", resources=["time"], page_size=500).run()
    sent = len(auto_sandbox.audit.entries)
    with pytest.raises(ExportError, match="another export"):
        await Export(client, tmp_path / "a", resources=["task"]).plan()
    assert len(auto_sandbox.audit.entries) == sent
    restarted = await Export(client, tmp_path / "a", resources=["task"], restart=True).run()
    assert restarted.complete and not (tmp_path / "a" / "time.jsonl").exists()


async def test_one_export_object_runs_again_from_its_checkpoint(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    job = Export(client, tmp_path, resources=["time"], page_size=100)
    first = await job.run(max_requests=3)
    assert first.records == {"time": 300}
    second = await job.run()
    assert second.complete and second.records == {"time": 600}
    ids = [r["id"] for r in _read(tmp_path, "time", Format.JSONL)]
    assert len(ids) == len(set(ids)) == 600


async def test_a_finished_export_costs_nothing_when_run_again(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    await Export(client, tmp_path, resources=["time", "task"]).run()
    sent = auto_sandbox.quota_used()
    again = await Export(client, tmp_path, resources=["time", "task"]).run()
    assert again.complete and again.requests == 0 and auto_sandbox.quota_used() == sent
    assert again.records == {"time": 600, "task": 150}


async def test_a_server_cap_on_page_size_still_exports_everything(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    app = Sandbox(
        SandboxConfig(seed=2, max_limit=70, size=DataSize(time_entries=333)), clock=auto_clock
    )
    client = _client(api, app, auto_clock)
    result = await Export(client, tmp_path, resources=["time"], page_size=100, concurrency=3).run()
    ids = [r["id"] for r in _read(tmp_path, "time", Format.JSONL)]
    assert result.records["time"] == 333 and len(set(ids)) == 333


async def test_a_big_export_costs_the_minimum(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    # 12,000 entries in pages of 1,000: 12 requests, the first page being the probe (its
    # memory and speed are benchmarks/bench_export.py's to measure).
    app = Sandbox(
        SandboxConfig(
            seed=1,
            accounts=[AccountSpec("big", daily_limit=12_000)],
            size=DataSize(clients=2, people=4, projects=3, tasks=20, time_entries=12_000),
        ),
        clock=auto_clock,
    )
    client = _client(api, app, auto_clock)
    result = await Export(
        client, tmp_path, resources=["time"], page_size=1000, format="sqlite"
    ).run()
    assert result.complete and result.records == {"time": 12_000}
    audited = [e for e in app.audit.entries if not e.path.startswith("/quota")]
    assert result.requests == len(audited) == 12
    assert len({row[0] for row in _read(tmp_path, "time", Format.SQLITE)}) == 12_000


def test_the_progress_bar_shows_records_requests_and_quota() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=True) as display:
        display(ExportProgress("time", 250, 600, 400, 946, 12, None, 5960))
    shown = stream.getvalue()
    assert "time" in shown and "400/946 records, 5960 left today" in shown
    lines = io.StringIO()
    plain = ProgressDisplay(lines, live=False)
    plain(ExportProgress("time", 250, 600, 400, 946, 12, 100, 5960, 8, counted=False))
    plain(ExportProgress("time", 300, 600, 450, 946, 13, 100, 5959, 7))  # within 5 s: no line
    plain(ExportProgress("time", 600, 600, 750, 946, 14, 100, 5958, 6))  # its last page: said
    assert lines.getvalue() == (
        "export: time 250/600, all 400/946+ records, 12 requests of 100, 5960 left today\n"
        "export: time 600/600, all 750/946 records, 14 requests of 100, 5958 left today\n"
    )


def test_the_live_bar_times_what_is_left_by_the_requests() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=True) as display:
        display(ExportProgress("time", 250, 600, 400, 946, 12, None, 5960, requests_left=8))
        task = display._bar.tasks[0]
        assert (task.completed, task.total) == (12, 20)


def _spent(app: Sandbox) -> int:
    """Requests the sandbox's audit log saw that count against the day (``/quota/`` is free)."""
    return sum(1 for e in app.audit.entries if e.path != "/quota/")


async def test_the_embedded_sandbox_export_costs_me_and_a_request_per_page(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    """What ``export --sandbox`` reads, counted on the server's side: ``/me/`` and
    ``max(1, ceil(n / 500))`` pages per collection, the first page of each its probe."""
    app = Sandbox(SandboxConfig(seed=0), clock=auto_clock)
    client = _client(api, app, auto_clock, page_size=500)
    result = await Export(client, tmp_path).run()
    assert result.complete
    pages = sum(max(1, -(-n // 500)) for n in result.records.values())
    assert _spent(app) == result.requests == 1 + pages == 28
    again = await Export(client, tmp_path).run()
    assert again.complete and again.requests == 0 and _spent(app) == 28  # /me/ remembered


async def test_every_budget_from_1_to_30_is_kept_and_repeated_runs_finish(
    api: Api, auto_clock: AutoClock, tmp_path: Path
) -> None:
    app = Sandbox(SandboxConfig(seed=0), clock=auto_clock)
    client = _client(api, app, auto_clock, page_size=500)
    await Export(client, tmp_path / "whole").run()
    whole = {p.name: p.read_bytes() for p in (tmp_path / "whole").glob("*.jsonl")}
    for budget in range(1, 31):
        out = tmp_path / f"k{budget}"
        for run in range(60):
            before = _spent(app)
            result = await Export(client, out).run(max_requests=budget)
            assert _spent(app) - before == result.requests <= budget, (budget, run)
            assert result.complete or result.requests >= 1, "a run that made no progress"
            if result.complete:
                break
        else:
            pytest.fail(f"max_requests={budget}: not complete after 60 runs")
        got = {p.name: p.read_bytes() for p in out.glob("*.jsonl")}
        assert got.keys() == whole.keys()
        for name in whole:
            if name != "timer.jsonl":  # a running timer's seconds grow as the clock moves
                assert got[name] == whole[name], (budget, name)


async def test_a_budget_of_nothing_is_refused_before_any_request(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    client = _client(api, auto_sandbox, auto_clock)
    with pytest.raises(InvalidParameter, match="needs at least 1") as raised:
        await Export(client, tmp_path, resources=["time"]).run(max_requests=0)
    assert raised.value.parameter == "max_requests"
    assert _spent(auto_sandbox) == 0
    quota = await client.quota()
    assert quota.quota is not None and quota.used is not None
    with pytest.raises(InvalidParameter, match="lower the reserve"):
        await Export(client, tmp_path, resources=["time"]).run(reserve=quota.quota - quota.used)
    assert _spent(auto_sandbox) == 0


async def test_the_same_export_named_otherwise_goes_on_from_its_checkpoint(
    api: Api, auto_sandbox: Sandbox, auto_clock: AutoClock, tmp_path: Path
) -> None:
    """Begun with the collections named, continued without (they come from /me/, the same):
    one job, whose progress is kept."""
    client = _client(api, auto_sandbox, auto_clock, page_size=100)
    names = readable_resources(Group.ADMINISTRATOR)
    first = await Export(client, tmp_path, resources=names).run(max_requests=10)
    assert not first.complete and sum(first.records.values()) > 0
    rest = await Export(client, tmp_path).run()
    assert rest.complete
    ids = [r["id"] for r in _read(tmp_path, "time", Format.JSONL)]
    assert len(ids) == len(set(ids)) == 600
    assert rest.requests < 1 + 30  # went on: /me/ and what was left, not the whole again
