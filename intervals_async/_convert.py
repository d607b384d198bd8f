"""The one cattrs converter: wire records to models, and Python values back to the wire.

Reading, every quirk of `._wire` is handled here once: string ids and numbers, ``t``/``f``,
dates and timestamps, ``null`` and ``""`` for nothing, CSV id lists, HTML entities. Writing, values
go out as the API documents them (``t``/``f``, ``YYYY-MM-DD``, CSV, decimals without exponent).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
import msgspec

from . import _wire
from .models import Model, TaskPerson

__all__ = ["decode_json", "decode_page", "envelope_int", "structure", "wire_value"]

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
    _PAGES[cls] = functools.partial(_page_decoder, cls, parsers, kinds, text, many, required)

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
    *,
    scalars: frozenset[str] | None = None,
) -> Callable[[Any], M]:
    """Straight-line code for one model, as cattrs generates it: no per-field dispatch.

    The wire's common cases are inlined (a numeric string as ``int``, text without entities,
    ``t``/``f``); anything else goes to the field's parser, so the result is the same.

    From a dict (a record of ``json.loads``), or, given the names of its ``scalars``, from the
    msgspec struct of `_page_decoder` (whose scalars are str or None): then each value is set on
    a bare instance of a subclass that allows it, which then becomes ``cls``, instead of through
    the attrs ``__init__`` (a fifth of its cost).
    """
    struct = scalars is not None
    lines = ["def fast(data):"] + (["    o = new(Open)"] if struct else ["    get = data.get"])
    memos: dict[Any, str] = {}  # a struct's page decoder keeps one memo per parsed kind
    for index, name in enumerate(parsers):
        nothing = "()" if name in many else "None"
        # A struct's scalar fields hold str or None only (msgspec refused anything else): then
        # "not v" is "None or empty".
        scalar = scalars is not None and name in scalars
        blank = "v is None" if name in text else "not v" if scalar else "v is None or v == ''"
        target, parse = (f"o.{name}" if struct else f"f{index}"), f"p{index}(v)"
        is_str = "" if scalar else "v.__class__ is str and "
        lines.append(f"    v = data.{name}" if struct else f"    v = get({name!r})")
        kind = kinds[name]
        if name in required:  # the slow path says which field and why
            lines.append(f"    if {blank}: raise KeyError")
        else:
            lines.append(f"    if {blank}: {target} = {nothing}")
        if kind is int and scalar and name not in required:
            # Ids repeat across a page (its project, module, person): each parsed once.
            memo = memos.setdefault(kind, f"m{len(memos)}")
            lines.append("    else:")
            lines.append(f"        t = {memo}.get(v)")
            lines.append("        if t is None:")
            lines.append(
                f"            t = {memo}[v] = int(v) if v.isdigit() and v.isascii() else {parse}"
            )
            lines.append(f"        {target} = t")
            continue
        if kind is int:
            lines.append(f"    elif {is_str}v.isdigit() and v.isascii(): {target} = int(v)")
        elif kind is str:
            lines.append(f"    elif {is_str}'&' not in v: {target} = v")
        elif kind is bool:
            lines.append(f"    elif v == 't': {target} = True")
            lines.append(f"    elif v == 'f': {target} = False")
        if scalar and kind in (Decimal, dt.date, dt.datetime, str):
            # A page repeats its dates, amounts and names: each distinct text parsed once (the
            # values are immutable, so records may share them).
            memo = memos.setdefault(kind, f"m{len(memos)}")
            lines.append("    else:")
            lines.append(f"        t = {memo}.get(v)")
            lines.append(f"        if t is None: t = {memo}[v] = {parse}")
            lines.append(f"        {target} = t")
        else:
            lines.append(f"    else: {target} = {parse}")
    if struct:
        # A struct has no key the model does not know (msgspec refused the page).
        lines += ["    o.extra = {}", "    o.__class__ = cls", "    return o"]
        # A page's decoder: fresh memos, then the records.
        lines = [
            "def fast():",
            *(f"    {memo} = {{}}" for memo in memos.values()),
            *(f"    {line}" for line in lines),
            "    return fast",
        ]
    else:
        lines.append("    rest = data.keys() - known")
        lines.append("    extra = {k: unescape(data[k]) for k in rest} if rest else {}")
        arguments = ", ".join(f"{name}=f{index}" for index, name in enumerate(parsers))
        lines.append(f"    return cls({arguments}, extra=extra)")
    namespace: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "Open": _open(cls) if struct else None,
        "known": frozenset(parsers),
        "unescape": _keep_unescaped,
        **{f"p{index}": parse for index, parse in enumerate(parsers.values())},
    }
    exec("\n".join(lines), namespace)
    fast: Callable[[Any], M] = namespace["fast"]
    return fast


# -- the fast decode of a page ------------------------------------------------------------------

# Per model: how to make its page decoder, made when first asked (`decode_page`).
_PAGES: dict[type, Callable[[str], Callable[[bytes], Any]]] = {}
_DECODERS: dict[tuple[str, type], Callable[[bytes], Any]] = {}
_WIRE_SCALARS = (int, Decimal, bool, dt.date, dt.datetime, str)


def _open(cls: type) -> type:
    """A subclass of ``cls`` with the same layout that lets its fields be set one by one."""
    return type(
        f"_Open{cls.__name__}",
        (cls,),
        {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__},
    )


def _page_decoder(
    cls: type[M],
    parsers: dict[str, Callable[[Any], Any]],
    kinds: dict[str, Any],
    text: set[str],
    many: set[str],
    required: set[str],
    resource: str,
) -> Callable[[bytes], tuple[Any, tuple[M, ...]] | None]:
    # The record as the wire carries it: every scalar a JSON string or null (the API sends
    # nothing else); anything else kept as JSON values for its field's own parser. A key the
    # model does not know, a number where a string belongs or JSON msgspec does not take makes
    # the decoder decline the page: `decode_page` then takes the general path.
    scalars = frozenset(name for name in parsers if kinds[name] in _WIRE_SCALARS)
    wire = msgspec.defstruct(
        f"{cls.__name__}Wire",
        [(name, (str | None) if name in scalars else Any, None) for name in parsers],
        forbid_unknown_fields=True,
    )
    envelope = msgspec.defstruct(
        f"{cls.__name__}Page",
        [
            (resource, list[wire] | None, None),  # type: ignore[valid-type]
            ("listcount", Any, None),
            ("error", Any, None),
        ],
    )
    decoder = msgspec.json.Decoder(envelope)
    # For a struct, _generate makes a maker of one page's builder (with that page's memos).
    make: Callable[[], Callable[[Any], M]] = _generate(  # type: ignore[assignment]
        cls, parsers, kinds, text, many, required, scalars=scalars
    )
    failed = (msgspec.DecodeError, msgspec.ValidationError, RecursionError)

    def decode(content: bytes) -> tuple[Any, tuple[M, ...]] | None:
        try:
            page: Any = decoder.decode(content)
        except failed:
            return None
        records = getattr(page, resource)
        if records is None or page.error:
            return None  # the general path says what is wrong
        build = make()
        # Tens of thousands of new objects would run the cyclic collector over every object
        # of the process again and again; none of them makes a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return page.listcount, tuple([build(r) for r in records])
        except Exception:
            return None
        finally:
            if collecting:
                gc.enable()

    return decode


def decode_page(content: bytes, resource: str, model: type[M]) -> tuple[Any, tuple[M, ...]] | None:
    """A page's ``listcount`` and its records as ``model``s, straight from the body's bytes, or
    ``None`` where the fast decoder declines the page (then the general path decodes it).

    What it returns is what the general path (``json.loads``, then `structure` per record)
    makes of the same bytes: the same classes, equal values of the same types (a property test
    holds the two equal for every model).
    """
    decoder = _DECODERS.get((resource, model))
    if decoder is None:
        _converter.get_structure_hook(model)  # analyses the model, once
        decoder = _DECODERS[resource, model] = _PAGES[model](resource)
    result: tuple[Any, tuple[M, ...]] | None = decoder(content)
    return result


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
