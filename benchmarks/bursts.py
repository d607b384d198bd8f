"""Short jobs on an idle egress: how fast each limiter finishes them, and at what cost.

Printed by ``.venv/bin/python -m benchmarks.governor`` (``--quick`` too) after the head-to-head,
one JSON object per line, all in virtual time against the in-process sandbox with seeded
lognormal latency (median 200 ms, p99 2 s), under each server window policy:

- ``short_job``: k = 10, 50 and 100 requests at concurrency 8 on an idle egress (and 50 at
  concurrency 50): the seconds until the last one is done, and the code 12 answers. At
  concurrency 8 the latency alone sets the floor (no limiter finishes sooner). ``ours`` keeps a
  state that has seen the window (a per-host store kept for a minute, or Redis); ``ours-fresh``
  a state that has seen nothing (a new in-memory governor), which starts cautiously. Ours
  reconciles the day with ``/quota/`` first, which takes a slot of the minute too: its job of
  100 is 101 requests, and the last waits for the window.
- ``repeated_jobs``: three jobs of 50, started 5 s apart, each by a fresh client with a fresh
  governor, as separate processes are. ``ours`` share one store (standing for the per-host file,
  which virtual time cannot drive); the peers each get a new limiter, as a new process does.
- ``burst_after_busy``: a full window of paced requests, an idle spell of 5, 30 or 61 s, then a
  job of 50.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from intervals_async import IntervalsClient, LoopClock, RequestsTooFast, RetryPolicy
from intervals_async.governor import MemoryStore, RateGovernor, Store, Unmetered
from intervals_async.sandbox import Latency, Sandbox, SandboxConfig, WindowPolicy

from ._virtual import VirtualLoop, patched_time

__all__ = ["rows"]

CONCURRENCY = 8
SPACING = 5.0  # seconds between the starts of repeated jobs


class _Run:
    """One scenario: a sandbox on the loop's virtual clock, and jobs sent through a limiter."""

    def __init__(self, policy: WindowPolicy, limiter: str, peers: dict[str, Callable[[], Any]]):
        from .governor import BASE, START

        self.clock = LoopClock(START)
        config = SandboxConfig(seed=1, window_policy=policy, latency=Latency(median=0.2, p99=2.0))
        self.sandbox = Sandbox(config, clock=self.clock)
        self.records = list(self.sandbox.accounts["demo"].table("time"))
        self.limiter, self.peers, self.base = limiter, peers, BASE
        self.next_record = 0
        # ours: one state for every job of the run, as a per-host file or Redis keeps it. A
        # state "kept for a window" has seen the empty window before the run began.
        seen = None if limiter == "ours-fresh" else self.clock.time()
        self.store: Store = MemoryStore(seen_since=seen)

    def _client(self) -> tuple[IntervalsClient, Any]:
        if self.limiter.startswith("ours"):
            governor = RateGovernor(store=self.store, clock=self.clock)
            client = IntervalsClient(
                self.sandbox.token(),
                base_url=self.base,
                transport=self.sandbox.transport(),
                governor=governor,
                clock=self.clock,
            )
            return client, None
        client = IntervalsClient(
            self.sandbox.token(),
            base_url=self.base,
            transport=self.sandbox.transport(),
            governor=Unmetered(),
            retry=RetryPolicy(attempts=1),
            clock=self.clock,
            quota_sync=None,
        )
        return client, self.peers[self.limiter]()  # a new limiter: a new process

    async def job(self, k: int, concurrency: int = CONCURRENCY) -> float:
        """Send ``k`` distinct reads at ``concurrency``; the seconds until the last is done."""
        client, gate = self._client()
        remaining = k
        started = self.clock.time()

        async def task() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                # another record each time: identical concurrent reads would share one request
                entry = self.records[self.next_record % len(self.records)]
                self.next_record += 1
                while True:
                    if gate is not None:
                        await gate()
                    try:
                        await client.time.get(entry)
                        break
                    except RequestsTooFast:
                        await asyncio.sleep(1.0)  # the user's own retry loop

        async with client:
            await asyncio.gather(*(task() for _ in range(concurrency)))
        return self.clock.time() - started

    def code_12s(self) -> int:
        return sum(1 for e in self.sandbox.audit.entries if e.code == 12)


def _virtual(scenario: Callable[[], Any]) -> Any:
    from .governor import START

    loop = VirtualLoop()
    try:
        with patched_time(loop, START.timestamp()):
            return loop.run_until_complete(scenario())
    finally:
        loop.close()


def short_job(
    policy: WindowPolicy, limiter: str, k: int, concurrency: int = CONCURRENCY
) -> dict[str, Any]:
    """k requests at ``concurrency`` on an idle egress."""
    from .governor import _peers

    async def scenario() -> dict[str, Any]:
        run = _Run(policy, limiter, _peers())
        seconds = await run.job(k, concurrency)
        return {
            "bench": "short_job",
            "limiter": limiter,
            "policy": policy.value,
            "n": k,
            "tasks": concurrency,
            "seconds": round(seconds, 2),
            "violations": run.code_12s(),
        }

    result: dict[str, Any] = _virtual(scenario)
    return result


def repeated_jobs(policy: WindowPolicy, limiter: str, jobs: int = 3, k: int = 50) -> dict[str, Any]:
    """Jobs of k, started SPACING apart, each a fresh client and governor (or limiter)."""
    from .governor import _peers

    async def scenario() -> dict[str, Any]:
        run = _Run(policy, limiter, _peers())

        async def later(index: int) -> float:
            await asyncio.sleep(index * SPACING)
            return await run.job(k)

        seconds = await asyncio.gather(*(later(i) for i in range(jobs)))
        return {
            "bench": "repeated_jobs",
            "limiter": limiter,
            "policy": policy.value,
            "n": k,
            "seconds": [round(s, 2) for s in seconds],
            "violations": run.code_12s(),
        }

    result: dict[str, Any] = _virtual(scenario)
    return result


def burst_after_busy(policy: WindowPolicy, idle: float, k: int = 50) -> dict[str, Any]:
    """A full window through our governor, ``idle`` seconds of nothing, then a job of k."""
    from .governor import _peers

    async def scenario() -> dict[str, Any]:
        run = _Run(policy, "ours", _peers())
        busy = await run.job(100)
        await asyncio.sleep(idle)
        seconds = await run.job(k)
        return {
            "bench": "burst_after_busy",
            "limiter": "ours",
            "policy": policy.value,
            "n": k,
            "idle_s": idle,
            "busy_s": round(busy, 2),
            "seconds": round(seconds, 2),
            "violations": run.code_12s(),
        }

    result: dict[str, Any] = _virtual(scenario)
    return result


def rows(limiters: list[str]) -> list[dict[str, Any]]:
    """Every scenario, for ``ours`` and the peers named in ``limiters``."""
    peers = [name for name in limiters if name not in ("ours", "none")]
    ours = ["ours", "ours-fresh"] if "ours" in limiters else []
    found = []
    for policy in WindowPolicy:
        for limiter in [*ours, *peers]:
            for k in (10, 50, 100):
                found.append(short_job(policy, limiter, k))
        if ours:
            found.append(short_job(policy, "ours", 50, concurrency=50))
        for limiter in [*ours[:1], *peers]:
            found.append(repeated_jobs(policy, limiter))
        if ours:
            for idle in (5.0, 30.0, 61.0):
                found.append(burst_after_busy(policy, idle))
    return found
