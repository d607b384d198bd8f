"""The service's rate limits: a per-IP minute window with suspension, and a per-account GMT day.

Nobody outside Intervals knows how its minute window counts, so four policies are offered and the
client must stay clear of all of them:

- ``sliding``: a log of arrivals; at most N in any W seconds.
- ``fixed``: at most N per calendar minute (``floor(t / W)``).
- ``bucket``: a token bucket of N tokens refilled at N/W per second.
- ``counter``: a sliding-window counter: the previous minute's count weighted by the part of it
  still inside the window, plus the current minute's count, must stay within N.
"""

from __future__ import annotations

import collections
import enum
import math
from datetime import UTC, date, datetime, timedelta

__all__ = ["DayCounter", "MinuteWindow", "WindowPolicy", "gmt_day", "next_gmt_midnight"]


class WindowPolicy(enum.Enum):
    """How the sandbox counts the per-minute limit."""

    SLIDING = "sliding"
    FIXED = "fixed"
    BUCKET = "bucket"
    COUNTER = "counter"


class MinuteWindow:
    """One IP's minute limit under one policy: ``admits(now)``, then ``record(now)`` if counted."""

    def __init__(self, policy: WindowPolicy, limit: int, window: float) -> None:
        self.policy = policy
        self.limit = limit
        self.window = window
        self._log: collections.deque[float] = collections.deque()
        self._minute = -1
        self._count = 0
        self._previous = 0
        self._tokens = float(limit)
        self._refilled_at: float | None = None

    def _roll(self, now: float) -> None:
        minute = math.floor(now / self.window)
        if minute != self._minute:
            self._previous = self._count if minute == self._minute + 1 else 0
            self._minute, self._count = minute, 0

    def _refill(self, now: float) -> None:
        if self._refilled_at is not None:
            elapsed = max(0.0, now - self._refilled_at)
            self._tokens = min(float(self.limit), self._tokens + elapsed * self.limit / self.window)
        self._refilled_at = now

    def admits(self, now: float) -> bool:
        """Whether one more arrival at ``now`` stays within the limit."""
        match self.policy:
            case WindowPolicy.SLIDING:
                while self._log and self._log[0] <= now - self.window:
                    self._log.popleft()
                return len(self._log) < self.limit
            case WindowPolicy.FIXED:
                self._roll(now)
                return self._count < self.limit
            case WindowPolicy.BUCKET:
                self._refill(now)
                return self._tokens >= 1.0
            case WindowPolicy.COUNTER:
                self._roll(now)
                overlap = 1.0 - (now - self._minute * self.window) / self.window
                return self._previous * overlap + self._count + 1 <= self.limit

    def record(self, now: float) -> None:
        """Count one arrival at ``now``."""
        match self.policy:
            case WindowPolicy.SLIDING:
                self._log.append(now)
            case WindowPolicy.FIXED | WindowPolicy.COUNTER:
                self._roll(now)
                self._count += 1
            case WindowPolicy.BUCKET:
                self._refill(now)
                self._tokens -= 1.0


def gmt_day(now: float) -> date:
    """The GMT calendar day of epoch time ``now``."""
    return datetime.fromtimestamp(now, UTC).date()


def next_gmt_midnight(now: float) -> datetime:
    """The next 00:00 GMT after ``now`` (the daily reset), as an aware datetime."""
    day = gmt_day(now) + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class DayCounter:
    """One account's requests in the current GMT day."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._day: date | None = None
        self._used = 0

    def used(self, now: float) -> int:
        """Requests counted so far today."""
        if gmt_day(now) != self._day:
            self._day, self._used = gmt_day(now), 0
        return self._used

    def exceeded(self, now: float) -> bool:
        """Whether today's quota is spent."""
        return self.used(now) >= self.limit

    def record(self, now: float) -> None:
        """Count one request today."""
        self.used(now)
        self._used += 1
