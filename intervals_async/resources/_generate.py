"""Writes the typed namespaces from the resource table: ``resources/_typed.py`` (async) and
``_blocking.py`` (blocking).

Both are generated and checked in, so that type checkers and editors see every filter and field
as a keyword-only parameter with its Python type; ``tests/client/test_typed.py`` holds them equal
to what this module writes. Run ``python -m intervals_async.resources._generate`` after changing
the table, a model, a hand-written verb (``_namespaces.py``) or `IntervalsClient`'s options.

What each generated method does is the hand-written mixin's (``_list``, ``_pages``...): the
generated code only names the parameters and passes them on.

The generator imports the package, which imports the generated modules: if they lack a name the
package needs (a renamed class), restore them from git, then run it.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import attrs

from .. import _client
from ..models import MODELS
from . import _namespaces
from ._table import RESOURCES, Field, Filter, Kind, Resource

__all__ = ["TARGETS", "main", "sources"]

_PACKAGE = Path(__file__).resolve().parent.parent
TARGETS = {"typed": _PACKAGE / "resources" / "_typed.py", "blocking": _PACKAGE / "_blocking.py"}

_HEADER = '''"""{doc}

Generated from the resource table by ``python -m intervals_async.resources._generate``: do not
edit (a test holds it current).
"""

from __future__ import annotations

'''

# A kind's Python type in a signature, and how its docstring says it.
_TYPES = {
    Kind.INT: ("int", "an id"),
    Kind.DECIMAL: ("Number", "a number"),
    Kind.BOOL: ("bool", "``True`` or ``False``"),
    Kind.STR: ("str", "text"),
    Kind.DATE: ("Day", "a date"),
    Kind.DATETIME: ("Moment", "a timestamp"),
}
_PAGING = {
    "limit": "records in the page (default: the client's ``page_size``)",
    "offset": "records to skip",
    "sortfield": "the field to sort by",
    "sortdir": "the sort direction",
}
# Namespaces that add hand-written verbs: their mixin (in ``_namespaces``) carries the verbs.
_EXTRAS: dict[str, type[_namespaces.Namespace[Any]]] = {
    "document": _namespaces._Downloads,
    "me": _namespaces._Me,
    "timer": _namespaces._TimerWorkflow,
}
_VERB_MIXINS = (
    ("collection", "GET", "_List"),
    ("member", "GET", "_Get"),
    ("collection", "POST", "_Create"),
    ("member", "PUT", "_Update"),
    ("member", "DELETE", "_Delete"),
)
_UNKNOWN_DOC = "**unknown: refused before any request (`InvalidParameter`, with the closest name)."


@attrs.frozen
class _Param:
    name: str
    annotation: str
    default: str | None = None
    kind: Literal["positional", "keyword", "rest"] = "keyword"


@attrs.frozen
class _Method:
    """One public method: its signature and docstring, and (when generated) its async body."""

    name: str
    params: tuple[_Param, ...]
    returns: str
    doc: str
    iterator: bool = False  # a plain def returning an async iterator, not a coroutine
    body: str | None = None  # None: the method is hand-written (inherited)

    def signature(self, returns: str) -> str:
        parts = ["self"]
        keyword = False
        for p in self.params:
            if p.kind == "keyword" and not keyword:
                parts.append("*")
                keyword = True
            star = "**" if p.kind == "rest" else ""
            default = "" if p.default is None else f" = {p.default}"
            parts.append(f"{star}{p.name}: {p.annotation}{default}")
        return f"({', '.join(parts)}) -> {returns}"

    def forwarded(self) -> str:
        return ", ".join(
            p.name
            if p.kind == "positional"
            else f"**{p.name}"
            if p.kind == "rest"
            else f"{p.name}={p.name}"
            for p in self.params
        )


def sources() -> dict[str, str]:
    """The generated modules' text, formatted (by ruff, as the rest of the code), by target."""
    namespaces = [(spec, _methods(spec)) for spec in RESOURCES if spec.name != "quota"]
    return {
        "typed": _format(_typed_module(namespaces), TARGETS["typed"]),
        "blocking": _format(_blocking_module(namespaces), TARGETS["blocking"]),
    }


