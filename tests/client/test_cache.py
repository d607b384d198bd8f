"""Spending less quota: the response cache, request coalescing and cost planning."""

from __future__ import annotations

import math
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from intervals_async import (
    CachePolicy,
    ResponseCache,
    ServerError,
    plan_cost,
)
from intervals_async.sandbox import (
    AccountSpec,
    DataSize,
    Faults,
    Latency,
    Sandbox,
    SandboxConfig,
)

from ..conftest import Api, AutoClock, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


def _gets(sandbox: Sandbox, path: str) -> int:
    return sum(1 for e in sandbox.audit.entries if e.method == "GET" and e.path == path)


async def test_a_hundred_identical_gets_are_one_request(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox)
    pages: list[Any] = []

    async def read() -> None:
        pages.append(await client.taskstatus.list())

    async with anyio.create_task_group() as group:
        for _ in range(100):
            group.start_soon(read)
    assert _gets(auto_sandbox, "/taskstatus/") == 1
    assert len(pages) == 100 and all(p == pages[0] for p in pages)
    stats = client.statistics()
    assert stats.requests_saved == 99
    assert (stats.cache_misses, stats.coalesced + stats.cache_hits) == (stats.cache_misses, 99)


async def test_identical_gets_of_uncached_resources_coalesce(
    auto_clock: AutoClock, api: Api
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, latency=Latency(base=1.0)), clock=auto_clock)
    client = api(sandbox, cache=False)

    async def read() -> None:
        await client.time.list(offset=5)  # the same offset: the same request

    async with anyio.create_task_group() as group:
        for _ in range(10):
            group.start_soon(read)
    assert _gets(sandbox, "/time/") == 1
    assert client.statistics().coalesced == 9


async def test_a_failure_reaches_every_waiter(auto_clock: AutoClock, api: Api) -> None:
    from intervals_async import RetryPolicy

    sandbox = Sandbox(
        SandboxConfig(seed=7, faults=Faults(error=1.0), latency=Latency(base=1.0)),
        clock=auto_clock,
    )
    client = api(sandbox, retry=RetryPolicy(attempts=1))
    failures: list[BaseException] = []

    async def read() -> None:
        try:
            await client.project.list()
        except ServerError as error:
            failures.append(error)

    async with anyio.create_task_group() as group:
        for _ in range(5):
            group.start_soon(read)
    assert len(failures) == 5 and _gets(sandbox, "/project/") == 1


async def test_cancelling_one_follower_spares_the_others(auto_clock: AutoClock, api: Api) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, latency=Latency(base=2.0)), clock=auto_clock)
    client = api(sandbox)
    results: list[int] = []

    async def read() -> None:
        results.append((await client.project.list()).listcount)

    async with anyio.create_task_group() as group:
        for _ in range(3):
            group.start_soon(read)
        async with anyio.create_task_group() as quitter:
            quitter.start_soon(read)
            await anyio.lowlevel.checkpoint()
            quitter.cancel_scope.cancel()
    assert len(results) == 3 and len(set(results)) == 1
    assert _gets(sandbox, "/project/") == 1


async def test_a_cancelled_sender_does_not_cancel_its_followers(
    auto_clock: AutoClock, api: Api
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, latency=Latency(base=2.0)), clock=auto_clock)
    client = api(sandbox)
    results: list[int] = []
    started = anyio.Event()

    async def sender() -> None:
        started.set()
        await client.project.list()

    async def follower() -> None:
        results.append((await client.project.list()).listcount)

    async with anyio.create_task_group() as outer, anyio.create_task_group() as senders:
        senders.start_soon(sender)
        await started.wait()
        for _ in range(3):
            outer.start_soon(follower)
        await anyio.lowlevel.checkpoint()
        senders.cancel_scope.cancel()
    assert len(results) == 3 and len(set(results)) == 1


