"""Where the governor's state lives: the store protocol, and the in-memory store.

The shell (``_shell.py``) keeps its queues and waiting in the process; everything the limits are
counted on (windows, day counters, the code-12 cooldown, the server's clock offset) lives in a
store. A store makes each decision atomically: ``acquire`` decides *and* takes the slot in one
step, so that processes sharing a store never both take the last slot.

Three stores: :class:`MemoryStore` (one process, the default), :class:`SQLiteStore` (processes of
one host, ``_sqlite.py``) and :class:`RedisStore` (hosts of a fleet, ``_redis.py``).
"""

from __future__ import annotations

from typing import Protocol

import attrs

from ._core import Admit, Core, Decision, Limits, Wait
from ._seam import Outcome, Permit, Priority

__all__ = ["MemoryStore", "Store", "View", "view_of"]


@attrs.frozen
class View:
    """One egress identity's window and one account's day, as a store last saw them.

    Args:
        window_used: slots of the window taken.
        in_flight: requests admitted and not yet handed back.
        next_slot_at: when the next request could go (the store's clock).
        day_used: requests spent today.
        day_limit: the daily limit.
        reset_at: the next 00:00 GMT on the server's clock (the store's clock).
        day_closed: whether a code 11 closed the day.
        cooldown_until: the end of the cooldown after a code 12 (0: none).
        throttled: code 12 answers seen on the egress.
        synced_at: when the day was last reconciled with ``/quota/`` (``None``: never).
        clock_offset: the server's clock minus the store's.
    """

    window_used: int
    in_flight: int
    next_slot_at: float
    day_used: int
    day_limit: int
    reset_at: float
    day_closed: bool
    cooldown_until: float
    throttled: int
    synced_at: float | None
    clock_offset: float


class Store(Protocol):
    """Where a :class:`~intervals_async.governor.RateGovernor` keeps the limits' state.

    Times passed in are the governor's clock; a store with a clock of its own (Redis ``TIME``)
    ignores them and answers with its own ``now``, against which the shell measures its sleeps.
    """

    limits: Limits
    horizon: float  # how far ahead a request may be admitted in one question (0: only now)

    async def acquire(
        self, now: float, account: str, egress: str, priority: Priority, *, daily: bool
    ) -> tuple[Decision, float]:
        """Decide and, when admitted, take the slot, atomically; the decision and the store's now.

        An :class:`Admit` carries the slot's name and the time to send at.
        """
        ...

    async def release(self, now: float, permit: Permit, outcome: Outcome, *, daily: bool) -> None:
        """Hand back ``permit``'s slot with its attempt's outcome."""
        ...

    async def reconcile(self, now: float, account: str, *, used: int, limit: int | None) -> None:
        """Take the server's count of ``account``'s day."""
        ...

    def view(self, now: float, account: str, egress: str) -> View:
        """``egress``'s window and ``account``'s day (for a shared store: as last seen)."""
        ...

    async def refresh(self, now: float, account: str, egress: str) -> View:
        """``egress``'s window and ``account``'s day, read from the store now."""
        ...

    async def aclose(self) -> None:
        """Let go of connections and files."""
        ...


def view_of(core: Core, now: float, account: str, egress: str) -> View:
    """The view of a core's state (for the stores that run the Python core)."""
    limits = core.limits
    state = core.egress(egress)
    day = core.day(account, now)
    decision = core.decide(now, account, egress, Priority.INTERACTIVE, daily=False)
    return View(
        window_used=state.used(now, limits),
        in_flight=state.in_flight,
        next_slot_at=decision.until if isinstance(decision, Wait) else now,
        day_used=day.used,
        day_limit=day.limit,
        reset_at=core.reset_at(now),
        day_closed=day.closed_until is not None,
        cooldown_until=state.cooldown_until,
        throttled=state.throttled,
        synced_at=day.synced_at,
        clock_offset=core.offset,
    )


def decide_and_admit(
    core: Core,
    now: float,
    account: str,
    egress: str,
    priority: Priority,
    *,
    daily: bool,
    horizon: float,
) -> Decision:
    """``Core.decide`` and, when it admits, ``Core.admit``: one atomic step of every store."""
    decision = core.decide(now, account, egress, priority, daily=daily, horizon=horizon)
    if isinstance(decision, Admit):
        slot = core.admit(now, account, egress, daily=daily, at=decision.at)
        return Admit(decision.at, slot)
    return decision


class MemoryStore:
    """The state in this process's memory: the default, for one process.

    Args:
        limits: the limits to keep.
    """

    horizon = 0.0  # the shell wakes its waiters itself: no need to admit ahead of time

    def __init__(self, limits: Limits | None = None) -> None:
        self.core = Core(limits)
        self.limits = self.core.limits

    def __repr__(self) -> str:
        return "MemoryStore()"

    # None of these await: in one process a decision is atomic without a lock.

    async def acquire(
        self, now: float, account: str, egress: str, priority: Priority, *, daily: bool
    ) -> tuple[Decision, float]:
        """Decide and take the slot."""
        return decide_and_admit(
            self.core, now, account, egress, priority, daily=daily, horizon=0.0
        ), now

    async def release(self, now: float, permit: Permit, outcome: Outcome, *, daily: bool) -> None:
        """Hand the slot back."""
        self.core.complete(
            permit.account,
            permit.egress,
            outcome,
            daily=daily,
            sent_at=permit.granted_at,
            slot=permit.slot,
        )

    async def reconcile(self, now: float, account: str, *, used: int, limit: int | None) -> None:
        """Take the server's count."""
        self.core.reconcile(account, now, used=used, limit=limit)

    def view(self, now: float, account: str, egress: str) -> View:
        """The live state."""
        return view_of(self.core, now, account, egress)

    async def refresh(self, now: float, account: str, egress: str) -> View:
        """The live state."""
        return self.view(now, account, egress)

    async def aclose(self) -> None:
        """Nothing to let go of."""