def main() -> None:
    """Write the generated modules."""
    for target, text in sources().items():
        TARGETS[target].write_text(text, encoding="utf-8")
        print(f"wrote {TARGETS[target].relative_to(_PACKAGE.parent)}")


# -- the methods of a namespace ---------------------------------------------------------------


def _methods(spec: Resource) -> list[_Method]:
    model = MODELS[spec.name].__name__
    methods: list[_Method] = []
    unknown = _Param("unknown", "Never", kind="rest")
    if "GET" in spec.collection and spec.name != "me":
        filters = [_filter_param(spec, f) for f in spec.filters]
        walked = [p for p in filters if p.name != "limit"]
        options = [
            _Param("page_size", "int | None", "None"),
            _Param("concurrency", "int | None", "None"),
        ]
        filter_docs = [_filter_doc(f) for f in spec.filters]
        # The filters are documented once, on list(): the walks say so.
        walk_docs = [
            "page_size: records per request (default: the client's ``page_size``).",
            "concurrency: pages in flight at once (default: the client's ``concurrency``).",
        ]
        methods += [
            _Method(
                "list",
                (*filters, unknown),
                f"Page[{model}]",
                _doc(_namespaces._List._list, filter_docs),
                body=f"return await self._list({_dict(filters)})",
            ),
            _Method(
                "pages",
                (*options, *walked, unknown),
                f"AsyncIterator[Sequence[{model}]]",
                _doc(_namespaces._List._pages, walk_docs),
                iterator=True,
                body=f"return self._pages(page_size, concurrency, {_dict(walked)})",
            ),
            _Method(
                "iterate",
                (*options, *walked, unknown),
                f"AsyncIterator[{model}]",
                _doc(_namespaces._List._iterate, walk_docs),
                iterator=True,
                body=f"return self._iterate(page_size, concurrency, {_dict(walked)})",
            ),
        ]
    settable = [f for f in spec.fields if not f.read_only]
    if "POST" in spec.collection:
        fields = [_field_param(f, create=True) for f in settable]
        methods.append(
            _Method(
                "create",
                (*fields, unknown),
                model,
                _doc(_namespaces._Create._create, [_field_doc(f, create=True) for f in settable]),
                body=f"return await self._create({_dict(fields)})",
            )
        )
    if "PUT" in spec.member:
        fields = [_field_param(f, create=False) for f in settable]
        methods.append(
            _Method(
                "update",
                (_Param("ident", "int", kind="positional"), *fields, unknown),
                model,
                _doc(
                    _namespaces._Update._update,
                    ["ident: the record's id.", *(_field_doc(f, create=False) for f in settable)],
                ),
                body=f"return await self._update(ident, {_dict(fields)})",
            )
        )
    generated = {m.name for m in methods}
    # The hand-written public verbs (get, delete, a timer's workflow...), for the blocking client.
    for name, function in _public(_namespace_bases(spec)):
        if name not in generated:
            methods.append(_hand_written(name, function, model))
    return methods


def _filter_param(spec: Resource, f: Filter) -> _Param:
    if f.name == "sortdir":
        kind = "SortDir"
    elif f.name == "sortfield" and spec.sortfields:
        kind = f"Literal[{', '.join(map(repr, spec.sortfields))}]"
    elif f.csv:
        kind = "Ids"
    else:
        kind = _TYPES[f.kind][0]
    return _Param(f.name, f"{kind} | None", "None")


def _field_param(f: Field, *, create: bool) -> _Param:
    kind = "Ids" if f.csv else _TYPES[f.kind][0]
    # None clears a field; a create's required field has nothing to clear.
    nullable = "" if create and f.required else " | None"
    return _Param(f.name, f"{kind} | NotGiven{nullable}", "NOT_GIVEN")


