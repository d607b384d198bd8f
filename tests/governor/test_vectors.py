"""One description of the governor's algorithm: the core's answers, recorded as test vectors.

The Redis store runs the algorithm as a Lua script (``governor/_redis.lua``) beside the Python
core (``governor/_core.py``). ``data/governor_vectors.json`` holds schedules (asks with priorities
and horizons, completions with codes 11 and 12, 429, Retry-After and ``Date`` headers that move
the server's clock, lost slots, ``/quota/`` reconciles) and every answer the core gave. The core
replays them everywhere, with no Redis; the script replays the same vectors where Redis runs
(always in CI). So a change to either side that the other does not share fails a test: the core's
without any Redis, the script's wherever Redis is.

A deliberate change of the algorithm changes both sides, then the vectors:
``python -m tests.governor.test_vectors --write`` records the core's new answers (and the test
against Redis says whether the script agrees).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intervals_async.governor import Limits, Outcome, Permit, Priority, RedisStore
from intervals_async.governor._core import Admit, Closed, Core, Decision
from intervals_async.governor._store import DayView, WindowView, day_of, decide_and_admit, window_of

VECTORS = Path(__file__).parents[1] / "data" / "governor_vectors.json"
START = 1_767_657_510.0  # 2026-01-05 23:58:30 GMT: most schedules run over a GMT midnight
LIMITS = Limits(per_minute=6, window=10.0, daily=40, burst=2, cooldown=5.0, lease=25.0)
ACCOUNT, EGRESS = "a", "ip"
COUNT = 40  # schedules recorded
# Redis keeps microseconds ('%.6f'); times on a grid of quarter seconds keep ties exact.
_TOLERANCE = 1e-4


def _outcome(step: dict[str, Any], at: float) -> Outcome:
    """How a step's attempt ended."""
    date = step.get("date")
    return Outcome(
        completed_at=at,
        sent=step["sent"],
        status={"ok": 200, "throttled": 400, "daily": 400, "too-many": 429, "busy": 503}[
            step["end"]
        ],
        code={"throttled": 12, "daily": 11}.get(step["end"]),
        server_date=None if date is None else datetime.fromtimestamp(date, UTC),
        retry_after=7.5 if step["end"] == "busy" else None,
    )


def _answer(decision: Decision) -> list[Any]:
    match decision:
        case Admit(at):
            return ["admit", at]
        case Closed(reset_at, by_server):
            return ["closed", reset_at, by_server]
    return ["wait", decision.until]


def schedule(rng: random.Random, length: int) -> list[dict[str, Any]]:
    """A random schedule of ``length`` steps (times are offsets on a quarter-second grid)."""
    steps: list[dict[str, Any]] = []
    for _ in range(length):
        wait = rng.randrange(0, 9) / 4
        action = rng.choice(["ask"] * 5 + ["done"] * 4 + ["kill", "reconcile"])
        if action == "ask":
            steps.append(
                {
                    "do": "ask",
                    "wait": wait,
                    "priority": rng.choice([0, 1, 2]),
                    "horizon": rng.choice([0.0, 0.0, 3.0]),
                }
            )
        elif action == "done":
            end = rng.choice(["ok"] * 6 + ["throttled", "too-many", "busy", "daily"])
            step = {
                "do": "done",
                "wait": wait,
                "latency": rng.randrange(0, 13) / 4,
                "sent": rng.random() < 0.9,
                "end": end,
            }
            if rng.random() < 0.5:  # the server's Date: its clock is a few seconds off ours
                step["skew"] = rng.choice([-7, -2, 0, 1, 3, 8])
            steps.append(step)
        elif action == "kill":
            steps.append({"do": "kill", "wait": wait})
        else:
            steps.append(
                {
                    "do": "reconcile",
                    "wait": wait,
                    "used": rng.randrange(0, 45),
                    "limit": rng.choice([0, 40, 50]),
                }
            )
    return steps


class CoreSide:
    """The Python core, as the memory and SQLite stores run it."""

    def __init__(self) -> None:
        self.core = Core(LIMITS)

    async def ask(self, now: float, priority: Priority, horizon: float) -> Decision:
        return decide_and_admit(
            self.core, now, ACCOUNT, EGRESS, priority, daily=True, horizon=horizon
        )

    async def release(self, now: float, permit: Permit, outcome: Outcome) -> None:
        self.core.complete(ACCOUNT, EGRESS, outcome, sent_at=permit.granted_at, slot=permit.slot)

    async def reconcile(self, now: float, used: int, limit: int | None) -> None:
        self.core.reconcile(ACCOUNT, now, used=used, limit=limit)

    async def final(self, now: float) -> dict[str, Any]:
        return _final(day_of(self.core, now, ACCOUNT), window_of(self.core, now, EGRESS))


class RedisSide:
    """The Lua script, through the Redis store on the schedule's clock."""

    def __init__(self, url: str, prefix: str) -> None:
        self.now = START
        self.store = RedisStore(url, LIMITS, prefix=prefix, clock=lambda: self.now)

    async def ask(self, now: float, priority: Priority, horizon: float) -> Decision:
        self.now, self.store.horizon = now, horizon
        decision, _ = await self.store.acquire(
            now, account=ACCOUNT, egress=EGRESS, priority=priority, daily=True
        )
        return decision

    async def release(self, now: float, permit: Permit, outcome: Outcome) -> None:
        self.now = now
        await self.store.release(now, permit, outcome, daily=True)

    async def reconcile(self, now: float, used: int, limit: int | None) -> None:
        self.now = now
        await self.store.reconcile(now, account=ACCOUNT, used=used, limit=limit)

    async def final(self, now: float) -> dict[str, Any]:
        self.now = now
        return _final(*await self.store.refresh(now, account=ACCOUNT, egress=EGRESS))


