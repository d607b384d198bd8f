"""The governor head-to-head: ours against the limiters users would pick instead.

Run: ``.venv/bin/python -m benchmarks.governor`` (``--quick`` for a smaller run, under a minute).

For each server window policy of the sandbox (``sliding``, ``fixed``, ``bucket``, ``counter``),
64 concurrent tasks make ``--requests`` successful requests through the in-process sandbox, with
seeded lognormal latency (median 200 ms, p99 2 s), in virtual time. Each limiter is used as its
documentation shows; after a code 12, a task waits a second and tries again (its own retry loop;
ours retries by itself). One JSON object per line:

- ``violations``: code-12 answers;
- ``suspended_s``: seconds the sandbox held the IP suspended (the union of the suspensions);
- ``utilization``: the least-squares slope of accepted-arrival index against server arrival time
  over the middle 80% of the run, times W/N: the sustained rate as a fraction of the limit;
- ``wall_s``: real seconds the run took.

Then the short jobs of ``benchmarks/bursts.py``: a job of 10, 50 or 100 requests on an idle
egress, jobs repeated 5 s apart, and a burst after a busy minute, with their code 12 counts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

import aiolimiter
import attrs
import limits
import limits.aio.storage
import limits.aio.strategies
import pyrate_limiter

from intervals_async.governor import (
    Limits,
    MemoryStore,
    Outcome,
    RateGovernor,
    Store,
    open_store,
)
from intervals_async.sandbox import WindowPolicy

from . import bursts
from ._judge import utilization
from ._scenario import START, Gate, Scenario, virtual
from ._virtual import VirtualLoop

PER_MINUTE, WINDOW, TASKS = 100, 60.0, 64


def _peers() -> dict[str, Callable[[], Gate]]:
    """Each peer limiter, configured for 100 per minute as its docs show, as a 'wait' call."""

    def aiolimiter_gate() -> Gate:
        limiter = aiolimiter.AsyncLimiter(PER_MINUTE, WINDOW)
        return limiter.acquire

    def pyrate_gate() -> Gate:
        limiter = pyrate_limiter.Limiter(
            pyrate_limiter.Rate(PER_MINUTE, pyrate_limiter.Duration.MINUTE)
        )

        async def wait() -> None:
            await limiter.try_acquire_async("intervals")

        return wait

    def limits_gate() -> Gate:
        storage = limits.aio.storage.MemoryStorage()
        strategy = limits.aio.strategies.MovingWindowRateLimiter(storage)
        item = limits.RateLimitItemPerMinute(PER_MINUTE)

        async def wait() -> None:
            while not await strategy.hit(item, "intervals"):
                stats = await strategy.get_window_stats(item, "intervals")
                now = START.timestamp() + asyncio.get_running_loop().time()  # limits' clock
                await asyncio.sleep(max(0.01, stats.reset_time - now))

        return wait

    async def nothing() -> None:
        return None

    return {
        "aiolimiter": aiolimiter_gate,
        "pyrate-limiter": pyrate_gate,
        "limits": limits_gate,
        "none": lambda: nothing,
    }


def suspended(refusals: list[float], suspension: float) -> float:
    """The length of the union of the suspensions the refusals started."""
    total, until = 0.0, float("-inf")
    for t in sorted(refusals):
        start = max(t, until)
        until = max(until, t + suspension)
        total += max(0.0, until - start)
    return total


async def _run(limiter: str, policy: WindowPolicy, requests: int) -> dict[str, Any]:
    # Ours starts with a new state (the cautious start): the head-to-head measures pacing.
    run = Scenario(policy, None if limiter == "ours" else _peers()[limiter])
    wall = time.perf_counter()
    await run.job(requests, TASKS)
    entries = [e for e in run.sandbox.audit.entries if e.path != "/quota/"]
    refused = run.refusals()
    return {
        "limiter": limiter,
        "policy": policy.value,
        "requests": sum(1 for e in entries if e.status == 200),
        "violations": len(refused),
        "suspended_s": round(suspended(refused, run.config.suspension), 1),
        "utilization": round(
            utilization([e.time for e in entries if e.status == 200], PER_MINUTE, WINDOW), 4
        ),
        "wall_s": round(time.perf_counter() - wall, 2),
        "arrivals": [e.time - START.timestamp() for e in entries],
    }


def run(limiter: str, policy: WindowPolicy, requests: int) -> dict[str, Any]:
    """One limiter under one server policy, on a fresh virtual-time loop."""
    result: dict[str, Any] = virtual(lambda: _run(limiter, policy, requests))
    return result


async def _overhead(n: int, store: Store) -> tuple[float, float]:
    """Microseconds of CPU and of wall time per acquire + release when a slot is free."""
    # The clock a client has by default (the wall clock); no slot is ever waited for here, so
    # the loop's virtual time would only add the cost of asking anyio which loop is running.
    governor = RateGovernor(store=store)
    outcome = Outcome(completed_at=time.time(), sent=True, status=200)
    for _ in range(min(1000, n // 10)):  # warm up
        await governor.release(await governor.acquire(account="a", egress="ip"), outcome)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(n):
        permit = await governor.acquire(account="a", egress="ip")
        await governor.release(permit, outcome)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    await governor.aclose()
    return cpu / n * 1e6, wall / n * 1e6


async def _aiolimiter_overhead(n: int) -> float:
    """Microseconds of CPU per acquire of aiolimiter's leaky bucket with room to spare: the
    peer's cost of the same question, measured in the same run."""
    limiter = aiolimiter.AsyncLimiter(10**12, 60)
    for _ in range(min(1000, n // 10)):
        await limiter.acquire()
    cpu = time.process_time()
    for _ in range(n):
        await limiter.acquire()
    return (time.process_time() - cpu) / n * 1e6


def overhead(n: int = 200_000, host_n: int = 5_000) -> dict[str, Any]:
    """The governor's own cost per request: in memory (target: at most 20 microseconds), and
    through the per-host default store, a SQLite file (target: under 1 ms; the API allows at
    most 1.67 requests a second per IP)."""
    limits = Limits(per_minute=10**9, burst=10**9, daily=10**9, pace=1.0)
    loop = VirtualLoop()
    try:
        micros, _ = loop.run_until_complete(_overhead(n, MemoryStore(limits)))
    finally:
        loop.close()
    peer = asyncio.run(_aiolimiter_overhead(n))
    # The host store on a real loop (its transactions run in a worker thread). Its window is
    # shortened to 0.1 s, so that the state it reads and writes each time holds about as many
    # slots as a real window does (at most 100), instead of every request measured. In a
    # folder of its own: these limits must never reach the user's real state.
    host_limits = attrs.evolve(limits, window=0.1, margin=0.0)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["INTERVALS_STATE_DIR"] = folder
        store = open_store("host", host_limits)
        host_cpu, host_wall = asyncio.run(_overhead(host_n, store))
    return {
        "bench": "governor_overhead",
        "requests": n,
        "acquire_release_us": round(micros, 2),
        "aiolimiter_acquire_us": round(peer, 2),
        "ratio_to_aiolimiter": round(micros / peer, 1),
        "host_store_requests": host_n,
        "host_store_us": round(host_wall, 1),
        "host_store_cpu_us": round(host_cpu, 1),
    }


def main(argv: list[str] | None = None) -> None:
    """Print one JSON line per limiter and policy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="600 requests instead of 2,000")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--limiter", action="append", help="only these limiters")
    parser.add_argument(
        "--overhead", action="store_true", help="print the acquire + release cost and stop"
    )
    parser.add_argument("--plot", metavar="PNG", help="draw the sliding-window runs into PNG")
    args = parser.parse_args(argv)
    if args.overhead:
        print(json.dumps(overhead()))
        return
    requests = args.requests or (600 if args.quick else 2000)
    limiters = args.limiter or ["ours", "aiolimiter", "pyrate-limiter", "limits", "none"]
    drawn: dict[str, list[float]] = {}
    for policy in WindowPolicy:
        for limiter in limiters:
            figures = run(limiter, policy, requests)
            arrivals = figures.pop("arrivals")
            if policy is WindowPolicy.SLIDING:
                drawn[limiter] = arrivals
            print(json.dumps(figures), flush=True)
    if args.plot:
        plot(drawn, args.plot)
        print(json.dumps({"bench": "governor_plot", "png": args.plot}), flush=True)
    for row in bursts.rows(limiters, _peers(), requests):  # short jobs on an idle egress
        print(json.dumps(row), flush=True)


def in_window(arrivals: list[float], window: float = WINDOW) -> list[int]:
    """For each arrival, the arrivals in the ``window`` seconds up to and including it."""
    ordered = sorted(arrivals)
    counts, start = [], 0
    for index, t in enumerate(ordered):
        while ordered[start] <= t - window:
            start += 1
        counts.append(index - start + 1)
    return counts


def plot(arrivals: dict[str, list[float]], path: str) -> None:
    """Requests per sliding 60 s window over time, one panel per limiter, the limit as a line."""
    import matplotlib

    matplotlib.use("Agg")  # no display: write the file
    import matplotlib.pyplot as plt

    figure, _ = plt.subplots(len(arrivals), 1, figsize=(9, 2.2 * len(arrivals)), sharex=True)
    for ax, (limiter, times) in zip(figure.axes, arrivals.items(), strict=True):
        ordered = sorted(times)
        counts = in_window(ordered)
        worst = max(counts, default=0)
        ax.step([t / 60 for t in ordered], counts, where="post", linewidth=1)
        ax.axhline(PER_MINUTE, color="red", linestyle="--", linewidth=1, label="limit (100)")
        ax.set_title(f"{limiter}: at most {worst} in any 60 s", fontsize=9, loc="left")
        ax.set_ylabel("per 60 s")
        ax.set_ylim(0, max(worst, PER_MINUTE) * 1.15)
        ax.legend(loc="lower right", fontsize=8)
    figure.axes[-1].set_xlabel("minutes (sliding-window server, 64 tasks, virtual time)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


if __name__ == "__main__":
    main()
