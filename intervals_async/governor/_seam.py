"""The seam between the client's request loop and a rate governor.

Every attempt of every call, retries included, asks the governor for a slot before it is sent
(``acquire``) and tells it how the attempt ended once it has (``release``). The client never sends
a request the governor did not admit.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Protocol

import attrs

__all__ = ["Governor", "Outcome", "Permit", "Priority", "Unmetered"]


class Priority(enum.IntEnum):
    """Who goes first when slots are short: interactive calls, then default ones, then bulk."""

    INTERACTIVE = 0
    DEFAULT = 1
    BULK = 2


@attrs.frozen
class Permit:
    """A granted slot, handed back to `Governor.release()` when its attempt has ended.

    Args:
        account: the customer account whose daily quota the request spends.
        egress: the egress identity (host or NAT name: one IP) whose per-minute window it uses.
        priority: the lane it waited in.
        granted_at: when it may be sent, on the store's clock (the governor's, but for Redis).
        slot: the name of the slot it holds in the store.
    """

    account: str
    egress: str
    priority: Priority
    granted_at: float
    slot: str = ""


@attrs.frozen
class Outcome:
    """How one attempt ended, as the governor needs to know it.

    Args:
        completed_at: when the attempt ended (answer read, error or cancellation), on the
            governor's clock; a window slot is freed a window's length after this.
        sent: whether the request may have reached the server (and so counts there).
        status: the HTTP status, when an answer came back.
        code: the API's ``error.code``, when the answer carried one (11 and 12 are the signals).
        server_date: the answer's ``Date`` header, for the client-server clock offset.
        retry_after: the seconds the answer's ``Retry-After`` asked every request to wait
            (already capped by the client's retry policy).
    """

    completed_at: float
    sent: bool
    status: int | None = None
    code: int | None = None
    server_date: datetime | None = None
    retry_after: float | None = None

    @property
    def too_fast(self) -> bool:
        """Whether the server refused the attempt as too fast: a code 12, or a bare HTTP 429
        (the same signal without the API's envelope)."""
        return self.code == 12 or (self.status == 429 and self.code is None)

    def cooldown(self, after_too_fast: float) -> float:
        """How long every request of the egress must now wait: ``after_too_fast`` after a
        too-fast answer, at least what ``Retry-After`` asked, else nothing."""
        asked = self.retry_after or 0.0
        return max(after_too_fast, asked) if self.too_fast else asked


class Governor(Protocol):
    """What the client needs from a rate governor."""

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
        """Wait for a slot, until ``deadline`` at the latest (on the governor's clock).

        ``daily=False`` for requests the daily quota does not count (``GET /quota/``); with
        ``wait_for_reset``, a spent day is waited out instead of raising `DayClosed`.
        """
        ...

    async def release(self, permit: Permit, outcome: Outcome, *, daily: bool = True) -> None:
        """Hand the slot back with the attempt's outcome. Called exactly once per permit."""
        ...

    def retrying(self, *, account: str, egress: str, reason: str, delay: float) -> None:
        """The client will retry a request after ``delay`` seconds (for hooks and logs)."""
        ...

    async def reconcile(self, account: str, *, used: int, limit: int | None = None) -> None:
        """The server's count of ``account``'s day, from ``GET /quota/``."""
        ...

    def needs_sync(self, account: str, every: float) -> bool:
        """Whether the client should reconcile ``account``'s day with ``GET /quota/`` now."""
        ...


class Unmetered:
    """A governor that admits every request at once and keeps only counts.

    It is the seam's simplest implementation, for tests of the client and for callers who meter
    requests themselves; it does nothing to keep a client under the API's limits.
    """

    def __init__(self) -> None:
        self.acquired = 0
        self.released = 0
        self.last_outcome: Outcome | None = None

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
        """Admit at once."""
        self.acquired += 1
        return Permit(account, egress, priority, 0.0)

    async def release(self, permit: Permit, outcome: Outcome, *, daily: bool = True) -> None:
        """Record the outcome."""
        self.released += 1
        self.last_outcome = outcome

    def retrying(self, *, account: str, egress: str, reason: str, delay: float) -> None:
        """Nothing to do."""

    async def reconcile(self, account: str, *, used: int, limit: int | None = None) -> None:
        """Nothing to do."""

    def needs_sync(self, account: str, every: float) -> bool:
        """Never: there is no count to reconcile."""
        return False

    def __repr__(self) -> str:
        return f"Unmetered(acquired={self.acquired}, released={self.released})"
