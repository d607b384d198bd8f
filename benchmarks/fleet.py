"""A fleet sharing one governor store: OS processes against the sandbox served over TCP.

``python -m benchmarks.fleet`` runs the issue's benchmark: 8 processes x 16 concurrent tasks on one
egress identity, the sandbox's window scaled down to 100 requests per 6 s, once with a SQLite store
and once with Redis; the sandbox's audit log is the judge (violations = code 12 answers,
utilization as in ``benchmarks.governor``). ``--quick`` runs a shorter version. Each worker also
reports how many store round trips it made per request.

Each worker is ``tests/governor/fleet_worker.py``, the one the fleet tests start.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anyio

from intervals_async.governor import RedisStore
from intervals_async.sandbox import Sandbox, SandboxConfig, most_in_window, serving
from tests.governor.fleet_worker import start_worker

from ._judge import utilization

REDIS_URL = "redis://127.0.0.1:6379/12"  # the benchmark's own database number


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
        "max_in_window": most_in_window(arrivals, window),
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
    """Run the fleet benchmark."""
    parser = argparse.ArgumentParser(prog="benchmarks.fleet", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 s per store instead of 60 s")
    parser.add_argument("--store", choices=["sqlite", "redis"], action="append")
    args = parser.parse_args(argv)
    for kind in args.store or ["sqlite", "redis"]:
        print(json.dumps(run(kind, 8, 16, 20.0 if args.quick else 60.0)), flush=True)


if __name__ == "__main__":
    main()
