"""Bad input is refused before any request is sent: a typo costs no quota."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from intervals_async import InvalidParameter
from intervals_async.sandbox import Sandbox

from ..conftest import Api, Recorder, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


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
        # What a fuzzer found: each was a plain Python exception, or a request spent.
        ("time", "list", {"projectid": "²"}, "projectid", "takes an int"),
        ("time", "list", {"projectid": "--5"}, "projectid", "takes an int"),
        ("time", "list", {"projectid": 10**5000}, "projectid", "at most 9223372036854775807"),
        ("time", "list", {"projectid": 2**63}, "projectid", "at most"),
        ("time", "list", {"datebegin": dt.date(999, 1, 1)}, "datebegin", "years 1000-9999"),
        (
            "time",
            "list",
            {"datemodifiedbegin": dt.datetime(999, 1, 1)},
            "datemodifiedbegin",
            "1000",
        ),
        (
            "time",
            "list",
            {"datebegin": "\uff12\uff10\uff12\uff16-01-01"},
            "datebegin",
            "YYYY-MM-DD",
        ),
        ("time", "list", {"limit": 0}, "limit", "page size of at least 1"),
        ("time", "list", {"limit": -1}, "limit", "page size of at least 1"),
        ("time", "list", {"sortfield": "t.dat"}, "sortfield", "did you mean 't.date'"),
        ("time", "list", {"sortdir": "x" * 10_000}, "sortdir", r"\(10002 characters\)"),
        ("client", "list", {"search": "\ud800"}, "search", "lone surrogate"),
        ("client", "list", {"search": "a\x00b"}, "search", "NUL"),
        ("client", "list", {"search": "a" * 100_000}, "search", "beyond the 8000"),
        ("time", "update", {"time": Decimal("9E+999999")}, "time", "15 digits before the point"),
        ("time", "update", {"time": Decimal("1E-11")}, "time", "10 after it"),
        ("time", "update", {"time": 10**5000}, "time", "15 digits"),
        ("time", "iterate", {"page_size": "5"}, "page_size", "an int of at least 1"),
        ("time", "iterate", {"page_size": 0}, "page_size", "an int of at least 1"),
        ("time", "iterate", {"concurrency": 1.5}, "concurrency", "an int of at least 1"),
        ("time", "iterate", {"offset": "x"}, "offset", "takes an int"),
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
    # Text ids are taken at run time too (the type says int).
    assert (await client.time.list(projectid=str(project))) == by_int  # type: ignore[arg-type]
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


async def test_an_offset_in_a_string_is_converted_like_an_aware_datetime(
    auto_sandbox: Sandbox, api: Api
) -> None:
    recorder = Recorder(auto_sandbox.transport())
    client = api(auto_sandbox, cache=False, transport=recorder)
    aware = dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    await client.time.list(datemodifiedbegin=aware)
    await client.time.list(datemodifiedbegin="2026-01-01T00:00:00+05:00")
    await client.time.list(datemodifiedbegin="2025-12-31 19:00:00")
    queries = {r.url.params["datemodifiedbegin"] for r in recorder.sent}
    assert queries == {"2025-12-31 19:00:00"}