def _final(day: DayView, window: WindowView) -> dict[str, Any]:
    """What a schedule's last answer records of the window and the day."""
    return {
        "window_used": window.window_used,
        "in_flight": window.in_flight,
        "day_used": day.day_used,
        "day_limit": day.day_limit,
        "throttled": window.throttled,
        "cooldown_until": window.cooldown_until,
        "clock_offset": window.clock_offset,
    }


async def replay(steps: list[dict[str, Any]], side: CoreSide | RedisSide) -> list[Any]:
    """A side's answers to a schedule: each ask's decision, then the final window and day."""
    now = START
    flying: list[Permit] = []
    answers: list[Any] = []
    for step in steps:
        now += step["wait"]
        if step["do"] == "ask":
            priority = Priority(step["priority"])
            decision = await side.ask(now, priority, step["horizon"])
            answers.append(_answer(decision))
            if isinstance(decision, Admit):
                flying.append(Permit(ACCOUNT, EGRESS, priority, decision.at, decision.slot))
        elif step["do"] == "kill" and flying:
            flying.pop(0)  # never handed back: its lease runs out
        elif step["do"] == "done" and flying:
            permit = flying[0]
            ended = max(now, permit.granted_at + step["latency"])
            if ended >= permit.granted_at + LIMITS.lease:
                continue  # after its lease: the script's set and the core's heap differ here
            flying.pop(0)
            now = ended
            await side.release(now, permit, _outcome(_dated(step, now), now))
        elif step["do"] == "reconcile":
            await side.reconcile(now, step["used"], step["limit"] or None)
    answers.append(await side.final(now))
    return answers


async def _on_redis(steps: list[dict[str, Any]], url: str, prefix: str) -> list[Any]:
    side = RedisSide(url, prefix)
    await side.store.clear()
    try:
        return await replay(steps, side)
    finally:
        await side.store.clear()
        await side.store.aclose()


def _dated(step: dict[str, Any], now: float) -> dict[str, Any]:
    """The step with its ``Date`` header (whole seconds, rounded down, of a skewed clock)."""
    if "skew" not in step:
        return step
    return {**step, "date": float(int(now + step["skew"]))}


def _same(expected: Any, got: Any) -> bool:
    """Equal answers, times within Redis's microseconds."""
    if isinstance(expected, dict):
        return expected.keys() == got.keys() and all(_same(expected[k], got[k]) for k in expected)
    if isinstance(expected, list):
        return len(expected) == len(got) and all(map(_same, expected, got))
    if isinstance(expected, float) and not isinstance(expected, bool):
        return bool(abs(expected - got) < _TOLERANCE)
    return bool(expected == got)


def _vectors() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(VECTORS.read_text())["vectors"]
    assert len(loaded) == COUNT
    return loaded


def test_the_vectors_cover_every_kind_of_answer() -> None:
    # A check that the vectors can fail: they hold admits (now and ahead of time), waits, a day
    # closed by the count and by a code 11, a cooldown, and a moved server clock.
    answers = [a for v in _vectors() for a in v["answers"]]
    kinds = {a[0] for a in answers if isinstance(a, list)}
    assert kinds == {"admit", "wait", "closed"}
    closed = {a[2] for a in answers if isinstance(a, list) and a[0] == "closed"}
    assert closed == {True, False}
    finals = [a for a in answers if isinstance(a, dict)]
    assert any(f["cooldown_until"] > 0 for f in finals)
    assert any(f["clock_offset"] != 0 for f in finals)
    assert any(f["day_limit"] == 50 for f in finals)


@pytest.mark.parametrize("index", range(COUNT))
def test_the_core_gives_the_recorded_answers(index: int) -> None:
    vector = _vectors()[index]
    answers = asyncio.run(replay(vector["steps"], CoreSide()))
    assert _same(vector["answers"], answers), (
        "the core's answers changed: if the algorithm changed on purpose, change _redis.lua "
        "alike and record the new answers (python -m tests.governor.test_vectors --write)"
    )


@pytest.mark.parametrize("index", range(COUNT))
def test_the_redis_script_gives_the_recorded_answers(
    index: int, redis_url: str, redis_prefix: str
) -> None:
    vector = _vectors()[index]
    answers = asyncio.run(_on_redis(vector["steps"], redis_url, redis_prefix))
    assert _same(vector["answers"], answers), "_redis.lua answers otherwise than the core"


def main(argv: list[str] | None = None) -> None:
    """Record the core's answers to the schedules (``--write``), or say whether they changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="write data/governor_vectors.json")
    args = parser.parse_args(argv)
    rng = random.Random(20261203)
    vectors = []
    for _ in range(COUNT):
        steps = schedule(rng, rng.randrange(20, 90))
        vectors.append({"steps": steps, "answers": asyncio.run(replay(steps, CoreSide()))})
    text = json.dumps({"limits": repr(LIMITS), "start": START, "vectors": vectors}, indent=0)
    if args.write:
        VECTORS.write_text(text + "\n")
        print(f"wrote {len(vectors)} vectors to {VECTORS}")
    else:
        print("unchanged" if VECTORS.exists() and VECTORS.read_text() == text + "\n" else "changed")


if __name__ == "__main__":
    main()
