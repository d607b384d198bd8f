"""The audit log: every arrival as the server saw it, so limits are judged from its side."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

import attrs

__all__ = ["AuditEntry", "AuditLog", "most_in_window"]


@attrs.define
class AuditEntry:
    """One request as it arrived.

    Args:
        time: server time of arrival (epoch seconds, the sandbox's clock).
        ip: the client IP (socket peer, or the sandbox-only override header).
        account: the customer account of the token, ``None`` when authentication failed.
        method: the HTTP method.
        path: the request path, without the query string.
        status: the HTTP status answered (0 while in flight; 0 too when the connection was
            dropped before a status was sent).
        code: the API error code answered, ``None`` on success.
        fault: the injected fault, if any (``"drop"``, ``"truncate"``...).
    """

    time: float
    ip: str
    account: str | None
    method: str
    path: str
    status: int = 0
    code: int | None = None
    fault: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The entry as the audit endpoint returns it."""
        return attrs.asdict(self)


class AuditLog:
    """All arrivals, oldest first. Read in-process or at ``GET /_sandbox/audit?since=N``."""

    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []
        self._changed = threading.Condition()  # an arrival, or an arrival's answer

    def append(self, entry: AuditEntry) -> None:
        """Record an arrival."""
        with self._changed:
            self.entries.append(entry)
            self._changed.notify_all()

    def answered(self, entry: AuditEntry) -> None:
        """``entry``'s answer is known (its account, status, code and fault are set)."""
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[list[AuditEntry]], bool], timeout: float) -> bool:
        """Wait, in a thread other than the sandbox's (a test beside a served sandbox), until
        ``predicate(entries)`` holds: each arrival and each answer tests it again. False if it
        still does not after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self.entries), timeout)

    def since(self, index: int) -> list[AuditEntry]:
        """The entries from position ``index`` on."""
        return self.entries[index:]

    def clear(self) -> None:
        """Forget every entry."""
        self.entries.clear()

    def most_in_window(self, window: float, *, ip: str | None = None) -> int:
        """The most arrivals (from ``ip``, else from anyone) in any ``window`` seconds: what a
        sliding-window server counted at its busiest (see `most_in_window`)."""
        return most_in_window((e for e in self.entries if ip in (None, e.ip)), window)

    def __len__(self) -> int:
        return len(self.entries)


def most_in_window(entries: Iterable[AuditEntry], window: float) -> int:
    """The most of ``entries`` that arrived in any half-open span of ``window`` seconds: the
    judge of the per-minute limit, from the server's side."""
    times = sorted(e.time for e in entries)
    most, first = 0, 0
    for last, t in enumerate(times):
        while times[first] <= t - window:
            first += 1
        most = max(most, last - first + 1)
    return most
