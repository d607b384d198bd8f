"""The sandbox's settings: data size, limits, latency and faults, all seeded."""

from __future__ import annotations

import enum
import math
import random
from typing import Any

import attrs

from ..resources._table import resource
from ._errors import API_ERRORS
from ._limits import WindowPolicy

__all__ = ["AccountSpec", "DataSize", "Faults", "Latency", "Lies", "Order", "SandboxConfig"]

STANDARD_DAILY_LIMIT = 6_000
UNLIMITED_DAILY_LIMIT = 12_000


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _probability(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} is a probability in [0, 1], got {value}")


@attrs.frozen
class AccountSpec:
    """A customer account hosted by the sandbox.

    Args:
        name: the account (subdomain) name; the audit log and the daily counter key on it.
        unlimited: the Unlimited plan (12,000 requests a day instead of 6,000).
        daily_limit: overrides the plan's daily limit (useful for short simulations).
    """

    name: str
    unlimited: bool = False
    daily_limit: int | None = None

    @property
    def quota(self) -> int:
        """Requests allowed per GMT day."""
        if self.daily_limit is not None:
            return self.daily_limit
        return UNLIMITED_DAILY_LIMIT if self.unlimited else STANDARD_DAILY_LIMIT


@attrs.frozen
class DataSize:
    """How much seeded data each account gets."""

    clients: int = attrs.field(default=6, validator=_non_negative)
    people: int = attrs.field(default=10, validator=_non_negative)
    projects: int = attrs.field(default=12, validator=_non_negative)
    tasks: int = attrs.field(default=150, validator=_non_negative)
    time_entries: int = attrs.field(default=600, validator=_non_negative)

    @classmethod
    def scaled(cls, factor: float) -> DataSize:
        """The default sizes times ``factor`` (at least one of each parent record)."""
        base = cls()
        return cls(
            clients=max(1, round(base.clients * factor)),
            people=max(4, round(base.people * factor)),
            projects=max(1, round(base.projects * factor)),
            tasks=round(base.tasks * factor),
            time_entries=round(base.time_entries * factor),
        )


