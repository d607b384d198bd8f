"""Every Hypothesis strategy of the tests, in one place: wire values and pages, Python values
and records, hostile input, governor schedules, lying servers and arrivals."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from intervals_async._convert import structure
from intervals_async._wire import MAX_INT
from intervals_async.models import MODELS, Model, TaskPerson
from intervals_async.resources import Kind

# -- the wire: texts the API sends, and pages of them --------------------------------------------

TEXT_WITH_ENTITIES = st.lists(
    st.characters(codec="utf-8") | st.sampled_from(["&", "&amp;", "&lt;", "&#039;", "&#x27;"]),
    max_size=8,
).map("".join)
# Text values the wire could carry in any field: the API's own forms, and their near misses
# (forms Python or msgspec read differently: "1e3", "12.0", "0012", offsets, fractions).
WIRE_STRINGS = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(["t", "f", "true", "1", "0", "yes", "null", "NaN", "Infinity", "-0"]),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["1e3", "12.0", "0012", "+5", " 7", "1_000", "\uff11\uff12", "--3"]),
    st.sampled_from(["3,5", "3, 5,", "3,,5", "x"]),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat(sep=" ")),
    st.sampled_from(["2026-01-05 10:00:00+05:00", "2026-01-05T10:00:00", "2026-1-5", "0000-00-00"]),
    TEXT_WITH_ENTITIES,
)
# ...and JSON values of other types.
WIRE_VALUES = WIRE_STRINGS | st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.integers(0, 99) | st.integers(0, 99).map(str), max_size=3),
    st.dictionaries(st.sampled_from(["personid", "assignee", "active"]), st.text(max_size=3)),
)
# A few texts that are also another kind's value: a page that holds "1" as an amount and as a
# title, or a date as a date and as text, must still give each field its own kind.
SHARED_TEXTS = st.sampled_from(["1", "12", "0", "1.50", "2026-01-05", "2026-01-05 10:00:00", "t"])
# A field's own kind of value, as the API sends it (values repeat across a page's records).
TYPICAL = {
    int: st.integers(0, 10**12).map(str) | st.sampled_from(["1", "12"]),
    Decimal: st.decimals(0, 10**6, places=2).map(str) | SHARED_TEXTS,
    bool: st.sampled_from(["t", "f"]),
    dt.date: st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)).map(str) | SHARED_TEXTS,
    dt.datetime: st.datetimes(dt.datetime(2000, 1, 1)).map(lambda d: d.isoformat(sep=" ")[:19])
    | SHARED_TEXTS,
    str: TEXT_WITH_ENTITIES | SHARED_TEXTS,
}


def _if_taken(model: type[Model], name: str, text: str) -> str | None:
    """``text`` where the field's kind reads it, else nothing: one text in many kinds."""
    try:
        structure({"id": "1", name: text}, model)
    except ValueError:
        return None
    return text


def _typical(model: type[Model], name: str) -> st.SearchStrategy[Any]:
    kind = attrs.fields_dict(model)[name].type
    inner = next((t for t in TYPICAL if kind in (t, t | None)), None)
    if inner is None:  # CSV ids
        return st.lists(st.integers(1, 99), max_size=3).map(lambda ids: ",".join(map(str, ids)))
    return TYPICAL[inner] if name == "id" else st.none() | TYPICAL[inner]


def _fields(model: type[Model]) -> list[str]:
    return [f.name for f in attrs.fields(model) if f.name != "extra"]


