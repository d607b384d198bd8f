"""The sandbox answers like the API: envelopes, wire types, routing errors, auth and groups."""

from __future__ import annotations

import base64
import json
import re
import threading

import httpx
import pytest

from intervals_async import VirtualClock
from intervals_async.resources import RESOURCES, Group, Kind
from intervals_async.sandbox import AuditEntry, AuditLog, Sandbox

from ..conftest import Connect, api_error, both_backends

pytestmark = pytest.mark.anyio
anyio_backend = both_backends  # cheap: asyncio and trio

_ID = re.compile(r"^[1-9][0-9]*$")
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def _pace(client: httpx.AsyncClient, clock: VirtualClock) -> httpx.AsyncClient:
    async def tick(request: httpx.Request) -> None:
        clock.advance(0.7)

    client.event_hooks["request"].append(tick)
    return client


_SAMPLES = {Kind.INT: "1", Kind.BOOL: "f", Kind.DATE: "2026-01-01", Kind.STR: "a"}
_SAMPLES |= {Kind.DATETIME: "2026-01-01 00:00:00", Kind.DECIMAL: "1"}


async def test_every_filter_of_the_table_is_understood(
    sandbox: Sandbox, clock: VirtualClock, connect: Connect
) -> None:
    admin = _pace(connect(), clock)
    data = sandbox.accounts["demo"]
    for spec in RESOURCES:
        if "GET" not in spec.collection or spec.name in ("quota", "me"):
            continue
        required = {
            f.name: str(min(data.table(f.name.removesuffix("id"))))
            for f in spec.filters
            if f.required
        }
        for f in spec.filters:
            value = {"sortfield": (spec.sortfields or ("id",))[0], "sortdir": "ASC"}.get(
                f.name, _SAMPLES[f.kind]
            )
            if f.name == "tasklistfilterid":
                value = str(min(data.table("tasklistfilter")))
            response = await admin.get(f"/{spec.name}/", params={**required, f.name: value})
            assert response.status_code == 200, (spec.name, f.name, response.text)


