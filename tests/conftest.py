"""Shared fixtures: a sandbox on a virtual clock, and an httpx client talking to it in-process."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from intervals_async import IntervalsClient, RetryPolicy, VirtualClock
from intervals_async.governor import Permit, Priority, Unmetered
from intervals_async.sandbox import Group, Sandbox, SandboxConfig

SPEC_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "spec"

BASE_URL = "https://api.sandbox.invalid/"


def spec_file(name: str) -> Path:
    """A file of ``../shared/spec/``, or skip: a user's fresh clone has no ``../shared``."""
    path = SPEC_DIR / name
    if not path.is_file():
        pytest.skip(f"reference spec not present ({path}); it lives beside the repo, not in it")
    return path


@pytest.fixture(autouse=True)
def host_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's own per-host governor state (and so every process it starts): a test never
    reads or writes the user's real state directory, nor another test's window or day."""
    where = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("INTERVALS_STATE_DIR", str(where))
    monkeypatch.delenv("INTERVALS_GOVERNOR", raising=False)
    monkeypatch.delenv("INTERVALS_BASE_URL", raising=False)
    return where


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["asyncio", "trio"])
def both_backends(request: pytest.FixtureRequest) -> str:
    """For a module whose tests are cheap, ``anyio_backend = both_backends`` runs each of its
    async tests on asyncio and on trio."""
    backend: str = request.param
    return backend


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def sandbox(clock: VirtualClock) -> Sandbox:
    return Sandbox(SandboxConfig(seed=7), clock=clock)


Connect = Callable[..., httpx.AsyncClient]


@pytest.fixture
async def connect(sandbox: Sandbox) -> AsyncIterator[Connect]:
    """Open in-process clients: ``connect(group=..., ip=..., auth=...)``."""
    opened: list[httpx.AsyncClient] = []

    def open_client(
        group: Group | str = Group.ADMINISTRATOR,
        *,
        ip: str = "127.0.0.1",
        auth: Any = "token",
        target: Sandbox | None = None,
    ) -> httpx.AsyncClient:
        app = target or sandbox
        if auth == "token":
            auth = (app.token(group=group), "X")
        client = httpx.AsyncClient(
            transport=app.transport(ip),
            base_url=BASE_URL,
            auth=auth,
            headers={"Accept": "application/json"},
        )
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        await client.aclose()


@pytest.fixture
async def admin(connect: Connect) -> httpx.AsyncClient:
    return connect()


def api_error(response: httpx.Response) -> tuple[int, int]:
    """(HTTP status, API error code) of an error answer."""
    body = response.json()
    return response.status_code, body["error"]["code"]


class Recorder(httpx.AsyncBaseTransport):
    """The sandbox's transport, keeping every request that left the client."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner, self.sent = inner, list[httpx.Request]()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return await self.inner.handle_async_request(request)


class AutoClock(VirtualClock):
    """A virtual clock whose ``sleep`` moves time forward itself: retries wait no real time."""

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.advance(seconds)
        await super().sleep(0)


class PacedGovernor(Unmetered):
    """A test governor for client tests: each admission moves the virtual clock 0.7 s on.

    So 100 requests per minute hold without the real governor, whose behaviour has tests of its
    own; the client tests see exactly what passed through the seam.
    """

    def __init__(self, clock: VirtualClock, spacing: float = 0.7) -> None:
        super().__init__()
        self.clock, self.spacing = clock, spacing

    async def acquire(
        self,
        *,
        account: str,
        egress: str,
        priority: Priority = Priority.DEFAULT,
        deadline: float | None = None,
        daily: bool = True,
        wait_for_reset: bool = False,
    ) -> Permit:
        self.clock.advance(self.spacing)
        return await super().acquire(
            account=account, egress=egress, priority=priority, deadline=deadline
        )


@pytest.fixture
def auto_clock() -> AutoClock:
    return AutoClock()


Api = Callable[..., IntervalsClient]


@pytest.fixture
async def api(auto_clock: AutoClock) -> AsyncIterator[Api]:
    """Open ``IntervalsClient``s on a sandbox: ``api(sandbox, group=..., **options)``."""
    opened: list[IntervalsClient] = []

    def open_client(
        app: Sandbox, group: Group | str = Group.ADMINISTRATOR, **options: Any
    ) -> IntervalsClient:
        options.setdefault("governor", PacedGovernor(auto_clock))
        options.setdefault("retry", RetryPolicy(attempts=6))
        client = IntervalsClient(
            app.token(group=group),
            base_url=BASE_URL,
            transport=options.pop("transport", None)
            or app.transport(options.pop("ip", "127.0.0.1")),
            clock=auto_clock,
            **options,
        )
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        await client.aclose()


@pytest.fixture
def auto_sandbox(auto_clock: AutoClock) -> Sandbox:
    """A seeded sandbox on the auto-advancing clock."""
    return Sandbox(SandboxConfig(seed=7), clock=auto_clock)


# The tests' own Redis database and key prefix, moved by INTERVALS_TEST_REDIS_URL and
# INTERVALS_TEST_REDIS_PREFIX (another database, or a Redis shared with other projects).
REDIS_URL = os.environ.get("INTERVALS_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
REDIS_PREFIX = os.environ.get("INTERVALS_TEST_REDIS_PREFIX", "intervals-async-test")


@pytest.fixture
def redis_url() -> str:
    """The tests' Redis database, or a skip (a failure when ``INTERVALS_REQUIRE_REDIS`` is set,
    as ``.ci/run`` sets it: CI must not pass by skipping)."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        reason = f"no Redis reachable at {REDIS_URL} ({exc})"
        if os.environ.get("INTERVALS_REQUIRE_REDIS"):
            pytest.fail(reason + ", and INTERVALS_REQUIRE_REDIS is set")
        pytest.skip(reason)
    return REDIS_URL


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A key prefix of one test's own; its keys are deleted afterwards."""
    import redis

    prefix = f"{REDIS_PREFIX}-{uuid.uuid4().hex[:12]}"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{{{prefix}}}:*", count=500):
        client.delete(key)
    client.close()
