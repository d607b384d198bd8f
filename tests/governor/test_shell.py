"""RateGovernor, the async shell: waiting, order (G4), signals (G5), no leaks (G3), max_wait.

Runs on trio with a MockClock that jumps ahead whenever every task is blocked: virtual time.
"""

from __future__ import annotations

import contextlib
import math
from datetime import UTC, datetime

import anyio
import anyio.lowlevel
import pytest
import trio.testing

from intervals_async import APIError, DayClosed, GovernorTimeout, LoopClock
from intervals_async.governor import (
    GovernorEvent,
    Limits,
    MemoryStore,
    Outcome,
    Permit,
    Priority,
    RateGovernor,
)

pytestmark = pytest.mark.anyio

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def anyio_backend() -> tuple[str, dict[str, object]]:
    return ("trio", {"clock": trio.testing.MockClock(autojump_threshold=0)})


def _governor(**limits: object) -> RateGovernor:
    return RateGovernor(Limits(**limits), clock=LoopClock(START))  # type: ignore[arg-type]


async def _done(governor: RateGovernor, permit: Permit, code: int | None = None) -> None:
    outcome = Outcome(completed_at=governor.clock.time(), sent=True, status=200, code=code)
    await governor.release(permit, outcome)


async def test_the_full_rate_and_no_more() -> None:
    governor = _governor()
    times: list[float] = []
    for _ in range(600):
        permit = await governor.acquire(account="a", egress="ip")
        times.append(governor.clock.time())
        await _done(governor, permit)
    # Sustained: at least 98% of 100 per 60 s; never more than 100 in any 60 s.
    assert (len(times) - 1) / (times[-1] - times[0]) >= 0.98 * 100 / 60
    assert max(sum(1 for t in times if s <= t < s + 60) for s in times) <= 100


async def test_slots_come_back_a_window_after_completion() -> None:
    governor = _governor(
        per_minute=3, window=10.0, burst=3, pace=1.0, margin=0.5, counter_gate=False
    )
    t0 = governor.clock.time()
    permits = [await governor.acquire(account="a", egress="ip") for _ in range(3)]
    assert governor.clock.time() - t0 == pytest.approx(2 * 10 / 3)  # one token, then paced
    await anyio.sleep(8 - 2 * 10 / 3)  # all three complete 8 s after the first was sent
    for permit in permits:
        await _done(governor, permit)
    await governor.acquire(account="a", egress="ip")
    assert governor.clock.time() - t0 == pytest.approx(8 + 10 + 0.5)


async def test_fifo_within_a_priority_and_priorities_first() -> None:
    governor = _governor(per_minute=1, window=1.0, burst=1, pace=1.0, margin=0.0)
    first = await governor.acquire(account="a", egress="ip")
    order: list[str] = []

    async def one(name: str, priority: Priority) -> None:
        permit = await governor.acquire(account="a", egress="ip", priority=priority)
        order.append(name)
        await _done(governor, permit)

    async with anyio.create_task_group() as group:
        for name, priority in [
            ("bulk1", Priority.BULK),
            ("default1", Priority.DEFAULT),
            ("bulk2", Priority.BULK),
            ("interactive", Priority.INTERACTIVE),
            ("default2", Priority.DEFAULT),
        ]:
            group.start_soon(one, name, priority)
            await anyio.lowlevel.checkpoint()  # queued in this order
        await anyio.sleep(0.01)
        await _done(governor, first)
    assert order == ["interactive", "default1", "default2", "bulk1", "bulk2"]


async def test_a_long_wait_lifts_a_lower_priority() -> None:
    governor = RateGovernor(
        Limits(per_minute=1, window=1.0, burst=1, pace=1.0, margin=0.0),
        clock=LoopClock(START),
        aging=5.0,
    )
    order: list[str] = []

    async def one(name: str, priority: Priority) -> None:
        permit = await governor.acquire(account="a", egress="ip", priority=priority)
        order.append(name)
        await _done(governor, permit)

    async with anyio.create_task_group() as group:
        group.start_soon(one, "bulk", Priority.BULK)
        await anyio.lowlevel.checkpoint()
        for n in range(30):  # a steady stream of interactive calls, one per second
            group.start_soon(one, f"i{n}", Priority.INTERACTIVE)
            await anyio.sleep(1)
    # Bulk was not starved: after about 2 * aging seconds it outranked the newer interactives.
    assert order.index("bulk") <= 12


async def test_accounts_sharing_an_ip_take_turns() -> None:
    governor = _governor(per_minute=2, window=1.0, burst=1, pace=1.0, margin=0.0)
    order: list[str] = []

    async def one(account: str) -> None:
        permit = await governor.acquire(account=account, egress="ip", priority=Priority.BULK)
        order.append(account)
        await _done(governor, permit)

    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(one, "export")  # one account's big bulk job, queued first
        await anyio.lowlevel.checkpoint()
        for _ in range(3):
            group.start_soon(one, "other")
    # The first export went at once and the second was already next; then they alternate.
    assert [i for i, a in enumerate(order) if a == "other"] == [2, 4, 6]


