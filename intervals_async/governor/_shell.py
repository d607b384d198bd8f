"""``RateGovernor``: the async shell around the pure core: queues, priorities, one timer.

Waiters queue per egress identity, in lanes by priority and, inside a lane, per account, served
round-robin so that one account's bulk export cannot starve another account on the same IP. Only
the waiter at the head of an egress's queue asks the core and sleeps, on a single timer, until the
time the core names or until a slot is released; everyone behind it waits on an event of its own.
Nobody polls, and choosing the next head costs O(log n) with n waiters.

The limits' state lives in a store (``_store.py``): by default one SQLite file per user of the
host, shared by every process on it (the per-minute limit is per IP; ``_default.py``), or this
process's memory, or a Redis server shared by a fleet. Queues stay local to each process. A shared
store cannot wake this process's waiters when another process frees a slot, so it admits the
head of a queue ahead of time (up to its ``horizon``) and the head sleeps here until its time,
still the head: each request costs one question to the store, and each process holds at most one
such reservation per egress.
"""

from __future__ import annotations

import collections
import enum
import itertools
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import anyio
import attrs

from .._clock import Clock, SystemClock
from .._exceptions import DayClosed, GovernorTimeout, StoreError
from ._core import Admit, Closed, Decision, Limits
from ._default import host_store_path, open_store, resolve_setting
from ._seam import Outcome, Permit, Priority
from ._store import MemoryStore, Store, StoreStatus, presence_lease

__all__ = ["GovernorEvent", "GovernorStatistics", "RateGovernor", "shared_governor"]

logger = logging.getLogger("intervals_async.governor")


@attrs.frozen
class GovernorStatistics:
    """A snapshot of one egress identity's window and one account's day.

    Args:
        window_used: slots of the minute window taken (in flight, or completed less than a
            window ago).
        window_free: slots free now.
        in_flight: requests sent and not yet completed.
        next_slot_at: when the next request could go (now, if it could go now).
        day_used: requests spent today (the governor's count, reconciled with ``/quota/``).
        day_limit: the daily limit.
        resets_at: the next 00:00 GMT (on the server's clock, in whole seconds).
        day_closed: whether a code 11 closed the day.
        waiters: requests waiting, per priority.
        cooldown_until: the end of the cooldown after a code 12 (``None``: none).
        throttled: code 12 answers seen on this egress.
        last_sync: when the day was last reconciled with ``/quota/`` (``None``: never).
        clock_offset: the server's clock minus ours, in seconds.

    Every moment is an aware UTC ``datetime`` on the governor's clock (a virtual one in tests),
    as in every record of this package; durations and offsets are seconds.
    """

    window_used: int
    window_free: int
    in_flight: int
    next_slot_at: datetime
    day_used: int
    day_limit: int
    resets_at: datetime
    day_closed: bool
    waiters: dict[Priority, int]
    cooldown_until: datetime | None
    throttled: int
    last_sync: datetime | None
    clock_offset: float


class EventKind(enum.StrEnum):
    """What a `GovernorEvent` tells (each equal to its string, ``"wait"``...)."""

    WAIT = "wait"  # a request must wait
    THROTTLE = "throttle"  # a code 12 (or a Retry-After) started a cooldown
    RETRY = "retry"  # the client retries a request
    QUOTA_SYNC = "quota_sync"  # the day was reconciled with /quota/


@attrs.frozen
class GovernorEvent:
    """What a hook is told.

    Args:
        kind: what happened (see `EventKind`).
        account: the account concerned.
        egress: the egress identity concerned.
        until: for ``wait`` and ``throttle``, when it ends (an aware UTC ``datetime``), if
            known.
        detail: a human-readable reason.
    """

    kind: EventKind
    account: str
    egress: str
    until: datetime | None = None
    detail: str = ""


Hook = Callable[[GovernorEvent], Any]


