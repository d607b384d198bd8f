"""One worker process for the per-host default tests: an ``IntervalsClient`` that sends as fast
as its governor lets it, and prints a JSON summary.

It passes no store: the governor keeps the limits it is given in the per-host default store
(``INTERVALS_STATE_DIR`` points it at the test's folder), unless ``--memory`` asks for a store of
its own in memory (the test that shows the default is what keeps the window).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time

import anyio

from intervals_async import IntervalsClient, RequestsTooFast, RetryPolicy
from intervals_async.governor import Limits, MemoryStore, RateGovernor


async def main() -> None:
    """Parse the arguments, say "ready", wait for "go" on stdin, send until the time is up or
    "stop" comes on stdin (or stdin closes)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--per-minute", type=int, required=True)
    parser.add_argument("--window", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--tasks", type=int, default=8)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    limits = Limits(
        per_minute=args.per_minute,
        window=args.window,
        daily=1_000_000,
        cooldown=args.window,
        lease=1.5 * args.window,
        margin=max(0.02, args.window / 600),
    )
    governor = RateGovernor(limits, store=MemoryStore(limits) if args.memory else None)
    client = IntervalsClient(
        args.token,
        base_url=args.url,
        governor=governor,
        retry=RetryPolicy(attempts=1),
        quota_sync=None,
        cache=False,
    )
    sent = too_fast = 0
    offsets = itertools.count()
    # Every worker imported and built before any sends: the test starts them together.
    print("ready", flush=True)
    await anyio.to_thread.run_sync(sys.stdin.readline)
    deadline = time.time() + args.seconds
    stopped = anyio.Event()

    async def told_to_stop() -> None:
        # A daemon thread's readline: a worker that ends by its deadline need not wait for it.
        line = await anyio.to_thread.run_sync(sys.stdin.readline, abandon_on_cancel=True)
        if line in ("", "stop\n"):
            stopped.set()

    async def task() -> None:
        nonlocal sent, too_fast
        while time.time() < deadline and not stopped.is_set():
            try:
                # a different page each time: identical concurrent reads would be merged
                await client.call(
                    "GET", "/time/", params={"limit": "1", "offset": str(next(offsets) % 500)}
                )
                sent += 1
            except RequestsTooFast:
                too_fast += 1

    async with client, anyio.create_task_group() as group:
        group.start_soon(told_to_stop)
        async with anyio.create_task_group() as senders:
            for _ in range(args.tasks):
                senders.start_soon(task)
        group.cancel_scope.cancel()  # the senders are done: stop listening
    await governor.aclose()
    print(json.dumps({"sent": sent, "too_fast": too_fast, "store": repr(governor.store)}))


if __name__ == "__main__":
    anyio.run(main)
