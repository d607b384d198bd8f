"""The Intervals wire format, both ways, in one place.

Inside records the API sends every id and number as a string, booleans as ``"t"``/``"f"``, dates
as ``YYYY-MM-DD``, timestamps as ``YYYY-MM-DD HH:MM:SS`` (no zone; sometimes with microseconds),
multi-value ids as CSV strings, ``null`` (or ``""``) for nothing, and text HTML-entity-escaped.
"""

from __future__ import annotations

import enum
import html
import re
import sys
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

__all__ = [
    "DECIMAL_DIGITS",
    "DECIMAL_PLACES",
    "MAX_INT",
    "TIMESTAMP_FORMAT",
    "YEARS",
    "Kind",
    "Refused",
    "escape_text",
    "format_bool",
    "format_csv",
    "format_date",
    "format_decimal",
    "format_timestamp",
    "parse_bool",
    "parse_csv",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_timestamp",
    "shown",
    "unescape_text",
]

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"

# What a value sent to the API can be, refused before any request (see ``_validate``):
YEARS = range(1000, 10000)  # dates and timestamps have four-digit years
MAX_INT = 2**63 - 1  # the service is PHP, whose integers are 64-bit: beyond, one becomes a float
# Numbers: the service's answers carry two places ("1.50"); 15 integer digits and 10 places hold
# any amount, rate or hour count with room to spare, and stay exact in a 64-bit SQL DECIMAL.
DECIMAL_DIGITS = 15
DECIMAL_PLACES = 10

_TRUE = frozenset({"t", "true", "1", "y", "yes"})
_FALSE = frozenset({"f", "false", "0", "n", "no"})


def format_bool(value: bool) -> str:
    """``True`` -> ``"t"``, ``False`` -> ``"f"``."""
    return "t" if value else "f"


def parse_bool(value: object) -> bool:
    """``"t"``/``"f"``, and the spellings the live service also takes (``true``, ``1``...)."""
    if value == "t":  # the wire's own spellings first: most records carry several
        return True
    if value == "f":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"not a boolean: {value!r} (expected 't' or 'f')")