@attrs.frozen
class Latency:
    """Seeded network and server delay, in seconds of the sandbox's clock.

    Each request waits ``base / 2`` plus a uniform ``[0, jitter / 2)`` before it *arrives* (the
    moment the limits and the audit log see it), and as much again before its response leaves.

    With ``median`` set, each request also gets a round trip drawn from a lognormal distribution
    with that median and 99th percentile ``p99`` (networks have long tails), split at a uniform
    random point between the way there and the way back: arrivals then fall anywhere between
    sending and completion, the hardest case for a client that counts its own requests.
    """

    base: float = attrs.field(default=0.0, validator=_non_negative)
    jitter: float = attrs.field(default=0.0, validator=_non_negative)
    median: float = attrs.field(default=0.0, validator=_non_negative)
    p99: float = attrs.field(default=0.0, validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.median and self.p99 < self.median:
            raise ValueError("a lognormal latency needs p99 >= median")

    def legs(self, rng: random.Random) -> tuple[float, float]:
        """The delays before arrival and before the response leaves, for one request."""
        there = back = 0.0
        if self.base or self.jitter:  # (no draw otherwise: seeded fault sequences stay put)
            there = self.base / 2 + rng.random() * self.jitter / 2
            back = self.base / 2 + rng.random() * self.jitter / 2
        if self.median:
            sigma = math.log(self.p99 / self.median) / _Z99
            trip = self.median * math.exp(sigma * rng.gauss(0.0, 1.0))
            split = rng.random()
            there, back = there + trip * split, back + trip * (1 - split)
        return there, back


_Z99 = 2.3263478740408408  # the standard normal's 99th percentile


@attrs.frozen
class Faults:
    """Seeded fault injection: the chance of each fault per API request.

    ``error``: 500 code 1; ``database``: 500 code 19; ``offline``: 502 code 20 (these three are
    answered instead of processing the request). ``drop``: the connection closes part-way through
    the response; ``truncate``: a 200 whose JSON body is cut short; ``malformed``: a 200 whose body
    is not JSON; ``slow``: the response is held ``slow_seconds`` (longer than a client's timeout).
    The last four happen *after* the request was processed: a write that lost its response did
    happen, as on a real network.
    """

    error: float = attrs.field(default=0.0, validator=_probability)
    database: float = attrs.field(default=0.0, validator=_probability)
    offline: float = attrs.field(default=0.0, validator=_probability)
    drop: float = attrs.field(default=0.0, validator=_probability)
    truncate: float = attrs.field(default=0.0, validator=_probability)
    malformed: float = attrs.field(default=0.0, validator=_probability)
    slow: float = attrs.field(default=0.0, validator=_probability)
    slow_seconds: float = attrs.field(default=30.0, validator=_non_negative)


def _names(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value)


class Order(enum.Enum):
    """The order a lying sandbox sends a collection's records in."""

    ASKED = "asked"  # as the query says: honest
    REVERSED = "reversed"  # the asked order, backwards
    SHUFFLED = "shuffled"  # a new seeded shuffle on every request


@attrs.frozen
class Lies:
    """A server that does not keep its word on paging, for testing whatever trusts it (every
    lie is off by default). They apply to every collection ``GET`` with paging.

    Args:
        listcount: added to every ``listcount`` (negative: too small; never below 0).
        ignore_offset: every page starts at the first matching record.
        order: the records' order (see `Order`).
        deleted_per_page: records of the collection deleted after each page is answered (the
            lowest ids: the records a walk by id has passed, so the rest move back).
        inserted_per_page: records added after each page is answered (copies of the newest,
            with new ids).
        only: the collections that lie (default: every one).
    """

    listcount: int = 0
    ignore_offset: bool = False
    order: Order = attrs.field(default=Order.ASKED, converter=Order)
    deleted_per_page: int = attrs.field(default=0, validator=_non_negative)
    inserted_per_page: int = attrs.field(default=0, validator=_non_negative)
    only: tuple[str, ...] = attrs.field(default=(), converter=_names)

    def apply_to(self, name: str) -> bool:
        """Whether collection ``name`` lies."""
        return not self.only or name in self.only


def _accounts(value: tuple[AccountSpec, ...] | list[AccountSpec]) -> tuple[AccountSpec, ...]:
    return tuple(value)


@attrs.frozen
class SandboxConfig:
    """Everything the sandbox can be told.

    Where the real service's behaviour is unknown, the default is the most plausible choice and
    the knob is here:

    Args:
        seed: seeds the data, the latency and the faults.
        accounts: the customer accounts served (each with its own data, tokens and day).
        size: how much data each account is seeded with.
        window_policy: how the per-minute limit counts (see `WindowPolicy`).
        per_minute: requests per window per client IP (100).
        window: the window in seconds (60).
        suspension: seconds during which an IP that went over gets code 12 on every request
            (unknown upstream; default 60).
        count_rejected: whether requests refused with code 11 or 12 still count against the window
            and the day (unknown upstream; default: they do not).
        quota_counts_in_minute: whether ``GET /quota/`` counts against the minute (it never counts
            against the day; unknown upstream; default: it does).
        max_limit: a server-side cap on ``limit`` that silently shortens pages (default: none).
        latency: the latency model.
        faults: the fault model.
        lies: what the server lies about when paging (see `Lies`; nothing by default).
        ip_header: the sandbox-only header that overrides the client IP (the socket peer
            otherwise), so one machine can act as many egress IPs.
        seeded_at: the epoch time the seeded data is dated from (default: the clock's time at
            start). Fix it and every process seeds the very same records, timestamps included.
        group_ids: the ids of the Administrator, Manager, Resource and Executive groups. Group
            ids are small and the same in every account: Resource is 4 (a live ``/me/``),
            Administrator 2 and Manager 3 (production clients); Executive 5 is a guess.
        timer_conflict_code: the error code refusing a second timer of one person on one task
            ("a user cannot have more than one timer for a particular task"; the code is not
            documented: 18, validation, is the plausible one), or ``None`` to allow it.
        time_dateiso: whether time collection rows carry ``dateiso`` (two clients read it; the
            live ``POST /time/`` echo has none, so members and echoes never do).
        project_order: the order of ``GET /project/`` when no ``sortfield`` is given (a user
            reports the default list "alphabetically from ADA to ARKP": ``name``; ``id`` for
            the order of every other collection).
    """

    seed: int = 0
    accounts: tuple[AccountSpec, ...] = attrs.field(
        default=(AccountSpec("demo"),), converter=_accounts
    )
    size: DataSize = DataSize()
    window_policy: WindowPolicy = attrs.field(default=WindowPolicy.SLIDING, converter=WindowPolicy)
    per_minute: int = 100
    window: float = 60.0
    suspension: float = attrs.field(default=60.0, validator=_non_negative)
    count_rejected: bool = False
    quota_counts_in_minute: bool = True
    max_limit: int | None = None
    latency: Latency = Latency()
    faults: Faults = Faults()
    lies: Lies = Lies()
    ip_header: str = "x-sandbox-client-ip"
    seeded_at: float | None = None
    group_ids: tuple[int, int, int, int] = (2, 3, 4, 5)
    timer_conflict_code: int | None = 18
    time_dateiso: bool = True
    project_order: str = "name"

    def __attrs_post_init__(self) -> None:
        if not self.accounts:
            raise ValueError("the sandbox needs at least one account")
        names = [a.name for a in self.accounts]
        if len(set(names)) != len(names):
            raise ValueError(f"account names must be unique: {names}")
        if self.per_minute < 1 or self.window <= 0:
            raise ValueError("per_minute must be >= 1 and window > 0")
        if self.max_limit is not None and self.max_limit < 1:
            raise ValueError("max_limit must be >= 1 or None")
        if len(self.group_ids) != 4 or len(set(self.group_ids)) != 4 or min(self.group_ids) < 1:
            raise ValueError(f"group_ids must be four distinct ids >= 1: {self.group_ids}")
        if self.timer_conflict_code is not None and self.timer_conflict_code not in API_ERRORS:
            raise ValueError(f"timer_conflict_code {self.timer_conflict_code} is no API error code")
        project = resource("project")
        assert project is not None
        if self.project_order not in project.sortfields:
            raise ValueError(
                f"project_order must be a project sortfield ({', '.join(project.sortfields)})"
            )
