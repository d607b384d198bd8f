"""``RedisStore``: the governor's state in Redis, shared by every host of a fleet.

Each decision is one call of one Lua script (``_redis.lua``, the core's algorithm in Lua), so it
is atomic and costs one round trip: ``acquire`` decides and takes the slot, ``release`` hands it
back. Redis ``TIME`` is the fleet's one clock. Every key carries the same hash tag (the prefix,
in braces), so the script's keys sit in one Redis Cluster slot, and every key has a TTL. Slots in
flight are leases: a worker killed mid-request stops holding its slots when they run out.

Needs the ``redis`` package (``pip install 'intervals-async[redis]'``) and an asyncio loop.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import attrs

from .._exceptions import StoreError
from ._core import Admit, Closed, Core, Decision, Limits, Wait
from ._seam import Outcome, Permit, Priority
from ._store import (
    AccountStatus,
    DayView,
    EgressStatus,
    ProcessStatus,
    StoreStatus,
    WindowView,
    day_of,
    presence_lease,
    process_id,
    window_of,
)

if TYPE_CHECKING:
    import redis.asyncio

__all__ = ["RedisStore"]

_SCRIPT = resources.files(__package__).joinpath("_redis.lua").read_text(encoding="utf-8")


class RedisStore:
    """The governor's state in Redis: many processes on many hosts, one set of limits.

    Args:
        url: a ``redis://`` or ``rediss://`` URL, or a ``redis.asyncio.Redis`` client.
        limits: the limits to keep; every process sharing the prefix must keep the same.
        prefix: the keys' prefix and hash tag (one fleet's state per prefix).
        horizon: how far ahead (seconds) a request may be admitted in one round trip
            (default: a window). Only the head of each process's queue holds such a
            reservation, so they are never more than the processes sharing the store.
        timeout: seconds to wait for Redis on each call before failing closed.
        clock: only for tests: a callable giving the time instead of Redis ``TIME``.

    Raises (on first use):
        StoreError: Redis cannot be reached (the message names the URL, never its password).
    """

    def __init__(
        self,
        url: str | redis.asyncio.Redis,
        limits: Limits | None = None,
        *,
        prefix: str = "intervals-async",
        horizon: float | None = None,
        timeout: float = 5.0,
        clock: Any = None,
    ) -> None:
        try:
            import redis.asyncio
        except ImportError:  # pragma: no cover - the extra is part of the dev install
            raise ImportError(
                "RedisStore needs the redis package: pip install 'intervals-async[redis]'"
            ) from None
        if isinstance(url, str):
            self.url = _redacted(url)
            self._client: redis.asyncio.Redis = redis.asyncio.Redis.from_url(
                url, socket_timeout=timeout, socket_connect_timeout=timeout
            )
        else:
            kwargs = url.connection_pool.connection_kwargs
            self.url = (
                f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"
            )
            self._client = url
        self.limits = limits or Limits()
        self.prefix = prefix
        self.horizon = self.limits.window if horizon is None else horizon
        self._clock = clock
        self._script = self._client.register_script(_SCRIPT)
        self._errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        self._redis_error = redis.exceptions.RedisError
        limits = self.limits
        # Keys outlive every time they hold: leases (horizon + lease ahead), frees (a window
        # after that), sends per minute (two windows back), the cooldown.
        ttl = self.horizon + limits.lease + limits.cooldown + 4 * limits.window + 60
        self._limits = [
            str(limits.per_minute),
            repr(limits.window),
            str(limits.daily),
            str(limits.burst),
            repr(limits.pace),
            repr(limits.margin),
            repr(limits.cooldown),
            repr(limits.lease),
            str(limits.headroom),
            "1" if limits.counter_gate else "0",
            str(math.ceil(ttl * 1000)),
        ]
        self._windows: dict[str, WindowView] = {}  # as the last script call saw them
        self._days: dict[str, DayView] = {}
        self.process = process_id()
        self._lease = repr(presence_lease(self.limits, self.horizon))
        self.calls = 0  # script calls made: one per acquire, release or reconcile

    def __repr__(self) -> str:
        return f"RedisStore({self.url!r}, prefix={self.prefix!r})"

    # -- the store protocol ---------------------------------------------------------------------

    async def acquire(
        self,
        now: float,
        *,
        account: str,
        egress: str,
        priority: Priority,
        daily: bool,
        waiting: int = 0,
    ) -> tuple[Decision, float]:
        """Decide and take the slot: one script call."""
        slot = uuid.uuid4().hex
        reserve = self.limits.reserve[priority]
        reply = await self._call(
            "acquire",
            account,
            egress,
            daily,
            repr(reserve),
            repr(self.horizon),
            slot,
            waiting=waiting,
        )
        kind, value, flag, store_now = reply[0], float(reply[1]), reply[2], float(reply[3])
        if kind == "admit":
            return Admit(value, slot), store_now
        if kind == "closed":
            return Closed(value, by_server=flag == "1"), store_now
        return Wait(value), store_now

    async def release(
        self, now: float, permit: Permit, outcome: Outcome, *, daily: bool, waiting: int = 0
    ) -> None:
        """Hand the slot back: one script call (completed at Redis's ``TIME``)."""
        date = "" if outcome.server_date is None else repr(outcome.server_date.timestamp())
        await self._call(
            "release",
            permit.account,
            permit.egress,
            daily,
            permit.slot,
            repr(permit.granted_at),
            "1" if outcome.sent else "0",
            # the script knows codes 11 and 12; a bare 429 is the same signal as a 12
            "12" if outcome.too_fast else "" if outcome.code is None else str(outcome.code),
            date,
            "" if outcome.retry_after is None else repr(outcome.retry_after),
            now=repr(outcome.completed_at) if self._clock is not None else "",
            waiting=waiting,
        )

    async def reconcile(self, now: float, *, account: str, used: int, limit: int | None) -> None:
        """Take the server's count: one script call."""
        await self._call("reconcile", account, "", True, str(used), str(limit or 0))

    def window(self, now: float, egress: str) -> WindowView:
        """The window as the last script call of this process saw it (never seen: an unused
        one, as the core makes it)."""
        seen = self._windows.get(egress)
        return window_of(Core(self.limits), now, egress) if seen is None else seen

    def day(self, now: float, account: str) -> DayView:
        """The day as the last script call of this process saw it (never seen: a fresh one, as
        the core makes it)."""
        seen = self._days.get(account)
        return day_of(Core(self.limits), now, account) if seen is None else seen

    async def refresh(self, now: float, *, account: str, egress: str) -> tuple[DayView, WindowView]:
        """Read the state now: one script call."""
        await self._call("view", account, egress, True)
        return self._days[account], self._windows[egress]

    async def status(self, now: float) -> StoreStatus:
        """Every egress, account and live process of this prefix, read now (a script call per
        egress and per account, and two reads)."""
        tag = "{" + self.prefix + "}"
        try:
            names = await self._client.hgetall(f"{tag}:n")
            presence = await self._client.hgetall(f"{tag}:p")
        except self._redis_error as exc:
            raise StoreError(f"cannot read the governor's state at {self.url}: {exc}") from None
        egresses: dict[str, str] = {}
        accounts: dict[str, str] = {}
        for raw_key, raw_name in names.items():
            key, name = _text(raw_key), _text(raw_name)
            (egresses if key.startswith(f"{tag}:e:") else accounts)[key] = name
        processes, kept, store_now = [], {}, now
        for field, value in presence.items():
            process, _, key = _text(field).partition(" ")
            waiting, seen, expires, per_minute, window = _text(value).split(" ")
            kept[key] = (int(per_minute), float(window))
            processes.append((process, key, int(waiting), float(seen), float(expires)))
        rows = []
        for key, name in sorted(egresses.items(), key=lambda item: item[1]):
            limits = self.limits
            if key in kept:
                limits = attrs.evolve(limits, per_minute=kept[key][0], window=kept[key][1])
            reader = self._reader(limits)
            store_now = await reader._read("", name)
            rows.append(EgressStatus.of(name, limits, reader._windows[name]))
        days = []
        for name in sorted(accounts.values()):
            store_now = await self._read(name, "")
            days.append(AccountStatus.of(name, self._days[name]))
        return StoreStatus(
            store=repr(self),
            now=store_now,
            egresses=tuple(rows),
            accounts=tuple(days),
            processes=tuple(
                ProcessStatus(process, egresses.get(key, "?"), waiting, seen, expires)
                for process, key, waiting, seen, expires in sorted(processes, key=lambda p: p[3])
                if expires > store_now
            ),
        )

    async def ping(self) -> None:
        """Check that Redis answers (raise `StoreError` if not)."""
        try:
            await self._client.ping()
        except self._redis_error as exc:
            raise StoreError(f"cannot reach Redis at {self.url}: {exc}") from None

    async def aclose(self) -> None:
        """Close the connections."""
        await self._client.aclose()

    async def clear(self) -> None:
        """Delete every key of this prefix (for tests and fresh starts)."""
        async for key in self._client.scan_iter(match=f"{{{self.prefix}}}:*", count=500):
            await self._client.delete(key)

    # -- internals ------------------------------------------------------------------------------

    def _reader(self, limits: Limits) -> RedisStore:
        """This store's connection, judging by other limits (for the status of an egress whose
        processes keep their own)."""
        if limits == self.limits:
            return self
        return RedisStore(self._client, limits, prefix=self.prefix, clock=self._clock)

    async def _read(self, account: str, egress: str) -> float:
        """Read ``account``'s day or ``egress``'s window (one script call); the store's now."""
        reply = await self._call("view", account, egress, False)
        return float(reply[3])

    def _keys(self, account: str, egress: str) -> list[str]:
        tag = "{" + self.prefix + "}"
        e, a = _digest(egress), _digest(account)
        return [
            f"{tag}:e:{e}",
            f"{tag}:l:{e}",
            f"{tag}:f:{e}",
            f"{tag}:d:{a}",
            f"{tag}:c",
            f"{tag}:p",
            f"{tag}:n",
        ]

    async def _call(
        self,
        op: str,
        account: str,
        egress: str,
        daily: bool,
        *args: str,
        now: str = "",
        waiting: int | None = None,
    ) -> list[str]:
        if not now and self._clock is not None:
            now = repr(self._clock())
        keys = self._keys(account, egress)
        # Every question but a read leaves who asked and the names behind the hashed keys.
        present = f"{self.process} {keys[0]}" if waiting is not None and egress else ""
        named = op != "view"
        argv = [
            op,
            now,
            *self._limits,
            "1" if daily else "0",
            present,
            str(waiting or 0),
            self._lease,
            egress if named else "",
            account if named else "",
            *args,
        ]
        self.calls += 1
        try:
            raw = await self._script(keys=keys, args=argv)
        except self._errors as exc:
            raise StoreError(f"cannot reach Redis at {self.url}: {exc}") from None
        except self._redis_error as exc:
            raise StoreError(f"Redis at {self.url} refused the governor's script: {exc}") from None
        reply = [_text(item) for item in raw]
        # Each answer tells the egress's window and the account's day: kept apart, as seen.
        if egress:
            self._windows[egress] = WindowView(
                window_used=int(reply[4]),
                in_flight=int(reply[5]),
                next_slot_at=float(reply[1]) if reply[0] == "wait" else float(reply[3]),
                cooldown_until=float(reply[10]),
                throttled=int(reply[11]),
                clock_offset=float(reply[13]),
            )
        if account:
            self._days[account] = DayView(
                day_used=int(reply[6]),
                day_limit=int(reply[7]),
                reset_at=float(reply[8]),
                day_closed=reply[9] == "1",
                synced_at=float(reply[12]) if reply[12] else None,
            )
        return reply


def _text(item: Any) -> str:
    """A reply item as text (redis-py gives bytes unless told to decode)."""
    return item.decode() if isinstance(item, bytes) else str(item)


def _digest(name: str) -> str:
    """A name as a key part: fixed length, and no brace can change the hash tag."""
    return hashlib.sha256(name.encode()).hexdigest()[:20]


def _redacted(url: str) -> str:
    """The URL without its password, in the userinfo or in the query (redis-py takes both)."""
    parts = urlsplit(url)
    if parts.password is not None:
        user = parts.username or ""
        host = parts.hostname or ""
        netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    if parts.query:
        pairs = [pair.partition("=") for pair in parts.query.split("&")]
        query = "&".join(
            f"{key}={'***' if unquote_plus(key) == 'password' else value}" if eq else key
            for key, eq, value in pairs
        )
        parts = parts._replace(query=query)
    return urlunsplit(parts)
