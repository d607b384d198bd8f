"""The blocking client: the async client's namespaces, models, errors and governor, without
``async``, for scripts and notebooks (also where an event loop already runs in the thread)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from intervals_async import (
    BlockingIntervalsClient,
    IntervalsClient,
    InvalidParameter,
    NotFound,
    RetryPolicy,
)
from intervals_async.models import Page, Time
from intervals_async.sandbox import Sandbox, SandboxConfig

from ..conftest import BASE_URL, AutoClock, PacedGovernor


@pytest.fixture
def world() -> tuple[Sandbox, AutoClock]:
    clock = AutoClock()
    return Sandbox(SandboxConfig(seed=7), clock=clock), clock


def _options(world: tuple[Sandbox, AutoClock]) -> dict[str, Any]:
    sandbox, clock = world
    return {
        "base_url": BASE_URL,
        "transport": sandbox.transport(),
        "clock": clock,
        "governor": PacedGovernor(clock),
        "retry": RetryPolicy(attempts=3),
    }


@pytest.fixture
def blocking(world: tuple[Sandbox, AutoClock]) -> Iterator[BlockingIntervalsClient]:
    with BlockingIntervalsClient(world[0].token(), **_options(world)) as client:
        yield client


def _busiest_project(sandbox: Sandbox) -> int:
    entries = sandbox.accounts["demo"].table("time").values()
    projects = [e["projectid"] for e in entries]
    return int(max(set(projects), key=projects.count))


def test_the_readme_example_runs_without_async(
    world: tuple[Sandbox, AutoClock], blocking: BlockingIntervalsClient
) -> None:
    sandbox, _ = world
    project = _busiest_project(sandbox)
    walked = list(blocking.time.iterate(projectid=project, page_size=5))
    assert walked and all(isinstance(e, Time) and e.projectid == project for e in walked)

    async def the_async_way() -> list[Time]:
        async with IntervalsClient(sandbox.token(), **_options(world)) as client:
            return [entry async for entry in client.time.iterate(projectid=project)]

    assert walked == anyio.run(the_async_way)  # the same records, the same models
    page = blocking.time.list(projectid=project, limit=2)
    assert isinstance(page, Page) and len(page.items) == 2 and page.listcount == len(walked)
    first_page = next(iter(blocking.time.pages(projectid=project, page_size=4)))
    assert list(first_page) == walked[:4]
    assert blocking.me.get().id > 0
    assert blocking.quota().quota is not None


def test_errors_are_the_async_clients_and_bad_input_costs_nothing(
    world: tuple[Sandbox, AutoClock], blocking: BlockingIntervalsClient
) -> None:
    sandbox, _ = world
    with pytest.raises(NotFound):
        blocking.time.get(999_999_999)
    arrived = len(sandbox.audit)
    with pytest.raises(InvalidParameter, match="did you mean 'projectid'"):
        blocking.time.list(projcetid=5)  # type: ignore[arg-type]  # the typo is the test
    with pytest.raises(InvalidParameter):
        blocking.time.create(worktypeid="one")  # type: ignore[arg-type]
    with pytest.raises(InvalidParameter, match="page_size"):
        next(iter(blocking.time.iterate(page_size=0)))
    assert len(sandbox.audit) == arrived  # refused before any request
    assert "token" not in repr(blocking) and sandbox.token() not in repr(blocking)
    assert repr(blocking.time) == "<BlockingTimeResource /time/>"


def test_a_walk_left_early_ends_on_its_loop_and_the_client_goes_on(
    world: tuple[Sandbox, AutoClock], blocking: BlockingIntervalsClient
) -> None:
    sandbox, _ = world
    walk = blocking.time.iterate(page_size=3, concurrency=1)
    first = next(iter(walk))
    walk.close()  # e.g. a `break`: the async walk is closed on the client's loop
    arrived = len(sandbox.audit)
    assert blocking.time.get(first.id).id == first.id
    assert len(sandbox.audit) == arrived + 1


def test_with_options_is_a_view_and_close_belongs_to_the_original(
    blocking: BlockingIntervalsClient,
) -> None:
    view = blocking.with_options(page_size=2, use_cache=False)
    assert view.time.list().limit == 2
    view.close()  # a view leaves closing to the original
    assert not blocking.closed and blocking.time.list(limit=1).limit == 1
    blocking.close()
    blocking.close()  # twice is fine
    assert blocking.closed and view.closed
    with pytest.raises(RuntimeError, match="closed"):
        blocking.time.list()


def test_it_runs_where_an_event_loop_already_runs_in_the_thread(
    world: tuple[Sandbox, AutoClock],
) -> None:
    # As in a Jupyter cell: the notebook's loop runs in this thread while the cell blocks.
    async def cell() -> Page[Time]:
        with BlockingIntervalsClient(world[0].token(), **_options(world)) as client:
            return client.time.list(limit=3)

    page = asyncio.run(cell())
    assert len(page.items) == 3


def test_a_bad_option_is_refused_and_leaves_no_thread_behind() -> None:
    import threading

    before = {t.name for t in threading.enumerate()}
    with pytest.raises(ValueError, match="token"):
        BlockingIntervalsClient("has a space")
    assert {t.name for t in threading.enumerate()} == before


def test_a_script_that_forgets_close_still_exits() -> None:
    script = textwrap.dedent(
        """
        from intervals_async import BlockingIntervalsClient
        from intervals_async.sandbox import Sandbox

        sandbox = Sandbox()
        client = BlockingIntervalsClient(
            sandbox.token(), base_url="https://api.sandbox.invalid/",
            transport=sandbox.transport(), governor="memory",
        )
        print(len(client.time.list(limit=2).items))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"
