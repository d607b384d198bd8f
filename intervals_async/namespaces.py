"""The types of a client's namespaces, for annotations: ``client.time`` is a `TimeResource`, and
a blocking client's ``client.time`` a `BlockingTimeResource`.

They are generated from the resource table (``resources/_generate.py``); this module only names
them in public.
"""

from __future__ import annotations

from . import _blocking
from ._blocking import *  # noqa: F403 - every blocking namespace, as _blocking names them
from .resources import _typed
from .resources._typed import *  # noqa: F403 - every namespace, as _typed names them

__all__ = sorted(
    [
        *(n for n in _typed.__all__ if n.endswith("Resource")),
        *(n for n in _blocking.__all__ if n.startswith("Blocking") and n.endswith("Resource")),
    ]
)

for _name in __all__:
    globals()[_name].__module__ = __name__
