"""Filters and fields checked against the resource table before any request is spent.

A typo in a filter name, a string where an id belongs or a title over the API's length limit is
an :class:`InvalidParameter` here, not a request the API refuses (and counts against the quota).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ._convert import wire_value
from ._exceptions import InvalidParameter
from .resources import Field, Filter, Kind, Resource

__all__ = ["body", "query"]

_SORT_DIRECTIONS = ("ASC", "DESC")


def query(spec: Resource, filters: Mapping[str, Any]) -> dict[str, str]:
    """The query string of a collection ``GET``; filters set to ``None`` are left out."""
    params: dict[str, str] = {}
    for name, value in filters.items():
        found = spec.filter(name)
        if found is None:
            raise InvalidParameter(
                f"{spec.name} has no filter {name!r}"
                f"{_suggest(name, (f.name for f in spec.filters))}",
                resource=spec.name,
                parameter=name,
            )
        if value is None:
            continue
        checked = _check_filter(spec, found, value)
        params[name] = str(wire_value(checked))
    missing = [f.name for f in spec.filters if f.required and f.name not in params]
    if missing:
        raise InvalidParameter(
            f"{spec.name} needs the filter {', '.join(missing)}",
            resource=spec.name,
            parameter=missing[0],
        )
    return params


def body(spec: Resource, fields: Mapping[str, Any], *, create: bool) -> dict[str, Any]:
    """The JSON body of a create (``POST``) or an update (``PUT``)."""
    unknown = [name for name in fields if spec.field(name) is None]
    if unknown:
        known = [f.name for f in spec.fields if not f.read_only]
        raise InvalidParameter(
            f"{spec.name} has no field {', '.join(map(repr, unknown))}"
            f"{_suggest(unknown[0], known)}",
            resource=spec.name,
            parameter=unknown[0],
        )
    payload: dict[str, Any] = {}
    for name, value in fields.items():
        field = spec.field(name)
        assert field is not None
        if field.read_only:
            raise InvalidParameter(
                f"{spec.name}.{name} is read-only: the API sets it",
                resource=spec.name,
                parameter=name,
            )
        payload[name] = None if value is None else wire_value(_check_field(spec, field, value))
    if create:
        missing = [f.name for f in spec.fields if f.required and payload.get(f.name) is None]
        if missing:
            raise InvalidParameter(
                f"creating a {spec.name} needs {', '.join(missing)}",
                resource=spec.name,
                parameter=missing[0],
            )
    elif not payload:
        raise InvalidParameter(f"an update of a {spec.name} needs a field", resource=spec.name)
    return payload


def _suggest(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_filter(spec: Resource, found: Filter, value: Any) -> Any:
    if found.name == "sortdir":
        if not isinstance(value, str) or value.upper() not in _SORT_DIRECTIONS:
            raise InvalidParameter(
                f"{spec.name} sortdir must be 'ASC' or 'DESC', not {value!r}",
                resource=spec.name,
                parameter="sortdir",
            )
        return value.upper()
    if found.csv and isinstance(value, list | tuple | set | frozenset):
        if not value:
            raise InvalidParameter(
                f"{spec.name} filter {found.name!r} got an empty list",
                resource=spec.name,
                parameter=found.name,
            )
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        return [_check(spec, found.name, found.kind, v, found.none) for v in items]
    return _check(spec, found.name, found.kind, value, found.none)


def _check_field(spec: Resource, field: Field, value: Any) -> Any:
    many = field.kind is Kind.INT and isinstance(value, list | tuple)
    if many:
        return [_check(spec, field.name, field.kind, v, False) for v in value]
    checked = _check(spec, field.name, field.kind, value, False)
    if field.max_length is not None and len(checked) > field.max_length:
        raise InvalidParameter(
            f"{spec.name}.{field.name} is {len(checked)} characters long; "
            f"the API takes at most {field.max_length}",
            resource=spec.name,
            parameter=field.name,
        )
    return checked


def _check(spec: Resource, name: str, kind: Kind, value: Any, none: bool) -> Any:
    """``value`` as the Python type of ``kind``, or :class:`InvalidParameter`."""
    checked = _coerce(kind, value)
    if checked is None:
        raise InvalidParameter(
            f"{spec.name} {name!r} takes {_EXPECTED[kind]}, not {value!r}",
            resource=spec.name,
            parameter=name,
        )
    if kind is Kind.INT and checked < 0 and not (none and checked == -1):
        hint = " (-1, meaning 'none', is the only negative value it takes)" if none else ""
        raise InvalidParameter(
            f"{spec.name} {name!r} takes an id, not {value!r}{hint}",
            resource=spec.name,
            parameter=name,
        )
    return checked


_EXPECTED = {
    Kind.INT: "an int",
    Kind.DECIMAL: "a number (Decimal, int or str)",
    Kind.BOOL: "a bool",
    Kind.STR: "a str",
    Kind.DATE: "a datetime.date (or 'YYYY-MM-DD')",
    Kind.DATETIME: "a datetime.datetime (or 'YYYY-MM-DD HH:MM:SS')",
}


def _coerce(kind: Kind, value: Any) -> Any:
    """``value`` as ``kind``'s Python type, or ``None`` when it is not one."""
    match kind:
        case Kind.INT:
            if isinstance(value, bool):
                return None
            if isinstance(value, int):
                return value
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                return int(value)
        case Kind.DECIMAL:
            if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
                number = Decimal(str(value))
                return number if number.is_finite() else None
            if isinstance(value, str):
                try:
                    number = Decimal(value.strip())
                except InvalidOperation:
                    return None
                return number if number.is_finite() else None
        case Kind.BOOL:
            return value if isinstance(value, bool) else None
        case Kind.STR:
            return value if isinstance(value, str) else None
        case Kind.DATE:
            if isinstance(value, dt.datetime):
                return None  # a datetime would silently lose its time of day
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    return None
        case Kind.DATETIME:
            if isinstance(value, dt.datetime):
                # The API's timestamps carry no zone: an aware value is sent as UTC.
                if value.tzinfo is not None:
                    return value.astimezone(dt.UTC).replace(tzinfo=None)
                return value
            if isinstance(value, str):
                try:
                    return dt.datetime.fromisoformat(value)
                except ValueError:
                    return None
    return None
