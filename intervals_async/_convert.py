"""The one cattrs converter: wire records to models, and Python values back to the wire.

Reading, every quirk of `._wire` is handled here once: string ids and numbers, ``t``/``f``,
dates and timestamps, ``null`` and ``""`` for nothing, CSV id lists, HTML entities. Writing, values
go out as the API documents them (``t``/``f``, ``YYYY-MM-DD``, CSV, decimals without exponent).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs

from . import _wire
from .models import Model, TaskPerson

__all__ = ["decode_json", "envelope_int", "structure", "wire_value"]

M = TypeVar("M", bound=Model)

_converter = cattrs.Converter(detailed_validation=False)

# Parsers of one wire value, by Python type. They are registered with the converter, and models
# call them directly (skipping a dispatch per field, which dominated decoding time).
_PARSERS: dict[type, Callable[[Any], Any]] = {}


def _parser(kind: type, parse: Callable[[Any], Any]) -> None:
    _PARSERS[kind] = parse
    _converter.register_structure_hook(kind, lambda v, _: parse(v))


_converter.register_structure_hook_func(
    lambda t: t == tuple[int, ...], lambda v, _: tuple(_wire.parse_csv(v))
)


def _unescape(value: object) -> str:
    if type(value) is str:
        return value if "&" not in value else _wire.unescape_text(value)
    if isinstance(value, dict | list | bool):
        raise ValueError(f"not text: {value!r}")
    return _wire.unescape_text(str(value))


_parser(int, _wire.parse_int)
_parser(Decimal, _wire.parse_decimal)
_parser(bool, _wire.parse_bool)
_parser(dt.date, _wire.parse_date)
_parser(dt.datetime, _wire.parse_timestamp)
_parser(str, _unescape)


def _task_person(value: Any, _: object) -> TaskPerson:
    # The nested lists name their keys after the role: {"personid", "assignee", "assigneeactive"}.
    if not isinstance(value, Mapping) or "personid" not in value:
        raise ValueError(f"not a person record (a personid is needed): {value!r}")
    name = next(
        (k for k in value if k not in ("personid", "personlocalid") and "active" not in k), ""
    )
    active = next((v for k, v in value.items() if k.endswith("active")), None)
    return TaskPerson(
        personid=_wire.parse_int(value["personid"]),
        name=None if value.get(name) is None else _unescape(value[name]),
        active=None if active in (None, "") else _wire.parse_bool(active),
        personlocalid=None
        if value.get("personlocalid") in (None, "")
        else _wire.parse_int(value["personlocalid"]),
    )


_converter.register_structure_hook(TaskPerson, _task_person)


def _model_hook(cls: type[M]) -> Callable[[Any, Any], M]:
    # One parser per field, looked up in the converter once per model: a record then costs a dict
    # walk and the parsers themselves, which matters at tens of thousands of records per page.
    parsers: dict[str, Callable[[Any], Any]] = {}
    kinds: dict[str, Any] = {}
    text: set[str] = set()
    many: set[str] = set()
    required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    for field in attrs.fields(cls):
        if field.name == "extra":
            continue
        inner = _without_none(field.type)
        direct = _PARSERS.get(inner)
        if direct is None:
            hook, hint = _converter.get_structure_hook(inner), inner
            direct = functools.partial(_call_hook, hook, hint)
        parsers[field.name] = direct
        kinds[field.name] = inner
        if inner is str:
            text.add(field.name)
        if field.default == ():
            many.add(field.name)

    def slow(data: Any) -> M:
        # Field by field, naming the field that fails: the path errors take.
        if not isinstance(data, Mapping):
            raise ValueError(f"a {cls.__name__} record must be a JSON object, not {data!r}")
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in data.items():
            parse = parsers.get(key)
            if parse is None:
                extra[key] = _keep_unescaped(value)
            elif value is None or (value == "" and key not in text):
                if key in required:  # a record without its id cannot be kept, paged or merged
                    raise ValueError(f"field {key!r} is required, not {value!r}")
                # null and "" both mean "nothing"; for a list of ids, nothing is an empty list
                values[key] = () if key in many else None
            else:
                try:
                    values[key] = parse(value)
                except (ValueError, TypeError) as exc:
                    raise ValueError(f"field {key!r}: {exc}") from None
        return cls(**values, extra=extra)

    fast = _generate(cls, parsers, kinds, text, many, required)

    def structure(data: Any, _: object) -> M:
        try:
            return fast(data)
        except Exception:
            return slow(data)

    return structure


def _generate(
    cls: type[M],
    parsers: dict[str, Callable[[Any], Any]],
    kinds: dict[str, Any],
    text: set[str],
    many: set[str],
    required: set[str],
) -> Callable[[Any], M]:
    """Straight-line code for one model, as cattrs generates it: no per-field dispatch.

    The wire's common cases are inlined (a numeric string as ``int``, text without entities,
    ``t``/``f``); anything else goes to the field's parser, so the result is the same.
    """
    lines = ["def fast(data):", "    get = data.get"]
    for index, name in enumerate(parsers):
        nothing = "()" if name in many else "None"
        blank = "v is None" if name in text else "v is None or v == ''"
        target, parse = f"f{index}", f"p{index}(v)"
        lines.append(f"    v = get({name!r})")
        if name in required:  # the slow path says which field and why
            lines.append(f"    if {blank}: raise KeyError")
        lines.append(f"    if {blank}: {target} = {nothing}")
        kind = kinds[name]
        if kind is int:
            lines.append(
                f"    elif v.__class__ is str and v.isdigit() and v.isascii(): {target} = int(v)"
            )
        elif kind is str:
            lines.append(f"    elif v.__class__ is str and '&' not in v: {target} = v")
        elif kind is bool:
            lines.append(f"    elif v == 't': {target} = True")
            lines.append(f"    elif v == 'f': {target} = False")
        lines.append(f"    else: {target} = {parse}")
    lines.append("    rest = data.keys() - known")
    lines.append("    extra = {k: unescape(data[k]) for k in rest} if rest else {}")
    arguments = ", ".join(f"{name}=f{index}" for index, name in enumerate(parsers))
    lines.append(f"    return cls({arguments}, extra=extra)")
    namespace: dict[str, Any] = {
        "cls": cls,
        "known": frozenset(parsers),
        "unescape": _keep_unescaped,
        **{f"p{index}": parse for index, parse in enumerate(parsers.values())},
    }
    exec("\n".join(lines), namespace)
    fast: Callable[[Any], M] = namespace["fast"]
    return fast


def _keep_unescaped(value: Any) -> Any:
    return _unescape(value) if isinstance(value, str) else value


def _call_hook(hook: Callable[[Any, Any], Any], hint: Any, value: Any) -> Any:
    return hook(value, hint)


def _without_none(hint: Any) -> Any:
    """``int | None`` -> ``int``; anything else as it is."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) and len(args) == 1:
        return args[0]
    return hint


