"""The timer workflow the API documents: start, pause, resume, and a paused timer turned into a
time entry (the timer then deleted), each one call, checked before any request."""

from __future__ import annotations

from decimal import Decimal

import pytest

from intervals_async import ConnectionFailed, InvalidParameter, NotFound, RetryPolicy
from intervals_async.governor import Unmetered
from intervals_async.sandbox import Sandbox

from ..conftest import Api, AutoClock, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


def _writes(sandbox: Sandbox) -> list[str]:
    return [f"{e.method} {e.path}" for e in sandbox.audit.entries if e.method != "GET"]


async def test_start_pause_resume_and_log_a_task_timer(
    auto_sandbox: Sandbox, api: Api, auto_clock: AutoClock
) -> None:
    # Unmetered: the clock moves only when the test moves it (seconds are counted exactly)
    client = api(auto_sandbox, cache=False, governor=Unmetered())
    me = await client.me.get()
    busy = {t["taskid"] for t in auto_sandbox.accounts["demo"].table("timer").values()}
    task = next(t for t in sorted(auto_sandbox.accounts["demo"].table("task")) if t not in busy)
    timer = await client.timer.start(personid=me.id, taskid=task, name="review")
    assert timer.starttime is not None and timer.taskid == task
    auto_clock.advance(90)
    paused = await client.timer.pause(timer.id)
    assert paused.starttime is None and paused.time == Decimal(90) + (timer.time or 0)
    writes = len(_writes(auto_sandbox))
    assert (await client.timer.pause(timer.id)).time == paused.time  # paused already: no write
    assert len(_writes(auto_sandbox)) == writes
    resumed = await client.timer.resume(timer.id)
    assert resumed.starttime is not None and resumed.time == paused.time
    auto_clock.advance(30)
    with pytest.raises(InvalidParameter, match="pause it first"):
        await client.timer.to_time(timer.id, worktypeid=1, billable=True)
    assert len(_writes(auto_sandbox)) == writes + 1  # the resume only
    total = (await client.timer.pause(timer.id)).time
    assert total == paused.time + 30
    worktype = min(auto_sandbox.accounts["demo"].table("worktype"))
    entry = await client.timer.to_time(timer.id, worktypeid=worktype, billable=True)
    assert entry.taskid == task and entry.personid == me.id
    assert entry.time == (Decimal(total) / 3600).quantize(Decimal("0.01"))
    assert entry.description == "review"  # the timer's name
    with pytest.raises(NotFound):
        await client.timer.get(timer.id)
    assert _writes(auto_sandbox)[-2:] == ["POST /time/", f"DELETE /timer/{timer.id}/"]


async def test_a_general_timer_needs_a_project_and_module_to_be_logged(
    auto_sandbox: Sandbox, api: Api, auto_clock: AutoClock
) -> None:
    client = api(auto_sandbox, cache=False, governor=Unmetered())
    me = await client.me.get()
    timer = await client.timer.start(personid=me.id)
    assert timer.taskid is None
    auto_clock.advance(3600)
    await client.timer.pause(timer.id)
    worktype = min(auto_sandbox.accounts["demo"].table("worktype"))
    writes = len(_writes(auto_sandbox))
    with pytest.raises(InvalidParameter, match="projectid and a moduleid"):
        await client.timer.to_time(timer.id, worktypeid=worktype, billable=False)
    assert len(_writes(auto_sandbox)) == writes
    module = next(iter(auto_sandbox.accounts["demo"].table("projectmodule").values()))
    entry = await client.timer.to_time(
        timer.id,
        worktypeid=worktype,
        billable=False,
        projectid=module["projectid"],
        moduleid=module["moduleid"],
        description="planning",
    )
    assert entry.time == Decimal("1.00") and entry.description == "planning"


@pytest.mark.parametrize(
    ("call", "kwargs", "parameter"),
    [
        ("start", {"personid": "me"}, "personid"),
        ("start", {"personid": 1, "taskid": -3}, "taskid"),
        ("start", {"personid": 1, "name": "x" * 300}, "name"),
        ("to_time", {"ident": 1, "worktypeid": "x", "billable": True}, "worktypeid"),
        ("to_time", {"ident": 1, "worktypeid": 1, "billable": "yes"}, "billable"),
        ("pause", {"ident": 0}, "id"),
        ("resume", {"ident": -1}, "id"),
    ],
)
async def test_bad_input_costs_no_request(
    auto_sandbox: Sandbox, api: Api, call: str, kwargs: dict[str, object], parameter: str
) -> None:
    client = api(auto_sandbox, cache=False)
    with pytest.raises(InvalidParameter) as raised:
        await getattr(client.timer, call)(**kwargs)
    assert raised.value.parameter == parameter
    assert len(auto_sandbox.audit) == 0


async def test_a_timer_that_cannot_be_deleted_after_logging_says_its_entry_exists(
    auto_sandbox: Sandbox, api: Api, auto_clock: AutoClock
) -> None:
    """The entry is made; the timer's DELETE fails: the error says not to log it again."""
    import httpx

    class NoDeletes(httpx.AsyncBaseTransport):
        def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
            self.inner = inner

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "DELETE":
                raise httpx.ConnectError("the network went away")
            return await self.inner.handle_async_request(request)

    client = api(
        auto_sandbox,
        cache=False,
        governor=Unmetered(),
        transport=NoDeletes(auto_sandbox.transport()),
        retry=RetryPolicy(attempts=1),
    )
    me = await client.me.get()
    timer = await client.timer.start(personid=me.id)
    auto_clock.advance(600)
    await client.timer.pause(timer.id)
    module = next(iter(auto_sandbox.accounts["demo"].table("projectmodule").values()))
    worktype = min(auto_sandbox.accounts["demo"].table("worktype"))
    with pytest.raises(ConnectionFailed) as raised:
        await client.timer.to_time(
            timer.id,
            worktypeid=worktype,
            billable=True,
            projectid=module["projectid"],
            moduleid=module["moduleid"],
        )
    (note,) = raised.value.__notes__
    entries = [e for e in auto_sandbox.accounts["demo"].table("time").values() if e["time"]]
    created = max(e["id"] for e in entries)
    assert f"time entry {created} was created from timer {timer.id}" in note
    assert "do not log it again" in note
