"""Where the governor's state lives: the store protocol, and the in-memory store.

The shell (``_shell.py``) keeps its queues and waiting in the process; everything the limits are
counted on (windows, day counters, the code-12 cooldown, the server's clock offset) lives in a
store. A store makes each decision atomically: ``acquire`` decides *and* takes the slot in one
step, so that processes sharing a store never both take the last slot.

Three stores: `MemoryStore` (one process, the default), `SQLiteStore` (processes of
one host, ``_sqlite.py``) and `RedisStore` (hosts of a fleet, ``_redis.py``).
"""

from __future__ import annotations

import os
import socket
import uuid
from typing import Protocol

import attrs

from ._core import Admit, Core, Decision, Limits, Wait
from ._seam import Outcome, Permit, Priority

__all__ = [
    "AccountStatus",
    "DayView",
    "EgressStatus",
    "MemoryStore",
    "ProcessStatus",
    "Store",
    "StoreStatus",
    "WindowView",
    "day_of",
    "process_id",
    "window_of",
]


@attrs.frozen
class WindowView:
    """One egress identity's minute window, as a store last saw it.

    Args:
        window_used: slots of the window taken.
        in_flight: requests admitted and not yet handed back.
        next_slot_at: when the next request could go (the store's clock).
        cooldown_until: the end of the cooldown after a code 12 (0: none).
        throttled: code 12 answers seen on the egress.
        clock_offset: the server's clock minus the store's.
    """

    window_used: int
    in_flight: int
    next_slot_at: float
    cooldown_until: float
    throttled: int
    clock_offset: float


@attrs.frozen
class DayView:
    """One account's GMT day, as a store last saw it.

    Args:
        day_used: requests spent today.
        day_limit: the daily limit.
        reset_at: the next 00:00 GMT on the server's clock (the store's clock).
        day_closed: whether a code 11 closed the day.
        synced_at: when the day was last reconciled with ``/quota/`` (``None``: never).
    """

    day_used: int
    day_limit: int
    reset_at: float
    day_closed: bool
    synced_at: float | None


@attrs.frozen
class EgressStatus:
    """One egress identity's minute window, as the store holds it.

    Args:
        name: the egress identity.
        per_minute: the window's limit (as the processes using it keep it).
        window: the window's length in seconds.
        window_used: slots taken (in flight, or completed less than a window ago).
        window_free: slots free now.
        in_flight: requests admitted and not yet handed back, by every process.
        next_slot_at: when the next request could go (epoch seconds).
        cooldown_until: the end of the cooldown after a code 12 (epoch seconds; 0: none).
        throttled: code 12 answers seen on this egress.
    """

    name: str
    per_minute: int
    window: float
    window_used: int
    window_free: int
    in_flight: int
    next_slot_at: float
    cooldown_until: float
    throttled: int

    @classmethod
    def of(cls, name: str, limits: Limits, view: WindowView) -> EgressStatus:
        """The status of egress ``name`` from a store's view of it, judged by ``limits``."""
        # A slot reserved ahead of time for one about to come back counts once, not twice.
        used = min(limits.per_minute, view.window_used)
        return cls(
            name=name,
            per_minute=limits.per_minute,
            window=limits.window,
            window_used=used,
            window_free=limits.per_minute - used,
            in_flight=view.in_flight,
            next_slot_at=view.next_slot_at,
            cooldown_until=view.cooldown_until,
            throttled=view.throttled,
        )


@attrs.frozen
class AccountStatus:
    """One account's GMT day, as the store holds it.

    Args:
        name: the account.
        day_used: requests spent today.
        day_limit: the daily limit.
        resets_at: the next 00:00 GMT on the server's clock (epoch seconds).
        day_closed: whether a code 11 closed the day.
        synced_at: when the day was last reconciled with ``/quota/`` (``None``: never).
    """

    name: str
    day_used: int
    day_limit: int
    resets_at: float
    day_closed: bool
    synced_at: float | None

    @classmethod
    def of(cls, name: str, view: DayView) -> AccountStatus:
        """The status of account ``name`` from a store's view of its day."""
        return cls(
            name=name,
            day_used=view.day_used,
            day_limit=view.day_limit,
            resets_at=view.reset_at,
            day_closed=view.day_closed,
            synced_at=view.synced_at,
        )