def _filter_doc(f: Filter) -> str:
    says = _PAGING.get(f.name) or (
        "one id, or several" if f.csv else _TYPES[f.kind][1] if f.kind is not Kind.STR else "text"
    )
    more = [" (-1: none)" if f.none else "", "; required" if f.required else ""]
    return f"{f.name}: {says}{''.join(more)}."


def _field_doc(f: Field, *, create: bool) -> str:
    says = "one id, or several" if f.csv else _TYPES[f.kind][1]
    more = [
        "; required" if create and f.required else "",
        f"; at most {f.max_length} characters" if f.max_length else "",
    ]
    return f"{f.name}: {says}{''.join(more)}."


def _dict(params: Iterable[_Param]) -> str:
    return "{" + ", ".join([*(f"{p.name!r}: {p.name}" for p in params), "**unknown"]) + "}"


def _doc(function: Callable[..., Any], args: list[str]) -> str:
    text = inspect.getdoc(function) or ""
    lines = [
        "Args:",
        *(
            textwrap.indent(textwrap.fill(a, 92, subsequent_indent="    "), "    ")
            for a in [*args, _UNKNOWN_DOC]
        ),
    ]
    return f"{text}\n\n" + "\n".join(lines)


def _namespace_bases(spec: Resource) -> list[str]:
    if spec.name in _EXTRAS:
        return [_EXTRAS[spec.name].__name__]
    model = MODELS[spec.name].__name__
    verbs = {"collection": spec.collection, "member": spec.member}
    return [f"{mixin}[{model}]" for where, verb, mixin in _VERB_MIXINS if verb in verbs[where]]


def _public(bases: list[str]) -> list[tuple[str, Callable[..., Any]]]:
    found: dict[str, Callable[..., Any]] = {}
    for base in bases:
        cls = getattr(_namespaces, base.split("[")[0])
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if not name.startswith("_") and inspect.isfunction(value):
                    found[name] = value
    return sorted(found.items())


def _hand_written(name: str, function: Callable[..., Any], model: str) -> _Method:
    signature = inspect.signature(function)
    params: list[_Param] = []
    for p in list(signature.parameters.values())[1:]:
        default = None if p.default is p.empty else repr(p.default)
        kind: Literal["positional", "keyword", "rest"] = (
            "keyword" if p.kind is p.KEYWORD_ONLY else "positional"
        )
        params.append(_Param(p.name, _in_model(str(p.annotation), model), default, kind))
    returns = _in_model(str(signature.return_annotation), model)
    return _Method(name, tuple(params), returns, inspect.getdoc(function) or "")


def _in_model(annotation: str, model: str) -> str:
    return re.sub(r"\bM\b", model, annotation)


# -- the modules -------------------------------------------------------------------------------


