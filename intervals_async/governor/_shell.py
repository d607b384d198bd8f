"""``RateGovernor``: the async shell around the pure core: queues, priorities, one timer.

Waiters queue per egress identity, in lanes by priority and, inside a lane, per account, served
round-robin so that one account's bulk export cannot starve another account on the same IP. Only
the waiter at the head of an egress's queue asks the core and sleeps, on a single timer, until the
time the core names or until a slot is released; everyone behind it waits on an event of its own.
Nobody polls, and choosing the next head costs O(log n) with n waiters.
"""

from __future__ import annotations

import collections
import itertools
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import anyio
import attrs

from .._clock import Clock, SystemClock
from .._exceptions import DailyQuotaExceeded, GovernorTimeout
from ._core import Admit, Closed, Core, Limits, Wait
from ._seam import Outcome, Permit, Priority

__all__ = ["GovernorEvent", "GovernorStatistics", "RateGovernor"]

logger = logging.getLogger("intervals_async.governor")


@attrs.frozen
class GovernorStatistics:
    """A snapshot of one egress identity's window and one account's day.

    Args:
        window_used: slots of the minute window taken (in flight, or completed less than a
            window ago).
        window_free: slots free now.
        in_flight: requests sent and not yet completed.
        next_slot_at: when the next request could go (epoch seconds; now if it could go now;
            ``None`` when it waits for a request in flight to complete).
        day_used: requests spent today (the governor's count, reconciled with ``/quota/``).
        day_limit: the daily limit.
        resets_at: the next 00:00 GMT (on the server's clock).
        day_closed: whether a code 11 closed the day.
        waiters: requests waiting, per priority.
        cooldown_until: the end of the cooldown after a code 12 (epoch seconds; 0: none).
        throttled: code 12 answers seen on this egress.
        last_sync: when the day was last reconciled with ``/quota/`` (``None``: never).
        clock_offset: the server's clock minus ours, in seconds.
    """

    window_used: int
    window_free: int
    in_flight: int
    next_slot_at: float | None
    day_used: int
    day_limit: int
    resets_at: datetime
    day_closed: bool
    waiters: dict[Priority, int]
    cooldown_until: float
    throttled: int
    last_sync: float | None
    clock_offset: float


