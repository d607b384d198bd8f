"""What the client tells an observer of its attempts (`intervals_async.telemetry` is one).

The client knows nothing of any telemetry library: it calls these, when an observer is set.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

import httpx

from ._exceptions import IntervalsError
from .governor import GovernorStatistics, Outcome

__all__ = ["AttemptObserver", "Observer"]


class AttemptObserver(Protocol):
    """One attempt, as it goes."""

    def admitted(self, waited: float) -> None:
        """The governor admitted the attempt after ``waited`` seconds."""
        ...

    def completed(self, outcome: Outcome) -> None:
        """The attempt completed (an answer, an error or a cancellation) with ``outcome``."""
        ...


class Observer(Protocol):
    """What observes a client's attempts and retries."""

    def attempt(
        self, request: httpx.Request, attempt: int, account: str
    ) -> AbstractContextManager[AttemptObserver]:
        """The context of attempt number ``attempt`` of ``request`` (an error leaves through
        it)."""
        ...

    def retrying(self, request: httpx.Request, error: IntervalsError) -> None:
        """``request`` will be tried again after ``error``."""
        ...

    def governed(self, account: str, egress: str, statistics: GovernorStatistics) -> None:
        """The governor's window and day, as this process saw them once an attempt's slot was
        handed back (told on the event loop, so that nothing reads the governor from another
        thread)."""
        ...
