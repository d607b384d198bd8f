"""The exported surface is deliberate: a change to it shows up here."""

from __future__ import annotations

import intervals_async
import intervals_async.export as export
import intervals_async.governor as governor
import intervals_async.models as models
import intervals_async.sandbox as sandbox
from intervals_async.resources import RESOURCES


def test_package_exports() -> None:
    assert intervals_async.__all__ == [
        "APIError",
        "AccountError",
        "AuthenticationError",
        "BadRequest",
        "CachePolicy",
        "ClientStatistics",
        "Clock",
        "CollectionCost",
        "ConnectionFailed",
        "CostPlan",
        "DailyQuotaExceeded",
        "DecodeError",
        "GovernorTimeout",
        "IntervalsClient",
        "IntervalsError",
        "InvalidParameter",
        "LoopClock",
        "MissingRecords",
        "NotFound",
        "OrderViolation",
        "PagingError",
        "PermissionDenied",
        "Priority",
        "RateLimited",
        "RepeatedRecords",
        "RequestsTooFast",
        "ResponseCache",
        "ResponseTooLarge",
        "RetryPolicy",
        "ServerError",
        "StoreError",
        "SystemClock",
        "Timeout",
        "TransportError",
        "VirtualClock",
        "__version__",
        "plan_cost",
    ]
    assert repr(intervals_async.VirtualClock(0)).startswith("VirtualClock(1970-01-01")
    for name in intervals_async.__all__:
        exported = getattr(intervals_async, name)
        if name not in ("__version__", "Priority"):
            assert exported.__module__ == "intervals_async", name
        assert name == "__version__" or exported.__doc__, f"{name} has no docstring"


def test_the_version_lives_in_one_place() -> None:
    from importlib.metadata import version

    assert version("intervals-async") == intervals_async.__version__


def test_every_exception_is_an_intervals_error() -> None:
    for name in intervals_async.__all__:
        exported = getattr(intervals_async, name)
        if isinstance(exported, type) and issubclass(exported, Exception):
            assert issubclass(exported, intervals_async.IntervalsError), name


def test_models_and_governor_exports() -> None:
    assert set(models.MODELS) == {r.name for r in RESOURCES}
    for name in models.__all__:
        if name != "MODELS":
            assert getattr(models, name).__module__ == "intervals_async.models", name
            assert getattr(models, name).__doc__, name
    assert governor.__all__ == [
        "AccountStatus",
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
        "View",
        "open_store",
        "shared_governor",
        "state_dir",
    ]


def test_sandbox_exports() -> None:
    assert sandbox.__all__ == sorted(sandbox.__all__)
    assert set(sandbox.__all__) == {
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
        "serve",
        "serving",
    }
    assert sandbox.Sandbox.__module__ == "intervals_async.sandbox"


def test_export_exports() -> None:
    assert export.__all__ == [
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
    for name in export.__all__:
        exported = getattr(export, name)
        assert exported.__module__ == "intervals_async.export", name
        assert exported.__doc__, f"{name} has no docstring"
    assert issubclass(export.ExportError, intervals_async.IntervalsError)
    assert issubclass(export.OutputError, export.ExportError)
