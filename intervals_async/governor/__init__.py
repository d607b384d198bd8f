"""Rate governors: what every request asks before it is sent.

:class:`RateGovernor` keeps the API's limits (100 requests per minute per IP, 6,000 or 12,000 per
day per account) at the full rate they allow; :class:`Unmetered` admits everything and only counts.
"""

from __future__ import annotations

from ._core import Limits as Limits
from ._seam import Governor as Governor
from ._seam import Outcome as Outcome
from ._seam import Permit as Permit
from ._seam import Priority as Priority
from ._seam import Unmetered as Unmetered
from ._shell import GovernorEvent as GovernorEvent
from ._shell import GovernorStatistics as GovernorStatistics
from ._shell import RateGovernor as RateGovernor

__all__ = [
    "Governor",
    "GovernorEvent",
    "GovernorStatistics",
    "Limits",
    "Outcome",
    "Permit",
    "Priority",
    "RateGovernor",
    "Unmetered",
]

for _name in __all__:
    globals()[_name].__module__ = __name__
