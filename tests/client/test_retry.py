"""RetryPolicy: an immutable value that decides, per verb and failure, whether to try again."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervals_async import (
    BadRequest,
    ConnectionFailed,
    DailyQuotaExceeded,
    DecodeError,
    IntervalsError,
    NotFound,
    RequestsTooFast,
    RetryPolicy,
    ServerError,
    Timeout,
)


def _api(cls: type[IntervalsError], code: int, status: int = 400) -> IntervalsError:
    if cls is DailyQuotaExceeded:
        from datetime import UTC, datetime

        return DailyQuotaExceeded("m", reset_at=datetime(2026, 1, 1, tzinfo=UTC), status=400)
    return cls("m", status=status, code=code)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("error", "get", "post"),
    [
        (_api(RequestsTooFast, 12), True, True),
        (ConnectionFailed("x", request_sent=False), True, True),
        (Timeout("x", request_sent=False), True, True),
        (ConnectionFailed("x", request_sent=True), True, False),
        (Timeout("x", request_sent=True), True, False),
        (_api(ServerError, 1, 500), True, False),
        (_api(ServerError, 19, 500), True, False),
        (_api(ServerError, 20, 502), True, False),
        (DecodeError("x"), True, False),
        (_api(DailyQuotaExceeded, 11), False, False),
        (_api(NotFound, 14, 404), False, False),
        (_api(BadRequest, 18), False, False),
    ],
)
def test_what_is_retried(error: IntervalsError, get: bool, post: bool) -> None:
    policy = RetryPolicy()
    assert policy.should_retry("GET", error) is get
    assert policy.should_retry("POST", error) is post
    assert policy.should_retry("DELETE", error) is post
    assert RetryPolicy(retry_writes=True).should_retry("POST", error) is get


def test_the_policy_is_a_value() -> None:
    policy = RetryPolicy(attempts=3)
    later = policy.increment("ServerError").increment("Timeout")
    assert policy.history == () and later.history == ("ServerError", "Timeout")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.attempts = 9  # type: ignore[misc]
    error = _api(ServerError, 1, 500)
    assert policy.increment("a").should_retry("GET", error)
    assert not later.should_retry("GET", error)  # three attempts made
    assert not RetryPolicy(attempts=1).should_retry("GET", error)


@pytest.mark.parametrize("bad", [{"attempts": 0}, {"backoff": -1}, {"jitter": 2}])
def test_bad_policies_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"attempts|negative|jitter"):
        RetryPolicy(**bad)  # type: ignore[arg-type]


@given(retries=st.integers(0, 30), seed=st.integers(0, 2**32))
def test_delays_grow_with_a_cap_and_jitter(retries: int, seed: int) -> None:
    policy = RetryPolicy(attempts=40)
    for n in range(retries):
        policy = policy.increment(str(n))
    rng = random.Random(seed)
    delay = policy.delay(_api(ServerError, 1, 500), rng)
    full = min(policy.backoff_max, policy.backoff * 2**retries)
    assert full * (1 - policy.jitter) <= delay <= full
    too_fast = policy.delay(_api(RequestsTooFast, 12), rng)
    assert policy.too_fast_delay <= too_fast <= policy.too_fast_delay * (1 + policy.jitter)


def test_a_bare_429_is_a_rate_limit_retried_like_code_12() -> None:
    from intervals_async._exceptions import error_class

    assert error_class(429, None) is RequestsTooFast
    policy = RetryPolicy()
    assert policy.should_retry("POST", _api(RequestsTooFast, 0, 429))


@given(asked=st.floats(0, 1000), seed=st.integers(0, 2**32))
def test_retry_after_is_waited_for_never_less_and_capped(asked: float, seed: int) -> None:
    policy = RetryPolicy(retry_after_max=300.0)
    rng = random.Random(seed)
    busy = ServerError("m", status=503, retry_after=policy.cap_retry_after(asked))
    delay = policy.delay(busy, rng)
    assert min(asked, 300.0) <= delay
    assert delay <= max(min(asked, 300.0), policy.backoff)  # jitter never adds to what was asked
    slow = RequestsTooFast("m", status=429, retry_after=policy.cap_retry_after(asked))
    assert policy.delay(slow, rng) >= max(policy.too_fast_delay, min(asked, 300.0))


def test_retry_after_max_is_checked() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        RetryPolicy(retry_after_max=-1)