@attrs.frozen
class GovernorEvent:
    """What a hook is told.

    Args:
        kind: ``"wait"`` (a request must wait), ``"throttle"`` (a code 12 started a cooldown),
            ``"retry"`` (the client retries a request) or ``"quota_sync"`` (the day was
            reconciled with ``/quota/``).
        account: the account concerned.
        egress: the egress identity concerned.
        until: for ``wait`` and ``throttle``, when it ends (epoch seconds), if known.
        detail: a human-readable reason.
    """

    kind: str
    account: str
    egress: str
    until: float | None = None
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
        limits: the limits to keep (default: 100 per 60 s, 6,000 a day).
        clock: the clock to wait on (a virtual one in tests).
        aging: seconds of waiting that lift a waiter one priority level (anti-starvation).
        hooks: callables told of waits, throttles, retries and quota syncs.
    """

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        clock: Clock | None = None,
        aging: float = 30.0,
        hooks: tuple[Hook, ...] = (),
    ) -> None:
        self.core = Core(limits)
        self.clock: Clock = clock or SystemClock()
        self.aging = aging
        self.hooks = list(hooks)
        self._queues: dict[str, _Queue] = {}
        self._seq = itertools.count()

    @property
    def limits(self) -> Limits:
        """The limits kept."""
        return self.core.limits

    def __repr__(self) -> str:
        limits = self.limits
        return f"RateGovernor({limits.per_minute}/{limits.window:g}s, {limits.daily}/day)"

    # -- the seam -------------------------------------------------------------------------------

    async def acquire(
        self,
        account: str,
        egress: str,
        priority: Priority,
        deadline: float | None,
        *,
        daily: bool = True,
        wait_for_reset: bool = False,
    ) -> Permit:
        """Wait for a slot; raise rather than wait past ``deadline`` or a spent day.

        Raises:
            DailyQuotaExceeded: the day is spent for this priority (unless ``wait_for_reset``).
            GovernorTimeout: the slot would come after ``deadline``; raised at once.
        """
        queue = self._queues.setdefault(egress, _Queue())
        now = self.clock.time()
        if queue.size == 0:
            decision = self.core.decide(now, account, egress, priority, daily=daily)
            if isinstance(decision, Admit):
                self.core.admit(now, account, egress, daily=daily)
                return Permit(account, egress, priority, now)
        waiter = _Waiter(account, priority, daily, next(self._seq), now)
        queue.push(waiter)
        try:
            while True:
                now = self.clock.time()
                if queue.head is None:
                    self._next(queue)
                if queue.head is not waiter:
                    # Behind the head: sleep until roused, or until the deadline.
                    if deadline is not None and now >= deadline:
                        raise GovernorTimeout(
                            f"no slot for {account!r} on {egress!r} before the deadline "
                            f"({queue.size - 1} requests wait ahead)",
                            available_at=None,
                        )
                    await self._sleep(waiter, None if deadline is None else deadline - now)
                    continue
                decision = self.core.decide(now, account, egress, priority, daily=daily)
                if isinstance(decision, Admit):
                    self.core.admit(now, account, egress, daily=daily)
                    queue.leave(waiter, served=True)
                    return Permit(account, egress, priority, now)
                if isinstance(decision, Closed):
                    if not wait_for_reset:
                        raise _closed(decision, account)
                    until: float | None = decision.reset_at
                else:
                    until = decision.until
                if deadline is not None and (until is None or until > deadline):
                    if until is not None or now >= deadline:
                        raise GovernorTimeout(
                            f"no slot for {account!r} on {egress!r} before the deadline",
                            available_at=None if until is None else _when(until),
                        )
                    until = deadline
                self._emit("wait", account, egress, until)
                await self._sleep(waiter, None if until is None else max(until - now, 1e-6))
        finally:
            queue.leave(waiter)
            if queue.head is None:
                self._next(queue)

    async def release(self, permit: Permit, outcome: Outcome, *, daily: bool = True) -> None:
        """Hand back the slot of an attempt that has ended."""
        self.core.complete(
            permit.account, permit.egress, outcome, daily=daily, sent_at=permit.granted_at
        )
        if outcome.code == 12:
            state = self.core.egress(permit.egress)
            logger.info(
                "code 12 on %s: every request through it waits %.0f s",
                permit.egress,
                self.limits.cooldown,
            )
            self._emit("throttle", permit.account, permit.egress, state.cooldown_until)
        queue = self._queues.get(permit.egress)
        if queue is not None:
            self._wake(queue)

    def retrying(self, account: str, egress: str, reason: str, delay: float) -> None:
        """The client is about to retry a request (for the hooks)."""
        self._emit("retry", account, egress, self.clock.time() + delay, reason)

    # -- the server's view ----------------------------------------------------------------------

    def reconcile(self, account: str, *, used: int, limit: int | None = None) -> None:
        """Take the server's count of the day (from ``GET /quota/``); the larger count wins."""
        now = self.clock.time()
        before = self.core.day(account, now).used
        self.core.reconcile(account, now, used=used, limit=limit)
        day = self.core.day(account, now)
        logger.info(
            "quota of %r: server says %d used of %s, we counted %d",
            account,
            used,
            limit,
            before,
        )
        self._emit("quota_sync", account, "", None, f"used {day.used} of {day.limit}")
        for queue in self._queues.values():
            self._wake(queue)

    def needs_sync(self, account: str, every: float) -> bool:
        """Whether ``account``'s day was never reconciled, or not for ``every`` seconds."""
        now = self.clock.time()
        day = self.core.day(account, now)
        return day.synced_at is None or now - day.synced_at >= every or day.closed_until is not None

    def statistics(self, account: str = "default", egress: str = "default") -> GovernorStatistics:
        """A snapshot of ``egress``'s window and ``account``'s day."""
        now = self.clock.time()
        state = self.core.egress(egress)
        day = self.core.day(account, now)
        used = state.used(now)
        decision = self.core.decide(now, account, egress, Priority.INTERACTIVE, daily=False)
        next_slot = decision.until if isinstance(decision, Wait) else now
        queue = self._queues.get(egress)
        return GovernorStatistics(
            window_used=used,
            window_free=max(0, self.limits.per_minute - used),
            in_flight=state.in_flight,
            next_slot_at=next_slot,
            day_used=day.used,
            day_limit=day.limit,
            resets_at=_when(self.core.reset_at(now)),
            day_closed=day.closed_until is not None,
            waiters=queue.count() if queue else dict.fromkeys(Priority, 0),
            cooldown_until=state.cooldown_until,
            throttled=state.throttled,
            last_sync=day.synced_at,
            clock_offset=self.core.offset,
        )

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
        self, kind: str, account: str, egress: str, until: float | None, detail: str = ""
    ) -> None:
        if not self.hooks:
            return
        event = GovernorEvent(kind, account, egress, until, detail)
        for hook in self.hooks:
            hook(event)


def _when(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _closed(decision: Closed, account: str) -> DailyQuotaExceeded:
    reset = _when(decision.reset_at)
    why = "the server answered code 11" if decision.by_server else "the governor counted it spent"
    error = DailyQuotaExceeded(
        f"the daily request quota of {account!r} is spent ({why}); nothing was sent",
        reset_at=reset,
        status=0,
        code=11,
    )
    error.request_sent = False
    return error
