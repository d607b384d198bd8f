"""The governor behind the client: quota sync, code 11, max_wait, shared by several clients."""

from __future__ import annotations

from datetime import UTC, datetime

import anyio
import pytest
import trio.testing

from intervals_async import (
    DailyQuotaExceeded,
    DayClosed,
    GovernorTimeout,
    IntervalsClient,
    LoopClock,
)
from intervals_async.governor import GovernorEvent, Limits, RateGovernor
from intervals_async.sandbox import AccountSpec, Sandbox, SandboxConfig

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
BASE = "https://api.sandbox.invalid/"


@pytest.fixture
def anyio_backend() -> tuple[str, dict[str, object]]:
    return ("trio", {"clock": trio.testing.MockClock(autojump_threshold=0)})


async def _repeat(client: IntervalsClient, times: int) -> None:
    for _ in range(times):
        await client.me.get()


def _client(sandbox: Sandbox, governor: RateGovernor, **options: object) -> IntervalsClient:
    return IntervalsClient(
        sandbox.token(),
        base_url=BASE,
        transport=sandbox.transport(),
        governor=governor,
        clock=governor.clock,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.anyio
async def test_the_day_is_synced_first_and_then_kept() -> None:
    clock = LoopClock(START)
    sandbox = Sandbox(
        SandboxConfig(seed=1, accounts=(AccountSpec("demo", daily_limit=50),)), clock=clock
    )
    # Another process spent 30 of today's requests before we start.
    other = _client(sandbox, RateGovernor(clock=clock), quota_sync=None)
    async with other:
        for _ in range(30):
            await other.me.get()
    events: list[GovernorEvent] = []
    governor = RateGovernor(clock=clock, hooks=(events.append,))
    before = len(sandbox.audit)
    async with _client(sandbox, governor) as client:
        await client.me.get()
        assert [e.path for e in sandbox.audit.since(before)] == ["/quota/", "/me/"]
        stats = await governor.statistics()
        assert (stats.day_used, stats.day_limit) == (31, 50)
        assert [e.kind for e in events if e.kind != "wait"] == ["quota_sync"]
        with pytest.raises(DayClosed) as spent:
            await _repeat(client, 30)
        assert spent.value.request_sent is False  # the governor said no: nothing was sent
        assert spent.value.by_server is False  # its own count, not a code 11
    assert [e for e in sandbox.audit.entries if e.code == 11] == []
    assert sandbox.quota_used() == 50


@pytest.mark.anyio
async def test_a_code_11_closes_the_day_and_syncs() -> None:
    clock = LoopClock(START)
    sandbox = Sandbox(
        SandboxConfig(seed=1, accounts=(AccountSpec("demo", daily_limit=5),)), clock=clock
    )
    # This governor believes the plan allows 6,000 and never asked /quota/: the server says 11.
    governor = RateGovernor(clock=clock)
    async with _client(sandbox, governor, quota_sync=None) as client:
        with pytest.raises(DailyQuotaExceeded) as first:
            await _repeat(client, 10)
        assert first.value.request_sent
        assert first.value.reset_at == datetime(2026, 1, 6, tzinfo=UTC)
        sent = len(sandbox.audit)
        with pytest.raises(DayClosed) as second:
            await client.me.get()
        assert second.value.request_sent is False
        assert second.value.by_server  # the server's code 11 closed it
        assert second.value.reset_at == first.value.reset_at
        assert len(sandbox.audit) == sent  # the closed day costs no further request
        assert (await governor.statistics()).day_closed
        waiting = client.with_options(wait_for_reset=True)
        await waiting.me.get()  # waits for 00:00 GMT, then goes
        assert clock.time() >= datetime(2026, 1, 6, tzinfo=UTC).timestamp()


@pytest.mark.anyio
async def test_max_wait_raises_before_sending() -> None:
    clock = LoopClock(START)
    sandbox = Sandbox(SandboxConfig(seed=1), clock=clock)
    governor = RateGovernor(Limits(per_minute=3, burst=3, pace=1.0), clock=clock)
    async with _client(sandbox, governor, quota_sync=None) as client:
        for _ in range(3):
            await client.me.get()
        hurried = client.with_options(max_wait=5.0)
        sent, t0 = len(sandbox.audit), clock.time()
        with pytest.raises(GovernorTimeout) as raised:
            await hurried.me.get()
        assert clock.time() == t0 and len(sandbox.audit) == sent
        assert raised.value.available_at is not None
        assert raised.value.available_at.timestamp() > t0 + 5.0


@pytest.mark.anyio
async def test_clients_sharing_a_governor_share_the_window() -> None:
    clock = LoopClock(START)
    sandbox = Sandbox(
        SandboxConfig(seed=1, accounts=(AccountSpec("one"), AccountSpec("two"))), clock=clock
    )
    governor = RateGovernor(clock=clock)
    clients = [
        IntervalsClient(
            sandbox.token(account),
            base_url=BASE,
            transport=sandbox.transport(),
            governor=governor,
            clock=clock,
            account=account,
        )
        for account in ("one", "two")
    ]

    entries = {a: list(sandbox.accounts[a].table("time")) for a in ("one", "two")}

    async def hammer(client: IntervalsClient, worker: int) -> None:
        for n in range(150):
            # distinct records: identical concurrent reads would share one request
            await client.time.get(entries[client.account][worker * 150 + n])

    async with anyio.create_task_group() as group:
        for client in clients:
            for worker in range(4):
                group.start_soon(hammer, client, worker)
    for client in clients:
        await client.aclose()
    assert [e for e in sandbox.audit.entries if e.code == 12] == []
    assert sandbox.audit.most_in_window(60.0) <= 100
    assert {(await governor.statistics(account=a)).day_used for a in ("one", "two")} == {600}


def test_clients_on_the_wall_clock_share_one_governor() -> None:
    first, second = IntervalsClient("abc"), IntervalsClient("def")
    assert first.governor is second.governor
    assert isinstance(first.governor, RateGovernor)
    assert IntervalsClient("ghi", clock=LoopClock(START)).governor is not first.governor
