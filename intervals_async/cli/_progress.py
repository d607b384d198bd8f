"""Progress on stderr: a live bar on a terminal, plain lines everywhere else (logs, CI, pipes)."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, TextIO

import click

from ..export import ExportProgress

__all__ = ["ProgressDisplay"]


class ProgressDisplay:
    """Shows an export's progress: records, requests used, quota left today, ETA.

    Args:
        stream: where to write (stderr).
        live: draw a live bar (default: when ``stream`` is a terminal).
        every: seconds between plain lines.
        start: a line to write before the first moment (what the job is doing).
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        live: bool | None = None,
        every: float = 5.0,
        start: str | None = None,
    ) -> None:
        self._start = start
        self._stream = stream or sys.stderr
        self._live = self._stream.isatty() if live is None else live
        self._every = every
        self._last_line = 0.0
        self._resource: str | None = None
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> ProgressDisplay:
        if self._live:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            # The bar measures requests, which set the pace (records per request vary by
            # collection): its time left is the requests' (the governor paces them).
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("requests, {task.fields[records]}"),
                TimeRemainingColumn(),
                console=Console(file=self._stream),
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("export", total=None, records="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)

    def __call__(self, p: ExportProgress) -> None:
        """Show one moment of the export."""
        if self._start is not None:
            if self._bar is not None:
                self._bar.console.print(self._start, markup=False, highlight=False)
            else:
                click.echo(self._start, file=self._stream)
            self._start = None
        spent = f"{p.requests} requests" + (f" of {p.budget}" if p.budget is not None else "")
        quota = "" if p.quota_left is None else f", {p.quota_left} left today"
        # A total not yet counted whole is a floor: said so, rather than a number that moves.
        expected = f"{max(p.expected, p.written)}{'' if p.counted else '+'}"
        if self._bar is not None:
            left = p.requests_left
            self._bar.update(
                self._task,
                description=p.resource,
                completed=p.requests,
                total=None if left is None else p.requests + left,
                records=f"{p.written}/{expected} records{quota}",
            )
            return
        now = time.monotonic()
        finished = p.total is not None and p.records >= p.total  # a collection's last page
        if p.resource == self._resource and now - self._last_line < self._every and not finished:
            return
        self._resource, self._last_line = p.resource, now
        total = "?" if p.total is None else str(p.total)
        click.echo(
            f"export: {p.resource} {p.records}/{total}, all {p.written}/{expected} records, "
            f"{spent}{quota}",
            file=self._stream,
        )
