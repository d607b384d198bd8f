"""Filters and fields checked against the resource table before any request is spent.

A typo in a filter name, a string where an id belongs or a title over the API's length limit is
an `InvalidParameter` here, not a request the API refuses (and counts against the quota).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

import httpx

from ._convert import wire_value
from ._exceptions import InvalidParameter
from ._wire import Kind, Refused, shown
from .resources import RESOURCES, Field, Filter, Resource, resource

__all__ = ["MAX_QUERY_LENGTH", "body", "collection", "positive", "query", "suggest"]

_SORT_DIRECTIONS = ("ASC", "DESC")
# The longest query string sent: common front servers refuse request lines beyond 8 KB (Apache's
# LimitRequestLine is 8,190 bytes), and a refused request would still be spent.
MAX_QUERY_LENGTH = 8000


def query(spec: Resource, filters: Mapping[str, Any]) -> dict[str, str]:
    """The query string of a collection ``GET``; filters set to ``None`` are left out."""
    params: dict[str, str] = {}
    for name, value in filters.items():
        found = spec.filter(name)
        if found is None:
            raise InvalidParameter(
                f"{spec.name} has no filter {name!r}"
                f"{suggest(name, (f.name for f in spec.filters))}",
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
    # Percent-encoding makes a character at most 12 bytes (4 of UTF-8, 3 each): most queries are
    # surely short enough without encoding them here once more.
    bound = sum(len(name) + len(value) + 2 for name, value in params.items()) * 12
    length = len(str(httpx.QueryParams(params))) if bound > MAX_QUERY_LENGTH else 0
    if length > MAX_QUERY_LENGTH:
        longest = max(params, key=lambda n: len(params[n]))
        raise InvalidParameter(
            f"the {spec.name} query would be {length} characters long, beyond the "
            f"{MAX_QUERY_LENGTH} web servers accept in a URL (the longest filter is {longest!r})",
            resource=spec.name,
            parameter=longest,
        )
    return params


def body(spec: Resource, fields: Mapping[str, Any], *, create: bool) -> dict[str, Any]:
    """The JSON body of a create (``POST``) or an update (``PUT``)."""
    unknown = [name for name in fields if spec.field(name) is None]
    if unknown:
        known = [f.name for f in spec.fields if not f.read_only]
        raise InvalidParameter(
            f"{spec.name} has no field {', '.join(map(repr, unknown))}{suggest(unknown[0], known)}",
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


def collection(name: str) -> Resource:
    """The collection called ``name`` (see `Resource.listed`), or `InvalidParameter` before
    any request."""
    spec = resource(name)
    if spec is None or not spec.listed:
        names = [r.name for r in RESOURCES if r.listed]
        raise InvalidParameter(
            f"{name!r} is not a collection to read{suggest(name, names)}", resource=name
        )
    return spec


def positive(resource: str, option: str, value: Any) -> int:
    """An option that counts something (``page_size``, ``concurrency``): an int of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameter(
            f"{option} must be an int of at least 1, not {shown(value)}",
            resource=resource,
            parameter=option,
        )
    return value


def suggest(name: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the choice closest to ``name``, or nothing."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_filter(spec: Resource, found: Filter, value: Any) -> Any:
    if found.name == "sortdir":
        if not isinstance(value, str) or value.upper() not in _SORT_DIRECTIONS:
            raise InvalidParameter(
                f"{spec.name} sortdir must be 'ASC' or 'DESC', not {shown(value)}",
                resource=spec.name,
                parameter="sortdir",
            )
        return value.upper()
    if found.csv and _several(value):
        if not value:
            raise InvalidParameter(
                f"{spec.name} filter {found.name!r} got an empty list",
                resource=spec.name,
                parameter=found.name,
            )
        return _each(spec, found.name, found.kind, value, found.none)
    checked = _check(spec, found.name, found.kind, value, found.none)
    if found.name == "sortfield" and spec.sortfields and checked not in spec.sortfields:
        raise InvalidParameter(
            f"{spec.name} cannot be sorted by {shown(checked)}{suggest(checked, spec.sortfields)}"
            f"; its sortfields are {', '.join(spec.sortfields)}",
            resource=spec.name,
            parameter="sortfield",
        )
    return checked


def _check_field(spec: Resource, field: Field, value: Any) -> Any:
    if field.csv and _several(value):
        return _each(spec, field.name, field.kind, value, False)
    checked = _check(spec, field.name, field.kind, value, False)
    if field.max_length is not None and len(checked) > field.max_length:
        raise InvalidParameter(
            f"{spec.name}.{field.name} is {len(checked)} characters long; "
            f"the API takes at most {field.max_length}",
            resource=spec.name,
            parameter=field.name,
        )
    return checked


def _several(value: Any) -> bool:
    """Whether ``value`` is several values (a list, tuple, set, range...), not text or bytes."""
    return isinstance(value, Sequence | AbstractSet) and not isinstance(
        value, str | bytes | bytearray | memoryview
    )


def _each(spec: Resource, name: str, kind: Kind, values: Any, none: bool) -> list[Any]:
    """Each of several values checked; a set's in sorted order (the wire's CSV is stable)."""
    items = [_check(spec, name, kind, v, none) for v in values]
    return sorted(items) if isinstance(values, AbstractSet) else items


def _check(spec: Resource, name: str, kind: Kind, value: Any, none: bool) -> Any:
    """``value`` as the Python type of ``kind``, or `InvalidParameter`."""
    try:
        checked = kind.accept(value)
    except Refused as refused:
        raise InvalidParameter(
            f"{spec.name} {name!r} {refused}", resource=spec.name, parameter=name
        ) from None
    if checked is None:
        raise InvalidParameter(
            f"{spec.name} {name!r} takes {kind.expected}, not {shown(value)}",
            resource=spec.name,
            parameter=name,
        )
    if kind is Kind.INT:
        least, says = _LEAST.get(name, (0, "an id"))
        if checked < least and not (none and checked == -1):
            hint = " (-1, meaning 'none', is the only negative value it takes)" if none else ""
            raise InvalidParameter(
                f"{spec.name} {name!r} takes {says}, not {shown(value)}{hint}",
                resource=spec.name,
                parameter=name,
            )
    return checked


# The paging filters' lower bounds, and how to say them; every other integer is an id (0 or
# more, or -1 for "none").
_LEAST = {"limit": (1, "a page size of at least 1"), "offset": (0, "an offset of 0 or more")}
