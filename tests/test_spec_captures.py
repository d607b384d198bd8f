"""The sandbox against the live captures and error bodies quoted in ``spec/intervals-api.md``.

Reads ``../shared/spec/intervals-api.md``; skipped where it is absent.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from intervals_async.resources import Group
from intervals_async.sandbox import Sandbox

from .conftest import Connect

pytestmark = pytest.mark.anyio


def _quoted_json() -> list[Any]:
    """Every JSON object quoted in the spec (code blocks and inline code) that parses."""
    from .conftest import spec_file

    text = spec_file("intervals-api.md").read_text()
    candidates = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    candidates += re.findall(r"`(\{.*?\})`", text)
    found = []
    for candidate in candidates:
        try:
            found.append(json.loads(candidate))
        except ValueError:
            continue
    return found


def _captures(predicate: Any) -> list[dict[str, Any]]:
    found = [c for c in _quoted_json() if isinstance(c, dict) and predicate(c)]
    assert found, "the spec no longer quotes this capture"
    return found


def _same_shape(ours: Any, theirs: Any, where: str) -> None:
    """Same keys, same JSON kinds; a value quoted as null or a string may be either."""
    if isinstance(theirs, dict):
        assert isinstance(ours, dict), where
        for key, value in theirs.items():
            assert key in ours, f"{where}.{key} missing"
            _same_shape(ours[key], value, f"{where}.{key}")
    elif isinstance(theirs, list):
        assert isinstance(ours, list), where
        if theirs and ours:
            _same_shape(ours[0], theirs[0], f"{where}[0]")
    elif isinstance(theirs, str) or theirs is None:
        assert ours is None or isinstance(ours, str), where
    else:
        assert type(ours) is type(theirs), where


async def test_error_bodies_match_the_captures(connect: Connect, sandbox: Sandbox) -> None:
    errors = _captures(lambda c: "error" in c and "personid" in c)
    by_code = {c["error"]["code"]: c for c in errors}
    assert {9, 10, 17} <= set(by_code)
    unauthorised = await connect(auth=None).get("/timer/")
    assert unauthorised.json() == by_code[9]
    forbidden = await connect(Group.RESOURCE).get("/worktype/")
    unknown = await connect().post("/task/", json={"name": 1, "description": 2, "priority": 3})
    for response, code in ((forbidden, 10), (unknown, 17)):
        body, live = response.json(), by_code[code]
        assert response.status_code == live["code"]
        assert isinstance(body["personid"], str) and isinstance(live["personid"], str)
        assert {k: v for k, v in body.items() if k != "personid"} == {
            k: v for k, v in live.items() if k != "personid"
        }


async def test_task_member_matches_the_live_capture(admin: httpx.AsyncClient) -> None:
    live = _captures(lambda c: "assignee" in c and "localid" in c)[0]
    task = (await admin.get("/task/", params={"limit": 1})).json()["task"][0]
    ours = (await admin.get(f"/task/{task['id']}/")).json()
    assert isinstance(ours["personid"], int)
    _same_shape(ours["task"], live, "task")


async def test_time_create_matches_the_live_capture(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    live = _captures(lambda c: c.get("status") == "Created")[0]
    data = sandbox.accounts["demo"]
    task = next(iter(data.table("task").values()))
    body = {
        "taskid": task["id"],
        "worktypeid": min(data.table("worktype")),
        "personid": data.table("projectteam")[task["projectid"]]["personid"][0],
        "date": "2025-03-11",
        "time": "1.00",
        "description": "Testing API time entry",
        "billable": "false",
    }
    response = await admin.post("/time/", json=body)
    assert response.status_code == 201
    _same_shape(response.json(), live, "response")
    assert response.json()["time"]["time"] == "1" and response.json()["time"]["billable"] == "f"


async def test_me_collection_envelope(admin: httpx.AsyncClient) -> None:
    body = (await admin.get("/me/")).json()
    assert isinstance(body["personid"], int) and isinstance(body["code"], int)
    assert body["listcount"] == 1 and isinstance(body["me"], list)
