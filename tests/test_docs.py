"""Every Python example of the docs and the README runs, against the sandbox.

Each ```` ```python ```` block runs as written, top-level ``await`` included (a whole script, with
its own ``anyio.run``, on a thread of its own), in a fresh working directory. ``IntervalsClient``
(and ``BlockingIntervalsClient``) is the real class, with only its defaults pointed at a seeded
in-process sandbox (its transport, a
token from ``INTERVALS_TOKEN``, a self-advancing clock unless the example brings its own
governor): what the examples pass themselves they keep. Examples that name ``REDIS_URL`` get the
tests' Redis.
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path
from typing import Any

import anyio
import click
import pytest

import intervals_async
from intervals_async import cli
from intervals_async.sandbox import Sandbox, SandboxConfig

from .conftest import BASE_URL, AutoClock

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _examples() -> list[Any]:
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text("utf-8")
        for match in _BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            name = f"{path.relative_to(ROOT)}:{line}"
            found.append(pytest.param(match.group(1), id=name))
    return found


EXAMPLES = _examples()


def test_the_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 15


@pytest.mark.anyio
@pytest.mark.parametrize("code", EXAMPLES)
async def test_the_example_runs_against_the_sandbox(
    code: str,
    request: pytest.FixtureRequest,
    auto_clock: AutoClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=3), clock=auto_clock)
    real = intervals_async.IntervalsClient

    class SandboxedClient(real):  # type: ignore[misc, valid-type]
        """The client, its defaults pointed at the sandbox."""

        def __init__(self, token: str | None = None, **options: Any) -> None:
            options.setdefault("transport", sandbox.transport())
            options.setdefault("base_url", BASE_URL)
            if "governor" not in options:  # a governor given keeps the wall clock it runs on
                options.setdefault("clock", auto_clock)
            super().__init__(token, **options)

    blocking = intervals_async.BlockingIntervalsClient

    class SandboxedBlockingClient(blocking):  # type: ignore[misc, valid-type]
        """The blocking client, its defaults pointed at the sandbox."""

        def __init__(self, token: str | None = None, **options: Any) -> None:
            options.setdefault("transport", sandbox.transport())
            options.setdefault("base_url", BASE_URL)
            if "governor" not in options:
                options.setdefault("clock", auto_clock)
            super().__init__(token, **options)

    monkeypatch.setattr(intervals_async, "IntervalsClient", SandboxedClient)
    monkeypatch.setattr(intervals_async, "BlockingIntervalsClient", SandboxedBlockingClient)
    monkeypatch.setenv("INTERVALS_TOKEN", sandbox.token())
    monkeypatch.chdir(tmp_path)
    if "REDIS_URL" in code:
        monkeypatch.setenv("REDIS_URL", request.getfixturevalue("redis_url"))
    compiled = compile(code, "<docs example>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    try:
        if "anyio.run(" in code:
            # A whole script starts its own event loop: run it on a thread of its own.
            await anyio.to_thread.run_sync(eval, compiled, {"__name__": "__main__"})
        else:
            result = eval(compiled, {"__name__": "__docs__"})
            if result is not None:
                await result  # the example awaits at top level
    finally:
        if "REDIS_URL" in code:
            _forget_redis_keys(request.getfixturevalue("redis_url"), code)


def _forget_redis_keys(url: str, code: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for prefix in re.findall(r'prefix="([^"]+)"', code):
        for key in client.scan_iter(match=f"{{{prefix}}}:*", count=500):
            client.delete(key)
    client.close()


def _commands() -> list[Any]:
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text("utf-8")
        for block in re.findall(r"^```bash\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
            for line in block.splitlines():
                command = line.split("#")[0].strip()
                if "intervals-async " in command:
                    words = shlex.split(command.split("intervals-async ", 1)[1].split("&&")[0])
                    found.append(pytest.param(words, id=f"{path.relative_to(ROOT)}: {command}"))
    return found


@pytest.mark.parametrize("words", _commands())
def test_every_command_in_the_docs_parses(words: list[str]) -> None:
    # Parsing alone (no request): every option the docs show exists and takes its value.
    name, *rest = words
    command = cli.main.commands[name]
    if isinstance(command, click.Group):
        name, *rest = rest
        command = command.commands[name]
    with command.make_context(name, list(rest)) as context:
        assert context.params  # the options were parsed into values