@st.composite
def pages(draw: st.DrawFn, resource: str) -> bytes:
    """A page's bytes: records of the model's keys (now and then one it does not know, or one
    twice), each of any wire value."""
    model = MODELS[resource]
    names = _fields(model)
    # Most pages as the API sends them, now and then a near miss; some of any values at all.
    mode = draw(st.sampled_from(["typical", "typical", "same", "strings", "any"]))
    same = draw(SHARED_TEXTS)
    records = []
    for _ in range(draw(st.integers(0, 3))):
        keys = (
            list(names)  # every field the same text, where its kind reads it
            if mode == "same"
            else draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
        )
        if mode in ("typical", "same") or draw(st.booleans()):  # one without its id is refused
            keys = ["id", *[k for k in keys if k != "id"]]
        if draw(st.integers(0, 9)) == 0:
            keys.append("notinthedocs")
        values = {
            k: (draw(TYPICAL[int]) if k == "id" else _if_taken(model, k, same))
            if mode == "same" and k in names
            else draw(
                (WIRE_STRINGS if draw(st.integers(0, 59)) == 0 else _typical(model, k))
                if mode == "typical" and k in names
                else WIRE_STRINGS
                if mode == "strings"
                else WIRE_VALUES
            )
            for k in keys
        }
        pairs = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in values.items()]
        if keys and draw(st.integers(0, 9)) == 0:  # a key twice: which one wins must agree
            pairs.append(f"{json.dumps(keys[0])}: {json.dumps(draw(WIRE_VALUES))}")
        records.append("{" + ", ".join(pairs) + "}")
    count = draw(st.sampled_from(['"3"', "3", '""', "null"]))
    return (
        f'{{"personid": "1", "status": "OK", "code": "200", "listcount": {count}, '
        f'"{resource}": [{", ".join(records)}]}}'
    ).encode()


# -- Python values and the records made of them --------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=10)  # every code point but surrogates
PYTHON_VALUES: dict[Any, st.SearchStrategy[Any]] = {
    int: st.integers(-(2**70), 2**70),
    Decimal: st.decimals(allow_nan=False, allow_infinity=False),
    bool: st.booleans(),
    dt.date: st.dates(),
    dt.datetime: st.datetimes(timezones=st.none() | st.just(dt.UTC)),
    str: TEXT,
}
# Values a record should never hold, but might (a model built by hand): the conversion must
# still be the general one's.
ANY_VALUE = st.one_of(*PYTHON_VALUES.values(), st.none(), st.lists(st.integers(0, 9), max_size=3))


def _value_for(hint: Any) -> st.SearchStrategy[Any]:
    for kind, strategy in PYTHON_VALUES.items():
        if hint in (kind, kind | None):
            return st.none() | strategy
    if hint == tuple[int, ...]:
        return st.lists(st.integers(0, 10**9), max_size=3).map(tuple)
    person = st.builds(TaskPerson, personid=st.integers(1, 99), name=st.none() | TEXT)
    return st.none() | st.lists(person, max_size=2).map(tuple) | TEXT


@st.composite
def records(draw: st.DrawFn) -> Model:
    model = draw(st.sampled_from(sorted(MODELS.values(), key=lambda m: m.__name__)))
    values: dict[str, Any] = {}
    for field in attrs.fields(model):
        if field.name == "extra":
            values["extra"] = draw(st.dictionaries(TEXT, TEXT | st.integers(), max_size=2))
        elif draw(st.integers(0, 19)) == 0:
            values[field.name] = draw(ANY_VALUE)  # the wrong type now and then
        else:
            values[field.name] = draw(_value_for(field.type))
    record: Model = model(**values)
    return record


# -- hostile input to the client -----------------------------------------------------------------

_DIGITS = "0123456789\u00b2\u0663\uff15\u07c0-+ .eE_,"  # ², Arabic 3, fullwidth 5, NKo 0
_ZONES = st.builds(
    dt.timezone, st.timedeltas(min_value=dt.timedelta(hours=-23), max_value=dt.timedelta(hours=23))
)
HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.integers(),
    st.integers(min_value=0, max_value=5000).map(lambda d: 10**d),
    st.integers(min_value=0, max_value=5000).map(lambda d: -(10**d)),
    st.just(2**63),
    st.booleans(),
    st.floats(),
    st.decimals(),
    st.from_regex(r"\A-?9(\.9+)?E[+-][0-9]{1,7}\Z").map(Decimal),
    st.text(st.characters(codec=None, exclude_categories=())),  # surrogates and controls too
    st.text(st.sampled_from(_DIGITS), max_size=25),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates(),
    st.dates(max_value=dt.date(999, 12, 31)),
    st.datetimes(),
    st.datetimes(timezones=_ZONES),
    st.datetimes(timezones=_ZONES).map(lambda d: d.isoformat()),
    st.datetimes(max_value=dt.datetime(999, 12, 31)).map(lambda d: d.isoformat(sep=" ")),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["ASC", "desc", "id", "name", "datecreated", "sev.priority", "ID"]),
    st.builds(lambda n, c: c * n, st.integers(0, 100_000), st.sampled_from("a%é\x00 ")),
    st.binary(max_size=8),
    st.lists(st.integers(min_value=-3, max_value=10**6), max_size=4),
    st.sets(st.integers(min_value=1, max_value=50), max_size=3),
    st.just({"id": 1}),
    st.just(object()),
)