@attrs.frozen
class ProcessStatus:
    """A process that used the store within its lease, and how many of its requests wait.

    Args:
        process: the process's identity (``host:pid:tag``).
        egress: the egress identity its requests go through.
        waiting: its requests waiting for a slot when it last asked the store.
        seen_at: when it last asked the store (epoch seconds).
        expires_at: when it drops out of the status unless it asks again (a killed process
            drops out then).
    """

    process: str
    egress: str
    waiting: int
    seen_at: float
    expires_at: float


@attrs.frozen
class StoreStatus:
    """What a store holds for every egress, account and live process: ``governor status``.

    Args:
        store: the store, as its repr names it (never a password).
        now: when it was read (epoch seconds).
        egresses: every egress identity's window.
        accounts: every account's day.
        processes: every process that asked the store within its lease.
    """

    store: str
    now: float
    egresses: tuple[EgressStatus, ...]
    accounts: tuple[AccountStatus, ...]
    processes: tuple[ProcessStatus, ...]

    @property
    def waiting(self) -> int:
        """Requests waiting for a slot, across every live process."""
        return sum(p.waiting for p in self.processes)


def process_id() -> str:
    """This process's identity in a shared store: host, pid and a tag (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def presence_lease(limits: Limits, horizon: float) -> float:
    """How long a process's waiting count stands without a new question to the store.

    A process with requests waiting asks its store at least once a horizon (the shell caps its
    sleeps at that), so an alive process never drops out; a killed one drops out within this.
    """
    return max(limits.lease, horizon)


class Store(Protocol):
    """Where a `RateGovernor` keeps the limits' state.

    Times passed in are the governor's clock; a store with a clock of its own (Redis ``TIME``)
    ignores them and answers with its own ``now``, against which the shell measures its sleeps.
    """

    limits: Limits
    horizon: float  # how far ahead a request may be admitted in one question (0: only now)

    async def acquire(
        self,
        now: float,
        *,
        account: str,
        egress: str,
        priority: Priority,
        daily: bool,
        waiting: int = 0,
    ) -> tuple[Decision, float]:
        """Decide and, when admitted, take the slot, atomically; the decision and the store's now.

        An `Admit` carries the slot's name and the time to send at. ``waiting`` is how
        many of this process's requests wait on ``egress``, for `status()`.
        """
        ...

    async def release(
        self, now: float, permit: Permit, outcome: Outcome, *, daily: bool, waiting: int = 0
    ) -> None:
        """Hand back ``permit``'s slot with its attempt's outcome."""
        ...

    async def reconcile(self, now: float, *, account: str, used: int, limit: int | None) -> None:
        """Take the server's count of ``account``'s day."""
        ...

    def window(self, now: float, egress: str) -> WindowView:
        """``egress``'s window (for a shared store: as this process last saw it)."""
        ...

    def day(self, now: float, account: str) -> DayView:
        """``account``'s day (for a shared store: as this process last saw it)."""
        ...

    async def refresh(self, now: float, *, account: str, egress: str) -> tuple[DayView, WindowView]:
        """``account``'s day and ``egress``'s window, read from the store now (one question)."""
        ...

    async def status(self, now: float) -> StoreStatus:
        """Every egress's window, account's day and live process, read from the store now."""
        ...

    async def aclose(self) -> None:
        """Let go of connections and files."""
        ...


