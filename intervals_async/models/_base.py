"""What every model shares: the fields the docs do not list, kept rather than dropped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["Model", "Page", "TaskPerson"]


@attrs.frozen(kw_only=True)
class Model:
    """A record of the API as plain Python values.

    Every documented field is an attribute (``None`` when the answer did not carry it or carried
    ``null``); ids and numbers are ``int`` and ``Decimal``, ``t``/``f`` are ``bool``, dates and
    timestamps are ``date`` and naive ``datetime``, CSV id lists are tuples of ``int``, and text is
    unescaped. Fields the docs do not list are kept, as sent, in ``extra``.
    """

    extra: Mapping[str, Any] = attrs.field(factory=dict, hash=False, repr=False)


@attrs.frozen(kw_only=True)
class TaskPerson:
    """An assignee, owner or follower in a task's nested lists (``GET /task/{id}/``)."""

    personid: int
    name: str | None = None
    active: bool | None = None
    personlocalid: int | None = None


ModelT = TypeVar("ModelT", bound=Model)


@attrs.frozen
class Page(Generic[ModelT]):
    """One page of a collection.

    Args:
        items: the records of this page.
        listcount: how many records match the filters in all (before ``offset`` and ``limit``).
        offset: where this page starts.
        limit: the page size asked for (the server may send fewer).
    """

    items: tuple[ModelT, ...]
    listcount: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts, or ``None`` after the last one."""
        following = self.offset + len(self.items)
        return following if self.items and following < self.listcount else None
