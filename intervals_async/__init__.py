"""intervals-async: the async Python SDK for the Intervals time-tracking API.

The client arrives with its own issue; today the package offers the resource table, the clocks
and :mod:`intervals_async.sandbox`, a faithful local fake of the API.
"""

from __future__ import annotations

from ._clock import Clock as Clock
from ._clock import SystemClock as SystemClock
from ._clock import VirtualClock as VirtualClock

__version__ = "0.1.0.dev0"

__all__ = ["Clock", "SystemClock", "VirtualClock", "__version__"]

for _name in ("Clock", "SystemClock", "VirtualClock"):
    globals()[_name].__module__ = __name__
