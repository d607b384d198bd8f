"""The export's and the mirror's SQLite files carry a schema version, and the files an earlier
version wrote are migrated in place when the models have gained fields."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from intervals_async import IntervalsClient
from intervals_async.export import Export, ExportError, Mirror
from intervals_async.export._db import SCHEMA_VERSION, Tables, connect, transaction
from intervals_async.export._records import columns
from intervals_async.models import Model, Task, Time
from intervals_async.sandbox import DataSize, Sandbox, SandboxConfig

from ..conftest import BASE_URL, AutoClock

pytestmark = pytest.mark.anyio

DATA = Path(__file__).parents[1] / "data"


def _restore(dump: str, path: Path) -> None:
    """A database as the earlier version left it, from its dump."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript((DATA / dump).read_text("utf-8"))
    db.close()


def _columns(path: Path, table: str) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
    finally:
        db.close()


def _version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        db.close()


@pytest.fixture
def client() -> IntervalsClient:
    """The account the dumps were written from (see their headers)."""
    clock = AutoClock(1_767_225_600.0)
    size = DataSize(clients=1, people=4, projects=1, tasks=3, time_entries=6)
    sandbox = Sandbox(SandboxConfig(seed=1, size=size), clock=clock)
    return IntervalsClient(
        sandbox.token(), base_url=BASE_URL, transport=sandbox.transport(), clock=clock
    )


def test_the_dumps_are_of_the_previous_layout() -> None:
    """Unversioned, and typed as the previous models were (``dateiso`` was text then)."""
    dump = (DATA / "schema0-mirror.sql").read_text("utf-8")
    assert "PRAGMA user_version" not in dump
    created = next(line for line in dump.splitlines() if line.startswith('CREATE TABLE "time"'))
    assert '"dateiso" TEXT' in created


@attrs.frozen(kw_only=True)
class _Entry(Model):
    """A record as an earlier model had it."""

    id: int
    note: str | None = None


@attrs.frozen(kw_only=True)
class _EntryNow(Model):
    """The same record once its model has gained a field."""

    id: int
    note: str | None = None
    hours: Decimal | None = None


def test_a_table_gains_the_fields_its_model_has_gained(tmp_path: Path) -> None:
    path = tmp_path / "gains.sqlite"
    db = connect(path)
    with transaction(db):
        Tables(db).upsert("entry", _Entry, [_Entry(id=1, note="before")])
    db.close()
    db = connect(path)  # the next version, with the grown model
    with transaction(db):
        Tables(db).upsert("entry", _EntryNow, [_EntryNow(id=2, note="after", hours=Decimal(1))])
    rows = db.execute('SELECT id, note, hours FROM "entry" ORDER BY id').fetchall()
    db.close()
    assert rows == [(1, "before", None), (2, "after", 1)]
    assert _columns(path, "entry") == ["id", "note", "extra", "hours"]


async def test_an_export_begun_by_the_previous_version_resumes_into_its_file(
    client: IntervalsClient, tmp_path: Path
) -> None:
    path = tmp_path / "out" / "intervals.sqlite"
    _restore("schema0-export.sql", path)
    async with client:
        result = await Export(
            client, tmp_path / "out", resources=["time", "task"], format="sqlite", page_size=2
        ).run()
    assert result.complete and result.records == {"time": 6, "task": 3}
    assert _columns(path, "time") == [c.name for c in columns(Time)]
    assert _columns(path, "task") == [c.name for c in columns(Task)]
    assert _version(path) == SCHEMA_VERSION
    db = sqlite3.connect(path)
    rows = db.execute('SELECT id, dateiso FROM "time" ORDER BY id').fetchall()
    db.close()
    assert len(rows) == 6
    # the two rows the previous version wrote have no dateiso; the rest have theirs
    assert [r[1] is None for r in rows] == [True, True, False, False, False, False]


async def test_a_mirror_of_the_previous_version_syncs_on(
    client: IntervalsClient, tmp_path: Path
) -> None:
    path = tmp_path / "mirror.sqlite"
    _restore("schema0-mirror.sql", path)
    assert _version(path) == 0
    async with client:
        await client.time.update(next(iter([e.id async for e in client.time.iterate()])), time=2)
        await Mirror(client, path, resources=["time", "task"]).sync(full=True)
    assert _columns(path, "time") == [c.name for c in columns(Time)]
    assert _version(path) == SCHEMA_VERSION
    db = sqlite3.connect(path)
    count, dated = db.execute('SELECT count(*), count(dateiso) FROM "time"').fetchone()
    db.close()
    assert count == 6 and dated == 6  # the full sync wrote every entry again, with its dateiso


@pytest.mark.parametrize("kind", ["export", "mirror"])
async def test_a_file_of_a_newer_version_is_refused_untouched(
    client: IntervalsClient, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "out" / ("intervals.sqlite" if kind == "export" else "mirror.sqlite")
    _restore(f"schema0-{kind}.sql", path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    async with client:
        job = (
            Export(client, path.parent, resources=["time"], format="sqlite").run()
            if kind == "export"
            else Mirror(client, path, resources=["time"]).sync()
        )
        with pytest.raises(ExportError, match="newer version of intervals-async") as raised:
            await job
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


async def test_a_new_file_starts_at_the_current_version(
    client: IntervalsClient, tmp_path: Path
) -> None:
    async with client:
        await Export(client, tmp_path / "e", resources=["task"], format="sqlite").run()
        await Mirror(client, tmp_path / "m.sqlite", resources=["task"]).sync()
    assert _version(tmp_path / "e" / "intervals.sqlite") == SCHEMA_VERSION
    assert _version(tmp_path / "m.sqlite") == SCHEMA_VERSION
