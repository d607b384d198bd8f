"""The one entry point for tests, lint and type checks (``nox -s tests lint typecheck``)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package, tests and benchmarks."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Every benchmark: bench-results/results.json, results.md and the governor's PNG
    (``nox -s bench -- --quick`` for the short versions)."""
    session.install("-e", ".[dev]")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site, strictly: any warning fails (``site/``)."""
    session.install("-e", ".[docs]")
    # mkdocs-material announces MkDocs 2 on every build; that notice is not about our docs.
    session.run("mkdocs", "build", "--strict", *session.posargs, env={"NO_MKDOCS_2_WARNING": "1"})
    # and no raw reST on any page of it (a role or a "::" the Markdown renderer shows as is)
    session.install("pytest", "pytest-asyncio")
    session.run("pytest", "-q", "tests/test_docs_markup.py", env={"INTERVALS_DOCS_SITE": "site"})
