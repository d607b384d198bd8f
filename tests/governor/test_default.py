"""The governor's store setting, the per-host default, failing closed, throttle warnings and
``governor status`` (in-process; the real processes are in ``governor/test_host.py``)."""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from intervals_async import IntervalsClient, RequestsTooFast, RetryPolicy, StoreError, VirtualClock
from intervals_async.governor import (
    Limits,
    MemoryStore,
    Outcome,
    RateGovernor,
    RedisStore,
    SQLiteStore,
    open_store,
    shared_governor,
    state_dir,
)
from intervals_async.governor._default import server_of
from intervals_async.sandbox import Sandbox, SandboxConfig, serving

from ..conftest import BASE_URL, AutoClock

pytestmark = pytest.mark.anyio

STATUS = [sys.executable, "-m", "intervals_async.cli", "governor", "status"]


# -- the setting ----------------------------------------------------------------------------------


def test_the_default_is_one_file_in_the_state_directory(host_state: Path) -> None:
    store = open_store()
    assert isinstance(store, SQLiteStore)
    assert store.path == host_state / "governor.sqlite"
    assert state_dir() == host_state
    # One file per API server: a sandbox served on this host has a window and days of its own.
    assert open_store(server="api.myintervals.com").path == store.path  # type: ignore[attr-defined]
    local = open_store(server=server_of("http://127.0.0.1:8766/"))
    assert isinstance(local, SQLiteStore)
    assert local.path == host_state / "governor-127.0.0.1_8766.sqlite"
    assert server_of("https://user:pw@Api.Example.com:8443/x") == "api.example.com:8443"


def test_without_the_variable_platformdirs_names_the_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("INTERVALS_STATE_DIR")
    assert state_dir() == platformdirs.user_state_path("intervals-async", appauthor=False)


def test_every_form_of_the_setting(tmp_path: Path) -> None:
    assert isinstance(open_store("memory"), MemoryStore)
    assert isinstance(open_store("  memory "), MemoryStore)
    sqlite = open_store(f"sqlite://{tmp_path}/g.sqlite")
    assert isinstance(sqlite, SQLiteStore) and sqlite.path == tmp_path / "g.sqlite"
    redis = open_store("redis://:secret@127.0.0.1:6379/11")
    assert isinstance(redis, RedisStore) and "secret" not in repr(redis)
    limits = Limits(per_minute=7)
    assert open_store("memory", limits).limits == limits


def test_a_bad_setting_is_refused_without_echoing_a_password() -> None:
    with pytest.raises(ValueError, match="is not one of: host, memory") as caught:
        open_store("memcached://user:hunter2@cache:11211")
    assert "hunter2" not in str(caught.value)
    with pytest.raises(ValueError, match="'mem'"):
        open_store("mem")


def test_the_argument_beats_the_variable_which_beats_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTERVALS_GOVERNOR", "memory")
    assert isinstance(open_store(), MemoryStore)
    assert isinstance(open_store(f"sqlite://{tmp_path}/a.sqlite"), SQLiteStore)
    assert isinstance(RateGovernor().store, MemoryStore)
    monkeypatch.setenv("INTERVALS_GOVERNOR", "")
    assert isinstance(open_store(), SQLiteStore)


def test_clients_on_the_wall_clock_share_the_hosts_governor(host_state: Path) -> None:
    first = IntervalsClient("token12345")
    second = IntervalsClient("token12345", account="other")
    assert first.governor is second.governor is shared_governor(server="api.myintervals.com")
    local = IntervalsClient("token12345", base_url="http://127.0.0.1:8766/").governor
    assert local is not first.governor
    assert isinstance(first.governor, RateGovernor)
    store = first.governor.store
    assert isinstance(store, SQLiteStore) and store.path == host_state / "governor.sqlite"
    # Memory only when asked, or on a clock of the client's own.
    assert isinstance(IntervalsClient("token12345", governor="memory").governor, RateGovernor)
    asked = IntervalsClient("token12345", governor="memory").governor
    assert isinstance(asked, RateGovernor) and isinstance(asked.store, MemoryStore)
    virtual = IntervalsClient("token12345", clock=VirtualClock()).governor
    assert isinstance(virtual, RateGovernor) and isinstance(virtual.store, MemoryStore)
    assert isinstance(RateGovernor(clock=VirtualClock()).store, MemoryStore)


async def test_an_unusable_state_directory_fails_closed_and_names_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A directory under a plain file cannot be made, even by root.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("INTERVALS_STATE_DIR", str(blocker / "state"))
    sandbox = Sandbox(SandboxConfig(seed=1))
    async with IntervalsClient(
        sandbox.token(), base_url=BASE_URL, transport=sandbox.transport()
    ) as client:
        with pytest.raises(StoreError) as caught:
            await client.me.get()
    message = str(caught.value)
    # The state of this API server (not the real API's): a file of its own.
    assert str(blocker / "state" / "governor-api.sandbox.invalid.sqlite") in message
    assert "INTERVALS_STATE_DIR" in message and "nothing was sent" in message
    assert caught.value.request_sent is False
    assert len(sandbox.audit) == 0


