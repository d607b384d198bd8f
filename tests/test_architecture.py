"""The rules the code keeps (``ARCHITECTURE.md``), checked on its imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "intervals_async"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved against the package."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def _modules(under: str = "") -> dict[str, set[str]]:
    root = PACKAGE / under
    return {str(p.relative_to(PACKAGE)): _imports(p) for p in sorted(root.rglob("*.py"))}


def _reaches(imports: set[str], prefix: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for name in imports)


def test_the_import_reader_sees_imports() -> None:
    # So that an empty answer below means "none", not "not read".
    assert _reaches(_imports(PACKAGE / "governor" / "_shell.py"), "anyio")
    assert _reaches(_imports(PACKAGE / "sandbox" / "_app.py"), "intervals_async.resources")
    assert _reaches(_imports(PACKAGE / "cli" / "_jobs.py"), "intervals_async.export")


def test_the_governor_core_does_no_io() -> None:
    imports = _imports(PACKAGE / "governor" / "_core.py")
    io = ("anyio", "asyncio", "httpx", "os", "redis", "socket", "sqlite3", "threading", "time")
    assert not [name for name in io if _reaches(imports, name)]
    assert {n for n in imports if n.startswith("intervals_async")} <= {
        "intervals_async.governor._seam",
        "intervals_async.governor._seam.Outcome",
        "intervals_async.governor._seam.Priority",
    }


def test_the_library_never_imports_the_command() -> None:
    offenders = [
        name
        for name, imports in _modules().items()
        if not name.startswith("cli/")
        and name != "__main__.py"
        and _reaches(imports, "intervals_async.cli")
    ]
    assert offenders == []


def test_the_sandbox_shares_only_the_table_the_wire_and_the_clock_with_the_client() -> None:
    shared = ("intervals_async._wire", "intervals_async.resources", "intervals_async._clock")
    for name, imports in _modules("sandbox").items():
        library = {
            n
            for n in imports
            if n.startswith("intervals_async.") and not n.startswith("intervals_async.sandbox")
        }
        assert all(n.startswith(shared) for n in library), (name, library)


def test_the_client_side_never_imports_the_sandbox() -> None:
    offenders = [
        name
        for name, imports in _modules().items()
        if not name.startswith(("sandbox/", "cli/"))
        and _reaches(imports, "intervals_async.sandbox")
    ]
    assert offenders == []


def test_no_test_imports_the_benchmarks() -> None:
    # Tests judge by the sandbox's audit log, never by benchmark code (which may change freely).
    tests = Path(__file__).parent
    assert _reaches(_imports(tests / "governor/test_fleet.py"), "tests.governor.fleet_worker")
    offenders = [
        str(p.relative_to(tests))
        for p in sorted(tests.rglob("*.py"))
        if _reaches(_imports(p), "benchmarks")
    ]
    assert offenders == []
