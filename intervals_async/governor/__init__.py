"""Rate governors: what every request asks before it is sent."""

from __future__ import annotations

from ._seam import Governor as Governor
from ._seam import Outcome as Outcome
from ._seam import Permit as Permit
from ._seam import Priority as Priority
from ._seam import Unmetered as Unmetered

__all__ = ["Governor", "Outcome", "Permit", "Priority", "Unmetered"]

for _name in __all__:
    globals()[_name].__module__ = __name__
