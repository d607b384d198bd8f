"""An asyncio event loop on virtual time, for benchmarks that compare asyncio-only limiters.

The loop's clock stands still while there is work and jumps to the next timer when there is
none, so an hour of paced requests runs in seconds. Everything reads that one clock: our
``LoopClock`` and the sandbox through ``anyio.current_time()``, aiolimiter through
``loop.time()``, and ``limits`` and ``pyrate-limiter`` (which read the ``time`` module) through
:func:`patched_time`.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import selectors
import types
from collections.abc import Iterator
from typing import Any

__all__ = ["VirtualLoop", "patched_time"]


class _Selector(selectors.DefaultSelector):
    """Never blocks: when nothing is ready, time jumps by the timeout the loop asked for."""

    loop: VirtualLoop | None = None

    def select(self, timeout: float | None = None) -> list[Any]:
        events = super().select(0)
        if not events and self.loop is not None:
            if timeout is None:
                raise RuntimeError("deadlock: every task waits and no timer is set")
            # Always move by at least one representable step: a timer a hair away (less than
            # the float's resolution at this time) would otherwise be waited for forever.
            later = self.loop.virtual + max(0.0, timeout)
            self.loop.virtual = max(later, math.nextafter(self.loop.virtual, math.inf))
        return events


class VirtualLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose ``time()`` is virtual (starting at ``start``)."""

    def __init__(self, start: float = 0.0) -> None:
        selector = _Selector()
        super().__init__(selector)
        self.virtual = start
        selector.loop = self

    def time(self) -> float:
        return self.virtual


@contextlib.contextmanager
def patched_time(loop: VirtualLoop, epoch: float) -> Iterator[None]:
    """Point ``limits`` and ``pyrate-limiter`` at the loop's clock while inside."""
    import limits.aio.storage.memory as limits_memory
    import limits.aio.strategies as limits_strategies
    import pyrate_limiter.clocks as pyrate_clocks

    shim = types.SimpleNamespace(time=lambda: epoch + loop.time(), monotonic=loop.time)

    async def inline(function: Any, /, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    # limits expires keys on a worker thread: run that inline, so nothing waits on real time
    asyncio_shim = types.SimpleNamespace(**vars(asyncio))
    asyncio_shim.to_thread = inline
    patches: list[tuple[types.ModuleType, str, object]] = [
        (limits_memory, "asyncio", asyncio_shim),
        (limits_memory, "time", shim),
        (limits_strategies, "time", shim),
        (pyrate_clocks, "monotonic_ns", lambda: int(loop.time() * 1e9)),
        (pyrate_clocks, "time_ns", lambda: int((epoch + loop.time()) * 1e9)),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, value in patches:
        setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
