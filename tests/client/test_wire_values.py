"""The wire format both ways: properties for the round trips, examples for the quirks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervals_async import _wire as wire


@given(st.booleans())
def test_bool_round_trip(value: bool) -> None:
    assert wire.parse_bool(wire.format_bool(value)) is value


@pytest.mark.parametrize(
    ("text", "value"), [("t", True), ("F", False), ("true", True), ("0", False)]
)
def test_bool_spellings(text: str, value: bool) -> None:
    assert wire.parse_bool(text) is value


def test_bool_rejects_other_text() -> None:
    with pytest.raises(ValueError, match="not a boolean"):
        wire.parse_bool("maybe")


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    )
)
def test_decimal_round_trip_has_no_exponent(value: Decimal) -> None:
    text = wire.format_decimal(value)
    assert "E" not in text and "e" not in text
    assert wire.parse_decimal(text) == value


def test_decimal_as_the_live_service_writes_it() -> None:
    assert wire.format_decimal(Decimal("1.00")) == "1"  # input 1.00 came back as "1"
    assert wire.format_decimal(Decimal("100")) == "100"
    assert wire.format_decimal(Decimal("7.50")) == "7.5"


@given(st.lists(st.integers(min_value=1, max_value=10**12)))
def test_csv_round_trip(ids: list[int]) -> None:
    assert wire.parse_csv(wire.format_csv(ids)) == ids


def test_csv_edge_cases() -> None:
    assert wire.parse_csv("") == [] and wire.parse_csv(None) == []
    assert wire.parse_csv("375922,379548") == [375922, 379548]
    assert wire.parse_csv(12) == [12]
    with pytest.raises(ValueError, match="not an integer"):
        wire.parse_csv("3,x")


@given(st.text())
def test_text_escape_round_trip(text: str) -> None:
    escaped = wire.escape_text(text)
    assert not set("<>\"'") & set(escaped)
    assert wire.unescape_text(escaped) == text


def test_escape_matches_the_live_capture() -> None:
    assert wire.escape_text("US-Travel & Expenses") == "US-Travel &amp; Expenses"
    assert wire.escape_text("O'Brien") == "O&#039;Brien"


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1)))
def test_timestamp_round_trip(value: datetime) -> None:
    value = value.replace(microsecond=0)
    assert wire.parse_timestamp(wire.format_timestamp(value)) == value


def test_timestamps_with_microseconds_and_dates() -> None:
    assert wire.parse_timestamp("2025-03-11 04:47:37.874454").microsecond == 874454
    assert wire.parse_date("2025-03-11") == date(2025, 3, 11)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        wire.parse_date("11/03/2025")


def test_int_accepts_numbers_and_numeric_strings_only() -> None:
    assert wire.parse_int("375922") == 375922 == wire.parse_int(375922)
    for bad in ("12a", True, 1.5, ""):
        with pytest.raises(ValueError, match="not an integer"):
            wire.parse_int(bad)
