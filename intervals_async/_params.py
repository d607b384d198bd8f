"""The types of the namespaces' typed parameters (see ``resources/_typed.py``).

A filter or field takes its Python type; these aliases name the few that take more than one form,
exactly the forms `_validate` accepts, so that a type checker refuses what the API would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Final, Literal, TypeAlias

__all__ = ["NOT_GIVEN", "Day", "Ids", "Moment", "NotGiven", "Number", "SortDir"]

Ids: TypeAlias = int | Sequence[int] | AbstractSet[int]
"""One id, or several (a list, tuple or set; sent as CSV)."""

Number: TypeAlias = Decimal | int | float | str
"""A number: a ``Decimal``, an ``int``, a ``float`` (as written) or text such as ``'1.5'``."""

Day: TypeAlias = dt.date | str
"""A date: a ``datetime.date`` or ``YYYY-MM-DD`` text (a ``datetime`` is refused: it would lose
its time of day)."""

Moment: TypeAlias = dt.datetime | str
"""A timestamp: a ``datetime.datetime`` (an aware one is sent in UTC) or ISO text."""

SortDir: TypeAlias = Literal["ASC", "DESC", "asc", "desc"]
"""A sort direction."""


class NotGiven:
    """The default of a create's or an update's fields: the field is left out of the body.

    ``None`` is a value there (it clears the field), so "not given" needs a value of its own.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""The one `NotGiven` value."""
