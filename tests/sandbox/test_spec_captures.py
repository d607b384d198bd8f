"""The sandbox against the live captures and error bodies quoted in ``spec/intervals-api.md``.

Reads ``../shared/spec/intervals-api.md``; skipped where it is absent.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import httpx
import pytest

from intervals_async.resources import Group
from intervals_async.sandbox import Sandbox

from ..conftest import Connect

pytestmark = pytest.mark.anyio


@functools.cache
def _spec_text() -> str:
    from ..conftest import spec_file

    return spec_file("intervals-api.md").read_text()


def _quoted_json() -> list[Any]:
    """Every JSON object quoted in the spec (code blocks and inline code) that parses."""
    text = _spec_text()
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


def _key_list(text: str) -> set[str]:
    """The keys of a quoted list such as ``id, localid, primaryaccount (t/f), ...``."""
    text = re.sub(r"\([^)]*\)", "", text)
    return {k.strip() for k in text.split(",") if k.strip()}


def _me_keys_of_the_spec() -> set[str]:
    """The ``/me/`` keys of section 9.6: the documented list and what the live capture adds."""
    text = _spec_text()
    listed = re.search(r"- Fields \[DOC\]\+\[LIVE\]: `([^`]*)`", text)
    added = re.search(r"- \[LIVE\] adds `([^`]*)`", text)
    assert listed and added, "the spec no longer lists the /me/ keys"
    return _key_list(listed.group(1)) | _key_list(added.group(1))


async def test_me_carries_exactly_the_keys_of_the_live_capture(connect: Connect) -> None:
    expected = _me_keys_of_the_spec()
    assert "email" not in expected and "active" not in expected  # F8: the live /me/ has neither
    for group in Group:
        me = (await connect(group).get("/me/")).json()["me"][0]
        assert set(me) == expected, (group, set(me) ^ expected)


async def test_me_values_look_like_the_live_capture(admin: httpx.AsyncClient) -> None:
    me = (await admin.get("/me/")).json()["me"][0]
    # F8: a display label without the "(GMT...)" prefix; lastlogin with six fractional digits
    assert not me["timezone_offset"].startswith("(")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", me["lastlogin"])
    assert me["calendarorientation"] == "0" and me["editordisabled"] == "0"


async def test_task_member_carries_exactly_the_keys_of_the_live_capture(
    admin: httpx.AsyncClient,
) -> None:
    live = _captures(lambda c: "assignee" in c and "localid" in c)[0]
    for task in (await admin.get("/task/", params={"limit": 5})).json()["task"]:
        ours = (await admin.get(f"/task/{task['id']}/")).json()["task"]
        assert set(ours) == set(live), set(ours) ^ set(live)


def _time_echo_keys_of_the_spec() -> list[str]:
    found = re.search(r"The `POST /time/` echo is exactly `([^`]*)`", _spec_text())
    assert found, "the spec no longer lists the POST /time/ echo"
    return [k.strip() for k in found.group(1).split(",")]


async def test_time_echo_carries_exactly_the_keys_of_the_live_capture(
    admin: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    live = _captures(lambda c: c.get("status") == "Created")[0]["time"]
    assert set(_time_echo_keys_of_the_spec()) == set(live)
    data = sandbox.accounts["demo"]
    task = next(iter(data.table("task").values()))
    person = data.table("projectteam")[task["projectid"]]["personid"][0]
    worktype = min(data.table("worktype"))
    for taskid in (task["id"], None):  # task time and general time
        body = {"worktypeid": worktype, "personid": person, "date": "2025-03-11", "time": "1"}
        body |= {"billable": "f", "taskid": taskid}
        if taskid is None:
            body |= {"projectid": task["projectid"], "moduleid": task["moduleid"]}
        echo = (await admin.post("/time/", json=body)).json()["time"]
        assert set(echo) == set(live), set(echo) ^ set(live)
        member = (await admin.get(f"/time/{echo['id']}/")).json()["time"]
        assert set(member) == set(live)  # the member reads as its echo did


def _group_ids_of_the_spec() -> dict[str, int]:
    """F2: ``Resource = "4", Administrator = 2, Manager = 3 (Executive probably 5, ...)``."""
    found = re.search(
        r'Resource = `"(\d+)"`, Administrator = (\d+), Manager = (\d+) '
        r"\(Executive probably (\d+)",
        _spec_text(),
    )
    assert found, "the spec no longer gives the group ids"
    return dict(
        zip(
            ("Resource", "Administrator", "Manager", "Executive"),
            map(int, found.groups()),
            strict=True,
        )
    )


async def test_group_ids_are_the_small_shared_ids_of_the_evidence(connect: Connect) -> None:
    expected = _group_ids_of_the_spec()
    groups = (await connect().get("/group/")).json()["group"]
    assert {g["name"]: int(g["id"]) for g in groups} == expected
    for group in Group:
        me = (await connect(group).get("/me/")).json()["me"][0]
        assert (me["group"], me["groupid"]) == (group.value, str(expected[group.value]))


def _timer_page() -> str:
    text = _spec_text()
    assert "Ordinarily, the list returns a list of active task timers" in text
    assert "a user cannot have more than one timer for a particular task" in text
    return text


async def test_timer_list_follows_the_timer_page(admin: httpx.AsyncClient) -> None:
    _timer_page()

    async def listed(**params: str) -> list[dict[str, Any]]:
        timers: list[dict[str, Any]] = (await admin.get("/timer/", params=params)).json()["timer"]
        return timers

    task_timers, general = await listed(), await listed(generaltimers="t")
    assert task_timers and all(t["taskid"] is not None for t in task_timers)
    assert general and all(t["taskid"] is None for t in general)
    assert await listed(generaltimers="f") == task_timers
    both = await listed(gettimerinfo="t")
    assert {t["id"] for t in both} == {t["id"] for t in task_timers + general}


async def test_a_second_timer_for_one_task_is_refused(admin: httpx.AsyncClient) -> None:
    _timer_page()
    timer = (await admin.get("/timer/")).json()["timer"][0]
    again = await admin.post(
        "/timer/", json={"personid": timer["personid"], "taskid": timer["taskid"]}
    )
    assert again.status_code == 400 and again.json()["error"]["code"] == 18
