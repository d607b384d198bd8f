"""The exported surface is deliberate: a change to it shows up here."""

from __future__ import annotations
import __future__

import types

import pytest

import intervals_async
import intervals_async.export as export
import intervals_async.governor as governor
import intervals_async.models as models
import intervals_async.sandbox as sandbox
from intervals_async.resources import RESOURCES


def _public_names(module: types.ModuleType) -> set[str]:
    """The names a module binds that are not private, its submodules or ``__future__``'s."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and value is not __future__.annotations
    }


def test_package_exports() -> None:
    # As httpx keeps its surface: __all__ is every public name of the package, in the order
    # ruff's RUF022 keeps (constants, classes, functions), and nothing else.
    names = intervals_async.__all__
    for name in names:  # the lazy ones too (the blocking client is imported on first use)
        getattr(intervals_async, name)
    assert set(names) == _public_names(intervals_async) - {"TYPE_CHECKING", "Any"} | {"__version__"}
    assert len(names) == len(set(names))
    assert {"BlockingIntervalsClient", "IntervalsClient", "NOT_GIVEN"} <= set(names)
    for name in intervals_async.__all__:
        exported = getattr(intervals_async, name)
        if name in ("__version__", "NOT_GIVEN"):
            continue
        if name != "Priority":
            assert exported.__module__ == "intervals_async", name
        assert exported.__doc__, f"{name} has no docstring"
    assert repr(intervals_async.VirtualClock(0)).startswith("VirtualClock(1970-01-01")


def test_the_version_lives_in_one_place() -> None:
    from importlib.metadata import version

    assert version("intervals-async") == intervals_async.__version__


def test_every_exception_is_an_intervals_error() -> None:
    for name in intervals_async.__all__:
        exported = getattr(intervals_async, name)
        if isinstance(exported, type) and issubclass(exported, Exception):
            assert issubclass(exported, intervals_async.IntervalsError), name


def test_models_exports() -> None:
    # Each table entry names its model, which the models package exports under that name.
    for entry in RESOURCES:
        assert models.MODELS[entry.name] is getattr(models, entry.model), entry.name
        assert entry.model in models.__all__
    assert len(models.MODELS) == len(RESOURCES)
    for name in models.__all__:
        if name != "MODELS":
            assert getattr(models, name).__module__ == "intervals_async.models", name
            assert getattr(models, name).__doc__, name


@pytest.mark.parametrize("module", [governor, export, sandbox], ids=lambda m: m.__name__)
def test_a_subpackage_exports_exactly_its_public_names(module: types.ModuleType) -> None:
    # The same rule as the package's: __all__ (kept in RUF022's order by ruff) is every public
    # name the subpackage binds, each presented as the subpackage's own, with a docstring.
    names = module.__all__
    assert len(names) == len(set(names))
    assert set(names) == _public_names(module)
    for name in names:
        exported = getattr(module, name)
        # The sandbox's Group is the table's (the one fact both sides share), re-exported.
        if (module, name) != (sandbox, "Group"):
            assert exported.__module__ == module.__name__, name
        assert exported.__doc__, f"{name} has no docstring"


def test_the_seams_are_exported() -> None:
    assert {"RateGovernor", "Governor", "Store", "DayView", "WindowView"} <= set(governor.__all__)
    assert {"Export", "Mirror", "ExportError", "OutputError"} <= set(export.__all__)
    assert {"Sandbox", "SandboxConfig", "serve"} <= set(sandbox.__all__)
    assert issubclass(export.ExportError, intervals_async.IntervalsError)
    assert issubclass(export.OutputError, export.ExportError)


def test_the_drawn_error_tree_names_every_error_under_its_parent() -> None:
    import re

    from intervals_async import _exceptions

    doc = (_exceptions.__doc__ or "").splitlines()
    start = doc.index("    IntervalsError")
    tree = doc[start : doc.index("", start)]
    drawn: dict[str, str] = {}  # name -> parent, as the module's docstring draws them
    parents: list[str] = []
    for line in tree:
        found = re.match(r"    ((?:[│ ]   )*)(?:[├└]── )?([A-Z]\w+)", line)
        assert found, line
        depth = len(found.group(1)) // 4 + (1 if "──" in line else 0)
        parents[depth:] = [found.group(2)]
        drawn[found.group(2)] = parents[depth - 1] if depth else ""
    errors = {
        cls
        for module in (intervals_async, export)
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, intervals_async.IntervalsError)
    }
    assert {cls.__name__ for cls in errors} == set(drawn)
    for cls in errors:
        bases = [b for b in cls.__bases__ if issubclass(b, intervals_async.IntervalsError)]
        assert drawn[cls.__name__] == (bases[0].__name__ if bases else ""), cls.__name__


def test_the_namespace_types_are_public() -> None:
    # The type of every namespace of both clients, importable for annotations.
    from intervals_async import BlockingIntervalsClient, IntervalsClient, namespaces

    client = IntervalsClient("tok12345678")
    blocking = BlockingIntervalsClient("tok12345678")
    try:
        seen = set()
        for entry in RESOURCES:
            for owner in (client, blocking):
                kind = type(getattr(owner, entry.name, None))
                if not kind.__name__.endswith("Resource"):
                    continue  # a resource read through a method of the client (quota())
                assert getattr(namespaces, kind.__name__) is kind, kind
                assert kind.__module__ == "intervals_async.namespaces" and kind.__doc__
                seen.add(kind.__name__)
        assert seen == set(namespaces.__all__)
    finally:
        blocking.close()
