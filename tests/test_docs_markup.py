"""The API reference renders every docstring as Markdown (mkdocstrings, Google style): a reST role
(``:class:`X```) or literal-block marker (``::``) would show raw on the site.

The docstrings are checked at the source, always; the built site is checked too where the docs
tools are installed (``nox -s docs`` installs them and runs this file after the build).
"""

from __future__ import annotations

import ast
import html
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_RAW = re.compile(r":(?:class|meth|func|attr|data|mod|exc|obj|ref|py:\w+):`|(?:^|\s)::\s*$", re.M)


def _docstrings() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "intervals_async").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}"
                    found.append((where, doc))
    return found


def test_no_docstring_holds_rest_markup() -> None:
    docs = _docstrings()
    assert len(docs) > 300  # every public name has one: the check saw them
    raw = [(where, m.group(0)) for where, doc in docs for m in _RAW.finditer(doc)]
    assert raw == [], raw


def test_the_built_site_shows_no_raw_markup() -> None:
    site = Path(os.environ.get("INTERVALS_DOCS_SITE", ROOT / "site"))
    pages = sorted(site.rglob("*.html")) if site.is_dir() else []
    if not pages:
        pytest.skip(f"no built site at {site} (nox -s docs builds it, then runs this test)")
    for page in pages:
        text = re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text("utf-8"), flags=re.S)
        shown = html.unescape(re.sub(r"<[^>]+>", " ", text))
        raw = _RAW.findall(shown)
        assert raw == [], f"{page.relative_to(site)}: {raw[:5]}"
