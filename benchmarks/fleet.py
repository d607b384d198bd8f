"""A fleet sharing one governor store: OS processes against the sandbox served over TCP.

``python -m benchmarks.fleet`` runs the issue's benchmark: 8 processes x 16 concurrent tasks on one
egress identity, the sandbox's window scaled down to 100 requests per 6 s, once with a SQLite store
and once with Redis; the sandbox's audit log is the judge (violations = code 12 answers,
utilization as in ``benchmarks.governor``). ``--quick`` runs a shorter version. Each worker also
reports how many store round trips it made per request.

``python -m benchmarks.fleet worker ...`` is one worker process (the tests start them too).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from itertools import count
from pathlib import Path
from typing import Any

import anyio
import httpx

from intervals_async import DailyQuotaExceeded, DayClosed, IntervalsClient, RetryPolicy
from intervals_async.governor import Limits, RateGovernor, RedisStore, SQLiteStore, Store
from intervals_async.sandbox import Sandbox, SandboxConfig, serving

from ._judge import max_in_window, utilization

REDIS_URL = "redis://127.0.0.1:6379/12"  # the benchmark's own database number


class Identity(httpx.AsyncHTTPTransport):
    """A transport that presents the sandbox's client-IP override: one simulated egress IP."""

    def __init__(self, ip: str) -> None:
        super().__init__()
        self.ip = ip

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["x-sandbox-client-ip"] = self.ip
        return await super().handle_async_request(request)


def limits_for(per_minute: int, window: float, daily: int, lease: float) -> Limits:
    """The governor's limits for a scaled-down sandbox window (the margin scaled with it)."""
    return Limits(
        per_minute=per_minute,
        window=window,
        daily=daily,
        lease=lease,
        cooldown=window,
        margin=max(0.02, window / 600),
    )


def store_for(kind: str, where: str, limits: Limits, prefix: str) -> Store:
    """A SQLite store on file ``where``, or a Redis store at URL ``where``."""
    if kind == "sqlite":
        return SQLiteStore(where, limits)
    return RedisStore(where, limits, prefix=prefix)


async def _worker(args: argparse.Namespace) -> dict[str, Any]:
    limits = limits_for(args.per_minute, args.window, args.daily, args.lease)
    store = store_for(args.store, args.where, limits, args.prefix)
    governor = RateGovernor(store=store)
    sent = 0
    closed = False
    offsets = count(args.offset, args.stride)
    deadline = time.monotonic() + args.seconds
    client = IntervalsClient(
        args.token,
        base_url=args.url,
        transport=Identity(args.ip),
        governor=governor,
        account=args.account,
        egress=args.ip,
        quota_sync=None,
        retry=RetryPolicy(attempts=1),
        cache=False,
    )

    async def task() -> None:
        nonlocal sent, closed
        while not closed and time.monotonic() < deadline:
            try:
                # a different page each time: identical concurrent reads would be merged
                await client.call(
                    "GET", "/time/", params={"limit": "1", "offset": str(next(offsets))}
                )
            except (DailyQuotaExceeded, DayClosed):
                closed = True
                return
            sent += 1

    async with client, anyio.create_task_group() as group:
        for _ in range(args.tasks):
            group.start_soon(task)
    calls = getattr(store, "calls", None)
    await governor.aclose()
    return {"sent": sent, "day_closed": closed, "store_calls": calls}


def worker(argv: Sequence[str]) -> None:
    """One worker process: prints a JSON summary when its time is up or its day is spent."""
    parser = argparse.ArgumentParser(prog="benchmarks.fleet worker")
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--store", choices=["sqlite", "redis"], required=True)
    parser.add_argument("--where", required=True)
    parser.add_argument("--prefix", default="intervals-async-fleet")
    parser.add_argument("--ip", default="10.0.0.1")
    parser.add_argument("--account", default="demo")
    parser.add_argument("--tasks", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--per-minute", type=int, default=100)
    parser.add_argument("--window", type=float, default=6.0)
    parser.add_argument("--daily", type=int, default=1_000_000)
    parser.add_argument("--lease", type=float, default=5.0)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--stride", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(anyio.run(_worker, args)), flush=True)


def start_worker(**options: Any) -> subprocess.Popen[str]:
    """Start one worker process (options as the worker's flags, underscores for dashes)."""
    argv = [sys.executable, "-m", "benchmarks.fleet", "worker"]
    for name, value in options.items():
        argv += [f"--{name.replace('_', '-')}", str(value)]
    root = Path(__file__).resolve().parents[1]
    return subprocess.Popen(argv, cwd=root, stdout=subprocess.PIPE, text=True)


def run(kind: str, processes: int, tasks: int, seconds: float) -> dict[str, Any]:
    """``processes`` x ``tasks`` on one egress identity through one ``kind`` store."""
    per_minute, window = 100, 6.0
    sandbox = Sandbox(SandboxConfig(seed=1, per_minute=per_minute, window=window, suspension=6.0))
    prefix = f"intervals-async-bench-{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp, serving(sandbox) as url:
        where = str(Path(tmp) / "governor.db") if kind == "sqlite" else REDIS_URL
        workers = [
            start_worker(
                url=url,
                token=sandbox.token(),
                store=kind,
                where=where,
                prefix=prefix,
                ip="10.0.0.1",
                tasks=tasks,
                seconds=seconds,
                per_minute=per_minute,
                window=window,
                offset=i,
                stride=processes,
            )
            for i in range(processes)
        ]
        reports = [json.loads(w.communicate()[0]) for w in workers]
        if kind == "redis":
            anyio.run(_clear_redis, prefix)
    arrivals = [e for e in sandbox.audit.entries if e.ip == "10.0.0.1"]
    sent = sum(r["sent"] for r in reports)
    calls = [r["store_calls"] for r in reports if r["store_calls"] is not None]
    return {
        "store": kind,
        "processes": processes,
        "tasks": tasks,
        "requests": len(arrivals),
        "violations": sum(1 for e in arrivals if e.code == 12),
        "max_in_window": max_in_window([e.time for e in arrivals], window),
        "utilization": round(
            utilization([e.time for e in arrivals if e.status == 200], per_minute, window), 4
        ),
        # store round trips per request: one to acquire, one to release, and the extra asks of
        # requests that had to wait for a completion or a boundary
        "round_trips_per_request": round(sum(calls) / sent, 3) if calls and sent else None,
    }


async def _clear_redis(prefix: str) -> None:
    store = RedisStore(REDIS_URL, prefix=prefix)
    await store.clear()
    await store.aclose()


def main(argv: Sequence[str] | None = None) -> None:
    """Run the fleet benchmark (or, with ``worker`` first, one worker)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["worker"]:
        worker(argv[1:])
        return
    parser = argparse.ArgumentParser(prog="benchmarks.fleet", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 s per store instead of 60 s")
    parser.add_argument("--store", choices=["sqlite", "redis"], action="append")
    args = parser.parse_args(argv)
    for kind in args.store or ["sqlite", "redis"]:
        print(json.dumps(run(kind, 8, 16, 20.0 if args.quick else 60.0)), flush=True)


if __name__ == "__main__":
    main()
