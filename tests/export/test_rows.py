"""The export's fast write path: the generated conversion of every model equals the general one,
and the JSONL msgspec writes is byte for byte what ``json.dumps`` writes, for any record."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from intervals_async.export._records import csv_row, jsonl, plain, plain_general, sqlite_row
from intervals_async.models import Model, Time

from ..strategies import records


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