class _Waiter:
    __slots__ = ("account", "daily", "gone", "priority", "queued_at", "seq", "wake", "woken")

    def __init__(
        self, account: str, priority: Priority, daily: bool, seq: int, queued_at: float
    ) -> None:
        self.account, self.priority, self.daily = account, priority, daily
        self.seq, self.queued_at = seq, queued_at
        self.gone = False  # left the queue (admitted, refused or cancelled)
        self.woken = False  # told to look again since it last slept
        self.wake: anyio.CancelScope | None = None  # cancelled to cut its sleep short

    def rouse(self) -> None:
        self.woken = True
        if self.wake is not None:
            self.wake.cancel()


class _Queue:
    """One egress's waiters: lanes by priority, and inside each, accounts round-robin.

    Leaving is lazy (a flag), so a cancelled waiter deep in the queue costs O(1); the fronts are
    cleaned when the next waiter is chosen.
    """

    def __init__(self) -> None:
        self.lanes: list[collections.OrderedDict[str, collections.deque[_Waiter]]] = [
            collections.OrderedDict() for _ in Priority
        ]
        self.size = 0
        self.head: _Waiter | None = None

    def push(self, waiter: _Waiter) -> None:
        lane = self.lanes[waiter.priority]
        lane.setdefault(waiter.account, collections.deque()).append(waiter)
        self.size += 1
        self.head = None  # chosen again: the newcomer may outrank the current head

    def leave(self, waiter: _Waiter, served: bool = False) -> None:
        if waiter.gone:
            return
        waiter.gone = True
        self.size -= 1
        if self.head is waiter:
            self.head = None
        lane = self.lanes[waiter.priority]
        if served and waiter.account in lane:
            lane.move_to_end(waiter.account)  # round-robin: its account goes to the back

    def choose(self, now: float, aging: float) -> _Waiter | None:
        """The next waiter to serve: the highest lane, where a waiter's age lifts its lane."""
        best: tuple[float, int] | None = None
        chosen = None
        for priority, lane in enumerate(self.lanes):
            while lane:
                account, waiting = next(iter(lane.items()))
                while waiting and waiting[0].gone:
                    waiting.popleft()
                if waiting:
                    break
                del lane[account]
            if not lane:
                continue
            first = next(iter(lane.values()))[0]
            # Anti-starvation: every `aging` seconds of waiting counts as one priority level up.
            effective = priority - (now - first.queued_at) / aging if aging > 0 else priority
            key = (effective, first.seq)
            if best is None or key < best:
                best, chosen = key, first
        return chosen

    def count(self) -> dict[Priority, int]:
        return {
            p: sum(1 for q in self.lanes[p].values() for w in q if not w.gone) for p in Priority
        }


