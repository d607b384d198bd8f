"""The virtual clock: sleepers wake in deadline order, only when time reaches them."""

from __future__ import annotations

import anyio
import pytest

from intervals_async import Clock, SystemClock, VirtualClock

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_sleepers_wake_in_deadline_order_when_time_reaches_them() -> None:
    clock = VirtualClock(start=1000.0)
    woke: list[tuple[str, float]] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock.time()))

    async with anyio.create_task_group() as tg:
        tg.start_soon(sleeper, "late", 30.0)
        tg.start_soon(sleeper, "early", 10.0)
        await anyio.wait_all_tasks_blocked()
        assert clock.next_deadline() == 1010.0
        clock.advance(9.999)
        await anyio.wait_all_tasks_blocked()
        assert woke == []
        clock.advance(0.001)
        await anyio.wait_all_tasks_blocked()
        assert woke == [("early", 1010.0)]
        clock.set(2000.0)
    assert woke == [("early", 1010.0), ("late", 2000.0)]
    assert clock.next_deadline() is None


async def test_zero_sleep_returns_at_once() -> None:
    clock = VirtualClock(start=5.0)
    await clock.sleep(0)
    assert clock.time() == 5.0


def test_time_never_goes_back() -> None:
    clock = VirtualClock(start=100.0)
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="cannot go back"):
        clock.set(99.0)


def test_both_clocks_satisfy_the_protocol() -> None:
    assert isinstance(SystemClock(), Clock)
    assert isinstance(VirtualClock(), Clock)
