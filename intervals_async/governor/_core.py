"""The governor's decisions, as pure state: no I/O, no sleeping, time passed in.

Two limits, two mechanisms (see DESIGN.md, "The governor"):

- per **egress** identity (one IP), a token bucket that paces sustained load at a little under
  N per W, over a sliding log that caps every window: a slot is taken when a request is admitted
  and comes back W seconds (plus a margin) after that request *completes*. The server sees
  arrivals, and an arrival is never later than its completion, so whatever the latency no W-long
  window can see more than N arrivals;
- per customer **account**, a counter of the GMT calendar day (on the server's clock), with a
  reserve that only higher priorities may spend, closed until midnight by a code 11.

The pacing bucket holds ``burst`` tokens (2) while the state cannot know what the egress sent in
the last window, and as many as the window has free once it can: a state that has seen every
request of the egress for at least a window (it has been in use, or kept, that long; or it was
told that the server was born empty). The log and the counter gate keep every window either way,
so the bucket only spreads *sustained* load, and a short job on an idle egress goes at once.

A code 12 starts one cooldown for the whole egress. ``Core.decide`` answers *admit* (now, or at a
time within the caller's horizon), *wait until* or *closed*; ``admit`` and ``complete`` change the
state. A slot in flight is a *lease*: one its process never hands back (the process died) counts as
completed when the lease runs out, so a dead worker's slots come back and no window is broken.

The state is plain data (``EgressState``, ``DayState``, ``ClockState``) so that the stores can keep
it outside the process: see ``_store.py``.
"""

from __future__ import annotations

import heapq
import math
import random
from datetime import UTC, datetime

import attrs

from ._seam import Outcome, Priority

__all__ = ["Admit", "Closed", "Core", "Decision", "Limits", "Wait"]

DAY = 86_400.0
_EPSILON = 1e-9  # a token short by floating-point noise is a whole token


@attrs.frozen
class Limits:
    """The API's limits and the governor's safety margins.

    Args:
        per_minute: requests per window per egress identity (N, 100).
        window: the window in seconds (W, 60).
        daily: requests per GMT day per account (6,000; 12,000 on the Unlimited plan).
        burst: tokens the pacing bucket holds while the state has not seen a whole window (how
            many requests may go at once after a pause); once it has, the bucket holds as many
            as the window has free (at least ``burst``): an idle window's N go at once.
        pace: the bucket's rate as a fraction of N per W. Just under 1, so that a server that
            weighs the previous minute (a sliding-window counter) never sees a full window plus one.
        margin: seconds added to W before a completed request's slot comes back.
        cooldown: seconds every request on an egress waits after a code 12.
        headroom: requests kept free of the estimate of a sliding-window-counter server.
        counter_gate: also keep, for the server's fixed minutes (found through the ``Date``
            header), the estimate a sliding-window-counter server makes (the previous minute
            weighted by its overlap, plus the current one). The bucket and the log alone cannot
            keep it: a full minute followed by an even one is refused. Turn it off only for a
            server known to count otherwise.
        reserve: the fraction of the daily limit kept back from each priority: ``BULK`` may spend
            the day up to ``1 - reserve[BULK]`` of it (95% by default), and so on; by default
            ``DEFAULT`` and ``INTERACTIVE`` may spend it all.
        lease: seconds after which a slot never handed back counts as completed (its process
            died). It must be longer than a request takes to *reach* the server (connect and
            upload: 10 s of connect timeout by default), because the server may count it until
            then; a slow download past it only holds its slot a little longer.
    """

    per_minute: int = attrs.field(default=100)
    window: float = 60.0
    daily: int = 6_000
    burst: int = 2
    pace: float = 0.99
    margin: float = 0.1
    cooldown: float = 60.0
    reserve: tuple[float, float, float] = (0.0, 0.0, 0.05)
    headroom: int = 0
    counter_gate: bool = True
    lease: float = 60.0

    @per_minute.validator
    def _positive(self, _: object, value: int) -> None:
        if value < 1:
            raise ValueError(f"per_minute must be at least 1, not {value}")

    def __attrs_post_init__(self) -> None:
        if self.window <= 0 or self.daily < 1 or self.burst < 1:
            raise ValueError("window, daily and burst must be positive")
        if not 0 < self.pace <= 1:
            raise ValueError(f"pace is a fraction in (0, 1], not {self.pace}")
        if self.margin < 0 or self.cooldown < 0 or self.lease <= 0:
            raise ValueError("margin and cooldown cannot be negative, lease must be positive")
        if not 0 <= self.headroom < self.per_minute:
            raise ValueError(f"headroom must be in [0, per_minute), not {self.headroom}")

    @classmethod
    def plan(cls, unlimited: bool = False, **changes: object) -> Limits:
        """The limits of a plan: 6,000 requests a day, or 12,000 on the Unlimited plan."""
        return cls(daily=12_000 if unlimited else 6_000, **changes)  # type: ignore[arg-type]

    @property
    def rate(self) -> float:
        """The pacing rate, in requests per second."""
        return self.per_minute * self.pace / self.window


