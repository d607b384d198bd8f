"""The exported surface is deliberate: a change to it shows up here."""

from __future__ import annotations

import intervals_async
import intervals_async.sandbox as sandbox


def test_package_exports() -> None:
    assert intervals_async.__all__ == ["Clock", "SystemClock", "VirtualClock", "__version__"]
    assert repr(intervals_async.VirtualClock(0)).startswith("VirtualClock(1970-01-01")
    assert intervals_async.VirtualClock.__module__ == "intervals_async"


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
        "Sandbox",
        "SandboxConfig",
        "WindowPolicy",
        "serve",
        "serving",
    }
    assert sandbox.Sandbox.__module__ == "intervals_async.sandbox"
