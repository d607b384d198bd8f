"""The pager, against simulated servers that tell the truth or lie in every way we know of.

The invariants: a walk ends; it never yields a record twice; an id walk yields ascending ids;
against an honest server it yields every record at exactly ``requests_for`` requests; against a
lying one it yields every record that was there throughout, or raises a ``PagingError``.
"""

from __future__ import annotations

import random
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervals_async import MissingRecords, OrderViolation, PagingError, RepeatedRecords
from intervals_async._pager import Pager, requests_for

from ..strategies import PAGER_SIZES, SERVER_LIES


@attrs.frozen
class Record:
    id: int


@attrs.define
class Server:
    """A collection in id order, and the lies it may tell."""

    ids: list[int]
    listcount_error: int = 0
    ignore_offset: bool = False
    order: str = "id"  # or "reversed", "shuffled"
    cap: int | None = None
    delete_per_page: int = 0
    insert_per_page: int = 0
    rng: random.Random = attrs.field(factory=lambda: random.Random(0))
    requests: int = 0
    newest: int = 0  # the highest id ever given

    def page(self, offset: int, limit: int) -> tuple[list[Record], int]:
        self.requests += 1
        ordered = sorted(self.ids)
        if self.order == "reversed":
            ordered.reverse()
        elif self.order == "shuffled":
            self.rng.shuffle(ordered)
        start = 0 if self.ignore_offset else offset
        size = limit if self.cap is None else min(limit, self.cap)
        answer = [Record(i) for i in ordered[start : start + size]]
        listcount = max(0, len(self.ids) + self.listcount_error)
        for _ in range(min(self.delete_per_page, len(self.ids))):
            self.ids.remove(self.rng.choice(self.ids))
        for _ in range(self.insert_per_page):
            # a new record's id is above every id the collection ever had: ids are never reused
            self.newest = max([self.newest, *self.ids]) + 1
            self.ids.append(self.newest)
        return answer, listcount


def walk(server: Server, *, page_size: int, width: int, by_id: bool) -> list[int]:
    """Drive a pager as the SDK does: plan, fetch every planned page, take them in order."""
    pager = Pager("thing", page_size=page_size, by_id=by_id)
    yielded: list[int] = []
    while not pager.done:
        fetches = pager.plan(width)
        assert fetches, "a walk that is not done always has a page to ask for"
        answers = [server.page(f.offset, f.limit) for f in fetches]
        for fetch, (items, listcount) in zip(fetches, answers, strict=True):
            fresh = pager.take(fetch, items, listcount)
            if fresh is not None:
                yielded.extend(r.id for r in fresh)
        assert server.requests < 10_000, "an endless walk"
    return yielded


@settings(max_examples=300, deadline=None)
@given(n=PAGER_SIZES, page_size=st.integers(1, 30), width=st.integers(1, 5), by_id=st.booleans())
def test_an_honest_server_gives_every_record_once_at_the_predicted_cost(
    n: int, page_size: int, width: int, by_id: bool
) -> None:
    server = Server(ids=list(range(100, 100 + n)))
    assert walk(server, page_size=page_size, width=width, by_id=by_id) == sorted(server.ids)
    assert server.requests == requests_for(n, page_size)


@settings(max_examples=200, deadline=None)
@given(n=PAGER_SIZES, page_size=st.integers(1, 30), cap=st.integers(1, 30), by_id=st.booleans())
def test_a_server_cap_on_the_page_size_loses_nothing(
    n: int, page_size: int, cap: int, by_id: bool
) -> None:
    server = Server(ids=list(range(1, n + 1)), cap=cap)
    assert walk(server, page_size=page_size, width=3, by_id=by_id) == server.ids


