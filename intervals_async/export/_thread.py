"""The one worker thread of a job: every file and SQL statement of an export or a sync runs on it.

Never on the event loop (a big page's rows would stall every other task), never two at once, and
never a connection used from two threads: SQLite connections are opened on this thread with
Python's same-thread check on, so a statement sent from anywhere else fails loudly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import anyio
import anyio.from_thread
import anyio.lowlevel

__all__ = ["JobThread"]

T = TypeVar("T")


class JobThread:
    """Runs a job's blocking work in order on one thread of its own."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intervals-job")

    @classmethod
    async def opening(cls, call: Callable[..., T], *args: Any) -> tuple[JobThread, T]:
        """A new job thread, and what ``call(*args)`` opened on it (a file, a connection): the
        thread is let go again if the opening fails."""
        thread = cls()
        try:
            return thread, await thread.run(call, *args)
        except BaseException:
            thread.close()
            raise

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """``call(*args)`` on the job's thread; its result, or its exception.

        As with `anyio.to_thread.run_sync`, the call runs to its end even if the caller is
        cancelled meanwhile (a half-written page is never left behind by a cancellation); the
        cancellation is seen at the caller's next checkpoint.
        """
        token = anyio.lowlevel.current_token()
        loop_thread = threading.get_ident()
        finished = anyio.Event()

        def tell(_: Future[T]) -> None:
            # Run where the call ended: the job's thread, or the loop's if it ended at once.
            if threading.get_ident() == loop_thread:
                finished.set()
            else:
                anyio.from_thread.run_sync(finished.set, token=token)

        future = self._pool.submit(call, *args)
        future.add_done_callback(tell)
        with anyio.CancelScope(shield=True):
            await finished.wait()
        return future.result()

    def close(self) -> None:
        """Let the thread go once its last call has ended."""
        self._pool.shutdown(wait=True)
