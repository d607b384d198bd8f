"""When a failed attempt is tried again, and after how long: an immutable `RetryPolicy`."""

from __future__ import annotations

import random

import attrs

from ._exceptions import (
    DecodeError,
    IntervalsError,
    RequestsTooFast,
    ResponseTooLarge,
    ServerError,
    TransportError,
)

__all__ = ["RetryPolicy"]


@attrs.frozen
class RetryPolicy:
    """How many times, on what and how long to wait before trying a failed request again.

    The API has no idempotency keys, so a write is retried only when the server certainly did
    nothing: a "requests too fast" answer (code 12), or a connection that failed before the request
    was sent. Server errors (codes 1, 19, 20, 5xx), timeouts, broken connections and garbled bodies
    are retried for ``GET`` only, unless ``retry_writes`` says otherwise: a retried ``POST /time/``
    whose first attempt was carried out creates a second time entry.

    Like urllib3's ``Retry``, a policy is a value: `increment()` returns a new one that
    remembers the failure, and the client keeps one per call.

    Args:
        attempts: the most attempts per call, the first included (1 turns retries off).
        backoff: the first delay in seconds; each further retry doubles it.
        backoff_max: the longest delay.
        jitter: the fraction of each delay drawn at random, so that many clients that failed
            together do not retry together.
        too_fast_delay: the delay after a code 12, long enough for the API's minute window to
            pass (retrying sooner extends a suspension).
        retry_writes: also retry writes after errors that may follow a carried-out request.
        retry_after_max: the longest ``Retry-After`` honoured (a 429, a 503 or a code 12 may
            carry one): a retry never comes sooner than asked, up to this many seconds, and the
            governor holds every request of the egress as long.
        history: the reasons of the retries so far (newest last).
    """

    DEFAULT_ATTEMPTS = 5
    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

    attempts: int = DEFAULT_ATTEMPTS
    backoff: float = 0.5
    backoff_max: float = 30.0
    jitter: float = 0.5
    too_fast_delay: float = 60.0
    retry_writes: bool = False
    retry_after_max: float = 300.0
    history: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"attempts must be at least 1, not {self.attempts}")
        delays = (self.backoff, self.backoff_max, self.too_fast_delay, self.retry_after_max)
        if min(delays) < 0:
            raise ValueError("delays cannot be negative")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"jitter is a fraction between 0 and 1, not {self.jitter}")

    def should_retry(self, method: str, error: IntervalsError) -> bool:
        """Whether ``error`` on a ``method`` request is worth another attempt under this policy."""
        if len(self.history) + 1 >= self.attempts:
            return False
        if isinstance(error, RequestsTooFast):
            return True  # refused before anything was done, whatever the verb
        if isinstance(error, TransportError) and not error.request_sent:
            return True
        if isinstance(error, ResponseTooLarge):
            return False  # the same request would bring the same body
        retriable = isinstance(error, ServerError | TransportError | DecodeError)
        return retriable and (method in self.SAFE_METHODS or self.retry_writes)

    def increment(self, reason: str) -> RetryPolicy:
        """The policy after one more retry, for ``reason``."""
        return attrs.evolve(self, history=(*self.history, reason))

    def delay(self, error: IntervalsError, rng: random.Random | None = None) -> float:
        """Seconds to wait before the retry that follows ``error``.

        Backoff delays are shortened by up to ``jitter`` of themselves; the wait after a code 12
        is lengthened instead, because retrying before the server's window has passed only
        earns another refusal. An answer's ``Retry-After`` (already capped, see
        `cap_retry_after()`) is a floor under either.
        """
        draw: float = (rng or random).random() * self.jitter
        if isinstance(error, RequestsTooFast):
            delay = self.too_fast_delay * (1 + draw)
        else:
            delay = min(self.backoff_max, self.backoff * 2.0 ** len(self.history)) * (1 - draw)
        asked = getattr(error, "retry_after", None)
        return delay if asked is None else max(delay, asked)  # never sooner than asked

    def cap_retry_after(self, seconds: float) -> float:
        """A ``Retry-After`` of ``seconds`` as honoured: at most `retry_after_max`."""
        return min(max(0.0, seconds), self.retry_after_max)