_converter.register_structure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, Model), _model_hook
)


def structure(data: Any, model: type[M]) -> M:
    """A wire record as ``model``, or ``ValueError`` naming what is wrong with it."""
    try:
        return _converter.structure(data, model)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a {model.__name__} record: {exc}") from exc
    except cattrs.BaseValidationError as exc:
        raise ValueError(f"not a {model.__name__} record: {exc!r}") from exc


def envelope_int(value: Any) -> int | None:
    """The envelope's ``personid``, ``code`` or ``listcount``: a number or a numeric string."""
    if value is None or value == "":
        return None
    return _wire.parse_int(value)


def decode_json(content: bytes) -> Any:
    """A body as JSON, or ``ValueError`` (a body nested too deeply to parse included)."""
    try:
        return json.loads(content)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


# Every value of a write is a JSON string, as every live capture of a write sent them
# (``"taskid":"12345678"``) and the documentation's examples do; none shows JSON numbers.
_converter.register_unstructure_hook(int, str)
_converter.register_unstructure_hook(bool, _wire.format_bool)
_converter.register_unstructure_hook(Decimal, _wire.format_decimal)
_converter.register_unstructure_hook(dt.datetime, _wire.format_timestamp)
_converter.register_unstructure_hook(dt.date, _wire.format_date)


def wire_value(value: Any) -> Any:
    """A checked Python value as the API takes it: always a string (``True`` -> ``"t"``,
    ``[3, 5]`` -> ``"3,5"``, ``12345678`` -> ``"12345678"``)."""
    if isinstance(value, list | tuple):
        return _wire.format_csv(value)
    return _converter.unstructure(value)