async def test_collection_envelope_and_wire_types(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    response = await admin.get("/task/", params={"limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"personid", "status", "code", "listcount", "task"}
    assert isinstance(body["personid"], int) and body["status"] == "OK" and body["code"] == 200
    assert body["listcount"] == len(sandbox.accounts["demo"].table("task")) > 5
    assert len(body["task"]) == 5
    for task in body["task"]:
        assert _ID.match(task["id"]) and _ID.match(task["projectid"])
        assert _TIMESTAMP.match(task["datemodified"])
        assert task["dateclosed"] is None or re.match(r"^\d{4}-\d\d-\d\d$", task["dateclosed"])
        assert all(_ID.match(p) for p in task["assigneeid"].split(","))
        assert isinstance(task["priority"], str) and task["priority"].isdigit()
    projects = (await admin.get("/project/", params={"limit": 50})).json()["project"]
    assert {p["billable"] for p in projects} <= {"t", "f"} and len(
        {p["billable"] for p in projects}
    ) == 2


async def test_text_is_html_escaped_and_json_is_ascii_with_escaped_slashes(
    admin: httpx.AsyncClient,
) -> None:
    response = await admin.get("/client/", params={"limit": 100})
    names = {c["name"] for c in response.json()["client"]}
    assert "US-Travel &amp; Expenses" in names
    assert "Café &quot;Nord&quot; &lt;Ost&gt;" in names
    assert response.content.isascii()
    me = await admin.get("/me/")
    assert b"Asia\\/Calcutta" in me.content or b"Europe\\/London" in me.content


async def test_member_envelope_has_no_listcount(admin: httpx.AsyncClient) -> None:
    task = (await admin.get("/task/", params={"limit": 1})).json()["task"][0]
    body = (await admin.get(f"/task/{task['id']}/")).json()
    assert set(body) == {"personid", "status", "code", "task"}
    member = body["task"]
    assert member["id"] == task["id"]
    # the live quirk: a member names the priority, a collection item gives its order
    assert not member["priority"].isdigit() and task["severity"] == member["priority"]
    assert isinstance(member["assignee"], list) and member["assignee"][0]["assigneeactive"] in "tf"


async def test_me_and_quota(admin: httpx.AsyncClient) -> None:
    me = (await admin.get("/me/")).json()
    assert me["listcount"] == 1 and me["me"][0]["id"] == str(me["personid"])
    assert me["me"][0]["group"] == "Administrator"
    own = await admin.get(f"/me/{me['personid']}/")
    assert own.json()["me"]["id"] == str(me["personid"])
    quota = (await admin.get("/quota/")).json()
    assert "listcount" not in quota
    assert set(quota["quota"]) == {"quota", "used", "next_reset", "exceeded"}
    assert quota["quota"]["quota"] == "6000" and quota["quota"]["exceeded"] == "f"
    assert quota["quota"]["next_reset"].endswith(" 00:00:00")


async def test_routing_errors(admin: httpx.AsyncClient) -> None:
    assert api_error(await admin.get("/nosuch/")) == (400, 13)
    assert api_error(await admin.get("/miletsone/")) == (400, 13)
    assert api_error(await admin.get("/")) == (400, 13)
    assert api_error(await admin.get("/task/1/")) == (404, 14)
    assert api_error(await admin.get("/task/abc/")) == (404, 14)
    assert api_error(await admin.post("/task/1/reopen/")) == (400, 15)
    assert api_error(await admin.delete("/task/")) == (400, 16)
    assert api_error(await admin.post("/worktype/", json={"name": "x"})) == (400, 16)
    assert api_error(await admin.put("/taskstatus/1/", json={})) == (400, 16)
    assert api_error(await admin.patch("/task/")) == (400, 16)


async def test_group_permissions(connect: Connect, sandbox: Sandbox) -> None:
    resource_user, executive = connect(Group.RESOURCE), connect(Group.EXECUTIVE)
    forbidden = await resource_user.get("/worktype/")
    assert api_error(forbidden) == (403, 10)
    assert forbidden.json()["error"]["verbose"] == [
        "HTTP Method GET isn't available to your user group for accessing collections."
    ]
    assert (await resource_user.get("/projectworktype/")).status_code == 200
    assert api_error(await executive.get("/timer/")) == (403, 10)  # executives have no timers
    assert (await executive.get("/time/")).status_code == 200  # newer docs: executives read time
    assert api_error(await resource_user.post("/client/", json={"name": "x"})) == (403, 10)


async def test_authentication(connect: Connect, sandbox: Sandbox) -> None:
    token = sandbox.token()
    live_401 = {
        "personid": None,
        "status": "Unauthorized",
        "code": 401,
        "error": {
            "code": 9,
            "message": "User bad auth",
            "verbose": ["You must include your API token when making API requests."],
        },
    }
    for auth in (None, ("nosuchtoken", "X"), ("", token)):
        response = await connect(auth=auth).get("/me/")
        assert response.status_code == 401 and response.json() == live_401, auth
    bearer = connect(auth=None)
    assert (
        await bearer.get("/me/", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 401
    assert (await bearer.get("/me/", params={"token": token})).status_code == 401
    garbage = {"Authorization": "Basic !!!"}
    assert (await bearer.get("/me/", headers=garbage)).status_code == 401
    # token as the username with any password, an empty one, or the token itself
    for password in ("X", "", token):
        assert (await connect(auth=(token, password)).get("/me/")).status_code == 200
    raw = base64.b64encode(f"{token}:".encode()).decode()
    assert (await bearer.get("/me/", headers={"Authorization": f"Basic {raw}"})).status_code == 200


async def test_document_download(admin: httpx.AsyncClient, sandbox: Sandbox) -> None:
    documents = sandbox.accounts["demo"].documents
    ident, content = next(iter(documents.items()))
    response = await admin.get(f"/document/{ident}/download/")
    assert response.status_code == 200 and response.content == content
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert api_error(await admin.get("/document/1/download/")) == (404, 14)


async def test_json_is_what_php_would_write(admin: httpx.AsyncClient) -> None:
    raw = (await admin.get("/client/", params={"limit": 100})).text
    assert json.loads(raw)["client"]
    assert "\\u6771" in raw  # CJK as \\u escapes, as json_encode does by default


def test_the_audit_log_wakes_a_waiting_thread_on_each_arrival_and_answer() -> None:
    log = AuditLog()
    assert not log.wait_for(lambda seen: len(seen) > 0, timeout=0.0)  # nothing yet: false
    entry = AuditEntry(0.0, "10.0.0.1", None, "GET", "/time/")
    woke = threading.Event()

    def waiter() -> None:
        if log.wait_for(lambda seen: bool(seen) and seen[0].status == 200, timeout=60.0):
            woke.set()

    thread = threading.Thread(target=waiter)
    thread.start()
    log.append(entry)  # arrived: not answered yet
    entry.status = 200
    log.answered(entry)  # the waiter sees the answer
    thread.join(timeout=60.0)
    assert woke.is_set()