# Values of the right kind near the edges of what the wire carries, so that half the examples
# reach the wire and are judged there.
NEAR: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.INT: st.one_of(
        st.integers(min_value=-2, max_value=10**6),
        st.integers(min_value=MAX_INT - 2, max_value=MAX_INT + 2),
        st.integers(min_value=-2, max_value=10**6).map(lambda n: f" {n}"),
        st.lists(st.integers(min_value=-2, max_value=99), max_size=3),
    ),
    Kind.DECIMAL: st.one_of(
        st.decimals(min_value=-(10**16), max_value=10**16, places=11),
        st.floats(min_value=-(10**16), max_value=10**16),
        st.integers(min_value=-(10**16), max_value=10**16),
        st.decimals(min_value=0, max_value=100, places=2).map(str),
    ),
    Kind.BOOL: st.booleans(),
    Kind.STR: st.one_of(
        st.text(st.characters(codec=None, exclude_categories=()), max_size=50),
        st.text(st.characters(codec="utf-8"), max_size=300),
    ),
    Kind.DATE: st.one_of(
        st.dates(min_value=dt.date(998, 1, 1), max_value=dt.date(1001, 1, 1)),
        st.dates(min_value=dt.date(9998, 1, 1)),
        st.dates().map(str),
    ),
    Kind.DATETIME: st.one_of(
        st.datetimes(min_value=dt.datetime(999, 12, 31), max_value=dt.datetime(1000, 1, 2)),
        st.datetimes(min_value=dt.datetime(9999, 12, 30), timezones=_ZONES),
        st.datetimes(timezones=_ZONES).map(str),
        st.datetimes().map(lambda d: d.isoformat(timespec="seconds")),
    ),
}


def hostile_or_near(kind: Kind) -> st.SearchStrategy[Any]:
    """Half hostile values of any type, half values of ``kind`` near its edges (``one_of`` would
    flatten the two and weigh each of their branches alike)."""
    return st.booleans().flatmap(lambda near: NEAR[kind] if near else HOSTILE)


# -- governor schedules: the core alone, and the core beside Redis -------------------------------

# One step of a schedule: (seconds to move on, what to do, a latency, whether it was sent, code).
# The waits include idle spells of any length (past a window, so that the bucket fills), and
# `burst` asks again and again at one instant, as many tasks of an idle job do.
CORE_SCHEDULES = st.lists(
    st.tuples(
        st.one_of(st.floats(0, 5, allow_nan=False), st.floats(5, 100, allow_nan=False)),
        st.sampled_from(
            ["admit", "admit", "admit", "ahead", "burst", "complete", "complete", "kill"]
        ),
        st.floats(0, 3, allow_nan=False),
        st.booleans(),
        st.sampled_from([None, None, None, None, 12]),
    ),
    max_size=400,
)


STORE_SCHEDULES = st.lists(
    st.tuples(
        st.floats(0, 4, allow_nan=False),
        st.sampled_from(
            ["ask", "ask", "ahead", "done", "done", "kill", "throttled", "too-many", "busy"]
        ),
        st.floats(0, 3, allow_nan=False),
        st.booleans(),
    ),
    max_size=120,
)


# -- paging: collection sizes and the lies a server tells ----------------------------------------

PAGER_SIZES = st.integers(min_value=0, max_value=120)


SERVER_LIES = st.fixed_dictionaries(
    {},
    optional={
        "listcount_error": st.integers(-60, 60),
        "ignore_offset": st.booleans(),
        "order": st.sampled_from(["id", "reversed", "shuffled"]),
        "cap": st.integers(1, 30),
        "delete_per_page": st.integers(0, 3),
        "insert_per_page": st.integers(0, 3),
    },
)


# -- arrivals at a window ------------------------------------------------------------------------

ARRIVALS = st.lists(st.floats(min_value=0, max_value=600, allow_nan=False), max_size=400).map(
    sorted
)
