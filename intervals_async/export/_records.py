"""Models as rows: one conversion of every field for JSONL, CSV and SQLite.

A record's values become plain JSON values once (`plain()`): ids and counts stay numbers,
``Decimal`` becomes its exact string, dates and timestamps ISO 8601, booleans stay booleans,
id lists and nested records stay lists and objects. Each format then takes those values as they
are (JSONL), flattens them to text (CSV) or stores them in typed columns (SQLite).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import msgspec

from ..models import Model

__all__ = [
    "Column",
    "ColumnKind",
    "columns",
    "csv_row",
    "ident",
    "jsonl",
    "plain",
    "plain_general",
    "sqlite_row",
]


class ColumnKind(enum.Enum):
    """How a field is stored: the SQLite column type of each."""

    INTEGER = "INTEGER"
    DECIMAL = "NUMERIC"  # exact text in JSONL and CSV; SQLite keeps it as a number
    BOOLEAN = "BOOLEAN"  # 0 or 1
    DATE = "DATE"  # ISO text, 2026-01-05
    DATETIME = "DATETIME"  # ISO text, 2026-01-05T09:00:00
    TEXT = "TEXT"
    JSON = "JSON"  # id lists, nested records and the fields the docs do not list


@attrs.frozen
class Column:
    """One field of a model as a column."""

    name: str
    kind: ColumnKind


def _kind(hint: Any) -> ColumnKind:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return _kind(args[0]) if len(args) == 1 else ColumnKind.JSON
    for python, kind in (
        (bool, ColumnKind.BOOLEAN),  # before int: a bool is an int
        (int, ColumnKind.INTEGER),
        (Decimal, ColumnKind.DECIMAL),
        (dt.datetime, ColumnKind.DATETIME),  # before date: a datetime is a date
        (dt.date, ColumnKind.DATE),
        (str, ColumnKind.TEXT),
    ):
        if isinstance(hint, type) and issubclass(hint, python):
            return kind
    return ColumnKind.JSON


_COLUMNS: dict[type[Model], tuple[Column, ...]] = {}


def columns(model: type[Model]) -> tuple[Column, ...]:
    """The columns of ``model``: ``id`` first, then its fields in order, ``extra`` last."""
    found = _COLUMNS.get(model)
    if found is None:
        fields = [f for f in attrs.fields(model) if f.name != "extra"]
        fields.sort(key=lambda f: f.name != "id")
        found = (*(Column(f.name, _kind(f.type)) for f in fields), Column("extra", ColumnKind.JSON))
        _COLUMNS[model] = found
    return found


def ident(record: Model) -> int:
    """A record's id (every collection an export or a mirror reads has one)."""
    found: int = record.id  # type: ignore[attr-defined]
    return found


def _value(value: Any) -> Any:
    """One field as a plain JSON value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):  # dates and datetimes
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _value(v) for k, v in value.items()}
    if isinstance(value, Sequence):
        return [_value(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: _value(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return str(value)


def plain(record: Model) -> dict[str, Any]:
    """The record as a JSON object, in column order."""
    model = type(record)
    convert = _PLAIN.get(model)
    if convert is None:
        convert = _PLAIN[model] = _plainer(model)
    result: dict[str, Any] = convert(record)
    return result


def plain_general(record: Model) -> dict[str, Any]:
    """`plain()` field by field, through `_value` alone: what the generated conversion of
    each model must equal (a test holds them equal)."""
    return {c.name: _value(getattr(record, c.name)) for c in columns(type(record))}


_PLAIN: dict[type[Model], Any] = {}

# A column's common case, inlined by its kind; any other value goes through `_value`, so the
# result is `plain_general()`'s whatever the record holds.
_INLINE = {
    ColumnKind.INTEGER: "v if v is None or v.__class__ is int else value(v)",
    ColumnKind.TEXT: "v if v is None or v.__class__ is str else value(v)",
    ColumnKind.BOOLEAN: "v if v is None or v.__class__ is bool else value(v)",
    ColumnKind.DECIMAL: "None if v is None else str(v) if v.__class__ is Decimal else value(v)",
    ColumnKind.DATE: "None if v is None else v.isoformat() if v.__class__ is date else value(v)",
    ColumnKind.DATETIME: (
        "None if v is None else v.isoformat() if v.__class__ is datetime else value(v)"
    ),
    ColumnKind.JSON: "value(v)",
}


def _plainer(model: type[Model]) -> Any:
    """Straight-line code for `plain()` of one model: no dispatch on each value's type."""
    lines = ["def plain(r):", "    out = {}"]
    for column in columns(model):
        lines.append(f"    v = r.{column.name}")
        lines.append(f"    out[{column.name!r}] = {_INLINE[column.kind]}")
    lines.append("    return out")
    namespace: dict[str, Any] = {
        "value": _value,
        "Decimal": Decimal,
        "date": dt.date,
        "datetime": dt.datetime,
    }
    exec("\n".join(lines), namespace)
    return namespace["plain"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def jsonl(records: Sequence[Model]) -> bytes:
    """The records as JSON lines, UTF-8: byte for byte ``json.dumps(plain(record),
    ensure_ascii=False, separators=(",", ":"))`` per line, encoded by msgspec (every code point
    is written alike; a lone surrogate fails alike, with ``UnicodeEncodeError``)."""
    encode = _ENCODER.encode
    return b"".join([encode(plain(record)) + b"\n" for record in records])


_ENCODER = msgspec.json.Encoder()


def csv_row(record: Model) -> list[str]:
    """The record as CSV cells: empty for none, ``true``/``false``, JSON for lists and objects."""
    cells = []
    for value in plain(record).values():
        if value is None:
            cells.append("")
        elif isinstance(value, bool):
            cells.append("true" if value else "false")
        elif isinstance(value, list | dict):
            cells.append(_json(value))
        else:
            cells.append(str(value))
    return cells


def sqlite_row(record: Model) -> list[Any]:
    """The record as SQLite values, in column order."""
    row: list[Any] = []
    for value in plain(record).values():
        if isinstance(value, bool):
            row.append(int(value))
        elif isinstance(value, list | dict):
            row.append(_json(value))
        else:
            row.append(value)
    return row
