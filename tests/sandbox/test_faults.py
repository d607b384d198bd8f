"""Seeded faults and latency: each fault as a client meets it, the same seed the same sequence."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest

from intervals_async import VirtualClock
from intervals_async.sandbox import Faults, Latency, Sandbox, SandboxConfig

from ..conftest import Connect, api_error, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


@pytest.mark.parametrize(
    ("kind", "status", "code"), [("error", 500, 1), ("database", 500, 19), ("offline", 502, 20)]
)
async def test_server_faults(kind: str, status: int, code: int, connect: Connect) -> None:
    sandbox = Sandbox(SandboxConfig(faults=Faults(**{kind: 1.0})), clock=VirtualClock())
    response = await connect(target=sandbox).get("/task/")
    assert api_error(response) == (status, code)
    assert sandbox.audit.entries[-1].fault == kind


async def test_dropped_connection_surfaces_as_an_httpx_transport_error(connect: Connect) -> None:
    sandbox = Sandbox(SandboxConfig(faults=Faults(drop=1.0)), clock=VirtualClock())
    client = connect(target=sandbox)
    me = min(sandbox.accounts["demo"].table("person"))
    with pytest.raises(httpx.RemoteProtocolError):
        await client.post("/timer/", json={"personid": me, "name": "x"})
    # the write happened although its response was lost, as on a real network
    assert any(t["name"] == "x" for t in sandbox.accounts["demo"].table("timer").values())


async def test_truncated_and_malformed_bodies(connect: Connect) -> None:
    for kind in ("truncate", "malformed"):
        sandbox = Sandbox(SandboxConfig(faults=Faults(**{kind: 1.0})), clock=VirtualClock())
        response = await connect(target=sandbox).get("/task/")
        assert response.status_code == 200
        with pytest.raises(json.JSONDecodeError):
            response.json()


async def test_faults_are_seeded(connect: Connect) -> None:
    async def sequence(seed: int) -> list[int]:
        config = SandboxConfig(seed=seed, faults=Faults(error=0.3, offline=0.2))
        sandbox = Sandbox(config, clock=VirtualClock())
        client = connect(target=sandbox)
        return [(await client.get("/taskstatus/")).status_code for _ in range(40)]

    first = await sequence(11)
    assert first == await sequence(11)
    assert {200, 500, 502} <= set(first)
    assert first != await sequence(12)


async def test_slow_responses_wait_on_the_clock(connect: Connect) -> None:
    clock = VirtualClock()
    config = SandboxConfig(faults=Faults(slow=1.0, slow_seconds=45.0))
    sandbox = Sandbox(config, clock=clock)
    client = connect(target=sandbox)
    results: list[int] = []

    async def call() -> None:
        results.append((await client.get("/me/")).status_code)

    async with anyio.create_task_group() as tg:
        tg.start_soon(call)
        await anyio.wait_all_tasks_blocked()
        clock.advance(44.9)
        await anyio.wait_all_tasks_blocked()
        assert results == []
        clock.advance(0.1)
    assert results == [200]


async def test_latency_delays_arrival_and_response(connect: Connect) -> None:
    clock = VirtualClock(start=1_000_000.0)
    sandbox = Sandbox(SandboxConfig(latency=Latency(base=0.2, jitter=0.1)), clock=clock)
    client = connect(target=sandbox)
    done: list[float] = []

    async def call() -> None:
        await client.get("/me/")
        done.append(clock.time())

    async with anyio.create_task_group() as tg:
        tg.start_soon(call)
        while not done:
            await anyio.wait_all_tasks_blocked()
            deadline = clock.next_deadline()
            if deadline is not None:
                clock.set(deadline)
    arrival = sandbox.audit.entries[0].time
    assert 1_000_000.1 <= arrival < 1_000_000.15
    assert 1_000_000.2 <= done[0] < 1_000_000.3


def test_bad_fault_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="probability"):
        Faults(drop=1.5)
    with pytest.raises(ValueError, match="negative"):
        Latency(base=-1)
