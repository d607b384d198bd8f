"""The sandbox's gate: who is asking, and whether the service lets the request through.

Authentication (the token as Basic auth's user name), the per-IP minute window and its
suspension, the per-account GMT day, and the server faults the config injects, in the order the
service applies them.
"""

from __future__ import annotations

import base64
import binascii
import random
from collections.abc import Mapping

import attrs

from .._wire import format_timestamp
from ..resources._table import Group
from ._audit import AuditEntry
from ._config import SandboxConfig
from ._errors import ApiError
from ._limits import DayCounter, MinuteWindow, next_gmt_midnight
from ._store import AccountData, Record

__all__ = ["Actor", "Gate"]


@attrs.frozen
class Actor:
    """Who a request's token names: the person, the account and the person's group."""

    account: AccountData
    person: Record
    group: Group


class Gate:
    """Authentication, the limits and the injected faults of every request.

    Args:
        config: the limits and the faults.
        accounts: every account, by name (their tokens and days).
        rng: the sandbox's network randomness (shared with latency, so a seed replays a run).
    """

    def __init__(
        self, config: SandboxConfig, accounts: Mapping[str, AccountData], rng: random.Random
    ) -> None:
        self.config = config
        self._rng = rng
        self._tokens = {
            token: (account, personid)
            for account in accounts.values()
            for token, personid in account.tokens.items()
        }
        self._windows: dict[str, MinuteWindow] = {}
        self._suspended_until: dict[str, float] = {}
        #: Each account's GMT day (``GET /quota/`` reads it).
        self.days = {name: DayCounter(a.spec.quota) for name, a in accounts.items()}

    def admit(self, entry: AuditEntry, actor: Actor | None) -> None:
        """Apply the minute window, the suspension and the day, in the service's order."""
        now, ip, config = entry.time, entry.ip, self.config
        is_quota = entry.path.strip("/") == "quota"
        window = self._windows.get(ip)
        if window is None:
            window = self._windows[ip] = MinuteWindow(
                config.window_policy, config.per_minute, config.window
            )
        counted = not is_quota or config.quota_counts_in_minute
        if now < self._suspended_until.get(ip, float("-inf")):
            if counted and config.count_rejected:
                window.record(now)
            raise ApiError(12, "Your IP is temporarily blocked for making requests too fast.")
        if counted:
            if not window.admits(now):
                if config.suspension:
                    self._suspended_until[ip] = now + config.suspension
                if config.count_rejected:
                    window.record(now)
                raise ApiError(
                    12,
                    f"More than {config.per_minute} requests in {config.window:g} seconds.",
                )
            window.record(now)
        if actor is None:
            raise ApiError(9, "You must include your API token when making API requests.")
        if is_quota:
            return
        day = self.days[actor.account.name]
        if day.exceeded(now):
            if config.count_rejected:
                day.record(now)
            reset = format_timestamp(next_gmt_midnight(now))
            raise ApiError(
                11, f"The daily maximum of {day.limit} requests was reached; resets at {reset} GMT."
            )
        day.record(now)

    def roll_fault(self) -> str | None:
        faults = self.config.faults
        for name in ("error", "database", "offline", "drop", "truncate", "malformed", "slow"):
            chance: float = getattr(faults, name)
            if chance and self._rng.random() < chance:
                return name
        return None

    def authenticate(self, header: str | None) -> Actor | None:
        """Basic auth with the token as the username; the password is ignored.

        A token sent only as the password is refused, as the live service does.
        """
        if not header or not header.lower().startswith("basic "):
            return None
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        token = decoded.partition(":")[0]
        found = self._tokens.get(token)
        if found is None:
            return None
        account, personid = found
        person = account.table("person").get(personid)
        if person is None or not person["active"]:
            return None
        group = Group(account.display_name("group", person["groupid"]))
        return Actor(account, person, group)