def window_of(core: Core, now: float, egress: str) -> WindowView:
    """The view of egress ``egress``'s window in a core (for the stores that run the Python
    core)."""
    limits = core.limits
    state = core.egress(egress)
    decision = core.decide(now, "", egress, Priority.INTERACTIVE, daily=False)
    return WindowView(
        window_used=state.used(now, limits),
        in_flight=state.in_flight,
        next_slot_at=decision.until if isinstance(decision, Wait) else now,
        cooldown_until=state.cooldown_until,
        throttled=state.throttled,
        clock_offset=core.offset,
    )


def day_of(core: Core, now: float, account: str) -> DayView:
    """The view of account ``account``'s day in a core."""
    day = core.day(account, now)
    return DayView(
        day_used=day.used,
        day_limit=day.limit,
        reset_at=core.reset_at(now),
        day_closed=day.closed_until is not None,
        synced_at=day.synced_at,
    )


def egress_status(core: Core, now: float, name: str) -> EgressStatus:
    """The status of one egress of a core."""
    return EgressStatus.of(name, core.limits, window_of(core, now, name))


def account_status(core: Core, now: float, name: str) -> AccountStatus:
    """The status of one account of a core."""
    return AccountStatus.of(name, day_of(core, now, name))


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
        seen_since: this state has seen every request of its egresses since this time: the
            server was born then, empty, and nothing else sends to it (the command's embedded
            sandbox). A new egress may then burst at once; by default it starts cautiously.
    """

    horizon = 0.0  # the shell wakes its waiters itself: no need to admit ahead of time

    def __init__(self, limits: Limits | None = None, *, seen_since: float | None = None) -> None:
        self.core = Core(limits, seen_since=seen_since)
        self.limits = self.core.limits
        self.process = process_id()
        self._waiting: dict[str, tuple[int, float]] = {}  # egress -> (waiting, seen at)

    def __repr__(self) -> str:
        return "MemoryStore()"

    # None of these await: in one process a decision is atomic without a lock.

    async def acquire(
        self,
        now: float,
        *,
        account: str,
        egress: str,
        priority: Priority,
        daily: bool,
        waiting: int = 0,
    ) -> tuple[Decision, float]:
        """Decide and take the slot."""
        self._waiting[egress] = (waiting, now)
        return decide_and_admit(
            self.core, now, account, egress, priority, daily=daily, horizon=0.0
        ), now

    async def release(
        self, now: float, permit: Permit, outcome: Outcome, *, daily: bool, waiting: int = 0
    ) -> None:
        """Hand the slot back."""
        self._waiting[permit.egress] = (waiting, now)
        self.core.complete(
            permit.account,
            permit.egress,
            outcome,
            daily=daily,
            sent_at=permit.granted_at,
            slot=permit.slot,
        )

    async def reconcile(self, now: float, *, account: str, used: int, limit: int | None) -> None:
        """Take the server's count."""
        self.core.reconcile(account, now, used=used, limit=limit)

    def window(self, now: float, egress: str) -> WindowView:
        """The live window."""
        return window_of(self.core, now, egress)

    def day(self, now: float, account: str) -> DayView:
        """The live day."""
        return day_of(self.core, now, account)

    async def refresh(self, now: float, *, account: str, egress: str) -> tuple[DayView, WindowView]:
        """The live state."""
        return self.day(now, account), self.window(now, egress)

    async def status(self, now: float) -> StoreStatus:
        """The live state of every egress and account this process has seen."""
        lease = presence_lease(self.limits, self.horizon)
        return StoreStatus(
            store=repr(self),
            now=now,
            egresses=tuple(egress_status(self.core, now, e) for e in sorted(self.core.egresses)),
            accounts=tuple(account_status(self.core, now, a) for a in sorted(self.core.days)),
            processes=tuple(
                ProcessStatus(self.process, egress, waiting, seen, seen + lease)
                for egress, (waiting, seen) in sorted(self._waiting.items())
            ),
        )

    async def aclose(self) -> None:
        """Nothing to let go of."""