def test_the_command_fails_closed_on_an_unusable_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    run = subprocess.run(
        [sys.executable, "-m", "intervals_async.cli", "quota", "--sandbox", "--governor", "host"],
        capture_output=True,
        text=True,
        env={**os.environ, "INTERVALS_STATE_DIR": str(blocker / "state")},
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("intervals-async: error: the governor's SQLite store")
    assert "INTERVALS_STATE_DIR" in lines[-1]


# -- throttling is never silent -------------------------------------------------------------------


async def test_a_code_12_from_another_program_is_a_warning_once_per_cooldown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = AutoClock()
    sandbox = Sandbox(SandboxConfig(seed=1, per_minute=5, suspension=60), clock=clock)
    # Another program on the same IP spends the window and gets the IP suspended.
    async with httpx.AsyncClient(
        transport=sandbox.transport(), base_url=BASE_URL, auth=(sandbox.token(), "X")
    ) as other:
        for _ in range(6):
            await other.get("/task/", headers={"Accept": "application/json"})
    governor = RateGovernor(clock=clock)
    async with IntervalsClient(
        sandbox.token(),
        base_url=BASE_URL,
        transport=sandbox.transport(),
        governor=governor,
        clock=clock,
        retry=RetryPolicy(attempts=1),
        quota_sync=None,
    ) as client:
        with (
            caplog.at_level(logging.WARNING, logger="intervals_async"),
            pytest.raises(RequestsTooFast),
        ):
            await client.task.list()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    text = warnings[0].getMessage()
    assert "too fast (code 12)" in text and "cools down for 60 s" in text
    assert "another program on this IP" in text
    assert (await governor.statistics()).throttled == 1


async def test_code_12s_within_one_cooldown_are_said_once() -> None:
    clock = AutoClock()
    governor = RateGovernor(clock=clock)
    permits = [await governor.acquire(account="a", egress="ip") for _ in range(3)]
    said: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("intervals_async.governor")
    logger.addHandler(handler)
    try:
        for permit in permits[:2]:  # two answers in flight together: one cooldown, one warning
            await governor.release(permit, Outcome(clock.time(), sent=True, code=12))
        assert len(said) == 1
        clock.advance(61)  # the cooldown is over: the next code 12 is news again
        await governor.release(permits[2], Outcome(clock.time(), sent=True, code=12))
        assert len(said) == 2
    finally:
        logger.removeHandler(handler)
    assert (await governor.statistics(egress="ip")).throttled == 3


def test_the_command_says_a_code_12_on_stderr_without_flags(tmp_path: Path) -> None:
    sandbox = Sandbox(SandboxConfig(seed=1, per_minute=3, suspension=60))
    with serving(sandbox) as url:
        for _ in range(4):  # another program: the IP is suspended
            httpx.get(f"{url}task/", auth=(sandbox.token(), "X"))
        process = subprocess.Popen(
            [sys.executable, "-m", "intervals_async.cli", "quota", "--base-url", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "INTERVALS_TOKEN": sandbox.token()},
        )
        assert process.stderr is not None
        seen = ""
        try:
            deadline = time.monotonic() + 60
            while "too fast" not in seen and time.monotonic() < deadline:
                ready, _, _ = select.select([process.stderr], [], [], 1.0)
                if ready:
                    line = process.stderr.readline()
                    if not line:
                        break
                    seen += line
        finally:
            process.kill()
            process.communicate(timeout=10)
    assert "intervals-async: warning: the server refused a request as too fast" in seen, seen


# -- governor status ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "redis", "memory"])
async def test_status_shows_every_egress_account_and_process(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    limits = Limits(per_minute=5, window=60.0, daily=100)

    def store() -> SQLiteStore | RedisStore | MemoryStore:
        if kind == "sqlite":
            return SQLiteStore(tmp_path / "g.sqlite", limits)
        if kind == "redis":
            url = request.getfixturevalue("redis_url")
            return RedisStore(url, limits, prefix=request.getfixturevalue("redis_prefix"))
        return shared

    shared = MemoryStore(limits)
    one, two = RateGovernor(store=store()), RateGovernor(store=store())
    permit = await one.acquire(account="north", egress="ip-1")
    await one.release(permit, Outcome(time.time(), sent=True))
    await two.acquire(account="south", egress="ip-2")  # still in flight
    reader = RateGovernor(store=store())
    status = await reader.status()
    assert [(e.name, e.window_used, e.in_flight) for e in status.egresses] == [
        ("ip-1", 1, 0),
        ("ip-2", 1, 1),
    ]
    assert all(e.per_minute == 5 and e.window_free == 4 for e in status.egresses)
    assert [(a.name, a.day_used, a.day_limit) for a in status.accounts] == [
        ("north", 1, 100),
        ("south", 1, 100),
    ]
    expected = 1 if kind == "memory" else 2  # memory knows only its own process
    assert len({p.process for p in status.processes}) == expected
    assert status.waiting == 0
    for governor in (one, two, reader):
        await governor.aclose()


def test_status_watch_refreshes_until_ctrl_c_which_exits_0(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "intervals_async.cli", "governor", "status", "--watch", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "INTERVALS_STATE_DIR": str(tmp_path)},
    )
    assert process.stdout is not None
    try:
        # Two documents a second apart: a live view, one JSON document a line.
        first, second = process.stdout.readline(), process.stdout.readline()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert json.loads(first)["store"] == f"SQLiteStore({str(tmp_path / 'governor.sqlite')!r})"
    assert json.loads(second)["at"] >= json.loads(first)["at"]
    assert "Traceback" not in err


def test_status_reads_the_file_of_the_server_named_by_base_url(tmp_path: Path) -> None:
    run = subprocess.run(
        [*STATUS, "--json", "--base-url", "http://127.0.0.1:8766/"],
        capture_output=True,
        text=True,
        env={**os.environ, "INTERVALS_STATE_DIR": str(tmp_path)},
        timeout=60,
        check=True,
    )
    path = tmp_path / "governor-127.0.0.1_8766.sqlite"
    assert json.loads(run.stdout)["store"] == f"SQLiteStore({str(path)!r})"
