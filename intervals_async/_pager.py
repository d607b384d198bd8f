"""The walk of one collection, page after page, planned from what each page brought: no I/O.

``iterate()``, the export and the mirror each drive a `Pager`: they ask it which pages to
fetch (`Pager.plan()`), fetch them (several at once, each through the governor) and hand the
answers back in offset order (`Pager.take()`), which checks them and says which records are
new. The server's word is checked, never trusted:

- in an id-ordered walk, ids must ascend strictly, within and across pages
  (`OrderViolation`);
- a page of records the walk already has (an ignored ``offset``) ends it
  (`RepeatedRecords`); records seen again in part (a record inserted
  before the walk's position, in an order that is not by id) are skipped, never yielded twice;
- a walk not in id order cannot check the order on the way; it checks the record each page
  opens with, and at the end that its pages held as many different records as ``listcount``
  says (so an order that moves, yet happens to keep that record, under a count too small, goes
  unseen: walk by id where the collection allows);
- the page that first meets a server's cap on the page size brings no record to open the next
  with, so a move just then that keeps the count (a deletion and an insertion) goes unseen;
- ``listcount`` is only a hint. A full page that reaches it is followed by one more request, so a
  ``listcount`` too small loses nothing; a walk that ends (an empty page) short of it raises
  `MissingRecords`; one that drops mid-walk (records deleted before the
  walk's position, so the rest moved back) steps an id-ordered walk back to read the moved
  records, skipping those it has.

Reading ``n`` records from ``offset`` therefore costs `requests_for()` requests:
``(n - offset) // page_size + 1`` (the last page is short, or the one more request finds
nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import attrs

from ._exceptions import MissingRecords, OrderViolation, PagingError, RepeatedRecords

if TYPE_CHECKING:
    from .resources import Resource

__all__ = ["Fetch", "Pager", "in_id_order", "requests_for", "walks_by_id"]

# A walk steps back to find its place again when records before it were deleted. However often
# that happens, it reads a new record between two of them; this many in a row, without one, and
# the collection is changing faster than it can be read.
_MOST_BACKS = 8


def in_id_order(spec: Resource, filters: Mapping[str, Any]) -> dict[str, Any]:
    """``filters``, asking for ascending id order where the collection sorts by id and the
    caller chose no order: a walk in id order is one whose pages can be checked, and whose
    pages stay put while records are added (ids only grow)."""
    if "id" in spec.sortfields and "sortfield" not in filters and "sortdir" not in filters:
        return {**filters, "sortfield": "id", "sortdir": "ASC"}
    return dict(filters)


def walks_by_id(filters: Mapping[str, Any]) -> bool:
    """Whether a walk with ``filters`` goes by ascending id."""
    direction = str(filters.get("sortdir") or "ASC").upper()
    return filters.get("sortfield") == "id" and direction == "ASC"


def requests_for(listcount: int, page_size: int, offset: int = 0) -> int:
    """The requests a walk of ``listcount`` records from ``offset`` sends, if the server says
    true: one per page, and one for an empty collection."""
    return max(1, -(-max(0, listcount - offset) // page_size))


@attrs.frozen
class Fetch:
    """One page to ask for."""

    offset: int
    limit: int


def _ident(record: Any) -> int:
    found: int = record.id
    return found


class Pager:
    """One collection's walk (see the module's docstring).

    Each page is asked with one record more than it holds: that record opens the next page, so a
    page that brings it proves there is more (whatever ``listcount`` says), one that does not is
    the last, and a next page that does not open with it shows that records moved between the
    two requests.

    Args:
        resource: the collection, for the errors.
        page_size: records per page.
        by_id: whether the walk is in ascending id order (``sortfield=id``): it then checks
            the order and skips what it has by id alone, in constant memory.
        offset: where to start.
        after_id: going on from a checkpoint, the last id already had, at ``offset``: the first
            page must open with it (else the walk steps back until it reaches it), and records
            up to it are skipped. That page holds a page of records besides.
        listcount: the ``listcount`` a checkpoint knew: how many records went since tells how
            far back the last record had may have moved.
    """

    def __init__(
        self,
        resource: str,
        *,
        page_size: int,
        by_id: bool,
        offset: int = 0,
        after_id: int | None = None,
        listcount: int | None = None,
    ) -> None:
        self.resource = resource
        self.step = page_size
        self.by_id = by_id
        self.offset = offset
        self.last_id = after_id if by_id else None
        self.listcount: int | None = None
        self.done = False
        self._opening = self.last_id  # the id the next page must open with, where known
        # Going on from a checkpoint, the first page starts at the last record had and holds
        # a page besides, so that what is left costs no more pages than it needs.
        self._reread = 1 if self.last_id is not None else 0
        self._anchoring = False  # stepped back: the next page must reach back to last_id
        self._most = 0  # the most records the walk reads (set by its first page)
        self._read = 0  # new records read so far
        self._backs = 0  # times it stepped back since it last read a new record
        self._back = 0  # how far it stepped back last
        self._target: int | None = None  # the id a page must reach back to, when anchoring
        self._before = listcount  # the count a checkpoint knew, to see how many went since
        self._previous: frozenset[int] = frozenset()  # the last page's ids (an id walk)
        self._seen: set[int] | None = None if by_id else set()  # every id had (other walks)

    def plan(self, width: int) -> list[Fetch]:
        """The next pages to fetch, at most ``width``: one while the end is unknown or the walk
        is finding its place again, else as many as ``listcount`` leaves."""
        if self.done or width < 1:
            return []
        if self.listcount is None or self._anchoring or self.offset >= self.listcount:
            return [Fetch(self.offset, self.step + 1 + self._reread)]
        starts = range(self.offset, self.listcount, self.step)
        return [Fetch(at, self.step + 1) for at in starts[:width]]

    def take(self, fetch: Fetch, items: Sequence[Any], listcount: int) -> list[Any] | None:
        """The records of ``fetch``'s answer that are new to the walk, in order; ``None`` when
        the answer is moot (an earlier page moved the walk elsewhere: discard it).

        Raises:
            OrderViolation: ids out of the walk's order, or an order that moved mid-walk.
            RepeatedRecords: a page of records the walk already has.
            MissingRecords: the walk ended short of ``listcount``.
            PagingError: the collection grew faster than the walk could read it.
        """
        if self.done or fetch.offset != self.offset:
            return None
        items = list(items[: fetch.limit])  # never more than asked
        ids = [_ident(r) for r in items]
        if self.listcount is None and not self._most:
            # However fast records are added, a walk ends: at twice what the collection held
            # when it began (a page more for a tiny one), it stops as one that never would.
            self._most = 2 * max(listcount, self.offset, self.step) + self.step
        previous, self.listcount = self.listcount, listcount
        more = len(items) == fetch.limit
        page = items[: fetch.limit - 1] if more else items  # the last one opens the next page
        self._reread = 0
        if self.by_id:
            for before, after in pairwise(ids):
                if after <= before:
                    raise self._disorder(before, after)
            moved = self._opening is not None and (not ids or ids[0] != self._opening)
            # Without a record to open with (after a capped page), only the count shows a move.
            dropped = previous is not None and listcount < previous and self._opening is None
            if self._anchoring or moved or dropped:
                if ids and self._previous and set(ids) <= self._previous:
                    raise self._repeated(ids)
                # The page must reach back to the record that comes next (or the last one had):
                # else records before it were deleted and the rest moved back past the walk.
                if not self._anchoring:
                    self._target = self._opening if moved else self.last_id
                target = self._target
                if self.offset > 0 and target is not None and (not ids or ids[0] > target):
                    # Step back as far as the count says records went, else a little, then
                    # twice as far each time: moves are mostly small, and each try costs.
                    counted = previous if previous is not None else self._before
                    gone = max(0, counted - listcount) if counted is not None else 0
                    self._back = max(gone + 1, 2 * self._back if self._anchoring else 1)
                    self._step_back(self._back)
                    return []
                self._anchoring, self._back = False, 0
            elif self.last_id is not None and any(
                i <= self.last_id and not (k == 0 and i == self._opening) for k, i in enumerate(ids)
            ):
                # only the record the page was to open with may be one the walk has (the last
                # record had, where a walk goes on from a checkpoint)
                if self._previous and set(ids) <= self._previous:
                    raise self._repeated(ids)
                raise self._disorder(self.last_id, next(i for i in ids if i <= self.last_id))
            had = self.last_id
            fresh = [r for r in page if had is None or _ident(r) > had]
            if fresh:
                self.last_id, self._backs = _ident(fresh[-1]), 0
            self._previous = frozenset(ids)
        else:
            assert self._seen is not None
            if ids and (all(i in self._seen for i in ids) or len(set(ids)) < len(ids)):
                raise self._repeated(ids)
            dropped = previous is not None and listcount < previous
            unchecked = self._opening is None and self.offset > 0  # no record to open with
            if (self._opening is not None and (not ids or ids[0] != self._opening)) or (
                dropped and unchecked
            ):
                raise OrderViolation(
                    f"/{self.resource}/ moved its records during the walk (at offset "
                    f"{self.offset}), in an order that is not by id: walk by id where the "
                    "collection allows, to go on past this",
                    resource=self.resource,
                    offset=self.offset,
                    ids=tuple(i for i in (self._opening, *ids[:1]) if i is not None),
                )
            fresh = [r for r in page if _ident(r) not in self._seen]
            self._seen.update(_ident(r) for r in page)
        self._opening = ids[len(page)] if more else None
        end = self.offset + len(page)
        self._read += len(fresh)
        if self._read > self._most:
            raise PagingError(
                f"/{self.resource}/ kept growing as it was read (past {self._most} records): "
                "read it with filters that hold it still",
                resource=self.resource,
                offset=end,
            )
        if not more:
            if end < listcount and items:
                self.step = max(1, len(items) - 1)  # a server-side cap: ask for what it gives
            elif end < listcount:
                raise MissingRecords(
                    f"/{self.resource}/ said {listcount} records but ended after {end}",
                    resource=self.resource,
                    offset=end,
                    listcount=listcount,
                )
            else:
                self.done = True
                self._check_count(listcount, end)
        self.offset = end
        return fresh

    def _check_count(self, listcount: int, end: int) -> None:
        if self._seen is not None and len(self._seen) < listcount:
            # Not in id order, so unchecked on the way: records seen twice took the places
            # of records never seen.
            raise MissingRecords(
                f"/{self.resource}/ said {listcount} records but its pages held "
                f"{len(self._seen)} different ones (its order moved during the walk)",
                resource=self.resource,
                offset=end,
                listcount=listcount,
            )

    def _step_back(self, by: int) -> None:
        self._backs += 1
        if self._backs > _MOST_BACKS:
            raise PagingError(
                f"/{self.resource}/ changed under the walk {self._backs} times running (records "
                "deleted before where it stood) without a new record read: read it again when "
                "it holds still",
                resource=self.resource,
                offset=self.offset,
            )
        self.offset = max(0, self.offset - by)
        self._anchoring = self.last_id is not None
        self._opening = None

    def _disorder(self, before: int, after: int) -> OrderViolation:
        return OrderViolation(
            f"/{self.resource}/ sent id {after} after {before} in a walk by ascending id "
            f"(offset {self.offset})",
            resource=self.resource,
            offset=self.offset,
            ids=(before, after),
        )

    def _repeated(self, ids: list[int]) -> RepeatedRecords:
        return RepeatedRecords(
            f"/{self.resource}/ sent, at offset {self.offset}, records the walk already had "
            f"(ids {ids[0]}..{ids[-1]}): the server may be ignoring offset",
            resource=self.resource,
            offset=self.offset,
            ids=tuple(ids),
        )