def _typed_module(namespaces: list[tuple[Resource, list[_Method]]]) -> str:
    out = [_HEADER.format(doc="The client's namespaces, one per resource, typed from the table.")]
    body: list[str] = []
    for spec, methods in namespaces:
        name = _class(spec)
        model = MODELS[spec.name].__name__
        body.append(f"class {name}({', '.join(_namespace_bases(spec))}):")
        body.append(_docstring(_class_doc(spec), 4))
        body.append(f"    model = {model}\n")
        for m in methods:
            if m.body is None:
                continue
            prefix = "def" if m.iterator else "async def"
            body.append(f"    {prefix} {m.name}{m.signature(m.returns)}:")
            body.append(_docstring(m.doc, 8))
            body.append(f"        {m.body}\n")
        body.append("")
    body.append("class Namespaces:")
    body.append(_docstring("The namespaces of `IntervalsClient`, one per resource.", 4) + "\n")
    body += [f"    {spec.name}: {_class(spec)}" for spec, _ in namespaces]
    body.append("\n")
    body.append("NAMESPACES: dict[str, type[Namespace[Any]]] = {")
    body += [f"    {spec.name!r}: {_class(spec)}," for spec, _ in namespaces]
    body.append("}")
    text = "\n".join(body)
    mixins = sorted({b.split("[")[0] for spec, _ in namespaces for b in _namespace_bases(spec)})
    models = sorted({MODELS[spec.name].__name__ for spec, _ in namespaces} | {"Page"})
    imports = [
        "from collections.abc import AsyncIterator, Sequence",
        "from typing import Any, Literal, Never",
        "",
        "from .._params import NOT_GIVEN, Day, Ids, Moment, NotGiven, Number, SortDir",
        f"from ..models import {', '.join(models)}",
        f"from ._namespaces import Namespace, {', '.join(mixins)}",
    ]
    names = ["NAMESPACES", "Namespaces", *(_class(spec) for spec, _ in namespaces)]
    out.append("\n".join(imports))
    out.append(f"\n\n__all__ = {_sorted(names)!r}\n\n\n")
    out.append(text + "\n")
    return "".join(out)


def _blocking_module(namespaces: list[tuple[Resource, list[_Method]]]) -> str:
    out = [_HEADER.format(doc="The blocking client and its namespaces, typed as the async ones.")]
    body: list[str] = []
    for spec, methods in namespaces:
        name = f"Blocking{_class(spec)}"
        body.append(f"class {name}(_BlockingNamespace[{_class(spec)}]):")
        body.append(_docstring(_class_doc(spec), 4) + "\n")
        for m in methods:
            forwarded = m.forwarded()
            if m.iterator:
                returns = re.sub(
                    r"^AsyncIterator\[(.*)\]$", r"Generator[\1, None, None]", m.returns
                )
                call = f"return self._iterate(self._async.{m.name}({forwarded}))"
            else:
                returns = m.returns
                call = (
                    f"return self._call(self._async.{m.name}{', ' if forwarded else ''}{forwarded})"
                )
            body.append(f"    def {m.name}{m.signature(returns)}:")
            body.append(_docstring(m.doc, 8))
            body.append(f"        {call}\n")
        body.append("")
    body += _blocking_client(namespaces)
    text = "\n".join(body)
    models = sorted({MODELS[spec.name].__name__ for spec, _ in namespaces} | {"Page"})
    typed = sorted(_class(spec) for spec, _ in namespaces)
    imports = [
        "import datetime as dt",
        "import functools",
        "from collections.abc import Generator, Sequence",
        "from pathlib import Path",
        "from typing import Any, Literal, Never",
        "",
        *_client_imports(),
        "from ._params import NOT_GIVEN, Day, Ids, Moment, NotGiven, Number, SortDir",
        "from ._portal import BlockingClient, _BlockingNamespace",
        f"from .models import {', '.join(models)}",
        f"from .resources._typed import {', '.join(typed)}",
    ]
    names = [
        "BLOCKING",
        "BlockingIntervalsClient",
        *(f"Blocking{_class(s)}" for s, _ in namespaces),
    ]
    out.append("\n".join(imports))
    out.append(f"\n\n__all__ = {_sorted(names)!r}\n\n\n")
    out.append(text + "\n")
    return "".join(out)


