"""One worker process of a fleet sharing a governor store (the fleet tests and
``benchmarks.fleet`` start them): an ``IntervalsClient`` with ``--tasks`` concurrent tasks on one
simulated egress IP, reading pages of the sandbox served over TCP until its time is up, its day is
spent, or (with ``--until-stop``) it is told "stop" on stdin; it prints a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from itertools import count
from pathlib import Path
from typing import Any

import anyio
import httpx

from intervals_async import DailyQuotaExceeded, DayClosed, IntervalsClient, RetryPolicy
from intervals_async.governor import Limits, RateGovernor, RedisStore, SQLiteStore, Store


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

    workers = anyio.create_task_group()

    async def until_told() -> None:
        # With --until-stop, the test says when: "stop" on stdin (or stdin closed), so that
        # nothing races the end of a fixed time on a slow machine. The tasks are cancelled then,
        # mid-request or waiting for a slot, as a process told to stop is (their slots go back).
        await anyio.to_thread.run_sync(sys.stdin.readline, abandon_on_cancel=True)
        workers.cancel_scope.cancel()

    async with client, anyio.create_task_group() as group:
        if args.until_stop:
            group.start_soon(until_told)
        async with workers:
            for _ in range(args.tasks):
                workers.start_soon(task)
        group.cancel_scope.cancel()
    calls = getattr(store, "calls", None)
    await governor.aclose()
    return {"sent": sent, "day_closed": closed, "store_calls": calls}


def worker(argv: Sequence[str]) -> None:
    """One worker process: prints a JSON summary when its time is up or its day is spent."""
    parser = argparse.ArgumentParser(prog="tests.governor.fleet_worker")
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
    parser.add_argument("--until-stop", action="store_true", help='send until "stop" on stdin')
    args = parser.parse_args(argv)
    print(json.dumps(anyio.run(_worker, args)), flush=True)


def start_worker(**options: Any) -> subprocess.Popen[str]:
    """Start one worker process (options as the worker's flags, underscores for dashes; a
    ``True`` option is a bare flag)."""
    argv = [sys.executable, "-m", "tests.governor.fleet_worker"]
    for name, value in options.items():
        flag = f"--{name.replace('_', '-')}"
        argv += [flag] if value is True else [flag, str(value)]
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        argv, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


if __name__ == "__main__":
    worker(sys.argv[1:])
