"""The governor against the sandbox, in virtual time: a whole GMT day at full demand.

For each server window policy, 64 workers call the API as fast as the client lets them, through
seeded lognormal latency (median 200 ms, p99 2 s) and random cancellations, from 00:00 to 24:00
GMT. The sandbox's audit log is the judge: no code 12, no code 11, never more than 100 arrivals in
any 60 s window, and the day's 6,000 requests all spent.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import anyio
import pytest
import trio.testing

from intervals_async import (
    DailyQuotaExceeded,
    DayClosed,
    IntervalsClient,
    IntervalsError,
    LoopClock,
)
from intervals_async.governor import MemoryStore, RateGovernor
from intervals_async.sandbox import Latency, Sandbox, SandboxConfig, WindowPolicy

pytestmark = pytest.mark.anyio

MIDNIGHT = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
def anyio_backend() -> tuple[str, dict[str, object]]:
    return ("trio", {"clock": trio.testing.MockClock(autojump_threshold=0)})


@pytest.mark.parametrize("policy", list(WindowPolicy))
async def test_a_day_at_full_demand(policy: WindowPolicy) -> None:
    clock = LoopClock(MIDNIGHT)
    sandbox = Sandbox(
        SandboxConfig(seed=3, window_policy=policy, latency=Latency(median=0.2, p99=2.0)),
        clock=clock,
    )
    governor = RateGovernor(clock=clock)
    end = MIDNIGHT.timestamp() + 86_400
    rng = random.Random(policy.value)
    cancelled = 0
    tasks = list(sandbox.accounts["demo"].table("task"))
    refused_by_governor: list[bool] = []
    async with IntervalsClient(
        sandbox.token(),
        base_url="https://api.sandbox.invalid/",
        transport=sandbox.transport(),
        governor=governor,
        clock=clock,
    ) as client:

        async def worker() -> None:
            nonlocal cancelled
            while clock.time() < end:
                try:
                    # Distinct tasks, so that identical calls rarely share one request.
                    task = client.task.get(rng.choice(tasks))
                    if rng.random() < 0.05:  # now and then a caller gives up mid-request
                        with anyio.move_on_after(rng.uniform(0.0, 1.5)) as scope:
                            await task
                        cancelled += scope.cancelled_caught
                    else:
                        await task
                except (DailyQuotaExceeded, DayClosed) as spent:
                    refused_by_governor.append(not spent.request_sent)
                    await anyio.sleep(
                        max(0.01, min(end, spent.reset_at.timestamp()) - clock.time())
                    )
                except IntervalsError as error:
                    raise AssertionError(f"unexpected {error!r}") from error

        async with anyio.create_task_group() as group:
            for _ in range(64):
                group.start_soon(worker)

    day = [e for e in sandbox.audit.entries if e.time < end]
    entries = [e for e in day if e.path != "/quota/"]
    assert [e for e in sandbox.audit.entries if e.code in (11, 12)] == []
    assert sandbox.audit.most_in_window(60.0) <= 100
    assert cancelled > 0
    assert refused_by_governor and all(refused_by_governor)  # the governor said no, not the API
    assert isinstance(governor.store, MemoryStore) and governor.store.core.idle()
    used = sum(1 for e in entries if e.status == 200)
    assert used == len(entries) >= 0.999 * 6000  # the whole day's quota, and nothing refused
    # The day's quota went at the full allowed rate: 6,000 requests in about an hour.
    spent_in = max(e.time for e in entries) - min(e.time for e in entries)
    assert spent_in <= 6000 / 100 * 60 / 0.97
