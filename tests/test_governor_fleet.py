"""G1-G3 across OS processes: workers share a SQLite file or a Redis server, the sandbox over TCP
is the judge.

Each worker is a real process (``python -m benchmarks.fleet worker``) with its own governor on
the shared store, presenting a simulated egress IP through the sandbox's override header. The
windows are scaled down (20 requests per 1 s) so that a run takes seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest

from benchmarks._judge import max_in_window
from benchmarks.fleet import limits_for, start_worker, store_for
from intervals_async.sandbox import AccountSpec, Latency, Sandbox, SandboxConfig, serving

PER_MINUTE, WINDOW = 20, 1.0


@pytest.fixture(params=["sqlite", "redis"])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Where the workers keep the governor's state: a SQLite file, or Redis (own db, prefix)."""
    if request.param == "sqlite":
        yield {"store": "sqlite", "where": str(tmp_path / "governor.db"), "prefix": ""}
    else:
        url = request.getfixturevalue("redis_url")
        prefix = request.getfixturevalue("redis_prefix")
        yield {"store": "redis", "where": url, "prefix": prefix}


def _sandbox(*accounts: AccountSpec, latency: Latency | None = None) -> Sandbox:
    return Sandbox(
        SandboxConfig(
            seed=2,
            accounts=accounts,
            per_minute=PER_MINUTE,
            window=WINDOW,
            suspension=WINDOW,
            latency=latency or Latency(),
        )
    )


def _reports(workers: list[subprocess.Popen[str]]) -> list[dict[str, Any]]:
    reports = []
    for worker in workers:
        out, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, out
        reports.append(json.loads(out))
    return reports


def _judge(sandbox: Sandbox) -> None:
    """No code 11 or 12, and never more than N arrivals in a window from one IP."""
    entries = sandbox.audit.entries
    assert [e.code for e in entries if e.code in (11, 12)] == []
    for ip in {e.ip for e in entries}:
        assert max_in_window([e.time for e in entries if e.ip == ip], WINDOW) <= PER_MINUTE


def test_processes_on_one_ip_share_its_window_and_each_account_its_day(
    shared: dict[str, str],
) -> None:
    daily = 90
    sandbox = _sandbox(
        AccountSpec("north", daily_limit=daily), AccountSpec("south", daily_limit=daily)
    )
    with serving(sandbox) as url:
        workers = [
            start_worker(
                url=url,
                token=sandbox.token(account),
                account=account,
                ip=ip,
                tasks=8,
                seconds=60,
                per_minute=PER_MINUTE,
                window=WINDOW,
                daily=daily,
                offset=i,
                stride=4,
                **shared,
            )
            for i, (ip, account) in enumerate(
                [
                    ("10.0.0.1", "north"),
                    ("10.0.0.1", "south"),
                    ("10.0.0.2", "north"),
                    ("10.0.0.2", "south"),
                ]
            )
        ]
        reports = _reports(workers)
    _judge(sandbox)
    # every worker stopped on a spent day, and each day was spent exactly
    assert all(r["day_closed"] for r in reports)
    for account in ("north", "south"):
        assert sum(1 for e in sandbox.audit.entries if e.account == account) == daily
    # both IPs carried load: the window is per IP, not per fleet
    assert {e.ip for e in sandbox.audit.entries} == {"10.0.0.1", "10.0.0.2"}


def test_a_restarted_process_remembers_the_day(shared: dict[str, str]) -> None:
    daily = 40
    sandbox = _sandbox(AccountSpec("demo", daily_limit=daily))
    options = dict(tasks=4, seconds=60, per_minute=PER_MINUTE, window=WINDOW, daily=daily, **shared)
    with serving(sandbox) as url:
        first = _reports([start_worker(url=url, token=sandbox.token(), **options)])
        second = _reports([start_worker(url=url, token=sandbox.token(), **options)])
    assert first[0]["sent"] == daily and first[0]["day_closed"]
    # the second process starts mid-day: it knows the day is spent and sends nothing
    assert second[0]["sent"] == 0 and second[0]["day_closed"]
    assert len(sandbox.audit) == daily
    _judge(sandbox)


def test_a_worker_killed_holding_slots_loses_none_and_breaks_no_window(
    shared: dict[str, str],
) -> None:
    lease = 1.5
    sandbox = _sandbox(AccountSpec("demo"), latency=Latency(median=0.4, p99=1.0))
    options = dict(tasks=8, seconds=7, per_minute=PER_MINUTE, window=WINDOW, lease=lease, **shared)
    with serving(sandbox) as url:
        workers = [
            start_worker(url=url, token=sandbox.token(), offset=i, stride=3, **options)
            for i in range(3)
        ]
        time.sleep(2.0)
        os.kill(workers[0].pid, signal.SIGKILL)  # mid-request: its 8 tasks hold slots
        killed_at = time.time()
        workers[0].communicate()
        survivors = _reports(workers[1:])
        _, window = anyio.run(_refresh, shared)
    _judge(sandbox)
    # the others went on, past the dead worker's leases
    assert all(r["sent"] > 0 for r in survivors)
    assert any(e.time > killed_at + lease + WINDOW for e in sandbox.audit.entries)
    # nothing is held any more: the dead worker's slots ran out with their leases
    assert window.in_flight == 0


async def _refresh(shared: dict[str, str]) -> Any:
    limits = limits_for(PER_MINUTE, WINDOW, 1_000_000, 1.5)
    store = store_for(shared["store"], shared["where"], limits, shared["prefix"])
    try:
        return await store.refresh(time.time(), account="demo", egress="10.0.0.1")
    finally:
        await store.aclose()