class RateGovernor:
    """Keeps every request inside the API's limits, at the full rate they allow.

    Think of each egress identity as a sack of N tokens. A request takes one to be sent and the
    token goes back into the sack a window's length after the request *completes*: the server
    counts arrivals, and no arrival comes after its completion, so no window of the server's can
    ever hold more than N of ours. A pacing bucket hands the tokens out evenly rather than in
    bursts, and each account has a daily allowance that resets at 00:00 GMT on the server's clock.

    Args:
        limits: the limits to keep (default: 100 per 60 s, 6,000 a day); with a ``store``, the
            store's.
        store: where the limits' state lives: a `SQLiteStore` (the processes of one
            host), a `RedisStore` (a fleet), a `MemoryStore` (this process alone),
            or a setting that names one (``"host"``, ``"memory"``, ``"sqlite:///PATH"``,
            ``"redis://..."``). By default, the ``INTERVALS_GOVERNOR`` setting, else ``"host"``:
            one SQLite file in the user's state directory, shared by every process of the
            host, since they share its IP. A governor given its own ``clock`` (a virtual one,
            say) and no store keeps its state in memory.
        clock: the clock to wait on (a virtual one in tests).
        aging: seconds of waiting that lift a waiter one priority level (anti-starvation).
        hooks: callables told of waits, throttles, retries and quota syncs.
    """

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        store: Store | str | None = None,
        clock: Clock | None = None,
        aging: float = 30.0,
        hooks: tuple[Hook, ...] = (),
    ) -> None:
        if store is None and clock is not None:
            # A clock of its own (virtual, say) is not the host's: the host's state cannot keep it.
            store = MemoryStore(limits)
        elif store is None or isinstance(store, str):
            store = open_store(store, limits)
        elif limits is not None and limits != store.limits:
            raise ValueError("a governor with a store keeps the store's limits: give them to it")
        self.store: Store = store
        self.clock: Clock = clock or SystemClock()
        self.aging = aging
        self.hooks = list(hooks)
        self._queues: dict[str, _Queue] = {}
        self._seq = itertools.count()
        self._warned_until: dict[str, float] = {}  # per egress: the cooldown last warned of
        # A shared store is asked at least this often while requests wait, so that this
        # process's waiting count stands in it (``governor status``) for as long as it waits.
        self._ask_every = 0.8 * presence_lease(store.limits, store.horizon) if store.horizon else 0

    @property
    def limits(self) -> Limits:
        """The limits kept."""
        return self.store.limits

    def __repr__(self) -> str:
        limits = self.limits
        return (
            f"RateGovernor({limits.per_minute}/{limits.window:g}s, {limits.daily}/day, "
            f"{self.store!r})"
        )

    async def aclose(self) -> None:
        """Close the store's connections (a governor in memory has none)."""
        await self.store.aclose()

    # -- the seam -------------------------------------------------------------------------------

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
        """Wait for a slot; raise rather than wait past ``deadline`` or a spent day.

        Raises:
            DayClosed: the day is spent for this priority (unless ``wait_for_reset``).
            GovernorTimeout: the slot would come after ``deadline``; raised at once.
        """
        queue = self._queues.get(egress)
        if queue is None:  # made once per egress, not on every acquire
            queue = self._queues[egress] = _Queue()
        first: tuple[Decision, float] | None = None
        if queue.size == 0 and not self.store.horizon:
            # In memory, the fast path: nobody waits, so ask at once (admitted now, or queue).
            first = await self._ask(account, egress, priority, daily, 0)
            if isinstance(first[0], Admit):
                return await self._granted(account, egress, priority, first, daily)
        waiter = _Waiter(account, priority, daily, next(self._seq), self.clock.time())
        queue.push(waiter)
        try:
            while True:
                now = self.clock.time()
                if queue.head is None:
                    self._next(queue)
                if queue.head is not waiter:
                    first = None
                    # Behind the head: sleep until roused, or until the deadline.
                    if deadline is not None and now >= deadline:
                        raise GovernorTimeout(
                            f"no slot for {account!r} on {egress!r} before the deadline "
                            f"({queue.size - 1} requests wait ahead)",
                            available_at=None,
                        )
                    await self._sleep(waiter, None if deadline is None else deadline - now)
                    continue
                answer = first or await self._ask(account, egress, priority, daily, queue.size - 1)
                first = None
                decision, store_now = answer
                if isinstance(decision, Admit):
                    # Admitted ahead of time, it keeps the head while it sleeps until then: each
                    # process holds one such reservation per egress at a time.
                    permit = await self._granted(account, egress, priority, answer, daily)
                    queue.leave(waiter, served=True)
                    return permit
                # The store's times, on our clock (the same clock, but for Redis's TIME).
                now = self.clock.time()
                if isinstance(decision, Closed):
                    if not wait_for_reset:
                        raise _closed(decision, account)
                    until = now + decision.reset_at - store_now
                else:
                    until = now + decision.until - store_now
                    if until - self.store.horizon > now:
                        # Ask again a horizon early: the store then admits ahead of time.
                        until -= self.store.horizon
                if deadline is not None and until > deadline:
                    raise GovernorTimeout(
                        f"no slot for {account!r} on {egress!r} before the deadline",
                        available_at=_when(until),
                    )
                self._emit(EventKind.WAIT, account, egress, until)
                if until - now > 1.0:
                    logger.info(
                        "waiting %.1f s for a slot on %s (%d requests wait)",
                        until - now,
                        egress,
                        queue.size,
                    )
                if self._ask_every:
                    until = min(until, now + self._ask_every)
                await self._sleep(waiter, max(until - now, 1e-6))
        finally:
            queue.leave(waiter)
            if queue.head is None:
                self._next(queue)

    async def _ask(
        self, account: str, egress: str, priority: Priority, daily: bool, waiting: int
    ) -> tuple[Decision, float]:
        """One question to the store; ``waiting``: the others of this process that wait."""
        return await self.store.acquire(
            self.clock.time(),
            account=account,
            egress=egress,
            priority=priority,
            daily=daily,
            waiting=waiting,
        )

    async def _granted(
        self,
        account: str,
        egress: str,
        priority: Priority,
        answer: tuple[Decision, float],
        daily: bool,
    ) -> Permit:
        """The permit of an admitted request, once its time has come."""
        decision, store_now = answer
        assert isinstance(decision, Admit)
        permit = Permit(account, egress, priority, decision.at, decision.slot)
        if decision.at > store_now:
            try:
                await self.clock.sleep(decision.at - store_now)
            except BaseException:
                # Cancelled before its time: never sent, so the slot and the day come back.
                with anyio.CancelScope(shield=True):
                    await self.release(permit, Outcome(self.clock.time(), sent=False), daily=daily)
                raise
        return permit

    async def release(self, permit: Permit, outcome: Outcome, *, daily: bool = True) -> None:
        """Hand back the slot of an attempt that has ended.

        Never raises for a store that cannot be reached: the attempt is over either way, and the
        slot's lease frees it in the store.
        """
        queue = self._queues.get(permit.egress)
        waiting = queue.size if queue is not None else 0
        try:
            await self.store.release(
                self.clock.time(), permit, outcome, daily=daily, waiting=waiting
            )
        except StoreError as error:
            logger.warning(
                "could not hand a slot of %s back (%s); its lease frees it within %.0f s",
                permit.egress,
                error,
                self.limits.lease,
            )
        cooldown = outcome.cooldown(self.limits.cooldown)
        if cooldown > 0:
            until = outcome.completed_at + cooldown
            self._throttled(permit.egress, outcome, until)
            self._emit(EventKind.THROTTLE, permit.account, permit.egress, until)
        if queue is not None:
            self._wake(queue)

    def _throttled(self, egress: str, outcome: Outcome, until: float) -> None:
        """A code 12 (or a ``Retry-After``) came back: say so, once per cooldown (it is never
        silent)."""
        at = outcome.completed_at
        if at < self._warned_until.get(egress, float("-inf")):
            return
        self._warned_until[egress] = until
        if not outcome.too_fast:
            logger.warning(
                "the server asked to wait %.0f s (HTTP %s, Retry-After): every request through "
                "%r waits as long",
                until - at,
                outcome.status,
                egress,
            )
            return
        logger.warning(
            "the server refused a request as too fast (%s): every request through %r "
            "cools down for %.0f s; another program on this IP may be sending requests to the "
            "API (share this governor's store with it: see `intervals-async governor status`)",
            "code 12" if outcome.code == 12 else f"HTTP {outcome.status}",
            egress,
            until - at,
        )

    def retrying(self, *, account: str, egress: str, reason: str, delay: float) -> None:
        """The client is about to retry a request (for the hooks)."""
        self._emit(EventKind.RETRY, account, egress, self.clock.time() + delay, reason)

    # -- the server's view ----------------------------------------------------------------------

    async def reconcile(self, account: str, *, used: int, limit: int | None = None) -> None:
        """Take the server's count of the day (from ``GET /quota/``); the larger count wins."""
        before = self.store.day(self.clock.time(), account).day_used
        await self.store.reconcile(self.clock.time(), account=account, used=used, limit=limit)
        day = self.store.day(self.clock.time(), account)
        logger.info(
            "quota of %r: server says %d used of %s, we counted %d",
            account,
            used,
            limit,
            before,
        )
        self._emit(
            EventKind.QUOTA_SYNC, account, "", None, f"used {day.day_used} of {day.day_limit}"
        )
        for queue in self._queues.values():
            self._wake(queue)

    def needs_sync(self, account: str, every: float) -> bool:
        """Whether ``account``'s day was never reconciled, or not for ``every`` seconds."""
        now = self.clock.time()
        day = self.store.day(now, account)
        return day.synced_at is None or now - day.synced_at >= every or day.day_closed

    async def statistics(
        self, *, account: str = "default", egress: str = "default", fresh: bool = True
    ) -> GovernorStatistics:
        """``egress``'s window and ``account``'s day.

        Args:
            account: the account whose day to tell (a client's ``account``).
            egress: the egress identity whose window to tell (a client's ``egress``).
            fresh: read them from the store now: for a shared store, one question, and the
                whole fleet's state. Else as this process last saw them, without I/O (a store
                in memory is always fresh).
        """
        now = self.clock.time()
        if fresh:
            day, window = await self.store.refresh(now, account=account, egress=egress)
        else:
            day, window = self.store.day(now, account), self.store.window(now, egress)
        queue = self._queues.get(egress)
        return GovernorStatistics(
            window_used=window.window_used,
            window_free=max(0, self.limits.per_minute - window.window_used),
            in_flight=window.in_flight,
            next_slot_at=_when(window.next_slot_at),
            day_used=day.day_used,
            day_limit=day.day_limit,
            resets_at=_when(round(day.reset_at)),
            day_closed=day.day_closed,
            waiters=queue.count() if queue else dict.fromkeys(Priority, 0),
            cooldown_until=_when(window.cooldown_until) if window.cooldown_until else None,
            throttled=window.throttled,
            last_sync=None if day.synced_at is None else _when(day.synced_at),
            clock_offset=window.clock_offset,
        )

    async def status(self) -> StoreStatus:
        """Every egress's window, account's day and live process in the store, read now (what
        ``intervals-async governor status`` shows); spends no request."""
        return await self.store.status(self.clock.time())

    # -- internals ------------------------------------------------------------------------------

    async def _sleep(self, waiter: _Waiter, seconds: float | None) -> None:
        """Sleep ``seconds`` (``None``: until roused); a rouse cuts it short."""
        if waiter.woken:
            waiter.woken = False
            return
        with anyio.CancelScope() as scope:
            waiter.wake = scope
            if seconds is None:
                await anyio.sleep_forever()
            else:
                await self.clock.sleep(seconds)
        waiter.wake = None
        waiter.woken = False

    def _wake(self, queue: _Queue) -> None:
        """Something changed: the head looks again (or a head is chosen)."""
        if queue.head is not None:
            queue.head.rouse()
        elif queue.size:
            self._next(queue)

    def _next(self, queue: _Queue) -> None:
        """Choose the next head of the queue, and rouse it."""
        queue.head = queue.choose(self.clock.time(), self.aging)
        if queue.head is not None:
            queue.head.rouse()

    def _emit(
        self, kind: EventKind, account: str, egress: str, until: float | None, detail: str = ""
    ) -> None:
        if not self.hooks:
            return
        event = GovernorEvent(
            kind, account, egress, None if until is None else _when(until), detail
        )
        for hook in self.hooks:
            hook(event)


