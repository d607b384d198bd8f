"""The Intervals wire format, both ways, in one place.

Inside records the API sends every id and number as a string, booleans as ``"t"``/``"f"``, dates
as ``YYYY-MM-DD``, timestamps as ``YYYY-MM-DD HH:MM:SS`` (no zone; sometimes with microseconds),
multi-value ids as CSV strings, ``null`` (or ``""``) for nothing, and text HTML-entity-escaped.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

__all__ = [
    "DECIMAL_DIGITS",
    "DECIMAL_PLACES",
    "MAX_INT",
    "TIMESTAMP_FORMAT",
    "YEARS",
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
