"""Against a sandbox that lies about its pages, ``iterate()``, every export format and the mirror
end in a typed ``PagingError`` or in a complete result that lost and doubled nothing: never a
silent ``complete=True`` over missing records, never an endless walk."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import attrs
import pytest

from intervals_async import (
    IntervalsClient,
    MissingRecords,
    OrderViolation,
    PagingError,
    RepeatedRecords,
)
from intervals_async.export import Export, Format, Mirror
from intervals_async.governor import RateGovernor
from intervals_async.sandbox import Lies, Order, Sandbox, SandboxConfig

from ..conftest import Api, AutoClock

pytestmark = pytest.mark.anyio

# Each lie of the issue, with what it must end in (None: a complete, exact result).
SCENARIOS: dict[str, tuple[Lies, type[PagingError] | None]] = {
    "listcount too small": (Lies(listcount=-350), None),
    "listcount too large": (Lies(listcount=150), MissingRecords),
    "offset ignored": (Lies(ignore_offset=True), RepeatedRecords),
    "reversed": (Lies(order=Order.REVERSED), OrderViolation),
    "shuffled": (Lies(order=Order.SHUFFLED), OrderViolation),
    "deleted mid-walk": (Lies(deleted_per_page=7), None),
    "inserted mid-walk": (Lies(inserted_per_page=7), None),
    "both mid-walk": (Lies(deleted_per_page=1, inserted_per_page=1), None),
    # Five gone and five new on every request, the count unchanged: only the record each page
    # must open with shows the moves.
    "churning": (Lies(deleted_per_page=5, inserted_per_page=5), None),
}


def _lying(lies: Lies, clock: AutoClock) -> Sandbox:
    """The seeded sandbox, lying about its time entries only."""
    return Sandbox(SandboxConfig(seed=7, lies=attrs.evolve(lies, only=("time",))), clock=clock)


def _client(api: Api, app: Sandbox, clock: AutoClock) -> IntervalsClient:
    return api(app, governor=RateGovernor(clock=clock), page_size=100, cache=False)


def _judge(
    app: Sandbox, before: set[int], outcome: list[int] | BaseException, expected: type | None
) -> None:
    """The walk's outcome against what the sandbox held before and holds now."""
    if isinstance(outcome, BaseException):
        assert expected is not None, f"{outcome!r} from a server whose lie is harmless"
        assert isinstance(outcome, expected), repr(outcome)
        assert isinstance(outcome, PagingError) and outcome.resource == "time"
        return
    assert expected is None, f"complete, though the server's {expected.__name__} went unseen"
    assert len(outcome) == len(set(outcome)), "a record twice"
    assert outcome == sorted(outcome), "not in id order"
    now = set(app.accounts["demo"].table("time"))
    stayed = before & now
    assert stayed <= set(outcome), f"{len(stayed - set(outcome))} records lost"
    assert set(outcome) <= before | now


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_iterate(api: Api, auto_clock: AutoClock, scenario: str) -> None:
    lies, expected = SCENARIOS[scenario]
    app = _lying(lies, auto_clock)
    client = _client(api, app, auto_clock)
    before = set(app.accounts["demo"].table("time"))
    try:
        outcome: list[int] | BaseException = [e.id async for e in client.time.iterate()]
    except PagingError as error:
        outcome = error
    _judge(app, before, outcome, expected)
    assert len(app.audit) < 200  # ended, and soon (six pages, and the moves found again)


def _written(out: Path, format: Format) -> list[int]:
    if format is Format.SQLITE:
        db = sqlite3.connect(out / "intervals.sqlite")
        try:
            return [r[0] for r in db.execute('SELECT id FROM "time" ORDER BY rowid')]
        finally:
            db.close()
    text = (out / f"time.{format.value}").read_text("utf-8")
    if format is Format.JSONL:
        return [json.loads(line)["id"] for line in text.splitlines()]
    return [int(line.split(",")[0]) for line in text.splitlines()[1:]]


@pytest.mark.parametrize("format", list(Format))
@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_export(
    api: Api, auto_clock: AutoClock, tmp_path: Path, scenario: str, format: Format
) -> None:
    lies, expected = SCENARIOS[scenario]
    app = _lying(lies, auto_clock)
    client = _client(api, app, auto_clock)
    before = set(app.accounts["demo"].table("time"))
    job = Export(client, tmp_path, resources=["time"], format=format)
    try:
        result = await job.run()
    except PagingError as error:
        _judge(app, before, error, expected)
        # What was written before the violation is whole and consistent: no id twice.
        kept = _written(tmp_path, format) if (tmp_path / "time.jsonl").exists() else []
        assert len(kept) == len(set(kept))
        return
    assert result.complete
    _judge(app, before, _written(tmp_path, format), expected)
    assert result.records["time"] == len(_written(tmp_path, format))


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_mirror(api: Api, auto_clock: AutoClock, tmp_path: Path, scenario: str) -> None:
    lies, expected = SCENARIOS[scenario]
    app = _lying(lies, auto_clock)
    client = _client(api, app, auto_clock)
    before = set(app.accounts["demo"].table("time"))
    path = tmp_path / "mirror.sqlite"
    try:
        await Mirror(client, path, resources=["time"]).sync(full=True)
    except PagingError as error:
        _judge(app, before, error, expected)
        return
    db = sqlite3.connect(path)
    try:
        mirrored = sorted(r[0] for r in db.execute('SELECT id FROM "time"'))
    finally:
        db.close()
    _judge(app, before, mirrored, expected)