_SHARED: dict[tuple[str, str, int], RateGovernor] = {}


def shared_governor(setting: str | None = None, *, server: str | None = None) -> RateGovernor:
    """The process's one governor for a store setting (default: ``INTERVALS_GOVERNOR``, else
    the host's file for ``server``, the API root's ``host[:port]``); the clients given no
    governor, or the same setting, share it, so that their requests queue together.

    One per thread: a governor's waits belong to one event loop, and a blocking client runs its
    own loop in a thread of its own. Across threads, as across processes, the store is shared
    (the host's file, Redis); ``"memory"`` is then one state per thread.
    """
    chosen = resolve_setting(setting)
    key = (
        chosen,
        str(host_store_path(server)) if chosen == "host" else "",
        threading.get_ident(),
    )
    governor = _SHARED.get(key)
    if governor is None:
        governor = _SHARED[key] = RateGovernor(store=open_store(chosen, server=server))
    return governor


def _when(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _closed(decision: Closed, account: str) -> DayClosed:
    why = "the server answered code 11" if decision.by_server else "the governor counted it spent"
    return DayClosed(
        f"the daily request quota of {account!r} is spent ({why}); nothing was sent",
        account=account,
        reset_at=_when(decision.reset_at),
        by_server=decision.by_server,
    )
