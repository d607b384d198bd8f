"""A fleet sharing one account through Redis: sync workers on two hosts, one quota.

Run it (Redis on 127.0.0.1:6379, nothing else needed: the API is an embedded sandbox)::

    python docs/examples/fleet.py --hosts 2 --workers 3 [--redis redis://HOST:PORT/DB]

(or name the Redis in ``REDIS_URL``; database 0 of this host by default).

Each worker is its own OS process, as it would be on a real host. Every process builds its own
``RateGovernor`` on the same ``RedisStore``: processes of one host share that host's per-minute
window (the egress IP), every process shares the account's day, and a code 12 seen by one cools
down every process behind that IP. Here the two "hosts" are told apart by the sandbox's
client-IP override header; on real hosts, leave ``transport`` out and give each host its own
``egress`` name.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import uuid

import anyio
import httpx

from intervals_async import IntervalsClient
from intervals_async.governor import RateGovernor, RedisStore
from intervals_async.sandbox import Sandbox, SandboxConfig, serving


class _AsHost(httpx.AsyncHTTPTransport):
    """Only for the sandbox: present this host's IP, as a real host's socket would."""

    def __init__(self, ip: str) -> None:
        super().__init__()
        self.ip = ip

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["x-sandbox-client-ip"] = self.ip
        return await super().handle_async_request(request)


async def sync_worker(url: str, token: str, host: str, redis_url: str, prefix: str) -> int:
    """One sync worker: reads every time entry of the account, through the fleet's governor."""
    governor = RateGovernor(store=RedisStore(redis_url, prefix=prefix))
    async with IntervalsClient(
        token,
        base_url=url,
        governor=governor,
        egress=host,  # the per-minute window this process shares with its host
        transport=_AsHost(host),
        page_size=50,
    ) as client:
        entries = [entry async for entry in client.time.iterate()]
    await governor.aclose()
    return len(entries)


def _process(url: str, token: str, host: str, redis_url: str, prefix: str) -> None:
    count = anyio.run(sync_worker, url, token, host, redis_url, prefix)
    print(f"{host}: read {count} time entries", flush=True)


async def fleet_quota(redis_url: str, prefix: str, hosts: list[str]) -> None:
    """What the whole fleet spent, read from Redis."""
    store = RedisStore(redis_url, prefix=prefix)
    governor = RateGovernor(store=store)
    for host in hosts:
        stats = await governor.statistics(account="default", egress=host)
        print(f"window of {host}: {stats.window_used} of {governor.limits.per_minute} used")
    print(f"the account's day: {stats.day_used} of {stats.day_limit} requests spent")
    await store.clear()  # the example leaves no keys behind
    await governor.aclose()


def main(argv: list[str] | None = None) -> None:
    """Start the sandbox, then the workers of every host, and report the fleet's quota."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3, help="worker processes per host")
    parser.add_argument(
        "--redis",
        default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        help="the Redis to share (default: REDIS_URL, else database 0 on this host)",
    )
    parser.add_argument(
        "--prefix",
        default=f"fleet-example-{uuid.uuid4().hex[:8]}",
        help="the fleet's key prefix (default: a new one per run)",
    )
    args = parser.parse_args(argv)
    prefix = args.prefix  # one fleet's keys
    sandbox = Sandbox(SandboxConfig(seed=1))
    hosts = [f"10.0.0.{n + 1}" for n in range(args.hosts)]
    with serving(sandbox) as url:
        context = multiprocessing.get_context("spawn")
        workers = [
            context.Process(target=_process, args=(url, sandbox.token(), host, args.redis, prefix))
            for host in hosts
            for _ in range(args.workers)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if any(worker.exitcode for worker in workers):
            raise SystemExit("a worker failed")
        anyio.run(fleet_quota, args.redis, prefix, hosts)
    refused = sum(1 for e in sandbox.audit.entries if e.code in (11, 12))
    print(f"the sandbox saw {len(sandbox.audit)} requests, {refused} refused for rate")


if __name__ == "__main__":
    main()
