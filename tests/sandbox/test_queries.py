"""Collection behaviour: filters by type, defaults, sorting, listcount before paging, page cap."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from intervals_async.sandbox import Sandbox, SandboxConfig

from ..conftest import BASE_URL, Connect, api_error, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio


async def _all(client: httpx.AsyncClient, path: str, **params: str) -> list[dict[str, str]]:
    body = (await client.get(path, params={"limit": "100000", **params})).json()
    items: list[dict[str, str]] = body[path.strip("/")]
    assert len(items) == body["listcount"]
    return items


async def test_default_page_is_ten_and_listcount_counts_before_paging(
    admin: httpx.AsyncClient,
) -> None:
    body = (await admin.get("/time/")).json()
    assert len(body["time"]) == 10 and body["listcount"] == 600
    page = (await admin.get("/time/", params={"offset": 595, "limit": 10})).json()
    assert len(page["time"]) == 5 and page["listcount"] == 600
    assert (await admin.get("/time/", params={"offset": 600})).json()["time"] == []


async def test_pages_partition_the_collection(admin: httpx.AsyncClient) -> None:
    everything = [t["id"] for t in await _all(admin, "/task/")]
    paged: list[str] = []
    for offset in range(0, len(everything), 40):
        page = await admin.get("/task/", params={"offset": offset, "limit": 40})
        paged += [t["id"] for t in page.json()["task"]]
    assert paged == everything and len(set(everything)) == len(everything)


async def test_csv_bool_date_and_none_filters(admin: httpx.AsyncClient) -> None:
    entries = await _all(admin, "/time/")
    p1, p2 = sorted({e["projectid"] for e in entries})[:2]
    both = await _all(admin, "/time/", projectid=f"{p1},{p2}")
    assert both and {e["projectid"] for e in both} == {p1, p2}
    billable = await _all(admin, "/time/", billable="t")
    assert billable and all(e["billable"] == "t" for e in billable)
    assert len(billable) + len(await _all(admin, "/time/", billable="false")) == len(entries)
    dates = sorted(e["date"] for e in entries)
    begin, end = dates[len(dates) // 4], dates[len(dates) // 2]
    ranged = await _all(admin, "/time/", datebegin=begin, dateend=end)
    assert ranged and all(begin <= e["date"] <= end for e in ranged)
    assert len(ranged) == sum(begin <= d <= end for d in dates)
    no_milestone = await _all(admin, "/task/", milestoneid="-1")
    assert no_milestone and all(t["milestoneid"] is None for t in no_milestone)


async def test_task_specials(admin: httpx.AsyncClient) -> None:
    tasks = await _all(admin, "/task/")
    open_tasks = await _all(admin, "/task/", excludeclosed="t")
    assert 0 < len(open_tasks) < len(tasks)
    assert all(t["dateclosed"] is None for t in open_tasks)
    assert len(await _all(admin, "/task/", excludeclosed="f")) == len(tasks)
    person = tasks[0]["assigneeid"].split(",")[0]
    related = await _all(admin, "/task/", hastaskrelation=person)
    assert related and all(
        person in (t["assigneeid"] + "," + t["ownerid"] + "," + t["followerid"]).split(",")
        for t in related
    )
    found = await _all(admin, "/task/", search="webhooks")
    assert found and all("webhooks" in t["title"] for t in found)


async def test_sorting(admin: httpx.AsyncClient) -> None:
    ascending = await _all(admin, "/time/", sortfield="t.date", sortdir="ASC")
    descending = await _all(admin, "/time/", sortfield="t.date", sortdir="DESC")
    assert [e["date"] for e in ascending] == sorted(e["date"] for e in ascending)
    assert [e["date"] for e in descending] == sorted((e["date"] for e in ascending), reverse=True)
    assert api_error(await admin.get("/time/", params={"sortfield": "title"})) == (400, 18)
    assert api_error(await admin.get("/time/", params={"sortdir": "UP"})) == (400, 18)


async def test_filter_errors(admin: httpx.AsyncClient) -> None:
    unknown = await admin.get("/task/", params={"name": "x", "priority": "1"})
    assert api_error(unknown) == (400, 17)
    assert unknown.json()["error"]["verbose"] == [
        "You supplied a field/filter that isn't available for this resource: name, priority"
    ]
    for params in ({"projectid": "x"}, {"billable": "maybe"}, {"datebegin": "5/1/2026"}):
        assert api_error(await admin.get("/time/", params=params)) == (400, 18), params
    assert api_error(await admin.get("/invoiceitem/")) == (400, 18)  # invoiceid required
    assert api_error(await admin.get("/time/", params={"limit": "0"})) == (400, 18)


async def test_server_cap_silently_shortens_pages(connect: Connect, clock: object) -> None:
    capped = Sandbox(SandboxConfig(seed=7, max_limit=25))
    client = connect(target=capped)
    body = (await client.get("/time/", params={"limit": 500})).json()
    assert len(body["time"]) == 25 and body["listcount"] == 600
    assert client.base_url == httpx.URL(BASE_URL)


async def test_tasknotes_without_taskid_are_the_last_seven_days(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    notes = await _all(admin, "/tasknote/")
    every = list(sandbox.accounts["demo"].table("tasknote").values())
    week_ago = datetime.fromtimestamp(sandbox.clock.time() - 7 * 86_400, UTC).replace(tzinfo=None)
    expected = sorted(str(n["id"]) for n in every if n["date"] >= week_ago)
    assert 0 < len(expected) < len(every)  # the seed has both, or this proves nothing
    assert sorted(n["id"] for n in notes) == expected
    with_task = await _all(admin, "/tasknote/", taskid=",".join(str(n["taskid"]) for n in every))
    assert len(with_task) == len(every)
    too_wide = {"datebegin": "2026-01-01 00:00:00", "dateend": "2026-01-20 00:00:00"}
    assert api_error(await admin.get("/tasknote/", params=too_wide)) == (400, 18)
