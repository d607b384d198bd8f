"""Requests a realistic sync loop costs with and without the response cache.

Run: ``.venv/bin/python -m benchmarks.bench_cache`` (prints one JSON object per line).

The loop a sync worker runs: read every time entry, then resolve each entry's project, its client,
its person and its work type (as a mirror or a report needs them). In-process sandbox with 5,000
time entries; requests counted from the sandbox's audit log.
"""

from __future__ import annotations

import json
import time
from typing import Any

import anyio

from intervals_async import IntervalsClient
from intervals_async.governor import Unmetered
from intervals_async.sandbox import AccountSpec, DataSize, Sandbox, SandboxConfig


async def sync_loop(cache: bool) -> dict[str, Any]:
    # Limits raised: this counts requests; pacing them would only make it slow.
    config = SandboxConfig(
        seed=4,
        size=DataSize(time_entries=5000),
        per_minute=10**9,
        accounts=(AccountSpec("demo", daily_limit=10**9),),
    )
    sandbox = Sandbox(config)
    async with IntervalsClient(
        sandbox.token(),
        base_url="https://api.sandbox.invalid/",
        transport=sandbox.transport(),
        governor=Unmetered(),  # requests are what is measured here, not pacing
        cache=cache,
    ) as client:
        start = time.perf_counter()
        entries = 0
        async for entry in client.time.iterate():
            entries += 1
            assert entry.projectid and entry.personid and entry.worktypeid
            project = await client.project.get(entry.projectid)
            if project.clientid:
                await client.client.get(project.clientid)
            await client.person.get(entry.personid)
            await client.worktype.get(entry.worktypeid)
        stats = client.statistics()
    return {
        "bench": "sync_loop",
        "cache": cache,
        "entries": entries,
        "requests": len(sandbox.audit),
        "cache_hits": stats.cache_hits,
        "wall_s": round(time.perf_counter() - start, 2),
    }


async def main() -> None:
    without = await sync_loop(cache=False)
    with_cache = await sync_loop(cache=True)
    print(json.dumps(without))
    print(json.dumps(with_cache))
    ratio = without["requests"] / with_cache["requests"]
    print(json.dumps({"bench": "sync_loop_ratio", "requests_without_over_with": round(ratio, 1)}))


if __name__ == "__main__":
    anyio.run(main)
