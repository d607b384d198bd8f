"""Where an export goes, and how each page lands there exactly once.

Every page is committed with the progress that follows it, so a process killed at any moment
(SIGKILL included) leaves output and checkpoint agreeing on a page boundary:

- JSONL and CSV: one file per resource. A page is appended, flushed and synced, then the
  checkpoint (the byte length of each file, among the rest) is replaced atomically. On resume,
  each file is cut back to the length the checkpoint names, so a page written after the last
  checkpoint is dropped and read again, never kept twice.
- SQLite: one table per resource, and the checkpoint is a table of the same file: a page and
  its progress are one transaction.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import io
import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from ..models import Model
from ._db import Tables, connect, transaction
from ._records import columns, csv_row, jsonl

__all__ = ["CHECKPOINT", "Format", "Progress", "Sink", "open_sink"]

CHECKPOINT = ".intervals-export.json"
SQLITE_FILE = "intervals.sqlite"


class Format(enum.Enum):
    """An export's output format."""

    JSONL = "jsonl"
    CSV = "csv"
    SQLITE = "sqlite"


@attrs.define
class Progress:
    """How far one resource's export has come (what a checkpoint holds per resource).

    Args:
        offset: where the next page starts.
        records: records written.
        last_id: the highest id written (pages are read in id order where the API sorts by id).
        size: the byte length of the output file at the last commit (JSONL and CSV).
        listcount: how many records the API last said match.
        done: whether every page is written.
    """

    offset: int = 0
    records: int = 0
    last_id: int | None = None
    size: int = 0
    listcount: int | None = None
    done: bool = False

    def to_json(self) -> dict[str, Any]:
        """The progress as a JSON object."""
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Progress:
        """The progress from `to_json()`."""
        return cls(**{f.name: data[f.name] for f in attrs.fields(cls) if f.name in data})


class Sink(Protocol):
    """An export's output and its checkpoint."""

    path: Path
    """Where the output lives: its directory, or its SQLite file."""
    job: dict[str, Any] | None
    """The job the checkpoint belongs to (``None`` for a fresh output)."""
    progress: dict[str, Progress]
    """Each resource's progress as of the last commit."""

    def start(self, job: dict[str, Any]) -> None:
        """Begin a fresh job: forget any earlier progress and empty the outputs."""

    def append(
        self, name: str, model: type[Model], records: Sequence[Model], done: Progress
    ) -> None:
        """Write ``records`` of resource ``name`` and commit ``done`` with them, atomically."""

    def files(self) -> list[Path]:
        """The output files written so far."""

    def close(self) -> None:
        """Release the files."""


def check_writable(out: Path) -> None:
    """Whether ``out`` could be made and written, found without making anything.

    Raises:
        OSError: a part of the path is not a directory, or the directory is not writable.
    """
    at = out
    while not at.exists() and at != at.parent:
        at = at.parent
    if not at.is_dir():
        raise NotADirectoryError(f"{at} is not a directory")
    if not os.access(at, os.W_OK | os.X_OK):
        raise PermissionError(f"{at} is not writable")


def has_checkpoint(out: Path, format: Format) -> bool:
    """Whether ``out`` holds an export's checkpoint in ``format`` (looked at, nothing made)."""
    return (out / (SQLITE_FILE if format is Format.SQLITE else CHECKPOINT)).is_file()


def open_sink(out: Path, format: Format) -> Sink:
    """The sink for ``format`` in directory ``out`` (created if missing), with its checkpoint.

    Raises:
        OSError: ``out`` cannot be created or written.
        ValueError: the checkpoint there is unreadable.
    """
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK | os.X_OK):
        raise PermissionError(f"{out} is not writable")
    if format is Format.SQLITE:
        return _SQLiteSink(out / SQLITE_FILE)
    return _FileSink(out, format)


