"""How fast the in-process sandbox answers, and what its data costs in memory.

Run: ``.venv/bin/python -m benchmarks.bench_sandbox`` (prints one JSON object per scenario).
The sandbox sits under every test and benchmark of the SDK, so it must not be the bottleneck.
"""

from __future__ import annotations

import json
import time
import tracemalloc

import anyio
import httpx

from intervals_async import VirtualClock
from intervals_async.sandbox import DataSize, Sandbox, SandboxConfig


async def _rate(sandbox: Sandbox, path: str, params: dict[str, str], n: int) -> float:
    async with httpx.AsyncClient(
        transport=sandbox.transport(), base_url="https://sandbox/", auth=(sandbox.token(), "X")
    ) as http:
        start = time.perf_counter()
        for _ in range(n):
            response = await http.get(path, params=params)
            assert response.status_code == 200, response.text
        return n / (time.perf_counter() - start)


async def main() -> None:
    """Print requests per second for typical calls, and seeding time and memory by size."""
    config = SandboxConfig(per_minute=10**9)  # measure the server, not the limiter
    sandbox = Sandbox(config, clock=VirtualClock())
    task = next(iter(sandbox.accounts["demo"].table("task")))
    for label, path, params, n in (
        ("GET /me/", "/me/", {}, 2000),
        ("GET /task/{id}/", f"/task/{task}/", {}, 2000),
        ("GET /time/?limit=10", "/time/", {}, 500),
        ("GET /time/?limit=100&projectid", "/time/", {"limit": "100", "projectid": "1,2"}, 300),
        ("GET /task/?limit=100", "/task/", {"limit": "100"}, 200),
    ):
        rate = await _rate(sandbox, path, params, n)
        print(json.dumps({"bench": "sandbox_rate", "call": label, "requests_per_s": round(rate)}))
    for factor in (1, 10):
        tracemalloc.start()
        start = time.perf_counter()
        Sandbox(SandboxConfig(size=DataSize.scaled(factor)), clock=VirtualClock())
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            json.dumps(
                {
                    "bench": "sandbox_seed",
                    "size": f"x{factor}",
                    "seed_ms": round(elapsed * 1000),
                    "peak_mib": round(peak / 2**20, 1),
                }
            )
        )


if __name__ == "__main__":
    anyio.run(main)
