"""Bad input is refused before any request is sent: a typo costs no quota."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from intervals_async import InvalidParameter
from intervals_async.sandbox import Sandbox

from .conftest import Api

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("resource", "method", "kwargs", "parameter", "message"),
    [
        ("time", "list", {"projcetid": 5}, "projcetid", "did you mean 'projectid'"),
        ("time", "list", {"projectid": "five"}, "projectid", "takes an int"),
        ("time", "list", {"projectid": True}, "projectid", "takes an int"),
        ("time", "list", {"projectid": -1}, "projectid", "takes an id"),
        ("time", "list", {"milestoneid": -2}, "milestoneid", "-1, meaning 'none'"),
        ("time", "list", {"taskid": []}, "taskid", "empty list"),
        ("time", "list", {"billable": "t"}, "billable", "takes a bool"),
        ("time", "list", {"datebegin": "yesterday"}, "datebegin", "YYYY-MM-DD"),
        ("time", "list", {"datebegin": dt.datetime(2026, 1, 1, 5)}, "datebegin", "date"),
        ("time", "list", {"datemodifiedbegin": 5}, "datemodifiedbegin", "datetime"),
        ("time", "list", {"sortdir": "up"}, "sortdir", "ASC"),
        ("time", "iterate", {"limit": 5}, "limit", "page_size"),
        ("invoiceitem", "list", {}, "invoiceid", "needs the filter invoiceid"),
        ("time", "create", {"personid": 1}, "worktypeid", "needs"),
        ("time", "create", {"bogus": 1}, "bogus", "no field 'bogus'"),
        ("time", "update", {"descripton": "x"}, "descripton", "did you mean 'description'"),
        ("time", "update", {"time": "lots"}, "time", "takes a number"),
        ("time", "update", {"time": Decimal("NaN")}, "time", "takes a number"),
        ("timer", "update", {"timelapsed": 5}, "timelapsed", "read-only"),
        ("task", "update", {"title": "x" * 256}, "title", "at most 255"),
        ("time", "update", {}, None, "needs a field"),
    ],
)
async def test_refused_before_any_request(
    auto_sandbox: Sandbox,
    api: Api,
    resource: str,
    method: str,
    kwargs: dict[str, Any],
    parameter: str | None,
    message: str,
) -> None:
    client = api(auto_sandbox)
    namespace = getattr(client, resource)
    if method == "iterate":
        call = _drain(namespace.iterate(**kwargs))
    elif method == "update":
        call = namespace.update(1, **kwargs)
    else:
        call = getattr(namespace, method)(**kwargs)
    with pytest.raises(InvalidParameter, match=message) as raised:
        await call
    assert raised.value.parameter == parameter
    assert raised.value.resource == resource
    assert isinstance(raised.value, ValueError)
    assert len(auto_sandbox.audit) == 0  # nothing reached the sandbox


async def _drain(items: AsyncIterator[object]) -> None:
    async for _ in items:
        pass


@pytest.mark.parametrize("ident", [0, -5, "12", True, 1.5])
async def test_bad_ids_are_refused(auto_sandbox: Sandbox, api: Api, ident: Any) -> None:
    client = api(auto_sandbox)
    with pytest.raises(InvalidParameter, match="time id is a positive int") as raised:
        await client.time.get(ident)
    assert (raised.value.resource, raised.value.parameter) == ("time", "id")
    assert len(auto_sandbox.audit) == 0


async def test_good_values_in_every_accepted_form(auto_sandbox: Sandbox, api: Api) -> None:
    client = api(auto_sandbox)
    account = auto_sandbox.accounts["demo"]
    project = next(iter(account.table("project")))
    by_int = await client.time.list(projectid=project)
    assert (await client.time.list(projectid=str(project))) == by_int
    assert (await client.time.list(projectid=[project])) == by_int
    assert (await client.time.list(projectid={project}, milestoneid=None)) == by_int
    dated = await client.time.list(datebegin=dt.date(2025, 9, 1), dateend="2025-12-31")
    assert dated.items
    first, last = dt.date(2025, 9, 1), dt.date(2025, 12, 31)
    assert all(e.date is not None and first <= e.date <= last for e in dated.items)
    none = await client.task.list(milestoneid=-1)
    assert all(t.milestoneid is None for t in none.items)
    aware = dt.datetime(2020, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert (await client.time.list(datemodifiedbegin=aware)).listcount == 600
