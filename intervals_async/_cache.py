"""Spending less quota: a response cache for slow-changing resources, and request coalescing.

Intervals asks clients to cache what rarely changes (clients, projects, statuses, modules, work
types...) instead of fetching it on every task refresh. The cache keeps ``GET`` answers of those
resources for a per-resource time, keyed by account, path and query, so an answer is never served
to another account; a write through the client clears its resource. Coalescing makes identical
concurrent ``GET`` calls share one request.
"""

from __future__ import annotations

import collections
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import anyio
import attrs

from .resources import RESOURCES

__all__ = ["CachePolicy", "ClientStatistics", "ResponseCache"]

# Seconds an answer stays fresh, per resource (only these resources are cached by default): each
# table entry's ``ttl``, set for the slow-changing lists.
DEFAULT_TTLS: Mapping[str, float] = {r.name: r.ttl for r in RESOURCES if r.ttl is not None}

# (account, path, query, what the answer was decoded into: "" for the envelope as JSON values)
Key = tuple[str, str, tuple[tuple[str, str], ...], str]


@attrs.frozen
class CachePolicy:
    """Which resources' answers are cached, and for how long.

    Args:
        ttls: seconds an answer stays fresh, per resource; resources not named are never cached.
        max_entries: the most answers kept (the least recently used go first).
    """

    ttls: Mapping[str, float] = attrs.field(factory=lambda: dict(DEFAULT_TTLS))
    max_entries: int = 10_000

    def ttl(self, resource: str) -> float | None:
        """How long ``resource``'s answers stay fresh, or ``None`` if they are not cached."""
        return self.ttls.get(resource)


@attrs.frozen
class ClientStatistics:
    """What the cache and coalescing saved.

    Args:
        cache_hits: calls answered from the cache.
        cache_misses: calls to cached resources that had to ask the API.
        coalesced: calls that joined an identical request already in flight.
        requests_saved: requests the API never saw thanks to both.
        entries: answers in the cache now.
        requests_sent: requests sent that count against the daily quota (retries included),
            by this client and every client derived from it with ``with_options()``.
    """

    cache_hits: int
    cache_misses: int
    coalesced: int
    requests_saved: int
    entries: int
    requests_sent: int = 0


class _Flight:
    """One request in flight, and everyone waiting for its answer."""

    __slots__ = ("_done", "body", "error", "finished")

    def __init__(self) -> None:
        # The event is made only when a second caller joins: most requests have none.
        self._done: anyio.Event | None = None
        self.finished = False
        self.body: dict[str, Any] | None = None
        self.error: BaseException | None = None

    async def wait(self) -> None:
        """Until the request has its answer (or its error)."""
        if not self.finished:
            if self._done is None:
                self._done = anyio.Event()
            await self._done.wait()

    def finish(self) -> None:
        self.finished = True
        if self._done is not None:
            self._done.set()


class ResponseCache:
    """Fresh answers by (account, path, query), and the requests in flight.

    One per client by default; pass the same one to several clients to share it (entries of
    different accounts never mix).

    Args:
        policy: which resources are cached, for how long.
    """

    def __init__(self, policy: CachePolicy | None = None) -> None:
        self.policy = policy or CachePolicy()
        self._entries: collections.OrderedDict[Key, tuple[float, dict[str, Any]]] = (
            collections.OrderedDict()
        )
        self._flights: dict[Key, _Flight] = {}
        self.hits = self.misses = self.coalesced = 0

    def statistics(self) -> ClientStatistics:
        """Hits, misses, coalesced calls and requests saved so far."""
        return ClientStatistics(
            cache_hits=self.hits,
            cache_misses=self.misses,
            coalesced=self.coalesced,
            requests_saved=self.hits + self.coalesced,
            entries=len(self._entries),
        )

    async def get(
        self,
        account: str,
        path: str,
        params: Mapping[str, str] | None,
        now: float,
        fetch: Callable[[], Awaitable[dict[str, Any]]],
        *,
        use_cache: bool = True,
        decoded: str = "",
    ) -> dict[str, Any]:
        """The answer to ``GET path?params`` for ``account``: fresh from the cache, from an
        identical request in flight, or from ``fetch`` (``use_cache=False``: never from the
        cache, but the fresh answer still refreshes it). ``decoded`` names what ``fetch`` decodes
        the answer into, where that is not JSON values (a page of models), so that each caller
        gets its own kind."""
        key: Key = (account, path, tuple(sorted((params or {}).items())), decoded)
        ttl = self.policy.ttl(_resource(path))
        if ttl is not None and use_cache:
            entry = self._entries.get(key)
            if entry is not None and entry[0] > now:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry[1]
            self.misses += 1
        while True:
            flight = self._flights.get(key)
            if flight is None:
                break
            self.coalesced += 1
            await flight.wait()
            if isinstance(flight.error, anyio.get_cancelled_exc_class()):
                # The caller who sent it was cancelled, not us: ask again ourselves.
                self.coalesced -= 1
                continue
            if flight.error is not None:
                raise flight.error
            assert flight.body is not None
            return flight.body
        flight = self._flights[key] = _Flight()
        try:
            body = flight.body = await fetch()
        except BaseException as error:
            flight.error = error
            raise
        finally:
            del self._flights[key]
            flight.finish()
        if ttl is not None:
            self._entries[key] = (now + ttl, body)
            while len(self._entries) > self.policy.max_entries:
                self._entries.popitem(last=False)
        return body

    def invalidate(self, account: str, path: str) -> None:
        """Forget ``account``'s answers of the resource ``path`` belongs to (after a write)."""
        resource = _resource(path)
        if self.policy.ttl(resource) is None:
            return  # never cached: nothing to forget (and no scan on every time-entry write)
        for key in [k for k in self._entries if k[0] == account and _resource(k[1]) == resource]:
            del self._entries[key]

    def clear(self) -> None:
        """Forget every answer."""
        self._entries.clear()


def _resource(path: str) -> str:
    parts = [p for p in path.split("/") if p]
    return parts[0].lower() if parts else ""