@attrs.frozen
class Admit:
    """Send at ``at`` (now, or a moment later within the horizon the caller allowed), holding the
    slot ``slot``."""

    at: float
    slot: str = ""


@attrs.frozen
class Wait:
    """Ask again at ``until``: nothing can change the answer before then, except a request in
    flight that completes (in this process, that wakes the waiters early)."""

    until: float


@attrs.frozen
class Closed:
    """The account's day is spent (for this priority) until ``reset_at`` (epoch seconds)."""

    reset_at: float
    by_server: bool


Decision = Admit | Wait | Closed


@attrs.define
class EgressState:
    """One egress identity's minute window: bucket, slots in flight, slots waiting to free."""

    tokens: float = 1.0
    refilled_at: float | None = None
    # Since when this state has seen every request of the egress (None: not yet in use).
    since: float | None = None
    leases: dict[str, float] = attrs.field(factory=dict)  # slots in flight -> when leases end
    frees: list[float] = attrs.field(factory=list)  # heap of times completed slots come back
    # Sends per server minute, and of those, how many surely completed inside that minute:
    # what a sliding-window-counter server can have counted (see Core._counter_wait).
    sends: dict[int, int] = attrs.field(factory=dict)
    done_within: dict[int, int] = attrs.field(factory=dict)
    cooldown_until: float = 0.0
    throttled: int = 0

    @property
    def in_flight(self) -> int:
        """Slots admitted and not yet handed back."""
        return len(self.leases)

    def purge(self, now: float, limits: Limits) -> None:
        """Free the slots whose time has come; leases that ran out count as completed then."""
        for slot in [s for s, end in self.leases.items() if end <= now]:
            heapq.heappush(self.frees, self.leases.pop(slot) + limits.window + limits.margin)
        while self.frees and self.frees[0] <= now:
            heapq.heappop(self.frees)

    def used(self, now: float, limits: Limits) -> int:
        """Slots taken: in flight, or completed less than a window (plus the margin) ago."""
        self.purge(now, limits)
        return self.in_flight + len(self.frees)


@attrs.define
class DayState:
    """One account's GMT day."""

    limit: int
    day: int = -1
    used: int = 0
    closed_until: float | None = None
    synced_at: float | None = None


@attrs.frozen
class ClockState:
    """What the answers' ``Date`` headers tell of the server's clock: the offset (server minus
    ours) lies in ``[low, high]``. Frozen, with the offset and its uncertainty worked out once:
    every decision reads them several times."""

    low: float | None = None
    high: float | None = None
    #: The server's clock minus ours: the middle of the bracket.
    offset: float = attrs.field(init=False, default=0.0)
    #: How far off ``offset`` may be: half the bracket.
    uncertainty: float = attrs.field(init=False, default=0.0)

    def __attrs_post_init__(self) -> None:
        low, high = self.low, self.high
        if low is not None and high is not None:
            object.__setattr__(self, "offset", (low + high) / 2)
            object.__setattr__(self, "uncertainty", (high - low) / 2)