def parse_int(value: object) -> int:
    """An id or count, from a JSON number or a numeric string (``"375922"``)."""
    if type(value) is str and value.isascii() and value.isdigit():
        return int(value)  # the common case, first
    if isinstance(value, bool):
        raise ValueError(f"not an integer: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    raise ValueError(f"not an integer: {value!r}")


def format_decimal(value: Decimal | int | float) -> str:
    """A number as the API writes it: ``Decimal("1.00")`` -> ``"1"``, no exponent."""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def parse_decimal(value: object) -> Decimal:
    """A number from a JSON number or a string; never through binary floating point."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    try:
        number = Decimal(value if type(value) is str else str(value))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def format_date(value: date) -> str:
    """``YYYY-MM-DD``."""
    return value.isoformat()


def parse_date(value: object) -> date:
    """A ``YYYY-MM-DD`` date (a timestamp's date part is accepted too)."""
    if type(value) is str and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # the general path below says what is wrong
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def format_timestamp(value: datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS``, the zone dropped as the API does."""
    return value.strftime(TIMESTAMP_FORMAT)


def parse_timestamp(value: object) -> datetime:
    """``YYYY-MM-DD HH:MM:SS`` with optional fraction (``lastlogin`` has microseconds), naive."""
    if type(value) is str and len(value) == 19:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            pass  # the general path below says what is wrong
        else:
            return parsed if parsed.tzinfo is None else parsed.replace(tzinfo=None)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a timestamp: {value!r} (expected YYYY-MM-DD HH:MM:SS)") from None
    return parsed.replace(tzinfo=None)


def format_csv(values: list[int] | tuple[int, ...]) -> str:
    """``[3, 5, 11]`` -> ``"3,5,11"``."""
    return ",".join(str(v) for v in values)


def parse_csv(value: object) -> list[int]:
    """``"3,5,11"`` (or a JSON list, or one number) -> ``[3, 5, 11]``; ``""``/``None`` -> ``[]``."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [parse_int(v) for v in value]
    text = str(value).strip()
    return [parse_int(part) for part in text.split(",") if part.strip()] if text else []


def escape_text(value: str) -> str:
    """HTML-escape text as the service does (PHP ``htmlspecialchars`` with ``ENT_QUOTES``)."""
    return html.escape(value, quote=True).replace("&#x27;", "&#039;")


def unescape_text(value: str) -> str:
    """Undo the service's HTML escaping (``"A &amp; B"`` -> ``"A & B"``)."""
    return html.unescape(value)


class Refused(Exception):
    """A value of the right type that the API cannot take; the message says why."""


class Kind(enum.Enum):
    """The wire type of a filter or field."""

    INT = "integer"
    DECIMAL = "number"
    BOOL = "boolean"
    STR = "string"
    DATE = "date"
    DATETIME = "date-time"

    def parse(self, raw: object) -> Any:
        """A wire value of this kind as Python (``int``, ``Decimal``, ``bool``, ``date``...)."""
        match self:
            case Kind.INT:
                return parse_int(raw)
            case Kind.DECIMAL:
                return parse_decimal(raw)
            case Kind.BOOL:
                return parse_bool(raw)
            case Kind.DATE:
                return parse_date(raw)
            case Kind.DATETIME:
                return parse_timestamp(raw)
            case Kind.STR:
                if isinstance(raw, dict | list | bool):
                    raise ValueError(f"not a string: {raw!r}")
                return str(raw)

    def accept(self, value: Any) -> Any:
        """A value given to the SDK (a filter, a field) as this kind's Python type, as it will
        be sent: ``None`` when it is not one of the kind's forms; `Refused` when it is one the
        API cannot take (an id past 64 bits, a NUL, a year past 9999...)."""
        if isinstance(value, str) and self is not Kind.STR and not value.isascii():
            return None  # '²' and '٣' are digits to str.isdigit(), never to the API
        match self:
            case Kind.INT:
                if isinstance(value, bool):
                    return None
                if isinstance(value, str) and _ASCII_INT.fullmatch(value):
                    value = int(value)
                if isinstance(value, int):
                    if value > MAX_INT:
                        raise Refused(f"takes an id of at most {MAX_INT}, not {shown(value)}")
                    return value
            case Kind.DECIMAL:
                return _number(value)
            case Kind.BOOL:
                return value if isinstance(value, bool) else None
            case Kind.STR:
                if not isinstance(value, str):
                    return None
                if "\x00" in value:
                    raise Refused("holds a NUL character, which the API cannot store")
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    raise Refused(
                        "holds a lone surrogate, which is not text UTF-8 can carry"
                    ) from None
                return value
            case Kind.DATE:
                if isinstance(value, datetime):
                    return None  # a datetime would silently lose its time of day
                if isinstance(value, str):
                    try:
                        value = date.fromisoformat(value)
                    except ValueError:
                        return None
                if isinstance(value, date):
                    return _in_years(value)
            case Kind.DATETIME:
                if isinstance(value, str):
                    try:
                        value = datetime.fromisoformat(value)
                    except ValueError:
                        return None
                if isinstance(value, datetime):
                    return _in_years(_naive_utc(value))
        return None

    @property
    def expected(self) -> str:
        """What a value of this kind may be given as, for a message."""
        return _EXPECTED[self]


_EXPECTED: dict[Kind, str] = {
    Kind.INT: "an int",
    Kind.DECIMAL: "a number (a Decimal, an int, or text such as '1.5')",
    Kind.BOOL: "a bool",
    Kind.STR: "a str",
    Kind.DATE: "a date (YYYY-MM-DD, or a datetime.date)",
    Kind.DATETIME: "a timestamp (YYYY-MM-DD HH:MM:SS, or a datetime.datetime)",
}

_ASCII_INT = re.compile(r"\s*-?[0-9]{1,19}\s*", re.ASCII)


def shown(value: Any) -> str:
    """``value`` for a message: never more than a line, whatever its size."""
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's digit limit for strings
        return f"an int of more than {sys.get_int_max_str_digits()} digits"
    return text if len(text) <= 60 else f"{text[:40]}... ({len(text)} characters)"


def _number(value: Any) -> Decimal | None:
    """A Decimal the API's numbers can carry exactly (see ``DECIMAL_DIGITS``)."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, Decimal | int):
            number = Decimal(value)  # exact, whatever the size (no trip through str)
        elif isinstance(value, float):
            number = Decimal(repr(value))  # the float as written, not its binary expansion
        elif isinstance(value, str):
            number = Decimal(value.strip())
        else:
            return None
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    if number.is_zero():
        return Decimal(0)
    _, digits, exponent = number.as_tuple()
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))  # zeros add no place
    places = max(0, -(int(exponent) + trailing))
    if number.adjusted() >= DECIMAL_DIGITS or places > DECIMAL_PLACES:
        raise Refused(
            f"takes a number of at most {DECIMAL_DIGITS} digits before the point and "
            f"{DECIMAL_PLACES} after it, not {shown(value)}"
        )
    return number


def _naive_utc(value: datetime) -> datetime:
    """The API's timestamps carry no zone: an aware value (or a string with an offset) is sent
    as UTC, and a naive one as it is."""
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        raise Refused(f"is outside the years {_years()} once in UTC: {shown(value)}") from None


_D = TypeVar("_D", bound=date)


def _in_years(value: _D) -> _D:
    if value.year not in YEARS:
        raise Refused(f"takes a date in the years {_years()}, not {shown(value)}")
    return value


def _years() -> str:
    return f"{YEARS[0]}-{YEARS[-1]}"
