"""Rate governors: what every request asks before it is sent.

:class:`RateGovernor` keeps the API's limits (100 requests per minute per IP, 6,000 or 12,000 per
day per account) at the full rate they allow; :class:`Unmetered` admits everything and only counts.
Its state lives in a store: :class:`MemoryStore` (one process, the default), :class:`SQLiteStore`
(the processes of one host) or :class:`RedisStore` (a fleet of hosts).
"""

from __future__ import annotations

from ._core import Limits as Limits
from ._redis import RedisStore as RedisStore
from ._seam import Governor as Governor
from ._seam import Outcome as Outcome
from ._seam import Permit as Permit
from ._seam import Priority as Priority
from ._seam import Unmetered as Unmetered
from ._shell import GovernorEvent as GovernorEvent
from ._shell import GovernorStatistics as GovernorStatistics
from ._shell import RateGovernor as RateGovernor
from ._sqlite import SQLiteStore as SQLiteStore
from ._store import MemoryStore as MemoryStore
from ._store import Store as Store
from ._store import View as View

__all__ = [
    "Governor",
    "GovernorEvent",
    "GovernorStatistics",
    "Limits",
    "MemoryStore",
    "Outcome",
    "Permit",
    "Priority",
    "RateGovernor",
    "RedisStore",
    "SQLiteStore",
    "Store",
    "Unmetered",
    "View",
]

for _name in __all__:
    globals()[_name].__module__ = __name__
