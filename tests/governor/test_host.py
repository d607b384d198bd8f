"""The per-host default: processes that configure nothing share one window (issue: "never
suspended by default").

Real OS processes, each its own ``IntervalsClient`` with no store given, against the sandbox
served over TCP with a window scaled down to 20 requests a second. The sandbox's audit log is the
judge. The same run with each process on a ``MemoryStore`` of its own draws code 12: the test can
fail, and the default is what keeps it from failing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intervals_async.sandbox import Sandbox, SandboxConfig, most_in_window, serving

PER_MINUTE, WINDOW = 20, 1.0
WORKER = Path(__file__).with_name("host_worker.py")


def _sandbox() -> Sandbox:
    return Sandbox(SandboxConfig(seed=2, per_minute=PER_MINUTE, window=WINDOW, suspension=WINDOW))


def _start(url: str, token: str, seconds: float, *extra: str) -> list[subprocess.Popen[str]]:
    """Three workers, started together: each says "ready" once imported, and all are told
    "go" at once (no guess of how long a process takes to start)."""
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                f"--url={url}",
                f"--token={token}",
                f"--per-minute={PER_MINUTE}",
                f"--window={WINDOW}",
                f"--seconds={seconds}",
                *extra,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline() == "ready\n"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return workers


def _reports(workers: list[subprocess.Popen[str]]) -> list[dict[str, Any]]:
    reports = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        reports.append(json.loads(out.splitlines()[-1]))
    return reports


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    sandbox = _sandbox()
    with serving(sandbox) as url:
        yield sandbox, url


def test_processes_that_configure_nothing_share_the_hosts_window(
    served: tuple[Sandbox, str], host_state: Path
) -> None:
    sandbox, url = served
    reports = _reports(_start(url, sandbox.token(), 3.0))
    # Each worker's governor kept its state in the one per-host file, in the test's folder (a
    # governor made by hand with no store knows no server: it keeps the real API's file).
    path = host_state / "governor.sqlite"
    assert {r["store"] for r in reports} == {f"SQLiteStore({str(path)!r})"}
    entries = [e for e in sandbox.audit.entries if e.path.startswith("/time")]
    assert [e.code for e in entries if e.code == 12] == []
    assert sum(r["too_fast"] for r in reports) == 0
    assert most_in_window(entries, WINDOW) <= PER_MINUTE
    # They really did compete: together they used the window (about 20 a second for 3 s).
    assert sum(r["sent"] for r in reports) >= 2 * PER_MINUTE


def test_each_process_in_memory_of_its_own_is_refused_as_too_fast(
    served: tuple[Sandbox, str],
) -> None:
    sandbox, url = served
    _reports(_start(url, sandbox.token(), 2.0, "--memory"))
    codes = [e.code for e in sandbox.audit.entries if e.code == 12]
    assert len(codes) > 0


def _status(env: dict[str, str]) -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, "-m", "intervals_async.cli", "governor", "status", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def test_governor_status_shows_every_process_and_forgets_a_killed_one(
    served: tuple[Sandbox, str],
) -> None:
    sandbox, url = served
    # The workers send until told to stop: what the test must see does not race their end,
    # however slow the machine (the deadline below only keeps a broken run from hanging).
    workers = _start(url, sandbox.token(), 600.0, "--tasks=16")
    try:
        env = dict(os.environ)
        pids = {str(w.pid) for w in workers}
        # During the run: the window in use, and every worker with requests waiting.
        deadline = time.time() + 120
        while True:
            status = _status(env)
            waiting = {
                p["process"].split(":")[1]: p["waiting"]
                for p in status["processes"]
                if p["process"].split(":")[1] in pids
            }
            if len(waiting) == 3 and all(n > 0 for n in waiting.values()):
                break
            assert time.time() < deadline, status
        (egress,) = status["egresses"]
        assert egress["per_minute"] == PER_MINUTE
        assert 0 < egress["window_used"] <= PER_MINUTE
        assert status["waiting"] == sum(waiting.values())
        # A worker killed mid-run drops out within its lease (1.5 windows), the others stay.
        victim = workers[0]
        victim.send_signal(signal.SIGKILL)
        victim.communicate(timeout=10)
        killed_at = time.time()
        while True:
            status = _status(env)
            alive = {p["process"].split(":")[1] for p in status["processes"]}
            if str(victim.pid) not in alive:
                break
            # Within its lease (1.5 windows), give or take the status command's own start.
            assert time.time() - killed_at < 1.5 * WINDOW + 10, status
        assert {str(w.pid) for w in workers[1:]} <= alive
    finally:
        for worker in workers:
            if worker.returncode is None and worker.stdin is not None:
                worker.stdin.write("stop\n")
                worker.stdin.flush()
        for worker in workers:
            if worker.returncode is None:  # the survivors end when their time is up
                try:
                    worker.communicate(timeout=60)
                except subprocess.TimeoutExpired:
                    worker.kill()  # a hung worker must not outlive the test
                    worker.communicate()
    entries = sandbox.audit.entries
    assert [e.code for e in entries if e.code == 12] == []
    assert most_in_window(entries, WINDOW) <= PER_MINUTE
