"""Cost planning: what a bulk job will cost in requests, against the quota left today."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from ._pager import requests_for
from ._validate import collection
from .models import Quota

if TYPE_CHECKING:
    from ._client import IntervalsClient

__all__ = ["CollectionCost", "CostPlan", "plan_cost", "probe", "quota_left"]


@attrs.frozen
class CollectionCost:
    """What reading one collection costs.

    Args:
        resource: the collection.
        filters: the filters it is read with.
        listcount: how many records match.
        requests: the requests to read them all: one per page (a collection without paging
            comes whole with one), the probe that learned ``listcount`` not included.
    """

    resource: str
    filters: Mapping[str, Any]
    listcount: int
    requests: int


@attrs.frozen
class CostPlan:
    """A bulk job's cost against today's quota.

    Args:
        collections: the cost of each collection.
        requests: their total.
        page_size: the page size the costs assume.
        quota_left: requests left today (from ``/quota/``, which costs none).
        resets_at: when the quota resets (00:00 GMT).
    """

    collections: tuple[CollectionCost, ...]
    requests: int
    page_size: int
    quota_left: int | None
    resets_at: datetime | None

    @property
    def fits(self) -> bool:
        """Whether today's quota covers the job."""
        return self.quota_left is None or self.requests <= self.quota_left


async def probe(client: IntervalsClient, name: str, filters: Mapping[str, Any]) -> int:
    """How many records of collection ``name`` match ``filters``: a page of one record (one
    request; a collection without paging comes whole with it)."""
    paged = collection(name).filter("limit") is not None
    page = await getattr(client, name).list(**({**filters, "limit": 1} if paged else filters))
    listcount: int = page.listcount
    return listcount


def quota_left(quota: Quota) -> int | None:
    """The requests left today by ``/quota/``'s answer, if it said."""
    return None if quota.quota is None or quota.used is None else quota.quota - quota.used


async def plan_cost(
    client: IntervalsClient,
    collections: Mapping[str, Mapping[str, Any]],
    *,
    page_size: int | None = None,
) -> CostPlan:
    """What reading ``collections`` (resource -> filters) in full will cost.

    Planning probes each collection (one request each, see `probe()`); reading one then
    costs a request per page, ``max(1, ceil(listcount / page_size))`` (``iterate()`` and the
    export learn the count from their first page, and need no probe). The quota comes from
    ``/quota/``, which costs none.

    Args:
        client: the client to ask with.
        collections: the resources to read, each with its filters (``{}`` for none).
        page_size: the page size the job will use (default: the client's).
    """
    size = page_size or client.page_size
    costs = []
    for name, filters in collections.items():
        listcount = await probe(client, name, filters)
        paged = collection(name).filter("limit") is not None
        requests = requests_for(listcount, size) if paged else 1
        costs.append(CollectionCost(name, dict(filters), listcount, requests))
    quota = await client.quota()
    return CostPlan(
        collections=tuple(costs),
        requests=sum(c.requests for c in costs),
        page_size=size,
        quota_left=quota_left(quota),
        resets_at=quota.resets_at,
    )