async def test_code_12_makes_everyone_on_the_egress_wait() -> None:
    events: list[GovernorEvent] = []
    governor = RateGovernor(
        Limits(per_minute=100, cooldown=60.0, burst=10),
        clock=LoopClock(START),
        hooks=(events.append,),
    )
    permit = await governor.acquire(account="a", egress="ip")
    t0 = governor.clock.time()
    await _done(governor, permit, code=12)
    waited: list[float] = []

    async def other(account: str) -> None:
        await governor.acquire(account=account, egress="ip", priority=Priority.INTERACTIVE)
        waited.append(governor.clock.time() - t0)

    async with anyio.create_task_group() as group:
        group.start_soon(other, "a")
        group.start_soon(other, "b")
    assert min(waited) >= 60.0
    assert any(e.kind == "throttle" for e in events) and any(e.kind == "wait" for e in events)
    # Moments are aware UTC datetimes, in hooks as in statistics.
    throttle = next(e for e in events if e.kind == "throttle")
    assert throttle.until is not None and throttle.until.tzinfo is UTC
    assert abs(throttle.until.timestamp() - (t0 + 60.0)) < 1.0
    stats = await governor.statistics(account="a", egress="ip")
    assert stats.throttled == 1 and stats.cooldown_until == throttle.until
    assert stats.next_slot_at.tzinfo is UTC and stats.resets_at.microsecond == 0


async def test_code_11_fails_waiters_fast_unless_they_wait_for_the_reset() -> None:
    governor = _governor()
    permit = await governor.acquire(account="a", egress="ip")
    await _done(governor, permit, code=11)
    t0 = governor.clock.time()
    with pytest.raises(DayClosed) as raised:
        await governor.acquire(account="a", egress="ip", priority=Priority.INTERACTIVE)
    assert not isinstance(raised.value, APIError)  # the governor's answer, not the API's
    assert raised.value.reset_at == datetime(2026, 1, 6, tzinfo=UTC)
    assert (raised.value.account, raised.value.by_server) == ("a", True)
    assert raised.value.request_sent is False
    assert governor.clock.time() == t0  # at once
    await governor.acquire(account="b", egress="ip")  # another account is unaffected
    await governor.acquire(account="a", egress="ip", wait_for_reset=True)
    assert governor.clock.time() == datetime(2026, 1, 6, tzinfo=UTC).timestamp()


async def test_max_wait_raises_at_once_with_the_time_a_slot_is_free() -> None:
    governor = _governor(per_minute=100, burst=1, pace=1.0)
    await governor.acquire(account="a", egress="ip")
    t0 = governor.clock.time()
    with pytest.raises(GovernorTimeout) as raised:
        await governor.acquire(account="a", egress="ip", deadline=t0 + 0.1)
    assert governor.clock.time() == t0
    assert raised.value.available_at is not None
    assert raised.value.available_at.timestamp() == pytest.approx(t0 + 0.6)
    await governor.acquire(account="a", egress="ip", deadline=t0 + 1.0)  # within reach: it waits
    assert governor.clock.time() == pytest.approx(t0 + 0.6)


async def test_g3_cancelled_and_failed_waiters_leak_nothing() -> None:
    governor = _governor(per_minute=10, window=5.0, burst=2, pace=1.0, margin=0.1)
    admitted = 0

    async def worker(n: int) -> None:
        nonlocal admitted
        with anyio.move_on_after(0.3 * (n % 7)):  # many give up while queued or in flight
            permit = await governor.acquire(account="a", egress="ip", priority=Priority(n % 3))
            admitted += 1
            try:
                await anyio.sleep(0.05 * (n % 5))
                if n % 11 == 0:
                    raise RuntimeError("the request failed")
            finally:
                with anyio.CancelScope(shield=True):
                    await _done(governor, permit)

    async with anyio.create_task_group() as group:
        for n in range(500):
            group.start_soon(_swallow, worker, n)
    stats = await governor.statistics(account="a", egress="ip")
    assert admitted > 0
    assert stats.in_flight == 0 and sum(stats.waiters.values()) == 0
    assert isinstance(governor.store, MemoryStore) and governor.store.core.idle()
    await anyio.sleep(5.2)
    assert (await governor.statistics(account="a", egress="ip")).window_free == 10
    assert (await governor.statistics(account="a", egress="ip")).day_used == admitted


async def _swallow(worker: object, n: int) -> None:
    with contextlib.suppress(RuntimeError):
        await worker(n)  # type: ignore[operator]


async def test_ten_thousand_waiters() -> None:
    governor = _governor(
        per_minute=100, window=60.0, burst=100, pace=1.0, daily=100_000, counter_gate=False
    )
    served = 0

    async def one() -> None:
        nonlocal served
        permit = await governor.acquire(account="a", egress="ip")
        served += 1
        await _done(governor, permit)

    t0 = governor.clock.time()
    async with anyio.create_task_group() as group:
        for _ in range(10_000):
            group.start_soon(one)
    assert served == 10_000
    elapsed = governor.clock.time() - t0
    # One token to start with, then exactly N per W (this test leaves the counter gate out).
    assert math.isclose(elapsed, (10_000 - 1) * 0.6, rel_tol=0.01)


async def test_statistics_and_quota_sync() -> None:
    events: list[GovernorEvent] = []
    governor = RateGovernor(Limits(), clock=LoopClock(START), hooks=(events.append,))
    permit = await governor.acquire(account="a", egress="ip")
    stats = await governor.statistics(account="a", egress="ip")
    assert (stats.in_flight, stats.window_used, stats.day_used) == (1, 1, 1)
    assert stats.resets_at == datetime(2026, 1, 6, tzinfo=UTC)
    assert stats.last_sync is None and governor.needs_sync("a", 600)
    await governor.reconcile("a", used=3031, limit=12_000)
    stats = await governor.statistics(account="a", egress="ip")
    assert (stats.day_used, stats.day_limit) == (3031, 12_000)
    assert stats.last_sync is not None and not governor.needs_sync("a", 600)
    assert stats.last_sync.timestamp() == governor.clock.time() and stats.last_sync.tzinfo is UTC
    assert [e.kind for e in events] == ["quota_sync"]
    await _done(governor, permit)
