"""The governor's pure core: Hypothesis properties of G1 (window), G2 (day) and G3 (no leaks)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervals_async.governor import Limits, Outcome, Priority
from intervals_async.governor._core import Admit, Closed, Core, Wait

from ..strategies import CORE_SCHEDULES

DAY = 86_400.0


def _run(
    limits: Limits,
    steps: list[tuple[float, str, float, bool, int | None]],
    seen_since: float | None = None,
) -> tuple[Core, list[tuple[float, float | None, bool]], list[str]]:
    """Play a schedule; the (sent at, completed at, sent) of every admitted request, and the
    slots still in flight.

    ``ahead`` asks with a horizon of a few seconds (a store's one question per request); ``kill``
    abandons a request in flight, as a process killed mid-request does: it may have reached the
    server at any time until its lease ran out, and is recorded as completing then; ``burst``
    admits all it can at one instant.
    """
    now = 1_767_600_000.0
    core = Core(limits, seen_since=None if seen_since is None else now - seen_since)
    done: list[tuple[float, float | None, bool]] = []
    flying: list[tuple[int, str]] = []
    for wait, action, latency, sent, code in steps:
        now += wait
        if action in ("admit", "ahead", "burst"):
            horizon = 3.0 if action == "ahead" else 0.0
            for _ in range(40 if action == "burst" else 1):
                decision = core.decide(now, "a", "ip", Priority.DEFAULT, horizon=horizon)
                if not isinstance(decision, Admit):
                    break
                assert now <= decision.at <= now + horizon
                slot = core.admit(now, "a", "ip", at=decision.at)
                done.append((decision.at, None, True))
                flying.append((len(done) - 1, slot))
        elif flying and action == "kill":
            index, _ = flying.pop(0)
            done[index] = (done[index][0], done[index][0] + limits.lease, True)
        elif flying:
            index, slot = flying.pop(0)
            ended = max(now, done[index][0] + latency)
            now = ended
            outcome = Outcome(completed_at=ended, sent=sent, code=code)
            core.complete("a", "ip", outcome, sent_at=done[index][0], slot=slot)
            done[index] = (done[index][0], ended, sent)
    return core, done, [slot for _, slot in flying]


@settings(max_examples=150, deadline=None)
@given(
    steps=CORE_SCHEDULES,
    per_minute=st.integers(1, 12),
    burst=st.integers(1, 6),
    seen_since=st.one_of(st.none(), st.floats(0, 100, allow_nan=False)),
)
def test_g1_no_window_can_hold_more_than_n_arrivals(
    steps: list[tuple[float, str, float, bool, int | None]],
    per_minute: int,
    burst: int,
    seen_since: float | None,
) -> None:
    """Whatever the latency, arrivals (somewhere in [sent, completed]) never exceed N per W,
    through idle spells of any length and bursts of any size, with the bucket of a state that
    has seen a window (N tokens) or not (``burst``).

    For a request admitted at s, every earlier sent request whose slot had not come back (still
    in flight, or completed less than W + margin before s) could arrive in the same window as
    it: there must be fewer than N of them.
    """
    limits = Limits(
        per_minute=per_minute, window=10.0, burst=burst, margin=0.1, cooldown=5.0, lease=8.0
    )
    _, done, _ = _run(limits, steps, seen_since)
    for i, (start, _, _) in enumerate(done):
        # A request reaches the server before its lease runs out (the lease is longer than
        # connecting and sending take), so it arrives by min(completion, lease end).
        overlapping = sum(
            1
            for begun, ended, sent in done[:i]
            if sent
            and min(begun + limits.lease, ended or math.inf) > start - limits.window - limits.margin
        )
        assert overlapping < per_minute


@settings(max_examples=100, deadline=None)
@given(steps=CORE_SCHEDULES)
def test_g3_every_slot_comes_back(steps: list[tuple[float, str, float, bool, int | None]]) -> None:
    limits = Limits(per_minute=5, window=10.0, burst=2, margin=0.1, cooldown=5.0, lease=8.0)
    core, done, flying = _run(limits, steps)
    end = max([e for _, e, _ in done if e is not None] + [s for s, _, _ in done] + [0.0])
    for slot in flying:
        core.complete("a", "ip", Outcome(completed_at=end, sent=True), slot=slot)
    # Killed requests are never handed back: their leases run out.
    later = end + limits.lease + limits.window + limits.margin + limits.cooldown + 1
    state = core.egress("ip")
    assert state.used(later, limits) == 0
    assert core.idle()
    assert isinstance(core.decide(later, "a", "ip", Priority.DEFAULT), Admit)


@settings(max_examples=100, deadline=None)
@given(
    gaps=st.lists(st.floats(0, 4000, allow_nan=False), min_size=1, max_size=300),
    daily=st.integers(1, 40),
)
def test_g2_never_more_than_the_daily_limit_per_gmt_day(gaps: list[float], daily: int) -> None:
    core = Core(
        Limits(
            per_minute=10_000, window=1.0, daily=daily, burst=10_000, margin=0.0, counter_gate=False
        )
    )
    now = 1_767_571_200.0  # 2026-01-05 00:00 GMT
    per_day: dict[int, int] = {}
    for gap in gaps:
        now += gap
        decision = core.decide(now, "a", "ip", Priority.INTERACTIVE)
        while isinstance(decision, Wait) and decision.until is not None:
            now = decision.until  # a token's pacing wait: not what this test is about
            decision = core.decide(now, "a", "ip", Priority.INTERACTIVE)
        if isinstance(decision, Admit):
            slot = core.admit(now, "a", "ip")
            core.complete("a", "ip", Outcome(completed_at=now, sent=True), slot=slot)
            per_day[math.floor(now / DAY)] = per_day.get(math.floor(now / DAY), 0) + 1
        else:
            assert isinstance(decision, Closed)
            assert decision.reset_at == (math.floor(now / DAY) + 1) * DAY
    assert all(count <= daily for count in per_day.values())


def test_the_reserve_is_kept_for_higher_priorities() -> None:
    core = Core(
        Limits(daily=100, burst=1000, per_minute=1000, reserve=(0.0, 0.1, 0.2), counter_gate=False)
    )
    now = 1_767_600_000.0
    spent = dict.fromkeys(Priority, 0)
    for priority in (Priority.BULK, Priority.DEFAULT, Priority.INTERACTIVE):
        while not isinstance(decision := core.decide(now, "a", "ip", priority), Closed):
            if isinstance(decision, Wait):
                assert decision.until is not None
                now = decision.until
                continue
            slot = core.admit(now, "a", "ip")
            core.complete("a", "ip", Outcome(completed_at=now, sent=True), slot=slot)
            spent[priority] += 1
    assert spent == {Priority.BULK: 80, Priority.DEFAULT: 10, Priority.INTERACTIVE: 10}


def test_code_12_cools_the_whole_egress_and_11_closes_the_day() -> None:
    limits = Limits(cooldown=60.0)
    core = Core(limits)
    now = 1_767_600_000.0
    slot = core.admit(now, "a", "ip")
    core.complete(
        "a", "ip", Outcome(completed_at=now + 1, sent=True, status=400, code=12), slot=slot
    )
    assert core.decide(now + 2, "b", "ip", Priority.INTERACTIVE) == Wait(now + 61)
    assert isinstance(core.decide(now + 2, "b", "other-ip", Priority.INTERACTIVE), Admit)
    slot = core.admit(now + 70, "a", "ip")
    core.complete(
        "a", "ip", Outcome(completed_at=now + 71, sent=True, status=400, code=11), slot=slot
    )
    closed = core.decide(now + 72, "a", "other-ip", Priority.INTERACTIVE)
    assert closed == Closed(reset_at=(math.floor(now / DAY) + 1) * DAY, by_server=True)
    assert isinstance(core.decide(now + 72, "b", "ip", Priority.INTERACTIVE), Admit)
    assert isinstance(core.decide(closed.reset_at, "a", "ip", Priority.INTERACTIVE), Admit)


def test_retry_after_and_a_bare_429_cool_the_whole_egress() -> None:
    core = Core(Limits(cooldown=60.0))
    now = 1_767_600_000.0
    # A 503 asking for 120 s: the egress waits that long, though it was not "too fast".
    slot = core.admit(now, "a", "ip")
    core.complete("a", "ip", Outcome(now + 1, sent=True, status=503, retry_after=120.0), slot=slot)
    assert core.decide(now + 2, "b", "ip", Priority.INTERACTIVE) == Wait(now + 121)
    assert core.egress("ip").throttled == 0
    # A bare 429 is a code 12 by another name: the cooldown, and counted as a throttle.
    later = now + 200
    slot = core.admit(later, "a", "ip")
    core.complete("a", "ip", Outcome(later + 1, sent=True, status=429), slot=slot)
    assert core.decide(later + 2, "b", "ip", Priority.INTERACTIVE) == Wait(later + 61)
    assert core.egress("ip").throttled == 1
    # A code 12 asking for less than the cooldown still gets the whole cooldown; for more, more.
    for asked, until in ((5.0, 60.0), (90.0, 90.0)):
        later += 300
        slot = core.admit(later, "a", "ip")
        outcome = Outcome(later + 1, sent=True, status=400, code=12, retry_after=asked)
        core.complete("a", "ip", outcome, slot=slot)
        assert core.decide(later + 2, "b", "ip", Priority.INTERACTIVE) == Wait(later + 1 + until)


def test_a_request_never_sent_gives_back_its_slot_and_its_day() -> None:
    core = Core(Limits(per_minute=1, daily=1, burst=1))
    now = 1_767_600_000.0
    slot = core.admit(now, "a", "ip")
    core.complete("a", "ip", Outcome(completed_at=now, sent=False), slot=slot)
    assert core.egress("ip").used(now, core.limits) == 0 and core.day("a", now).used == 0


def test_a_lease_that_runs_out_frees_its_slot_a_window_later_and_keeps_the_day() -> None:
    limits = Limits(per_minute=1, burst=1, lease=30.0, counter_gate=False)
    core = Core(limits)
    now = 1_767_600_000.0
    core.admit(now, "a", "ip")  # its process dies: never handed back
    assert core.decide(now + 29, "a", "ip", Priority.DEFAULT) == Wait(now + 29 + 60.1)
    freed = now + 30 + 60.1
    assert core.decide(freed - 0.01, "a", "ip", Priority.DEFAULT) == Wait(freed)
    assert isinstance(core.decide(freed, "a", "ip", Priority.DEFAULT), Admit)
    assert core.idle() and core.day("a", now).used == 1


def test_a_horizon_admits_ahead_of_time_and_never_early() -> None:
    limits = Limits(per_minute=100, burst=1, counter_gate=False)
    core = Core(limits)
    now = 1_767_600_000.0
    first = core.decide(now, "a", "ip", Priority.DEFAULT, horizon=5.0)
    assert first == Admit(now)
    core.admit(now, "a", "ip", at=now)
    spacing = 1 / limits.rate
    second = core.decide(now, "a", "ip", Priority.DEFAULT, horizon=5.0)
    assert isinstance(second, Admit) and second.at == pytest.approx(now + spacing)
    core.admit(now, "a", "ip", at=second.at)
    third = core.decide(now, "a", "ip", Priority.DEFAULT, horizon=5.0)
    assert isinstance(third, Admit) and third.at == pytest.approx(now + 2 * spacing)
    assert core.decide(now, "a", "ip", Priority.DEFAULT) == Wait(third.at)


def test_reconcile_takes_the_larger_count_and_the_servers_limit() -> None:
    core = Core(Limits(daily=6000))
    now = 1_767_600_000.0
    core.reconcile("a", now, used=3031, limit=12_000)
    assert (core.day("a", now).used, core.day("a", now).limit) == (3031, 12_000)
    core.reconcile("a", now, used=10)
    assert core.day("a", now).used == 3031


@given(
    offset=st.floats(-120, 120, allow_nan=False),
    trips=st.lists(
        st.tuples(st.floats(0, 30, allow_nan=False), st.floats(0.01, 2.0), st.floats(0, 1)),
        min_size=1,
        max_size=30,
    ),
)
def test_the_servers_clock_is_bracketed_and_its_midnight_kept(
    offset: float, trips: list[tuple[float, float, float]]
) -> None:
    """Date headers bound the offset; the true one lies within them; midnight is never early."""
    from datetime import UTC, datetime

    core = Core(Limits(daily=1))
    local = 1_767_657_000.0
    for gap, latency, written in trips:
        local += gap
        server_time = local + latency * written + offset  # written while the request was out
        stamp = datetime.fromtimestamp(math.floor(server_time), UTC)
        core.observe_date(stamp, local + latency, local)
        assert (
            core.offset - core.uncertainty - 1e-6 <= offset <= core.offset + core.uncertainty + 1e-6
        )
    # The reset is a server midnight, never early, and late by at most the uncertainty's width.
    reset = core.reset_at(local)
    on_server = reset + offset
    late_by = on_server - round(on_server / DAY) * DAY
    assert -1e-6 <= late_by <= 2 * core.uncertainty + 1e-6
    assert reset >= local - 2 * core.uncertainty - 1e-6


def _admitted_at_once(core: Core, now: float) -> int:
    """How many requests a core admits at one instant, as an idle job's tasks ask."""
    admitted = 0
    while isinstance(core.decide(now, "a", "ip", Priority.DEFAULT), Admit):
        core.admit(now, "a", "ip")
        admitted += 1
    return admitted


def test_an_idle_burst_goes_at_once_only_where_the_state_has_seen_a_window() -> None:
    limits = Limits()  # 100 per 60 s
    now = 1_767_600_000.0
    # A new state cannot know what the IP sent in the last minute: one now, then the pace.
    fresh = Core(limits)
    assert _admitted_at_once(fresh, now) == 1
    slot = next(iter(fresh.egress("ip").leases))
    fresh.complete("a", "ip", Outcome(completed_at=now + 0.2, sent=True), sent_at=now, slot=slot)
    # A state told that its server was born empty (the embedded sandbox): the whole window.
    assert _admitted_at_once(Core(limits, seen_since=now), now) == 100
    # A state in use for a window has seen every request that can still count: once its bucket
    # has filled again (a window of idling), a whole window goes at once, and not one more.
    assert fresh.capacity(fresh.egress("ip"), now + 30) == limits.burst
    later = now + limits.window + limits.margin + 61
    assert fresh.capacity(fresh.egress("ip"), later) == 100
    assert _admitted_at_once(fresh, later) == 100
    decision = fresh.decide(later, "a", "ip", Priority.DEFAULT)
    assert isinstance(decision, Wait) and decision.until >= later + limits.window
