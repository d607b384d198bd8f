"""The client against the sandbox: CRUD, pagination, errors, retries and faults."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from intervals_async import (
    APIError,
    AuthenticationError,
    BadRequest,
    ConnectionFailed,
    DailyQuotaExceeded,
    DecodeError,
    NotFound,
    PermissionDenied,
    RequestsTooFast,
    RetryPolicy,
    ServerError,
)
from intervals_async.governor import Unmetered
from intervals_async.models import Time
from intervals_async.sandbox import AccountSpec, Faults, Group, Sandbox, SandboxConfig

from ..conftest import Api, AutoClock

pytestmark = pytest.mark.anyio


async def _until_refused(call: Callable[[], Awaitable[object]], times: int) -> None:
    """Make ``call`` up to ``times`` times; the first failure propagates."""
    for _ in range(times):
        await call()


def _new_entry(sandbox: Sandbox, **changes: Any) -> dict[str, Any]:
    """Fields of a valid general time entry in the seeded account."""
    account = sandbox.accounts["demo"]
    template = next(iter(account.table("time").values()))
    return {
        "worktypeid": template["worktypeid"],
        "personid": template["personid"],
        "projectid": template["projectid"],
        "moduleid": template["moduleid"],
        "date": dt.date(2026, 1, 5),
        "time": Decimal("1.25"),
        "billable": True,
        **changes,
    }


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_iterate_returns_exactly_listcount_distinct_records(
    auto_sandbox: Sandbox, api: Api
) -> None:
    client = api(auto_sandbox)
    first = await client.time.list(limit=1)
    entries = [e async for e in client.time.iterate(page_size=70, concurrency=3)]
    assert len(entries) == first.listcount == 600
    assert len({e.id for e in entries}) == 600
    assert all(isinstance(e, Time) for e in entries)
    # One request per page and no more: ceil(600 / 70) = 9 pages (+1 for the list above).
    assert client.governor.acquired == 1 + 9  # type: ignore[attr-defined]


async def test_iterate_with_filters_and_a_start_offset(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox)
    project = next(iter(auto_sandbox.accounts["demo"].table("project")))
    everything = [e async for e in client.time.iterate(projectid=project, page_size=25)]
    assert everything and all(e.projectid == project for e in everything)
    rest = [e async for e in client.time.iterate(projectid=project, offset=10, page_size=7)]
    assert [e.id for e in rest] == [e.id for e in everything[10:]]


@pytest.mark.parametrize("cap", [1, 33, 100])
async def test_iterate_survives_a_server_side_cap(
    auto_clock: AutoClock, api: Api, cap: int
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, max_limit=cap), clock=auto_clock)
    client = api(sandbox)
    tasks = [t async for t in client.task.iterate(page_size=500, concurrency=4)]
    assert len(tasks) == len({t.id for t in tasks}) == 150


async def test_iterate_an_empty_collection_costs_one_request(
    auto_sandbox: Sandbox, api: Api
) -> None:
    client = api(auto_sandbox)
    assert [e async for e in client.time.iterate(datebegin=dt.date(2099, 1, 1))] == []
    assert client.governor.acquired == 1  # type: ignore[attr-defined]


async def test_list_defaults_to_the_clients_page_size(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox, page_size=250)
    page = await client.time.list()
    assert (len(page.items), page.listcount, page.offset, page.limit) == (250, 600, 0, 250)
    assert page.next_offset == 250


async def test_create_read_update_delete_a_time_entry(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox)
    created = await client.time.create(**_new_entry(auto_sandbox, description="Café & <b>"))
    assert created.time == Decimal("1.25")
    assert created.description == "Café & <b>"
    assert (await client.time.get(created.id)) == created
    updated = await client.time.update(created.id, time=Decimal("2.5"), billable=False)
    assert (updated.time, updated.billable) == (Decimal("2.5"), False)
    assert (await client.time.get(created.id)).time == Decimal("2.5")
    await client.time.delete(created.id)
    with pytest.raises(NotFound) as raised:
        await client.time.get(created.id)
    assert raised.value.code == 14


async def test_every_sandbox_error_maps_to_its_class(auto_clock: AutoClock, api: Api) -> None:
    sandbox = Sandbox(
        SandboxConfig(seed=7, accounts=(AccountSpec("demo", daily_limit=40),)), clock=auto_clock
    )
    client = api(sandbox)
    cases: list[tuple[Any, type[APIError], int]] = [
        (client.call("GET", "/nosuch/"), NotFound, 13),
        (client.time.get(999_999_999), NotFound, 14),
        (client.call("GET", "/time/1/extra/"), BadRequest, 15),
        (client.call("DELETE", "/time/"), BadRequest, 16),
        (client.call("POST", "/time/", json={"bogus": "1"}), BadRequest, 17),
        (client.time.create(**_new_entry(sandbox, worktypeid=999_999_999)), BadRequest, 18),
        (api(sandbox, group=Group.RESOURCE).worktype.list(), PermissionDenied, 10),
    ]
    for call, cls, code in cases:
        with pytest.raises(cls) as raised:
            await call
        assert type(raised.value) is cls and raised.value.code == code, raised.value
    bad = api(sandbox)
    bad._http.auth = ("nosuchtoken", "X")
    with pytest.raises(AuthenticationError) as auth:
        await bad.me.get()
    assert (auth.value.status, auth.value.code) == (401, 9)
    # Spend the rest of the day: code 11, carrying the next 00:00 GMT.
    with pytest.raises(DailyQuotaExceeded) as daily:
        await _until_refused(client.me.get, 50)
    assert daily.value.code == 11
    assert daily.value.reset_at == dt.datetime(2026, 1, 6, tzinfo=dt.UTC)
    assert "resets at 2026-01-06T00:00:00+00:00" in str(daily.value)


@pytest.mark.parametrize(
    ("fault", "status", "code"), [("error", 500, 1), ("database", 500, 19), ("offline", 502, 20)]
)
async def test_server_faults_map_to_server_error(
    auto_clock: AutoClock, api: Api, fault: str, status: int, code: int
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, faults=Faults(**{fault: 1.0})), clock=auto_clock)
    client = api(sandbox, retry=RetryPolicy(attempts=2))
    with pytest.raises(ServerError) as raised:
        await client.time.list()
    assert (raised.value.status, raised.value.code) == (status, code)
    assert [e.code for e in sandbox.audit.entries] == [code, code]  # retried once, as a GET


async def test_too_fast_is_code_12_and_retried_even_for_a_write(
    auto_clock: AutoClock, api: Api
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7), clock=auto_clock)
    # No pacing and no retries: the 101st request in a minute is refused with code 12.
    rushed = api(sandbox, governor=Unmetered(), retry=RetryPolicy(attempts=1))
    with pytest.raises(RequestsTooFast) as raised:
        await _until_refused(rushed.me.get, 101)
    assert raised.value.code == 12 and raised.value.status == 400
    # With retries, a create refused with 12 waits out the suspension and is sent once more.
    patient = api(sandbox, governor=Unmetered())
    before = len(sandbox.audit)
    created = await patient.time.create(**_new_entry(sandbox, description="after the wait"))
    posts = [e for e in sandbox.audit.since(before) if e.method == "POST"]
    assert [e.code for e in posts] == [12, None]
    assert created.description == "after the wait"


async def test_server_errors_are_retried_for_get(auto_clock: AutoClock, api: Api) -> None:
    sandbox = Sandbox(SandboxConfig(seed=3, faults=Faults(error=0.5)), clock=auto_clock)
    client = api(sandbox, retry=RetryPolicy(attempts=20))
    for _ in range(5):
        assert (await client.me.get()).id
    assert any(e.code == 1 for e in sandbox.audit.entries)


async def test_a_full_iteration_under_20_percent_get_faults(
    auto_clock: AutoClock, api: Api
) -> None:
    faults = Faults(error=0.05, offline=0.05, truncate=0.05, drop=0.05)
    sandbox = Sandbox(SandboxConfig(seed=11, faults=faults), clock=auto_clock)
    client = api(sandbox, retry=RetryPolicy(attempts=10))
    entries = [e async for e in client.time.iterate(page_size=20, concurrency=4)]
    assert len(entries) == 600
    assert Counter(e.id for e in entries).most_common(1)[0][1] == 1  # each exactly once
    seen = Counter(e.fault for e in sandbox.audit.entries if e.fault)
    assert set(seen) == {"error", "offline", "truncate", "drop"}, seen


async def test_writes_that_may_have_happened_are_never_retried(
    auto_clock: AutoClock, api: Api
) -> None:
    faults = Faults(drop=0.15, truncate=0.15, malformed=0.1, error=0.1)
    sandbox = Sandbox(SandboxConfig(seed=5, faults=faults), clock=auto_clock)
    client = api(sandbox, retry=RetryPolicy(attempts=10))
    outcomes: Counter[str] = Counter()
    for n in range(60):
        try:
            await client.time.create(**_new_entry(sandbox, description=f"entry {n}"))
            outcomes["created"] += 1
        except (ConnectionFailed, DecodeError) as error:
            outcomes["unknown" if error.request_sent else "not sent"] += 1
        except ServerError:
            outcomes["refused"] += 1  # code 1 is answered before the write is carried out
    posts = [e for e in sandbox.audit.entries if e.method == "POST"]
    assert len(posts) == 60  # one attempt per create: nothing was retried
    stored = Counter(
        r["description"]
        for r in sandbox.accounts["demo"].table("time").values()
        if r["description"].startswith("entry ")
    )
    assert max(stored.values()) == 1  # no entry was created twice
    assert len(stored) == outcomes["created"] + outcomes["unknown"]
    assert outcomes["unknown"] and outcomes["refused"] and outcomes["created"]
    assert "not sent" not in outcomes


async def test_documents_download_in_memory_and_to_a_file(
    auto_sandbox: Sandbox, api: Api, tmp_path: Any
) -> None:
    client = api(auto_sandbox)
    document = (await client.document.list()).items[0]
    content = await client.document.download(document.id)
    assert content == auto_sandbox.accounts["demo"].documents[document.id]
    target = tmp_path / "sub" / (document.filename or "doc")
    assert await client.document.download(document.id, target) == b""
    assert target.read_bytes() == content
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
    with pytest.raises(NotFound):
        await client.document.download(999_999_999, tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


async def test_with_options_shares_the_connection(auto_sandbox: Sandbox, api: Api) -> None:
    from intervals_async import Priority

    client = api(auto_sandbox)
    bulk = client.with_options(priority=Priority.BULK, page_size=5)
    assert (bulk.priority, bulk.page_size, client.priority) == (
        Priority.BULK,
        5,
        Priority.DEFAULT,
    )
    assert len((await bulk.time.list()).items) == 5
    assert bulk._http is client._http
