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
- ``sustained_kept``: the head-to-head's load (64 tasks) on a state that has seen the window, so
  that it starts with a burst (``first_minute``: requests in its first 60 s): the utilization of
  what follows the burst, beside the head-to-head's own (whose state is new).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from intervals_async.sandbox import WindowPolicy

from ._judge import utilization
from ._scenario import Gate, Scenario, virtual

__all__ = ["rows"]

CONCURRENCY = 8
SPACING = 5.0  # seconds between the starts of repeated jobs


def _scenario(policy: WindowPolicy, limiter: str, peers: dict[str, Callable[[], Gate]]) -> Scenario:
    if limiter.startswith("ours"):
        return Scenario(policy, seen=limiter == "ours")
    return Scenario(policy, peers[limiter])


def short_job(
    policy: WindowPolicy,
    limiter: str,
    peers: dict[str, Callable[[], Gate]],
    k: int,
    concurrency: int = CONCURRENCY,
) -> dict[str, Any]:
    """k requests at ``concurrency`` on an idle egress."""

    async def scenario() -> dict[str, Any]:
        run = _scenario(policy, limiter, peers)
        seconds = await run.job(k, concurrency)
        return {
            "bench": "short_job",
            "limiter": limiter,
            "policy": policy.value,
            "n": k,
            "tasks": concurrency,
            "seconds": round(seconds, 2),
            "violations": len(run.refusals()),
        }

    result: dict[str, Any] = virtual(scenario)
    return result


def repeated_jobs(
    policy: WindowPolicy, limiter: str, peers: dict[str, Callable[[], Gate]], k: int = 50
) -> dict[str, Any]:
    """Three jobs of k, started SPACING apart, each a fresh client and governor (or limiter)."""

    async def scenario() -> dict[str, Any]:
        run = _scenario(policy, limiter, peers)

        async def later(index: int) -> float:
            await asyncio.sleep(index * SPACING)
            return await run.job(k, CONCURRENCY)

        seconds = await asyncio.gather(*(later(i) for i in range(3)))
        return {
            "bench": "repeated_jobs",
            "limiter": limiter,
            "policy": policy.value,
            "n": k,
            "seconds": [round(s, 2) for s in seconds],
            "violations": len(run.refusals()),
        }

    result: dict[str, Any] = virtual(scenario)
    return result


def burst_after_busy(policy: WindowPolicy, idle: float, k: int = 50) -> dict[str, Any]:
    """A full window through our governor, ``idle`` seconds of nothing, then a job of k."""

    async def scenario() -> dict[str, Any]:
        run = Scenario(policy, seen=True)
        busy = await run.job(100, CONCURRENCY)
        await asyncio.sleep(idle)
        seconds = await run.job(k, CONCURRENCY)
        return {
            "bench": "burst_after_busy",
            "limiter": "ours",
            "policy": policy.value,
            "n": k,
            "idle_s": idle,
            "busy_s": round(busy, 2),
            "seconds": round(seconds, 2),
            "violations": len(run.refusals()),
        }

    result: dict[str, Any] = virtual(scenario)
    return result


def sustained_kept(policy: WindowPolicy, requests: int) -> dict[str, Any]:
    """The head-to-head's load on a state that has seen the window: does the burst cost any
    sustained utilization?"""

    async def scenario() -> dict[str, Any]:
        run = Scenario(policy, seen=True)
        await run.job(requests, 64)
        done = [
            e.time for e in run.sandbox.audit.entries if e.path != "/quota/" and e.status == 200
        ]
        # The burst of the first window is not sustained load: judge what follows it.
        after = sorted(done)[100:]
        return {
            "bench": "sustained_kept",
            "limiter": "ours",
            "policy": policy.value,
            "n": requests,
            "violations": len(run.refusals()),
            "utilization": round(utilization(after, 100, 60.0), 4),
            "first_minute": sum(1 for t in done if t - min(done) < 60.0),
        }

    result: dict[str, Any] = virtual(scenario)
    return result


def rows(
    limiters: list[str], peers: dict[str, Callable[[], Gate]], requests: int
) -> list[dict[str, Any]]:
    """Every scenario, for ``ours`` and the peers (of ``peers``) named in ``limiters``;
    ``requests``: the head-to-head's size."""
    others = [name for name in limiters if name in peers and name != "none"]
    ours = ["ours", "ours-fresh"] if "ours" in limiters else []
    found = []
    for policy in WindowPolicy:
        for limiter in [*ours, *others]:
            for k in (10, 50, 100):
                found.append(short_job(policy, limiter, peers, k))
        if ours:
            found.append(short_job(policy, "ours", peers, 50, concurrency=50))
        for limiter in [*ours[:1], *others]:
            found.append(repeated_jobs(policy, limiter, peers))
        if ours:
            for idle in (5.0, 30.0, 61.0):
                found.append(burst_after_busy(policy, idle))
            found.append(sustained_kept(policy, requests))
    return found
