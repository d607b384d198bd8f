"""Typed parameters: every filter and field is a keyword parameter a type checker sees, from the
resource table, in the async and the blocking namespaces; the generated modules are current."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from intervals_async import _blocking
from intervals_async.resources import RESOURCES
from intervals_async.resources._generate import TARGETS, sources
from intervals_async.resources._typed import NAMESPACES


def test_the_generated_modules_are_current() -> None:
    # Run `python -m intervals_async.resources._generate` when this fails.
    for target, text in sources().items():
        assert TARGETS[target].read_text(encoding="utf-8") == text, target


def _names(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)[1:]  # type: ignore[arg-type]


def test_each_verb_names_exactly_its_resources_filters_or_fields() -> None:
    for spec in RESOURCES:
        if spec.name in ("me", "quota"):
            continue
        namespace = NAMESPACES[spec.name]
        blocking = _blocking.BLOCKING[spec.name]
        filters = [f.name for f in spec.filters]
        settable = [f.name for f in spec.fields if not f.read_only]
        walked = ["page_size", "concurrency", *(f for f in filters if f != "limit")]
        expected = {
            "list": [*filters, "unknown"] if "GET" in spec.collection else None,
            "iterate": [*walked, "unknown"] if "GET" in spec.collection else None,
            "pages": [*walked, "unknown"] if "GET" in spec.collection else None,
            "create": [*settable, "unknown"] if "POST" in spec.collection else None,
            "update": ["ident", *settable, "unknown"] if "PUT" in spec.member else None,
        }
        for verb, names in expected.items():
            offered = getattr(namespace, verb, None)
            assert (offered is None) == (names is None), (spec.name, verb)
            if offered is not None:
                assert _names(offered) == names, (spec.name, verb)
        # The blocking namespace has the same methods with the same parameters.
        public = {n for n in dir(namespace) if not n.startswith("_") and n != "model"}
        assert public == {n for n in dir(blocking) if not n.startswith("_")}, spec.name
        for name in public:
            asynchronous = inspect.signature(getattr(namespace, name)).parameters
            assert inspect.signature(getattr(blocking, name)).parameters == asynchronous


_SCRIPT = """
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import assert_type

from intervals_async import BlockingIntervalsClient, IntervalsClient
from intervals_async.models import Page, Task, Time


async def service() -> None:
    async with IntervalsClient() as client:
        page = await client.time.list(projectid=5, datebegin=dt.date(2026, 1, 1), limit=10)
        assert_type(page, Page[Time])
        async for entry in client.time.iterate(personid=[1, 2], billable=True):
            assert_type(entry, Time)
        task = await client.task.create(title="t", projectid=1, moduleid=2, ownerid=[3, 4])
        assert_type(task, Task)
        await client.time.update(7, time=Decimal("1.5"), description=None)
        await client.task.list(sortfield="datedue", sortdir="ASC")
        await client.time.list(projcetid=5)  # ERROR misspelt filter
        await client.time.list(datebegin=20260101)  # ERROR wrong type
        await client.time.update(7, hours=1)  # ERROR misspelt field
        await client.task.list(sortfield="nosuchfield")  # ERROR not a sort field


def script() -> None:
    with BlockingIntervalsClient() as client:
        assert_type(client.time.list(projectid=5), Page[Time])
        for entry in client.time.iterate(projectid=5):
            assert_type(entry, Time)
        client.time.list(projcetid=5)  # ERROR misspelt filter
        client.time.create(worktypeid="1")  # ERROR wrong type
"""


def test_a_type_checker_refuses_a_misspelt_filter_and_a_wrong_type(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(_SCRIPT), encoding="utf-8")
    lines = script.read_text(encoding="utf-8").splitlines()
    expected = {i for i, line in enumerate(lines, 1) if "# ERROR" in line}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", script.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    flagged = {int(line.split(":")[1]) for line in errors}
    # Every wrong call is an error, and nothing else is (the correct calls pass, typed).
    assert flagged == expected, done.stdout
    assert done.returncode == 1
