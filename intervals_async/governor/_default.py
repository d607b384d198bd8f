"""Which store a governor keeps its state in: the one setting, and the per-host default.

The API's per-minute limit is per IP, and every process of a host shares the host's IP. So a
governor that is told nothing keeps its state in one SQLite file per user of the host, shared by
every process: a cron job started beside a running service sees the service's window, and
neither is suspended. Memory is for tests, virtual clocks and those who ask; Redis is for more
than one host.

The setting is a URL-like string, chosen in this order (the first one given wins):

1. an argument: ``RateGovernor(store="...")``, ``IntervalsClient(governor="...")``, or the
   command's ``--governor``;
2. the ``INTERVALS_GOVERNOR`` environment variable;
3. ``host``: the per-host SQLite file in the state directory (``INTERVALS_STATE_DIR``, else the
   user's state directory as `platformdirs` finds it). There is one such file per API
   server: ``governor.sqlite`` for the real API, ``governor-HOST_PORT.sqlite`` for another (a
   sandbox served on this host, say), since each server has a window and days of its own.

Its forms: ``host``, ``memory``, ``sqlite:///absolute/path.sqlite`` (or ``sqlite://relative``),
``redis://...`` and ``rediss://...``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from ._core import Limits
from ._redis import RedisStore
from ._sqlite import SQLiteStore
from ._store import MemoryStore, Store

__all__ = [
    "ENV_GOVERNOR",
    "ENV_STATE_DIR",
    "HOST_STORE_FILE",
    "host_store_path",
    "open_store",
    "resolve_setting",
    "server_of",
    "state_dir",
]

ENV_GOVERNOR = "INTERVALS_GOVERNOR"
ENV_STATE_DIR = "INTERVALS_STATE_DIR"
HOST_STORE_FILE = "governor.sqlite"
REAL_API = "api.myintervals.com"

# What a user can do when the per-host file cannot be used (a read-only or ephemeral filesystem).
_HOST_HINT = (
    f"point {ENV_STATE_DIR} at a writable directory, or choose another store with "
    f"{ENV_GOVERNOR} or --governor (redis://... to share the window, memory for one process "
    "that is alone on its IP)"
)

_FORMS = "host, memory, sqlite:///PATH, redis://HOST[:PORT][/DB] or rediss://..."


def state_dir() -> Path:
    """The directory of the per-host state: ``INTERVALS_STATE_DIR``, else the user's state
    directory (``~/.local/state/intervals-async`` on Linux)."""
    override = os.environ.get(ENV_STATE_DIR, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_state_path("intervals-async", appauthor=False)


def server_of(base_url: str) -> str:
    """The API server of a base URL as the per-host state keys it: ``host[:port]`` (no
    userinfo)."""
    parts = urlsplit(base_url)
    return parts.netloc.rpartition("@")[2].lower() or base_url


def host_store_path(server: str | None = None) -> Path:
    """The per-host file for an API server (``host`` or ``host:port``; ``None``: the real API)."""
    if server is None or server == REAL_API:
        return state_dir() / HOST_STORE_FILE
    safe = "".join(c if c.isascii() and (c.isalnum() or c in ".-") else "_" for c in server)
    return state_dir() / f"governor-{safe}.sqlite"


def resolve_setting(setting: str | None = None) -> str:
    """The store setting in force: ``setting`` if given, else ``INTERVALS_GOVERNOR``, else
    ``host``; stripped, never empty."""
    for candidate in (setting, os.environ.get(ENV_GOVERNOR)):
        if candidate is not None and candidate.strip():
            return candidate.strip()
    return "host"


def open_store(
    setting: str | None = None, limits: Limits | None = None, *, server: str | None = None
) -> Store:
    """The store a setting names (see the module's docstring), keeping ``limits``; ``server``
    (``host`` or ``host:port`` of the API root) chooses the per-host file of ``host``.

    Nothing is opened yet: a SQLite file or a Redis connection is first used by the first
    request, and a store that cannot be used then fails closed with ``StoreError``.

    Raises:
        ValueError: the setting is none of the forms above.
    """
    chosen = resolve_setting(setting)
    scheme, sep, rest = chosen.partition("://")
    if chosen == "host":
        return SQLiteStore(host_store_path(server), limits, make_parents=True, hint=_HOST_HINT)
    if chosen == "memory":
        return MemoryStore(limits)
    if sep and scheme == "sqlite" and rest:
        return SQLiteStore(Path(rest).expanduser(), limits, make_parents=True)
    if sep and scheme in ("redis", "rediss", "unix") and rest:
        return RedisStore(chosen, limits)
    # Never echo a value that may be a URL with a password in it: name only its scheme.
    shown = f"{scheme}://..." if sep else repr(chosen)
    raise ValueError(f"the governor setting {shown} is not one of: {_FORMS}")
