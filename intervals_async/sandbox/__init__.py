"""A faithful local fake of the Intervals API, for tests, benchmarks, demos and your own CI.

Every resource and verb of the spec with the real envelopes, wire types and error codes; the
per-IP minute limit (four window policies) with suspension and the per-account GMT day; seeded
data, latency and faults; an injectable clock; and an audit log of every arrival:

    sandbox = Sandbox(SandboxConfig(seed=1))
    async with httpx.AsyncClient(transport=sandbox.transport(), base_url="https://sandbox/") as h:
        r = await h.get("/task/", params={"limit": 5}, auth=(sandbox.token(), "X"))

Or over TCP: ``intervals-async sandbox serve --port 8000``.
"""

from __future__ import annotations

from ..resources._table import Group as Group
from ._app import ConnectionDropped as ConnectionDropped
from ._app import Sandbox as Sandbox
from ._audit import AuditEntry as AuditEntry
from ._audit import AuditLog as AuditLog
from ._audit import most_in_window as most_in_window
from ._config import AccountSpec as AccountSpec
from ._config import DataSize as DataSize
from ._config import Faults as Faults
from ._config import Latency as Latency
from ._config import Lies as Lies
from ._config import Order as Order
from ._config import SandboxConfig as SandboxConfig
from ._limits import WindowPolicy as WindowPolicy
from ._serve import serve as serve
from ._serve import serving as serving

__all__ = [
    "AccountSpec",
    "AuditEntry",
    "AuditLog",
    "ConnectionDropped",
    "DataSize",
    "Faults",
    "Group",
    "Latency",
    "Lies",
    "Order",
    "Sandbox",
    "SandboxConfig",
    "WindowPolicy",
    "most_in_window",
    "serve",
    "serving",
]

for _name in __all__:
    if _name != "Group":
        globals()[_name].__module__ = __name__
