"""Concurrent awaits that fail like one call."""

from __future__ import annotations

from typing import Any

import anyio

__all__ = ["gather"]


async def gather(calls: list[Any]) -> list[Any]:
    """Await ``calls`` concurrently; the results in order, or the first failure itself."""
    results: list[Any] = [None] * len(calls)

    async def run(index: int) -> None:
        results[index] = await calls[index]

    try:
        async with anyio.create_task_group() as group:
            for index in range(len(calls)):
                group.start_soon(run, index)
    except BaseExceptionGroup as failures:
        # Callers catch the SDK's own exceptions, not a group: raise the first real failure.
        leaves = _leaves(failures)
        raise next(
            (e for e in leaves if not isinstance(e, anyio.get_cancelled_exc_class())), leaves[0]
        ) from None
    return results


def _leaves(group: BaseExceptionGroup[BaseException]) -> list[BaseException]:
    found: list[BaseException] = []
    for exc in group.exceptions:
        found.extend(_leaves(exc) if isinstance(exc, BaseExceptionGroup) else [exc])
    return found
