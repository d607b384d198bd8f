"""Bulk export and incremental sync: the jobs most users of the API write by hand, done right.

- `Export` writes collections to JSONL, CSV or SQLite, streaming, concurrently paced by
  the governor, resumable from a checkpoint after any stop, and says its cost first.
- `Mirror` keeps a local SQLite mirror of an account up to date with the fewest requests.
"""

from __future__ import annotations

from ._export import Export as Export
from ._export import ExportError as ExportError
from ._export import ExportPlan as ExportPlan
from ._export import ExportProgress as ExportProgress
from ._export import ExportResult as ExportResult
from ._export import OutputError as OutputError
from ._export import ResourcePlan as ResourcePlan
from ._export import Stop as Stop
from ._export import readable_resources as readable_resources
from ._mirror import Mirror as Mirror
from ._mirror import ResourceSync as ResourceSync
from ._mirror import SyncMode as SyncMode
from ._mirror import SyncResult as SyncResult
from ._sinks import Format as Format

__all__ = [
    "Export",
    "ExportError",
    "ExportPlan",
    "ExportProgress",
    "ExportResult",
    "Format",
    "Mirror",
    "OutputError",
    "ResourcePlan",
    "ResourceSync",
    "Stop",
    "SyncMode",
    "SyncResult",
    "readable_resources",
]

for _name in __all__:
    globals()[_name].__module__ = __name__