class _FileSink:
    """JSONL or CSV files, one per resource, and a JSON checkpoint beside them."""

    def __init__(self, out: Path, format: Format) -> None:
        self._out = self.path = out
        self._format = format
        self._checkpoint = out / CHECKPOINT
        self._handles: dict[str, io.BufferedRandom] = {}
        self.job: dict[str, Any] | None = None
        self.progress: dict[str, Progress] = {}
        if self._checkpoint.exists():
            try:
                saved = json.loads(self._checkpoint.read_text("utf-8"))
                self.job = saved["job"]
                self.progress = {k: Progress.from_json(v) for k, v in saved["progress"].items()}
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{self._checkpoint} is not a readable checkpoint") from exc
        else:
            # Fail now, before any request, if the directory refuses files.
            probe = out / (CHECKPOINT + ".tmp")
            probe.write_bytes(b"")
            probe.unlink()

    def _path(self, name: str) -> Path:
        return self._out / f"{name}.{self._format.value}"

    def start(self, job: dict[str, Any]) -> None:
        """See `Sink`."""
        # The outputs of the job replaced go too: the directory holds one export.
        for name in {*job["resources"], *(self.job or {}).get("resources", ())}:
            self._path(name).unlink(missing_ok=True)
        self.job, self.progress = job, {}
        self._save()

    def _handle(self, name: str) -> io.BufferedRandom:
        handle = self._handles.get(name)
        if handle is None:
            path = self._path(name)
            path.touch()
            handle = path.open("r+b")
            # Drop whatever was written after the last checkpoint: that page comes again.
            kept = self.progress.get(name, Progress()).size
            handle.truncate(kept)
            handle.seek(kept)
            self._handles[name] = handle
        return handle

    def append(
        self, name: str, model: type[Model], records: Sequence[Model], done: Progress
    ) -> None:
        """See `Sink`."""
        handle = self._handle(name)
        if self._format is Format.JSONL:
            handle.write(jsonl(records))
        else:
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            if handle.tell() == 0:
                writer.writerow([c.name for c in columns(model)])
            writer.writerows(csv_row(r) for r in records)
            handle.write(text.getvalue().encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
        done.size = handle.tell()
        self.progress[name] = done
        self._save()

    def _save(self) -> None:
        tmp = self._checkpoint.with_suffix(".tmp")
        data = {"job": self.job, "progress": {k: v.to_json() for k, v in self.progress.items()}}
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self._checkpoint)

    def files(self) -> list[Path]:
        """See `Sink`."""
        return [self._path(n) for n in self.progress if self._path(n).exists()]

    def close(self) -> None:
        """See `Sink`."""
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()


class _SQLiteSink:
    """One SQLite file: a table per resource, and the checkpoint in ``_export``."""

    def __init__(self, path: Path) -> None:
        self._path = self.path = path
        try:
            self._db = connect(path)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS _export (key TEXT PRIMARY KEY, value TEXT)"
            )
            rows = dict(self._db.execute("SELECT key, value FROM _export").fetchall())
        except sqlite3.OperationalError:
            raise  # the disk (full, unreadable, gone), not the file's contents
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"{path} is not a usable SQLite file: {exc}") from exc
        self._tables = Tables(self._db)
        self.job: dict[str, Any] | None = json.loads(rows.pop("job")) if "job" in rows else None
        self.progress = {
            k.removeprefix("progress:"): Progress.from_json(json.loads(v)) for k, v in rows.items()
        }

    def start(self, job: dict[str, Any]) -> None:
        """See `Sink`."""
        with self._transaction():
            self._db.execute("DELETE FROM _export")
            for name in {*job["resources"], *(self.job or {}).get("resources", ())}:
                self._tables.drop(name)
            self._db.execute("INSERT INTO _export VALUES ('job', ?)", (json.dumps(job),))
        self.job, self.progress = job, {}

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        return transaction(self._db)

    def append(
        self, name: str, model: type[Model], records: Sequence[Model], done: Progress
    ) -> None:
        """See `Sink`."""
        with self._transaction():
            self._tables.upsert(name, model, records)
            self._db.execute(
                "INSERT OR REPLACE INTO _export VALUES (?, ?)",
                (f"progress:{name}", json.dumps(done.to_json())),
            )
        self.progress[name] = done

    def files(self) -> list[Path]:
        """See `Sink`."""
        return [self._path]

    def close(self) -> None:
        """See `Sink`."""
        self._db.close()
