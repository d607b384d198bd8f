"""The governor's stores: SQLite and Redis keep the core's decisions, survive restarts, fail closed.

The Redis store runs the core's algorithm as a Lua script; a Hypothesis property plays the same
schedules through the Python core and through Redis (on an explicit clock) and compares every
answer. Faults: a locked, unwritable or corrupt SQLite file and an unreachable Redis give a clear
``StoreError`` and send nothing; Redis lost mid-run fails closed and comes back by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import HealthCheck, given, settings

from intervals_async import IntervalsClient, StoreError
from intervals_async.governor import (
    Limits,
    Outcome,
    Permit,
    Priority,
    RateGovernor,
    RedisStore,
    SQLiteStore,
)
from intervals_async.governor._core import Admit, Closed, Core, Wait
from intervals_async.governor._store import decide_and_admit
from intervals_async.sandbox import Sandbox, SandboxConfig

from ..strategies import STORE_SCHEDULES

pytestmark = pytest.mark.anyio

START = 1_767_600_000.0
LIMITS = Limits(per_minute=6, window=10.0, daily=40, burst=2, cooldown=5.0, lease=25.0)

# How a step's attempt ended: a code 12, a bare HTTP 429, a 503 asking to wait (Retry-After).
_OUTCOMES = {
    "throttled": lambda at, sent: Outcome(at, sent, status=400, code=12),
    "too-many": lambda at, sent: Outcome(at, sent, status=429),
    "busy": lambda at, sent: Outcome(at, sent, status=503, retry_after=7.5),
}


def _same(python: object, redis: object, now: float) -> bool:
    """Equal decisions (Redis keeps microseconds), or a tie within them at a boundary."""
    match python, redis:
        case (Admit(a), Admit(b)) | (Wait(a), Wait(b)):
            return abs(a - b) < 1e-4
        case Closed(a, x), Closed(b, y):
            return abs(a - b) < 1e-4 and x == y
    return False


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STORE_SCHEDULES)
def test_redis_decides_as_the_core_does(
    redis_url: str, redis_prefix: str, steps: list[tuple[float, str, float, bool]]
) -> None:
    asyncio.run(_parity(redis_url, redis_prefix, steps))


async def _parity(url: str, prefix: str, steps: list[tuple[float, str, float, bool]]) -> None:
    now = START
    store = RedisStore(url, LIMITS, prefix=prefix, horizon=3.0, clock=lambda: now)
    await store.clear()
    core = Core(LIMITS)
    flying: list[tuple[Permit, Permit]] = []
    try:
        for wait, action, latency, sent in steps:
            now += wait
            if action in ("ask", "ahead"):
                horizon = 3.0 if action == "ahead" else 0.0
                store.horizon = horizon
                ours = decide_and_admit(
                    core, now, "a", "ip", Priority.DEFAULT, daily=True, horizon=horizon
                )
                theirs, _ = await store.acquire(
                    now, account="a", egress="ip", priority=Priority.DEFAULT, daily=True
                )
                if not _same(ours, theirs, now):
                    # Only a tie inside Redis's microseconds may differ; the rest is moot then.
                    assert abs(getattr(ours, "at", getattr(ours, "until", now)) - now) < 1e-4
                    return
                if isinstance(ours, Admit) and isinstance(theirs, Admit):
                    flying.append(
                        (
                            Permit("a", "ip", Priority.DEFAULT, ours.at, ours.slot),
                            Permit("a", "ip", Priority.DEFAULT, theirs.at, theirs.slot),
                        )
                    )
            elif flying and action == "kill":
                flying.pop(0)  # never handed back: both let the lease run out
            elif flying:
                mine, theirs_permit = flying.pop(0)
                ended = max(now, mine.granted_at + latency)
                if ended >= mine.granted_at + LIMITS.lease:
                    continue  # a release after the lease ran out: see _redis.lua (GT vs heap)
                now = ended
                outcome = _OUTCOMES.get(action, Outcome)(now, sent)
                core.complete("a", "ip", outcome, sent_at=mine.granted_at, slot=mine.slot)
                await store.release(now, theirs_permit, outcome, daily=True)
        python = core.egress("ip")
        day, window = await store.refresh(now, account="a", egress="ip")
        assert window.window_used == python.used(now, LIMITS)
        assert window.in_flight == python.in_flight
        assert day.day_used == core.day("a", now).used
        assert window.throttled == python.throttled
        assert abs(window.cooldown_until - python.cooldown_until) < 1e-4
    finally:
        await store.clear()
        await store.aclose()


# -- SQLite ---------------------------------------------------------------------------------------


async def _take(store: SQLiteStore | RedisStore, n: int, account: str = "a") -> list[Permit]:
    governor = RateGovernor(store=store)
    permits = []
    for _ in range(n):
        permit = await governor.acquire(account=account, egress="ip")
        await governor.release(permit, Outcome(completed_at=permit.granted_at, sent=True))
        permits.append(permit)
    return permits


FAST = Limits(per_minute=1000, window=1.0, burst=1000, pace=1.0, daily=50, counter_gate=False)


async def test_sqlite_keeps_the_days_count_through_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "governor.db"
    first = SQLiteStore(path, FAST)
    await _take(first, 30)
    await first.aclose()  # the process ends
    second = SQLiteStore(path, FAST)
    day, _ = await second.refresh(__import__("time").time(), account="a", egress="ip")
    assert day.day_used == 30
    await _take(second, 20)
    with pytest.raises(Exception, match="daily request quota"):
        await _take(second, 1)
    await second.aclose()


async def test_a_locked_sqlite_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "governor.db"
    store = SQLiteStore(path, FAST, busy_timeout=0.2)
    await _take(store, 1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="stayed locked") as caught:
            await _take(store, 1)
        assert str(path) in str(caught.value) and caught.value.request_sent is False
    finally:
        other.execute("ROLLBACK")
        other.close()
    await _take(store, 1)  # and it works again once the lock is gone
    await store.aclose()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
async def test_an_unwritable_sqlite_file_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot be opened for writing"):
            await _take(SQLiteStore(locked / "governor.db", FAST), 1)
    finally:
        locked.chmod(0o700)


async def test_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot be opened for writing"):
        await _take(SQLiteStore(tmp_path / "nowhere" / "governor.db", FAST), 1)


async def test_a_corrupt_sqlite_file_is_a_clear_error_and_nothing_is_sent(tmp_path: Path) -> None:
    path = tmp_path / "governor.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    sandbox = Sandbox(SandboxConfig(seed=1))
    governor = RateGovernor(store=SQLiteStore(path, FAST))
    async with IntervalsClient(
        sandbox.token(),
        base_url="https://api.sandbox.invalid/",
        transport=sandbox.transport(),
        governor=governor,
    ) as client:
        with pytest.raises(StoreError, match="not a SQLite database, or it is corrupt"):
            await client.me.get()
    assert len(sandbox.audit) == 0


# -- Redis ----------------------------------------------------------------------------------------


async def test_redis_shares_the_day_and_survives_a_restart(
    redis_url: str, redis_prefix: str
) -> None:
    first = RedisStore(redis_url, FAST, prefix=redis_prefix)
    await _take(first, 30)
    await first.aclose()
    second = RedisStore(redis_url, FAST, prefix=redis_prefix)
    assert (await second.refresh(0.0, account="a", egress="ip"))[0].day_used == 30
    await _take(second, 20)
    with pytest.raises(Exception, match="daily request quota"):
        await _take(second, 1)
    # another account keeps its own day
    await _take(second, 5, account="b")
    await second.aclose()


async def test_redis_costs_one_round_trip_per_acquire_and_per_release(
    redis_url: str, redis_prefix: str
) -> None:
    import redis.asyncio

    class Counting(redis.asyncio.Connection):
        """Counts what this client sends: one packet of commands is one round trip."""

        sent = 0

        async def send_packed_command(self, command: object, check_health: bool = True) -> None:
            Counting.sent += 1
            await super().send_packed_command(command, check_health)  # type: ignore[arg-type]

    client = redis.asyncio.Redis.from_url(redis_url, connection_class=Counting)
    store = RedisStore(client, FAST, prefix=redis_prefix)
    await _take(store, 1)  # connects and loads the script
    stats = redis.asyncio.Redis.from_url(redis_url)
    before, sent = (await stats.info("commandstats"))["cmdstat_evalsha"]["calls"], Counting.sent
    await _take(store, 20)
    after = (await stats.info("commandstats"))["cmdstat_evalsha"]["calls"]
    assert Counting.sent - sent == 40  # 20 acquires and 20 releases
    assert after - before == 40  # and the server ran one script call for each
    await store.aclose()
    await stats.aclose()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis://fleet:hunter2@127.0.0.1:1/3", "redis://fleet:***@127.0.0.1:1/3"),
        # redis-py takes the password from the query string too
        ("redis://127.0.0.1:1/3?password=hunter2", "redis://127.0.0.1:1/3?password=***"),
        (
            "redis://127.0.0.1:1/?username=fleet&password=hunter2&db=3",
            "redis://127.0.0.1:1/?username=fleet&password=***&db=3",
        ),
        ("redis://127.0.0.1:1/3?pass%77ord=hunter2", "redis://127.0.0.1:1/3?pass%77ord=***"),
    ],
)
async def test_an_unreachable_redis_names_the_url_without_its_password(
    url: str, shown: str
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=1))
    store = RedisStore(url, FAST, timeout=0.5)
    assert "hunter2" not in repr(store) and shown in repr(store)
    async with IntervalsClient(
        sandbox.token(),
        base_url="https://api.sandbox.invalid/",
        transport=sandbox.transport(),
        governor=RateGovernor(store=store),
    ) as client:
        with pytest.raises(StoreError) as caught:
            await client.me.get()
    await store.aclose()
    message = str(caught.value)
    assert shown in message and "hunter2" not in message
    assert caught.value.request_sent is False and len(sandbox.audit) == 0


class _Proxy:
    """A TCP forwarder to Redis that can be cut and restored, on one port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._server: socket.socket | None = None
        self._sockets: list[socket.socket] = []

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen()
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        assert self._server is not None
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self._server.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._sockets.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)