class Core:
    """The governor's state and decisions for every egress and account it has seen.

    Args:
        limits: the limits to keep.
        seen_since: the state has seen every request of its egresses since this time, and none
            was sent before it (a server born then, empty: the embedded sandbox), so a new
            egress may burst at once. By default a new egress knows nothing of what was sent
            before its first request.
    """

    def __init__(self, limits: Limits | None = None, *, seen_since: float | None = None) -> None:
        self.limits = limits or Limits()
        self.seen_since = seen_since
        self.egresses: dict[str, EgressState] = {}
        self.days: dict[str, DayState] = {}
        self.clock = ClockState()

    @property
    def offset(self) -> float:
        """The server's clock minus ours, in seconds."""
        return self.clock.offset

    @property
    def uncertainty(self) -> float:
        """How far off ``offset`` may be."""
        return self.clock.uncertainty

    # -- state lookup ---------------------------------------------------------------------------

    def egress(self, name: str) -> EgressState:
        """The state of egress ``name`` (created on first use with one token: what it sent
        before is unknown), or a full bucket when the state has seen it all (``seen_since``)."""
        state = self.egresses.get(name)
        if state is None:
            state = self.egresses[name] = EgressState()
            if self.seen_since is not None:
                # Nothing was sent before then: as good as having seen the window before it.
                state.since = self.seen_since - self.limits.window - self.limits.margin
                state.tokens = float(self.limits.per_minute)
        return state

    def capacity(self, state: EgressState, now: float) -> int:
        """The tokens the bucket may hold: ``burst``, or, once the state has seen a whole window
        (every request that can still count at the server is in the log), as many as the window
        has free. So an idle window lets a burst go at once, and a filling one is paced: the
        bucket never saves up tokens while the log is full."""
        limits = self.limits
        if state.since is not None and now - state.since >= limits.window + limits.margin:
            return max(limits.burst, limits.per_minute - state.used(now, limits))
        return limits.burst

    def day(self, account: str, now: float) -> DayState:
        """The state of ``account``'s current GMT day (rolled over at the server's midnight)."""
        state = self.days.get(account)
        if state is None:
            state = self.days[account] = DayState(limit=self.limits.daily)
        # Lean late: a new day begins only when it surely has on the server's clock.
        clock = self.clock
        today = math.floor((now + clock.offset - clock.uncertainty) / DAY)
        if today != state.day:
            state.day, state.used, state.closed_until = today, 0, None
        return state

    def reset_at(self, now: float) -> float:
        """The next 00:00 GMT on the server's clock, as our epoch seconds (leaning late)."""
        clock = self.clock
        server = now + clock.offset - clock.uncertainty
        return (math.floor(server / DAY) + 1) * DAY - clock.offset + clock.uncertainty

    # -- decisions ------------------------------------------------------------------------------

    def decide(
        self,
        now: float,
        account: str,
        egress: str,
        priority: Priority,
        *,
        daily: bool = True,
        horizon: float = 0.0,
    ) -> Decision:
        """What a request of ``priority`` for ``account`` through ``egress`` may do at ``now``.

        With a ``horizon``, a request that could go within ``horizon`` seconds is admitted *at*
        that time rather than told to wait: the caller sleeps and then sends, without asking
        again (one question per request, for a store across a network).
        """
        if daily:
            day = self.day(account, now)
            if day.closed_until is not None:
                return Closed(day.closed_until, by_server=True)
            allowed = math.floor(day.limit * (1 - self.limits.reserve[priority]))
            if day.used >= allowed:
                return Closed(self.reset_at(now), by_server=False)
        limits = self.limits
        state = self.egress(egress)
        at = max(now, state.cooldown_until)
        over = state.used(now, limits) - limits.per_minute
        if over >= 0:
            # Every slot is taken. One is surely free once `over + 1` completed slots have come
            # back; a request in flight may free one sooner, but not before a window from now.
            soonest = now + limits.window + limits.margin
            if over >= len(state.frees):
                return Wait(soonest)
            free = heapq.nsmallest(over + 1, state.frees)[-1]
            if free > now + horizon:
                return Wait(min(free, soonest))
            at = max(at, free)
        self._refill(state, now)
        if state.tokens < 1.0 - _EPSILON:
            # Never a wait shorter than the clock can tell apart (epoch floats have ~0.2 us).
            at = max(at, now + max((1.0 - state.tokens) / limits.rate, 1e-6))
        if limits.counter_gate:
            # The counter's estimate only falls inside a minute and jumps at its end, so the
            # time it names is checked again (a few times at most) until it holds.
            for _ in range(4):
                later = self._counter_wait(state, at)
                if later is None:
                    break
                at = later
            else:
                return Wait(at)
        if at > now + horizon:
            return Wait(at)
        return Admit(at)

    def admit(
        self, now: float, account: str, egress: str, *, daily: bool = True, at: float | None = None
    ) -> str:
        """Take a slot, a token and (when ``daily``) one request of the day, for a request sent
        at ``at`` (default ``now``); the slot's name, for ``complete``."""
        at = now if at is None else at
        state = self.egress(egress)
        if state.since is None:
            state.since = now  # from its first request on, it sees every one
        self._refill(state, now)
        state.tokens -= 1.0  # below zero while a request admitted ahead of time waits
        # 64 random bits name a slot uniquely among the few hundred of a window, in every
        # process sharing the state (the generator reseeds after a fork), at a tenth of uuid4's
        # cost.
        slot = f"{random.getrandbits(64):016x}"
        state.leases[slot] = at + self.limits.lease
        minute = self._minute(at)
        state.sends[minute] = state.sends.get(minute, 0) + 1
        for old in [m for m in state.sends if m < minute - 2]:
            del state.sends[old]
            state.done_within.pop(old, None)
        if daily:
            self.day(account, now).used += 1
        return slot

    def complete(
        self,
        account: str,
        egress: str,
        outcome: Outcome,
        *,
        daily: bool = True,
        sent_at: float | None = None,
        slot: str = "",
    ) -> None:
        """A request admitted (at ``sent_at``, holding ``slot``) has ended with ``outcome``."""
        state = self.egress(egress)
        if state.leases.pop(slot, None) is None:
            # Its lease ran out first, and its slot was freed as if it had completed then. It
            # holds the slot again below (twice, for a while: the safe side), and is not
            # refunded: the server may have counted it.
            outcome = attrs.evolve(outcome, sent=True)
        if sent_at is not None:
            minute = self._minute(sent_at)
            if minute in state.sends:
                if not outcome.sent:
                    state.sends[minute] -= 1
                elif self._minute(outcome.completed_at) == minute:
                    state.done_within[minute] = state.done_within.get(minute, 0) + 1
        if not outcome.sent:
            # The server never saw it: the slot and the day's request come straight back.
            if daily:
                day = self.day(account, outcome.completed_at)
                day.used = max(0, day.used - 1)
            return
        free_at = outcome.completed_at + self.limits.window + self.limits.margin
        heapq.heappush(state.frees, free_at)
        if outcome.server_date is not None:
            self.observe_date(outcome.server_date, outcome.completed_at, sent_at)
        if outcome.too_fast:
            state.throttled += 1
        cooldown = outcome.cooldown(self.limits.cooldown)
        if cooldown > 0:
            state.cooldown_until = max(state.cooldown_until, outcome.completed_at + cooldown)
        if outcome.code == 11:
            day = self.day(account, outcome.completed_at)
            day.closed_until = self.reset_at(outcome.completed_at)

    def reconcile(self, account: str, now: float, *, used: int, limit: int | None = None) -> None:
        """Take the server's view of the day (``GET /quota/``): the larger count wins."""
        day = self.day(account, now)
        day.used = max(day.used, used)
        if limit is not None and limit > 0:
            day.limit = limit
        day.synced_at = now

    def observe_date(
        self, server_date: datetime, local: float, sent_at: float | None = None
    ) -> None:
        """Learn the server's clock offset from a ``Date`` header of an answer.

        The server wrote the header (whole seconds, rounded down) after the request was sent and
        before the answer completed at ``local``, so the offset lies in
        ``[date - local, date + 1 - sent_at]``. The bounds of all answers are intersected; the
        offset is their middle and the uncertainty half their width. Bounds that stop agreeing
        (a clock jumped) start again from this answer.
        """
        stamp = server_date.astimezone(UTC).timestamp()
        low = stamp - local
        high = stamp + 1 - (sent_at if sent_at is not None else local - 1)
        clock = self.clock
        if clock.low is None or clock.high is None or max(low, clock.low) > min(high, clock.high):
            self.clock = ClockState(low, high)
        else:
            self.clock = ClockState(max(low, clock.low), min(high, clock.high))

    def _minute(self, local: float) -> int:
        """The server's fixed minute at ``local``, leaning late by the uncertainty."""
        clock = self.clock
        return math.floor((local + clock.offset + clock.uncertainty) / self.limits.window)

    def _counter_wait(self, state: EgressState, now: float) -> float | None:
        """When a sliding-window-counter server would take one more request (``None``: now).

        Such a server estimates ``previous * (1 - f) + current`` at fraction ``f`` of its minute.
        Of our previous minute's sends, only those that surely completed inside it are surely
        in ``previous``; any other may arrive in the current minute and is counted whole. Sends of
        the minute before that which did not surely complete in it may be in ``previous`` too.
        Near a boundary, where the offset's uncertainty leaves the server's minute in doubt,
        both minutes must agree.
        """
        clock, window = self.clock, self.limits.window
        early = math.floor((now + clock.offset - clock.uncertainty) / window)
        late = self._minute(now)
        wait = self._counter_gate(state, now, early)
        if late == early:  # the usual case: the server's minute is not in doubt
            return wait
        other = self._counter_gate(state, now, late)
        if wait is None or other is None:
            return other if wait is None else wait
        return max(wait, other)

    def _counter_gate(self, state: EgressState, now: float, minute: int) -> float | None:
        window, limit = self.limits.window, self.limits.per_minute - self.limits.headroom
        spill = state.sends.get(minute - 2, 0) - state.done_within.get(minute - 2, 0)
        done = state.done_within.get(minute - 1, 0) + spill
        previous = state.sends.get(minute - 1, 0) + spill
        # Every send classified in a later minute may still arrive in this one.
        current = sum(n for m, n in state.sends.items() if m >= minute)
        # The fraction leans early: it overstates the weight of the previous minute.
        clock = self.clock
        early = (now + clock.offset - clock.uncertainty) / window - minute
        fraction = min(1.0, max(0.0, early))
        if done * (1 - fraction) + (previous - done) + current + 1 <= limit:
            return None
        room = limit - 1 - (previous - done) - current
        boundary = (minute + 1) * window - clock.offset + clock.uncertainty
        if done <= 0 or room < 0:
            return max(boundary, now + 1e-6)
        clear = (minute + 1 - room / done) * window - clock.offset + clock.uncertainty
        return max(now + 1e-6, min(clear, boundary))

    def _refill(self, state: EgressState, now: float) -> None:
        if state.refilled_at is not None and now > state.refilled_at:
            state.tokens = min(
                float(self.capacity(state, now)),
                state.tokens + (now - state.refilled_at) * self.limits.rate,
            )
        if state.refilled_at is None or now > state.refilled_at:
            state.refilled_at = now

    def idle(self) -> bool:
        """Whether no slot is in flight anywhere (after any run, the governor returns here)."""
        return all(not state.leases for state in self.egresses.values())
