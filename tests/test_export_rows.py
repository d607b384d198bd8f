"""The export's fast write path: the generated conversion of every model equals the general one,
and the JSONL msgspec writes is byte for byte what ``json.dumps`` writes, for any record."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervals_async.export._records import csv_row, jsonl, plain, plain_general, sqlite_row
from intervals_async.models import MODELS, Model, TaskPerson, Time

_TEXT = st.text(st.characters(codec="utf-8"), max_size=10)  # every code point but surrogates
_KIND: dict[Any, st.SearchStrategy[Any]] = {
    int: st.integers(-(2**70), 2**70),
    Decimal: st.decimals(allow_nan=False, allow_infinity=False),
    bool: st.booleans(),
    dt.date: st.dates(),
    dt.datetime: st.datetimes(timezones=st.none() | st.just(dt.UTC)),
    str: _TEXT,
}
# Values a record should never hold, but might (a model built by hand): the conversion must
# still be the general one's.
_ANY = st.one_of(*_KIND.values(), st.none(), st.lists(st.integers(0, 9), max_size=3))


def _value_for(hint: Any) -> st.SearchStrategy[Any]:
    for kind, strategy in _KIND.items():
        if hint in (kind, kind | None):
            return st.none() | strategy
    if hint == tuple[int, ...]:
        return st.lists(st.integers(0, 10**9), max_size=3).map(tuple)
    person = st.builds(TaskPerson, personid=st.integers(1, 99), name=st.none() | _TEXT)
    return st.none() | st.lists(person, max_size=2).map(tuple) | _TEXT


@st.composite
def records(draw: st.DrawFn) -> Model:
    model = draw(st.sampled_from(sorted(MODELS.values(), key=lambda m: m.__name__)))
    values: dict[str, Any] = {}
    for field in attrs.fields(model):
        if field.name == "extra":
            values["extra"] = draw(st.dictionaries(_TEXT, _TEXT | st.integers(), max_size=2))
        elif draw(st.integers(0, 19)) == 0:
            values[field.name] = draw(_ANY)  # the wrong type now and then
        else:
            values[field.name] = draw(_value_for(field.type))
    record: Model = model(**values)
    return record


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(record=records())
def test_the_fast_rows_equal_the_general_ones(record: Model) -> None:
    expected = plain_general(record)
    got = plain(record)
    assert list(got) == list(expected)  # the same columns, in the same order
    assert [(type(v), v) for v in got.values()] == [(type(v), v) for v in expected.values()]
    line = json.dumps(expected, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert jsonl([record]) == line.encode("utf-8")
    assert csv_row(record) == [
        ""
        if v is None
        else str(v).lower()
        if isinstance(v, bool)
        else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
        if isinstance(v, list | dict)
        else str(v)
        for v in expected.values()
    ]
    assert len(sqlite_row(record)) == len(expected)


def test_a_lone_surrogate_fails_alike() -> None:
    record = Time(id=1, description="\ud800")
    with pytest.raises(UnicodeEncodeError):
        json.dumps(plain_general(record), ensure_ascii=False).encode("utf-8")
    with pytest.raises(UnicodeEncodeError):
        jsonl([record])
