"""The blocking client's machinery: an `IntervalsClient` on an event loop of its own thread,
called through anyio's blocking portal.

Nothing here knows a resource: `BlockingIntervalsClient` and its namespaces (``_blocking.py``) are
generated from the async ones and only pass each call to them, so the blocking client has the
same validation, models, errors, cache and governor, and no second implementation of any.
"""

from __future__ import annotations

import functools
import queue
import threading
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, ParamSpec, Self, TypeVar

import anyio
from anyio.from_thread import BlockingPortal

from ._cache import ClientStatistics

if TYPE_CHECKING:
    from ._client import IntervalsClient
    from .models import Quota

__all__ = ["BlockingClient"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
N = TypeVar("N")


class _LoopThread:
    """An event loop running a blocking portal on a daemon thread.

    anyio's ``start_blocking_portal`` runs its loop on a worker thread the interpreter joins at
    exit, so a script that forgot ``close()`` would hang there; a daemon thread lets it exit.
    """

    def __init__(self, backend: str) -> None:
        ready: queue.SimpleQueue[BlockingPortal | BaseException] = queue.SimpleQueue()

        async def serve() -> None:
            async with BlockingPortal() as portal:
                ready.put(portal)
                await portal.sleep_until_stopped()

        def run() -> None:
            try:
                anyio.run(serve, backend=backend)
            except BaseException as exc:  # handed to the thread that waits for the portal
                ready.put(exc)

        self._thread = threading.Thread(target=run, name="intervals-async-blocking", daemon=True)
        self._thread.start()
        started = ready.get()
        if isinstance(started, BaseException):
            raise started
        self.portal = started

    def stop(self) -> None:
        if self._thread.is_alive():
            self.portal.call(self.portal.stop)
            self._thread.join()


def _close(loop: _LoopThread, client: IntervalsClient) -> None:
    # A module function, so that the finalizer holds no reference to the blocking client.
    try:
        loop.portal.call(client.aclose)
    finally:
        loop.stop()


class BlockingClient:
    """A blocking client of the Intervals API, for scripts and notebooks.

        with BlockingIntervalsClient() as client:          # token from INTERVALS_TOKEN
            for entry in client.time.iterate(projectid=5):
                ...

    It has `IntervalsClient`'s options, namespaces (each method typed the same, without
    ``async``: ``iterate()`` and ``pages()`` are plain iterators), models, errors, cache and
    governor: it runs an `IntervalsClient` on an event loop in a thread of its own (anyio's
    blocking portal), so it works where an event loop already runs in the calling thread
    (Jupyter). ``backend`` chooses that loop's library (``"asyncio"``, or ``"trio"`` where
    installed). Close it, or use it in a ``with`` block; `with_options()` gives a view that
    shares it (close only the original).
    """

    _namespaces: ClassVar[Mapping[str, type[_BlockingNamespace[Any]]]]
    _async: IntervalsClient
    _loop: _LoopThread
    _parent: BlockingClient | None
    _finalizer: weakref.finalize[Any, Any] | None

    def _open(self, factory: Callable[[], IntervalsClient], backend: str) -> None:
        loop = _LoopThread(backend)
        try:
            # Made on its own loop, so that whatever it binds to a loop is bound to that one.
            client = loop.portal.call(factory)
            loop.portal.call(client.__aenter__)
        except BaseException:
            loop.stop()
            raise
        self._async, self._loop, self._parent = client, loop, None
        self._finalizer = weakref.finalize(self, _close, loop, client)
        self._attach()

    def _derive(self, client: IntervalsClient) -> Self:
        derived = object.__new__(type(self))
        derived._async, derived._loop, derived._finalizer = client, self._loop, None
        derived._parent = self  # the original stays alive (and open) while a view is used
        derived._attach()
        return derived

    def _attach(self) -> None:
        for name, namespace in self._namespaces.items():
            setattr(self, name, namespace(self, getattr(self._async, name)))

    @property
    def closed(self) -> bool:
        """Whether the client (or, for a view, the original) is closed."""
        origin = self._parent or self
        return origin._finalizer is None or not origin._finalizer.alive

    def close(self) -> None:
        """Close the connections and stop the client's event loop (``with`` does it for you).
        A view from `with_options()` leaves it to the original."""
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Blocking{repr(self._async).removeprefix('<')}"

    def quota(self) -> Quota:
        """The account's daily quota (see `IntervalsClient.quota`): it costs no request."""
        return self._run(self._async.quota)

    def statistics(self) -> ClientStatistics:
        """Requests sent, and what the cache and coalescing saved (see `IntervalsClient`)."""
        return self._async.statistics()

    def _run(self, call: Callable[[], Awaitable[R]]) -> R:
        if self.closed:
            raise RuntimeError("the client is closed")
        return self._loop.portal.call(call)

    def _walk(self, records: AsyncIterator[T]) -> Generator[T, None, None]:
        async def step() -> T:
            return await anext(records)

        try:
            while True:
                try:
                    item = self._run(step)
                except StopAsyncIteration:
                    return
                yield item
        finally:
            # A loop left early still ends the walk on its loop (its pages in flight cancelled).
            aclose = getattr(records, "aclose", None)
            if aclose is not None and not self.closed:
                self._run(aclose)


class _BlockingNamespace(Generic[N]):
    """The base of the blocking namespaces: each method passes its call to the async one."""

    def __init__(self, owner: BlockingClient, namespace: N) -> None:
        self._owner = owner
        self._async = namespace

    def __repr__(self) -> str:
        return f"<Blocking{repr(self._async).removeprefix('<')}"

    def _call(self, method: Callable[P, Awaitable[R]], *args: P.args, **kwargs: P.kwargs) -> R:
        return self._owner._run(functools.partial(method, *args, **kwargs))

    def _iterate(self, records: AsyncIterator[T]) -> Generator[T, None, None]:
        return self._owner._walk(records)
