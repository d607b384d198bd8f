"""A slow or huge answer ends in a typed error, on time and within the memory it is allowed.

The deadline is the event loop's own clock, so these tests run on trio with its mock clock, which
jumps ahead whenever every task sleeps: a body trickling at a byte a second takes no real time,
and the deadline is met to the virtual second, whatever the machine's speed.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator

import anyio
import httpx
import pytest
import trio.testing

from intervals_async import (
    DecodeError,
    IntervalsClient,
    ResponseTooLarge,
    RetryPolicy,
    Timeout,
)
from intervals_async.governor import Unmetered

pytestmark = [
    pytest.mark.anyio,
    # httpx's own inner generators (not ours: `_body` closes what it iterates) are left to the
    # collector when a body is abandoned, and trio says so; asyncio does not look.
    pytest.mark.filterwarnings(
        r"ignore:Exception ignored in. <async_generator object "
        r"(Response\.aiter_raw|BoundAsyncStream\.__aiter__):"
        "pytest.PytestUnraisableExceptionWarning"
    ),
]


@pytest.fixture
def anyio_backend() -> tuple[str, dict[str, object]]:
    return "trio", {"clock": trio.testing.MockClock(autojump_threshold=0)}


_HEAD = b'{"personid": 1, "status": "OK", "code": 200, "time": ['


class Endless(httpx.AsyncByteStream):
    """A 200 answer whose body never ends: ``chunk`` after ``chunk``, ``pause`` seconds apart."""

    def __init__(self, chunk: bytes, pause: float) -> None:
        self.chunk, self.pause, self.sent = chunk, pause, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield _HEAD
        while True:
            await anyio.sleep(self.pause)
            self.sent += len(self.chunk)
            yield self.chunk


class Serving(httpx.AsyncBaseTransport):
    def __init__(self, stream: httpx.AsyncByteStream, headers: dict[str, str] | None = None):
        self.stream, self.headers, self.calls = stream, headers or {}, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return httpx.Response(200, headers=self.headers, stream=self.stream)


def _client(transport: httpx.AsyncBaseTransport, **options: object) -> IntervalsClient:
    return IntervalsClient(
        "tok12345678",
        transport=transport,
        governor=Unmetered(),
        retry=RetryPolicy(attempts=1),
        quota_sync=None,
        **options,  # type: ignore[arg-type]
    )


async def test_a_trickling_body_ends_in_timeout_at_the_attempt_deadline() -> None:
    # One byte a second: each read is quick, so per-read timeouts alone never fire.
    stream = Endless(b" ", pause=1.0)
    async with _client(Serving(stream), timeout=3) as client:
        started = anyio.current_time()
        with pytest.raises(Timeout, match=r"no complete answer within 3 s") as raised:
            await client.time.list()
        took = anyio.current_time() - started
    assert raised.value.request_sent
    assert stream.sent == 2  # it was trickling, not silent: a byte at 1 s and at 2 s
    assert 3.0 <= took < 3.5


async def test_the_attempt_deadline_is_its_own_setting_beside_the_phase_timeouts() -> None:
    stream = Endless(b" ", pause=1.0)
    phases = httpx.Timeout(30.0, connect=5.0)
    async with _client(Serving(stream), timeout=phases, attempt_timeout=2.5) as client:
        started = anyio.current_time()
        with pytest.raises(Timeout, match=r"within 2\.5 s"):
            await client.time.list()
        assert 2.5 <= anyio.current_time() - started < 3.0
    with pytest.raises(ValueError, match="attempt_timeout"):
        _client(Serving(stream), attempt_timeout=0)


async def test_a_body_beyond_the_cap_is_refused_with_memory_near_the_cap() -> None:
    cap = 4 * 2**20
    stream = Endless(b"1," * 2**18, pause=0)  # 512 KiB a chunk, without end
    async with _client(Serving(stream), max_body_size=cap) as client:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLarge, match="more than 4194304 bytes") as raised:
                await client.time.list()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert isinstance(raised.value, DecodeError)
    assert stream.sent < 2 * cap  # it stopped reading at the cap
    assert peak < 3 * cap


async def test_a_declared_length_beyond_the_cap_is_refused_before_reading() -> None:
    stream = Endless(b"1,", pause=0)
    transport = Serving(stream, headers={"Content-Length": str(2**40)})
    async with _client(transport, max_body_size=2**20) as client:
        with pytest.raises(ResponseTooLarge, match="declares 1099511627776 bytes"):
            await client.time.list()
    assert stream.sent == 0


async def test_too_large_is_not_retried() -> None:
    transport = Serving(Endless(b"1," * 2**16, pause=0))
    async with IntervalsClient(
        "tok12345678",
        transport=transport,
        governor=Unmetered(),
        retry=RetryPolicy(attempts=3, backoff=0),
        quota_sync=None,
        max_body_size=2**20,
    ) as client:
        with pytest.raises(ResponseTooLarge):
            await client.time.list()
    assert transport.calls == 1
