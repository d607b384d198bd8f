"""Rate governors: what every request asks before it is sent.

`RateGovernor` keeps the API's limits (100 requests per minute per IP, 6,000 or 12,000 per
day per account) at the full rate they allow; `Unmetered` admits everything and only counts.
Its state lives in a store: `SQLiteStore` (the processes of one host; by default one file
per user of the host), `RedisStore` (a fleet of hosts) or `MemoryStore` (one process
alone, or a virtual clock). `open_store()` turns a setting (``"host"``, ``"memory"``,
``"sqlite:///PATH"``, ``"redis://..."``) into a store.
"""

from __future__ import annotations

from ._core import Limits as Limits
from ._default import open_store as open_store
from ._default import state_dir as state_dir
from ._redis import RedisStore as RedisStore
from ._seam import Governor as Governor
from ._seam import Outcome as Outcome
from ._seam import Permit as Permit
from ._seam import Priority as Priority
from ._seam import Unmetered as Unmetered
from ._shell import EventKind as EventKind
from ._shell import GovernorEvent as GovernorEvent
from ._shell import GovernorStatistics as GovernorStatistics
from ._shell import RateGovernor as RateGovernor
from ._shell import shared_governor as shared_governor
from ._sqlite import SQLiteStore as SQLiteStore
from ._store import AccountStatus as AccountStatus
from ._store import DayView as DayView
from ._store import EgressStatus as EgressStatus
from ._store import MemoryStore as MemoryStore
from ._store import ProcessStatus as ProcessStatus
from ._store import Store as Store
from ._store import StoreStatus as StoreStatus
from ._store import WindowView as WindowView

__all__ = [
    "AccountStatus",
    "DayView",
    "EgressStatus",
    "EventKind",
    "Governor",
    "GovernorEvent",
    "GovernorStatistics",
    "Limits",
    "MemoryStore",
    "Outcome",
    "Permit",
    "Priority",
    "ProcessStatus",
    "RateGovernor",
    "RedisStore",
    "SQLiteStore",
    "Store",
    "StoreStatus",
    "Unmetered",
    "WindowView",
    "open_store",
    "shared_governor",
    "state_dir",
]

for _name in __all__:
    globals()[_name].__module__ = __name__
