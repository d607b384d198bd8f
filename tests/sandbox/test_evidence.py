"""The sandbox where the live evidence (the spec's Addendum 2) moved it, and its knobs.

The facts the spec quotes are checked against the spec in ``test_spec_captures``; these tests
need no spec: the behaviour, the documented defaults for what is only likely, and the knobs.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import httpx
import pytest

from intervals_async import VirtualClock
from intervals_async.models import Me, Project, Time
from intervals_async.sandbox import Group, Sandbox, SandboxConfig

from ..conftest import Api, api_error

pytestmark = pytest.mark.anyio


@asynccontextmanager
async def _http(sandbox: Sandbox, group: Group = Group.ADMINISTRATOR) -> AsyncIterator[Any]:
    async with httpx.AsyncClient(
        transport=sandbox.transport(),
        base_url="https://sandbox/",
        auth=(sandbox.token(group=group), "X"),
    ) as http:
        yield http


# -- timers ---------------------------------------------------------------------------------


async def test_a_timer_reads_the_same_after_post_as_after_get(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    me = (await admin.get("/me/")).json()["personid"]
    data = sandbox.accounts["demo"]
    mine = {t["taskid"] for t in data.table("timer").values() if t["personid"] == me}
    task = next(t for t in data.table("task") if t not in mine)
    for body in ({"personid": me, "name": "General"}, {"personid": me, "taskid": task}):
        posted = await admin.post("/timer/", json=body)
        assert posted.status_code == 201, posted.text
        posted = posted.json()["timer"]
        got = (await admin.get(f"/timer/{posted['id']}/")).json()["timer"]
        assert posted == got and "datemodified" not in got
        paused = {"starttime": None, "time": "30"}
        put = await admin.put(f"/timer/{posted['id']}/", json=paused)
        assert put.status_code == 202, put.text
        put = put.json()["timer"]
        assert put == (await admin.get(f"/timer/{posted['id']}/")).json()["timer"]


async def test_one_timer_per_person_per_task_on_create_and_on_update(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    data = sandbox.accounts["demo"]
    timer = next(t for t in data.table("timer").values() if t["taskid"] is not None)
    person, taskid = timer["personid"], timer["taskid"]
    again = await admin.post("/timer/", json={"personid": person, "taskid": taskid})
    assert api_error(again) == (400, 18)
    assert str(timer["id"]) in again.json()["error"]["verbose"][0]  # names the one there
    # another task is fine; moving that timer onto the first task is the same conflict
    other = next(t for t in data.table("task") if t != taskid)
    moved = (await admin.post("/timer/", json={"personid": person, "taskid": other})).json()
    refused = await admin.put(f"/timer/{moved['timer']['id']}/", json={"taskid": taskid})
    assert api_error(refused) == (400, 18)
    # its own task again is no conflict; general timers (no task) are not limited
    same = await admin.put(f"/timer/{timer['id']}/", json={"taskid": taskid, "name": "x"})
    assert same.status_code == 202
    for _ in range(2):
        assert (await admin.post("/timer/", json={"personid": person})).status_code == 201


@pytest.mark.parametrize("code", [None, 17])
async def test_the_timer_conflict_code_is_a_knob(clock: VirtualClock, code: int | None) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, timer_conflict_code=code), clock=clock)
    timer = next(
        t for t in sandbox.accounts["demo"].table("timer").values() if t["taskid"] is not None
    )
    async with _http(sandbox) as http:
        body = {"personid": timer["personid"], "taskid": timer["taskid"]}
        response = await http.post("/timer/", json=body)
    if code is None:
        assert response.status_code == 201
    else:
        assert api_error(response) == (400, code)


async def test_the_timer_list_by_kind(admin: httpx.AsyncClient, sandbox: Sandbox) -> None:
    timers = sandbox.accounts["demo"].table("timer").values()
    tasked = sorted(t["id"] for t in timers if t["taskid"] is not None)
    general = sorted(t["id"] for t in timers if t["taskid"] is None)
    assert tasked and general

    async def ids(**params: str) -> list[int]:
        body = (await admin.get("/timer/", params=params)).json()
        assert int(body["listcount"]) == len(body["timer"])
        return sorted(int(t["id"]) for t in body["timer"])

    assert await ids() == await ids(generaltimers="f") == await ids(gettimerinfo="f") == tasked
    assert await ids(generaltimers="t") == general
    assert await ids(gettimerinfo="t") == await ids(gettimerinfo="t", generaltimers="t")
    assert await ids(gettimerinfo="t") == sorted(tasked + general)


async def test_the_client_lists_and_exports_both_kinds_of_timer(
    api: Api, auto_sandbox: Sandbox, tmp_path: Any
) -> None:
    from intervals_async.export import Export

    client = api(auto_sandbox)
    every = len(auto_sandbox.accounts["demo"].table("timer"))
    assert len([t async for t in client.timer.iterate(gettimerinfo=True)]) == every
    assert all(t.taskid is not None for t in (await client.timer.list()).items)
    result = await Export(client, tmp_path, resources=["timer"]).run()
    assert result.complete and dict(result.records) == {"timer": every}


# -- groups ---------------------------------------------------------------------------------


async def test_group_ids_are_a_knob_and_every_account_shares_them(clock: VirtualClock) -> None:
    from intervals_async.sandbox import AccountSpec

    config = SandboxConfig(accounts=[AccountSpec("a"), AccountSpec("b")], group_ids=(7, 8, 9, 6))
    sandbox = Sandbox(config, clock=clock)
    for account in sandbox.accounts.values():
        assert {g["name"]: g["id"] for g in account.table("group").values()} == {
            "Administrator": 7,
            "Manager": 8,
            "Resource": 9,
            "Executive": 6,
        }
    async with _http(sandbox, Group.RESOURCE) as http:
        me = (await http.get("/me/")).json()["me"][0]
    assert (me["groupid"], me["group"]) == ("9", "Resource")
    for bad in ((1, 2, 3), (1, 1, 2, 3), (0, 2, 3, 4)):
        with pytest.raises(ValueError, match="group_ids"):
            SandboxConfig(group_ids=bad)  # type: ignore[arg-type]


# -- /me/ and people --------------------------------------------------------------------------


async def test_me_decodes_its_own_keys_as_typed_fields(api: Api, auto_sandbox: Sandbox) -> None:
    me = await api(auto_sandbox).me.get()
    assert isinstance(me, Me) and me.extra == {}
    assert me.calendarorientation == 0 and me.editordisabled is False
    assert me.lastlogin is not None and me.lastlogin.microsecond > 0
    assert me.email is None and me.active is None  # the live /me/ has neither
    assert me.groupid == 2 and me.group == "Administrator"


async def test_a_password_is_set_but_never_shown(admin: httpx.AsyncClient) -> None:
    body = {"firstname": "Pat", "active": "t", "private": "f", "password": "hunter22!"}
    created = await admin.post("/person/", json={**body, "username": "p@x", "email": "p@x"})
    assert created.status_code == 201 and "hunter22!" not in created.text
    ident = created.json()["person"]["id"]
    assert "hunter22!" not in (await admin.get(f"/person/{ident}/")).text
    assert "hunter22!" not in (await admin.get("/person/", params={"limit": 100})).text


# -- time ------------------------------------------------------------------------------------


async def test_time_rows_carry_dateiso_and_members_do_not(
    admin: httpx.AsyncClient, api: Api, auto_sandbox: Sandbox
) -> None:
    rows = (await admin.get("/time/", params={"limit": 20})).json()["time"]
    assert rows and all(r["dateiso"] == r["date"] for r in rows)
    member = (await admin.get(f"/time/{rows[0]['id']}/")).json()["time"]
    assert "dateiso" not in member
    entries = (await api(auto_sandbox).time.list(limit=5)).items
    assert all(isinstance(e, Time) and e.extra == {} for e in entries)
    assert all(isinstance(e.dateiso, date) and e.dateiso == e.date for e in entries)


async def test_dateiso_is_a_knob(clock: VirtualClock) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, time_dateiso=False), clock=clock)
    async with _http(sandbox) as http:
        rows = (await http.get("/time/")).json()["time"]
    assert rows and all("dateiso" not in r for r in rows)


# -- projects --------------------------------------------------------------------------------


async def _project_names(http: Any, **params: Any) -> list[str]:
    names = []
    for offset in range(0, 100, 5):  # paged, to see the order hold across pages
        page = (await http.get("/project/", params={**params, "offset": offset, "limit": 5})).json()
        names += [html.unescape(p["name"]) for p in page["project"]]
        if offset + 5 >= int(page["listcount"]):
            return names
    raise AssertionError("more projects than expected")


async def test_projects_list_by_name_unless_a_sortfield_is_given(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    by_name = await _project_names(admin)
    assert by_name == sorted(by_name, key=str.casefold) and len(by_name) == 12
    table = sandbox.accounts["demo"].table("project")
    by_id = [table[i]["name"] for i in sorted(table)]
    assert by_id != by_name  # the seed tells the two orders apart
    assert await _project_names(admin, sortfield="id") == by_id
    assert await _project_names(admin, active="t") == [
        n for n in by_name if next(p for p in table.values() if p["name"] == n)["active"]
    ]


async def test_the_project_order_is_a_knob(clock: VirtualClock) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7, project_order="id"), clock=clock)
    table = sandbox.accounts["demo"].table("project")
    async with _http(sandbox) as http:
        assert await _project_names(http) == [table[i]["name"] for i in sorted(table)]
    with pytest.raises(ValueError, match="project_order"):
        SandboxConfig(project_order="colour")


async def test_a_projects_label_is_settable(
    admin: httpx.AsyncClient, api: Api, auto_sandbox: Sandbox, sandbox: Sandbox
) -> None:
    data = sandbox.accounts["demo"]
    project, label = min(data.table("project")), max(data.table("projectlabel"))
    put = await admin.put(f"/project/{project}/", json={"labelid": str(label)})
    assert put.status_code == 202 and put.json()["project"]["labelid"] == str(label)
    shown = (await admin.get(f"/project/{project}/")).json()["project"]
    assert shown["projectlabel"] == data.table("projectlabel")[label]["name"]
    assert api_error(await admin.put(f"/project/{project}/", json={"labelid": "1"})) == (400, 18)
    # the client's table takes it too, as an id
    client = api(auto_sandbox)
    other = min(auto_sandbox.accounts["demo"].table("project"))
    updated = await client.project.update(other, labelid=label)
    assert isinstance(updated, Project) and updated.labelid == label


@pytest.mark.parametrize("name", ["task", "milestone", "invoice", "document"])
async def test_the_project_label_sorts_of_swagger_1_1(
    admin: httpx.AsyncClient, sandbox: Sandbox, name: str
) -> None:
    data = sandbox.accounts["demo"]

    def label(record: dict[str, Any]) -> dict[str, Any]:
        labelid = data.table("project")[record["projectid"]]["labelid"]
        return data.table("projectlabel").get(labelid) or {}

    async def order(sortfield: str) -> list[int]:
        params: dict[str, str | int] = {"sortfield": sortfield, "limit": 1000}
        return [int(r["id"]) for r in (await admin.get(f"/{name}/", params=params)).json()[name]]

    records = data.table(name)
    # unlabelled projects first, as with any empty value, then by the label; id order within
    by_name = sorted(
        records,
        key=lambda i: (label(records[i]) != {}, label(records[i]).get("name", "").casefold()),
    )
    by_order = sorted(
        records, key=lambda i: (label(records[i]) != {}, label(records[i]).get("priority", 0))
    )
    assert await order("projectlabel") == by_name
    assert await order("projectlabel_order") == await order("projectabel_order") == by_order
    assert by_name != by_order or len({label(r).get("name") for r in records.values()}) < 3


# -- write bodies ----------------------------------------------------------------------------


async def test_writes_take_ids_and_numbers_as_strings_and_as_json_numbers(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    data = sandbox.accounts["demo"]
    task = next(iter(data.table("task").values()))
    person = data.table("projectteam")[task["projectid"]]["personid"][0]
    worktype = min(data.table("worktype"))
    as_strings = {"taskid": str(task["id"]), "worktypeid": str(worktype), "time": "1.25"}
    as_numbers = {"taskid": task["id"], "worktypeid": worktype, "time": 1.25}
    echoes = []
    for ids in (as_strings, as_numbers):
        body = {**ids, "personid": ids["taskid"] and person, "date": "2026-01-05"}
        body["billable"] = "t" if ids is as_strings else True
        response = await admin.post("/time/", json=body)
        assert response.status_code == 201, response.text
        echoes.append({k: v for k, v in response.json()["time"].items() if k != "id"})
    assert echoes[0] == echoes[1]
    assert echoes[0]["taskid"] == str(task["id"]) and echoes[0]["time"] == "1.25"


async def test_the_client_writes_what_the_sandbox_echoes(api: Api, auto_sandbox: Sandbox) -> None:
    client = api(auto_sandbox)
    data = auto_sandbox.accounts["demo"]
    task = next(iter(data.table("task").values()))
    person = data.table("projectteam")[task["projectid"]]["personid"][0]
    created = await client.time.create(
        taskid=task["id"],
        worktypeid=min(data.table("worktype")),
        personid=person,
        date=date(2026, 1, 5),
        time=2,
        billable=False,
    )
    assert created.taskid == task["id"] and created.personid == person and created.extra == {}
    assert (await client.time.get(created.id)) == created


async def test_every_sortfield_of_the_table_is_served_both_ways(
    admin: httpx.AsyncClient, clock: VirtualClock
) -> None:
    from intervals_async.resources import RESOURCES

    async def pace(request: httpx.Request) -> None:
        clock.advance(0.7)  # under 100 a minute: the limit is not what this test is about

    admin.event_hooks["request"].append(pace)

    for spec in RESOURCES:
        if not spec.sortfields or any(f.required for f in spec.filters):
            continue
        everything = (await admin.get(f"/{spec.name}/", params={"limit": 1000})).json()
        ids = sorted(r["id"] for r in everything[spec.name])
        for sortfield in spec.sortfields:
            for direction in ("ASC", "DESC"):
                params = {"sortfield": sortfield, "sortdir": direction, "limit": 1000}
                response = await admin.get(f"/{spec.name}/", params=params)
                assert response.status_code == 200, (spec.name, sortfield, response.text)
                assert sorted(r["id"] for r in response.json()[spec.name]) == ids