async def test_resolving_5000_entries_costs_one_request_per_project(
    auto_clock: AutoClock, api: Api
) -> None:
    sandbox = Sandbox(
        SandboxConfig(seed=2, size=DataSize(time_entries=5000), max_limit=None),
        clock=auto_clock,
    )
    client = api(sandbox)
    entries = [e async for e in client.time.iterate(page_size=1000)]
    assert len(entries) == 5000
    names = {}
    for entry in entries:
        assert entry.projectid is not None
        names[entry.projectid] = (await client.project.get(entry.projectid)).name
    project_gets = sum(
        1 for e in sandbox.audit.entries if e.method == "GET" and e.path.startswith("/project/")
    )
    assert project_gets == len(names) < 50
    assert client.statistics().cache_hits == 5000 - len(names)


async def test_our_own_write_is_never_read_stale(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox)
    project = (await client.project.list(limit=1, sortfield="id")).items[0]
    assert (await client.project.get(project.id)).name == project.name
    await client.project.update(project.id, name="Renamed & ready")
    assert (await client.project.get(project.id)).name == "Renamed & ready"
    listed = await client.project.list(limit=1, sortfield="id")
    assert listed.items[0].name == "Renamed & ready"


async def test_entries_expire_and_can_be_bypassed(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox, cache=CachePolicy(ttls={"taskstatus": 100.0}))
    await client.taskstatus.list()
    await client.taskstatus.list()
    assert _gets(auto_sandbox, "/taskstatus/") == 1
    await client.with_options(use_cache=False).taskstatus.list()
    assert _gets(auto_sandbox, "/taskstatus/") == 2
    auto_sandbox.clock.advance(101)  # type: ignore[attr-defined]
    await client.taskstatus.list()
    assert _gets(auto_sandbox, "/taskstatus/") == 3
    await client.project.list()
    await client.project.list()
    assert _gets(auto_sandbox, "/project/") == 2  # not in this policy: never cached


async def test_a_shared_cache_never_serves_one_account_to_another(
    auto_clock: AutoClock, api: Api
) -> None:
    sandbox = Sandbox(
        SandboxConfig(seed=7, accounts=(AccountSpec("one"), AccountSpec("two"))),
        clock=auto_clock,
    )
    shared = ResponseCache()
    one = api(sandbox, account="one", cache=shared)
    two = api(sandbox, account="two", cache=shared)
    two._http.auth = (sandbox.token("two"), "X")
    first = await one.project.list()
    second = await two.project.list()
    assert _gets(sandbox, "/project/") == 2
    assert {p.id for p in first.items}.isdisjoint({p.id for p in second.items})
    await two.project.list()
    assert _gets(sandbox, "/project/") == 2


async def test_cost_planning_against_the_quota(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox, page_size=100)
    plan = await plan_cost(client, {"time": {}, "task": {"excludeclosed": True}, "group": {}})
    by_name = {c.resource: c for c in plan.collections}
    # Reading costs a request a page; the probes that planned it are not counted there.
    assert by_name["time"].listcount == 600 and by_name["time"].requests == 6
    tasks = by_name["task"].listcount
    assert by_name["task"].requests == max(1, math.ceil(tasks / 100))
    assert by_name["group"].requests == 1  # a collection without paging comes whole
    assert plan.requests == sum(c.requests for c in plan.collections)
    used = auto_sandbox.quota_used()
    assert plan.quota_left == 6000 - used and plan.fits
    before = len(auto_sandbox.audit)
    assert len([e async for e in client.time.iterate()]) == 600
    assert len(auto_sandbox.audit) - before == by_name["time"].requests  # the pages, exactly


async def test_a_plan_that_does_not_fit(auto_clock: AutoClock, api: Api) -> None:
    sandbox = Sandbox(
        SandboxConfig(seed=7, accounts=(AccountSpec("demo", daily_limit=5),)), clock=auto_clock
    )
    client = api(sandbox, page_size=10)
    plan = await plan_cost(client, {"time": {}})
    assert plan.requests == 60 and plan.quota_left == 4 and not plan.fits