@settings(max_examples=1000, deadline=None)
@given(
    n=PAGER_SIZES,
    page_size=st.integers(1, 30),
    width=st.integers(1, 5),
    by_id=st.booleans(),
    lies=SERVER_LIES,
    seed=st.integers(0, 2**16),
)
def test_a_lying_server_gives_a_typed_error_or_every_record_that_stayed(
    n: int, page_size: int, width: int, by_id: bool, lies: dict[str, Any], seed: int
) -> None:
    if lies.get("cap") and lies.get("listcount_error", 0) < 0:
        # A short page at the announced end is the end, or a cap on a page size hiding more
        # behind a listcount too small: the two look alike, and only the first is assumed.
        lies.pop("cap")
    if not by_id and lies.get("order") == "shuffled" and lies.get("listcount_error", 0) < 0:
        # Out of id order only the record each page opens with and the final count check a
        # walk: a shuffle whose next page happens to open with that record, under a count too
        # small, cannot be seen (a walk by id sees it at once).
        lies.pop("order")
    if lies.get("cap") and lies.get("delete_per_page"):
        # The page that first meets a cap brings no record to open the next with (and pages of
        # one record never do): a move then that keeps the listcount (a deletion and an
        # insertion) cannot be seen.
        lies.pop("cap")
    if not by_id and page_size == 1 and lies.get("order") == "shuffled":
        # Pages of one record out of id order hold nothing to check one page against the next:
        # a deletion that shortens the count hides a record a reshuffle moved behind the walk
        # (no pager can see it; a walk by id does, by the order).
        lies.pop("delete_per_page", None)
    server = Server(ids=list(range(1, n + 1)), rng=random.Random(seed), **lies)
    first = set(server.ids)
    try:
        yielded = walk(server, page_size=page_size, width=width, by_id=by_id)
    except PagingError as error:
        refused: PagingError | None = error
    else:
        refused = None
    if refused is not None:
        assert refused.resource == "thing" and refused.offset >= 0
        return
    assert len(yielded) == len(set(yielded)), "a record yielded twice"
    if by_id:
        assert yielded == sorted(yielded)
    stayed = first & set(server.ids)  # there from the first page to the last
    assert stayed <= set(yielded), f"lost {sorted(stayed - set(yielded))[:5]}"
    assert set(yielded) <= first | set(range(n + 1, n + 1 + 3 * server.requests))


def test_each_lie_meets_its_error() -> None:
    """The typed error each lie alone gets, in an id walk (the property above allows any)."""
    cases: list[tuple[dict[str, Any], type[PagingError] | None]] = [
        ({"listcount_error": -50}, None),  # too small: walked to the end all the same
        ({"listcount_error": 50}, MissingRecords),
        ({"ignore_offset": True}, RepeatedRecords),
        ({"order": "reversed"}, OrderViolation),
        ({"order": "shuffled"}, OrderViolation),
        ({"delete_per_page": 1}, None),  # stepped back and read again
        ({"insert_per_page": 2}, None),  # appended: walked to the end
    ]
    for lies, expected in cases:
        server = Server(ids=list(range(1, 201)), **lies)
        first = set(server.ids)
        if expected is None:
            yielded = walk(server, page_size=50, width=1, by_id=True)
            assert first & set(server.ids) <= set(yielded), lies
            assert yielded == sorted(set(yielded)), lies
        else:
            with pytest.raises(expected):
                walk(server, page_size=50, width=3, by_id=True)


def test_going_on_from_a_checkpoint_reads_back_to_the_last_record_had() -> None:
    server = Server(ids=list(range(1, 101)))
    pager = Pager("thing", page_size=10, by_id=True, offset=39, after_id=40)
    (fetch,) = pager.plan(4)
    assert (fetch.offset, fetch.limit) == (39, 12)  # the last record had, a page, one more
    items, listcount = server.page(fetch.offset, fetch.limit)
    fresh = pager.take(fetch, items, listcount)
    assert fresh is not None and [r.id for r in fresh] == list(range(41, 51))
    # Ten records deleted meanwhile, before the checkpoint: the walk steps back to find it.
    server = Server(ids=list(range(11, 101)))
    pager = Pager("thing", page_size=10, by_id=True, offset=39, after_id=40)
    yielded: list[int] = []
    while not pager.done:
        for fetch in pager.plan(1):
            items, listcount = server.page(fetch.offset, fetch.limit)
            yielded += [r.id for r in pager.take(fetch, items, listcount) or []]
    assert yielded == list(range(41, 101))
