"""Typed sandbox records -> the API's wire format (strings, ``t``/``f``, CSV, escaped text)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .._wire import escape_text, format_bool, format_csv, format_decimal, format_timestamp
from ._store import Record

__all__ = ["Rendered", "render_record", "render_value"]


class Rendered(list[dict[str, Any]]):
    """Nested records already in wire form (a task member's ``assignee`` array)."""


def render_value(value: Any) -> str | Rendered | None:
    """One value as the API writes it inside a record."""
    match value:
        case None:
            return None
        case Rendered():
            return value
        case bool():
            return format_bool(value)
        case int() | Decimal():
            return format_decimal(value) if isinstance(value, Decimal) else str(value)
        case datetime():
            # a fraction only where the record has one (the live ``lastlogin`` does)
            return value.isoformat(sep=" ") if value.microsecond else format_timestamp(value)
        case date():
            return value.isoformat()
        case list() | tuple():
            return format_csv(value)
        case str():
            return escape_text(value)
    raise TypeError(f"no wire form for {type(value).__name__}")


def render_record(record: Record) -> dict[str, str | Rendered | None]:
    """A whole record in the wire format."""
    return {key: render_value(value) for key, value in record.items()}