@contextlib.contextmanager
def _proxy(redis_url: str) -> Iterator[_Proxy]:
    target = urlsplit(redis_url)
    proxy = _Proxy((target.hostname or "127.0.0.1", target.port or 6379))
    proxy.start()
    try:
        yield proxy
    finally:
        with contextlib.suppress(Exception):
            proxy.stop()


async def test_redis_lost_mid_run_fails_closed_and_resumes_by_itself(
    redis_url: str, redis_prefix: str
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=1))
    with _proxy(redis_url) as proxy:
        url = urlunsplit(urlsplit(redis_url)._replace(netloc=f"127.0.0.1:{proxy.port}"))
        store = RedisStore(url, FAST, prefix=redis_prefix, timeout=1.0)
        async with IntervalsClient(
            sandbox.token(),
            base_url="https://api.sandbox.invalid/",
            transport=sandbox.transport(),
            governor=RateGovernor(store=store),
            quota_sync=None,
        ) as client:
            for _ in range(5):
                await client.me.get()
            assert len(sandbox.audit) == 5
            proxy.stop()
            for _ in range(3):
                with pytest.raises(StoreError, match=f"cannot reach Redis at {url}"):
                    await client.me.get()
            assert len(sandbox.audit) == 5  # never sent unmetered
            proxy.start()
            for _ in range(5):
                await client.me.get()
            assert len(sandbox.audit) == 10
            day, _ = await store.refresh(0.0, account="default", egress="default")
            assert day.day_used == 10
        await store.aclose()