def _blocking_client(namespaces: list[tuple[Resource, list[_Method]]]) -> list[str]:
    """`BlockingIntervalsClient`: `IntervalsClient`'s options and namespaces, blocking."""
    init = _options("__init__")
    forwarded = init.forwarded()
    backend = _Param("backend", 'Literal["asyncio", "trio"]', '"asyncio"')
    init = attrs.evolve(init, params=(*init.params, backend))
    derive = _options("with_options")
    lines = ["BLOCKING: dict[str, type[_BlockingNamespace[Any]]] = {"]
    lines += [f"    {spec.name!r}: Blocking{_class(spec)}," for spec, _ in namespaces]
    lines += ["}", "", "", "class BlockingIntervalsClient(BlockingClient):"]
    lines.append(_docstring(inspect.getdoc(_portal_client()) or "", 4) + "\n")
    lines.append("    _namespaces = BLOCKING\n")
    lines += [f"    {spec.name}: Blocking{_class(spec)}" for spec, _ in namespaces]
    lines.append("")
    lines.append(f"    def __init__{init.signature('None')}:")
    lines.append(f"        self._open(functools.partial(IntervalsClient, {forwarded}), backend)")
    lines.append("")
    lines.append(f"    def with_options{derive.signature('BlockingIntervalsClient')}:")
    lines.append(_docstring(derive.doc, 8))
    lines.append(f"        return self._derive(self._async.with_options({derive.forwarded()}))")
    return lines


def _portal_client() -> type:
    from .. import _portal

    return _portal.BlockingClient


@functools.cache
def _client_source() -> tuple[str, ast.Module]:
    """``_client.py``'s text and syntax tree, read once."""
    source = Path(inspect.getfile(_client)).read_text(encoding="utf-8")
    return source, ast.parse(source)


def _options(method: str) -> _Method:
    """A method of `IntervalsClient` as its source spells it (defaults included)."""
    source, tree = _client_source()
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "IntervalsClient")
    node = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == method)

    def segment(expr: ast.expr | None) -> str | None:
        return None if expr is None else ast.get_source_segment(source, expr)

    args = node.args
    params: list[_Param] = []
    positional = args.args[1:]
    for arg, default in zip(
        positional,
        [None] * (len(positional) - len(args.defaults)) + list(args.defaults),
        strict=True,
    ):
        params.append(
            _Param(arg.arg, segment(arg.annotation) or "Any", segment(default), "positional")
        )
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(_Param(arg.arg, segment(arg.annotation) or "Any", segment(kw_default)))
    doc = inspect.getdoc(getattr(_client.IntervalsClient, method)) or ""
    return _Method(method, tuple(params), segment(node.returns) or "None", doc)


def _client_imports() -> list[str]:
    """``_client.py``'s imports (the copied options need some of them; ruff drops the rest) and
    `IntervalsClient`."""
    lines = ["from ._client import DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT, IntervalsClient"]
    for node in _client_source()[1].body:
        if isinstance(node, ast.Import):
            lines += [f"import {a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            if node.module == "resources._typed":
                continue  # the namespaces: the blocking module imports the ones it wraps
            lines += [f"from .{node.module} import {a.name}" for a in node.names]
    return sorted(set(lines))


def _sorted(names: list[str]) -> list[str]:
    """Names in the order ruff's RUF022 keeps ``__all__``: constants, classes, the rest."""
    return sorted(names, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))


def _class(spec: Resource) -> str:
    return f"{MODELS[spec.name].__name__}Resource"


def _class_doc(spec: Resource) -> str:
    doc = f"``/{spec.name}/``: {spec.about}."
    extra = _EXTRAS.get(spec.name)
    if extra is not None and extra.__doc__:
        doc += "\n\n" + inspect.cleandoc(extra.__doc__)
    return doc


def _docstring(text: str, indent: int) -> str:
    pad = " " * indent
    lines = text.strip().splitlines()
    if len(lines) == 1 and len(pad) + len(lines[0]) + 6 <= 100:
        return f'{pad}"""{lines[0]}"""'
    body = "\n".join(f"{pad}{line}" if line else "" for line in lines)
    return f'{pad}"""{body.lstrip()}\n{pad}"""'


def _format(text: str, target: Path) -> str:
    """``text`` with its unused imports dropped, the rest sorted, and formatted, as ruff does
    the rest of the code."""
    for command in (["check", "--select", "F401,I", "--fix"], ["format"]):
        text = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--stdin-filename", str(target), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return text


if __name__ == "__main__":
    main()
