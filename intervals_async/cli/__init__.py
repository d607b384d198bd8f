"""The ``intervals-async`` command (the ``cli`` extra: ``pip install 'intervals-async[cli]'``)."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

__all__ = ["main"]

try:
    from ._main import main as main
except ModuleNotFoundError as missing:  # a library install: the command's packages are an extra
    if missing.name not in ("click", "rich"):
        raise
    _missing = missing.name

    def main(*args: Any, **kwargs: Any) -> NoReturn:  # type: ignore[misc]
        """Say which extra the command needs, and stop."""
        sys.stderr.write(
            f"intervals-async: error: the command needs {_missing}, which comes with its extra: "
            "pip install 'intervals-async[cli]'\n"
        )
        sys.exit(2)
