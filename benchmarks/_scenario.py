"""One run of requests against the in-process sandbox in virtual time, through our governor or a
peer limiter: what the head-to-head (``governor.py``) and the short jobs (``bursts.py``) share."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from intervals_async import IntervalsClient, LoopClock, RequestsTooFast, RetryPolicy
from intervals_async.governor import MemoryStore, RateGovernor, Unmetered
from intervals_async.sandbox import Latency, Sandbox, SandboxConfig, WindowPolicy

from ._virtual import VirtualLoop, patched_time

__all__ = ["BASE", "START", "Gate", "Scenario", "virtual"]

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
BASE = "https://api.sandbox.invalid/"

Gate = Callable[[], Awaitable[Any]]


class Scenario:
    """A sandbox on the loop's virtual clock (seeded lognormal latency, median 200 ms, p99 2 s),
    and jobs sent to it.

    Args:
        policy: the sandbox's window policy.
        gate: a peer limiter's factory (a new limiter per job, as a new process has), or
            ``None`` for our governor.
        seen: our governor's state has seen the window (empty) before the run began: a per-host
            store kept for a minute, or Redis. Otherwise it has seen nothing (a new governor in
            memory). Every job of a run shares the one state, as processes share a store.
    """

    def __init__(
        self, policy: WindowPolicy, gate: Callable[[], Gate] | None = None, *, seen: bool = False
    ) -> None:
        self.clock = LoopClock(START)
        self.config = SandboxConfig(
            seed=1, window_policy=policy, latency=Latency(median=0.2, p99=2.0)
        )
        self.sandbox = Sandbox(self.config, clock=self.clock)
        self.records = list(self.sandbox.accounts["demo"].table("time"))
        self.gate = gate
        self.store = MemoryStore(seen_since=self.clock.time() if seen else None)
        self._next = 0

    def _client(self) -> IntervalsClient:
        if self.gate is None:
            return IntervalsClient(
                self.sandbox.token(),
                base_url=BASE,
                transport=self.sandbox.transport(),
                governor=RateGovernor(store=self.store, clock=self.clock),
                clock=self.clock,
            )
        return IntervalsClient(
            self.sandbox.token(),
            base_url=BASE,
            transport=self.sandbox.transport(),
            governor=Unmetered(),
            retry=RetryPolicy(attempts=1),
            clock=self.clock,
            quota_sync=None,
        )

    async def job(self, k: int, concurrency: int) -> float:
        """``k`` distinct reads at ``concurrency``, by a fresh client; the seconds until the last
        is done. After a code 12 a peer's task waits a second and tries again (its own retry
        loop); ours retries by itself."""
        client = self._client()
        gate = None if self.gate is None else self.gate()
        remaining = k
        started = self.clock.time()

        async def task() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                # another record each time: identical concurrent reads would share one request
                entry = self.records[self._next % len(self.records)]
                self._next += 1
                while True:
                    if gate is not None:
                        await gate()
                    try:
                        await client.time.get(entry)
                        break
                    except RequestsTooFast:
                        await asyncio.sleep(1.0)

        async with client:
            await asyncio.gather(*(task() for _ in range(concurrency)))
        return self.clock.time() - started

    def refusals(self) -> list[float]:
        """When the sandbox answered code 12."""
        return [e.time for e in self.sandbox.audit.entries if e.code == 12]


def virtual(scenario: Callable[[], Awaitable[Any]]) -> Any:
    """Run a coroutine function on a fresh virtual-time loop (every clock patched to it)."""
    loop = VirtualLoop()
    try:
        with patched_time(loop, START.timestamp()):
            return loop.run_until_complete(scenario())
    finally:
        loop.close()
