"""Clocks: the wall clock, and a virtual one that tests and benchmarks move by hand.

Everything in the package that reads the time or waits (the sandbox's limits and latency, and the
governor) takes a `Clock`, so a simulated GMT day runs in seconds of wall time.
"""

from __future__ import annotations

import heapq
import itertools
import time
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

import anyio

__all__ = ["Clock", "LoopClock", "SystemClock", "VirtualClock"]


@runtime_checkable
class Clock(Protocol):
    """Where the time comes from: seconds since the Unix epoch, and a way to wait."""

    def time(self) -> float:
        """Seconds since 1970-01-01 00:00:00 UTC."""

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of this clock's time."""


class SystemClock:
    """The machine's wall clock and anyio's sleep."""

    def time(self) -> float:
        """Seconds since the epoch, from `time.time()`."""
        return time.time()

    async def sleep(self, seconds: float) -> None:
        """Sleep on the event loop."""
        await anyio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


class VirtualClock:
    """A clock that stands still until told to move.

    ``advance()`` and ``set()`` move it forward and wake, in deadline order, every ``sleep()`` whose
    deadline has been reached. Time never goes backwards.

    Args:
        start: the initial time, as epoch seconds or an aware ``datetime``
            (default 2026-01-05 09:00:00 UTC, a Monday morning).
    """

    def __init__(self, start: float | datetime = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) -> None:
        self._now = start.timestamp() if isinstance(start, datetime) else float(start)
        self._sleepers: list[tuple[float, int, anyio.Event]] = []
        self._order = itertools.count()

    def time(self) -> float:
        """The current virtual time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move forward by ``seconds`` (not negative) and wake the sleepers now due."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back (advance by {seconds})")
        self.set(self._now + seconds)

    def set(self, when: float | datetime) -> None:
        """Move forward to ``when`` and wake the sleepers now due."""
        target = when.timestamp() if isinstance(when, datetime) else float(when)
        if target < self._now:
            raise ValueError("a clock cannot go back")
        self._now = target
        while self._sleepers and self._sleepers[0][0] <= self._now:
            heapq.heappop(self._sleepers)[2].set()

    def next_deadline(self) -> float | None:
        """The earliest time a sleeper waits for, or ``None`` when nobody sleeps."""
        return self._sleepers[0][0] if self._sleepers else None

    async def sleep(self, seconds: float) -> None:
        """Wait until the clock has been moved ``seconds`` forward."""
        if seconds <= 0:
            await anyio.lowlevel.checkpoint()
            return
        event = anyio.Event()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._order), event))
        await event.wait()

    def __repr__(self) -> str:
        return f"VirtualClock({datetime.fromtimestamp(self._now, UTC).isoformat()})"


class LoopClock:
    """The event loop's own clock, shifted to epoch seconds.

    Under trio's ``MockClock(autojump_threshold=0)`` the loop's time is virtual and jumps ahead
    whenever every task is blocked, so simulations with many concurrent tasks run as fast as the
    CPU allows, without a hand-written driver.

    Args:
        start: the epoch time the loop's time 0 stands for.
    """

    def __init__(self, start: float | datetime = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) -> None:
        self._start = start.timestamp() if isinstance(start, datetime) else float(start)
        self._zero: float | None = None

    def time(self) -> float:
        """The loop's time, as epoch seconds."""
        now = anyio.current_time()
        if self._zero is None:
            self._zero = now
        return self._start + now - self._zero

    async def sleep(self, seconds: float) -> None:
        """Sleep on the loop."""
        await anyio.sleep(max(0.0, seconds))

    def __repr__(self) -> str:
        return f"LoopClock({datetime.fromtimestamp(self.time(), UTC).isoformat()})"
