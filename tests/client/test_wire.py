"""Exact wire edge cases with respx: envelopes, headers, every error code, retry decisions."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from intervals_async import (
    AccountError,
    APIError,
    AuthenticationError,
    BadRequest,
    ConnectionFailed,
    DailyQuotaExceeded,
    DecodeError,
    IntervalsClient,
    NotFound,
    PermissionDenied,
    RequestsTooFast,
    RetryPolicy,
    ServerError,
    Timeout,
)
from intervals_async.governor import Outcome, Permit, Unmetered

from ..conftest import AutoClock, both_backends

pytestmark = pytest.mark.anyio


# The request loop, retries and cancellation on both of anyio's backends.
anyio_backend = both_backends


URL = "https://api.myintervals.com"


def _error(status: int, code: int | str, message: str = "m") -> httpx.Response:
    body = {
        "personid": "375922",
        "status": "x",
        "code": status,
        "error": {"code": code, "message": message, "verbose": ["detail"]},
    }
    return httpx.Response(status, json=body)


def _ok(status: int = 200, **body: Any) -> httpx.Response:
    return httpx.Response(status, json={"personid": 375922, "status": "OK", "code": status, **body})


_TIME = {"id": "5", "time": "1", "billable": "t", "date": "2026-01-05"}
_NEW: dict[str, Any] = {
    "worktypeid": 1,
    "personid": 2,
    "date": "2026-01-05",
    "time": 1,
    "billable": True,
}


@pytest.fixture
async def client(auto_clock: AutoClock) -> AsyncIterator[IntervalsClient]:
    async with IntervalsClient(
        "tok12345678", governor=Unmetered(), clock=auto_clock, retry=RetryPolicy(attempts=3)
    ) as opened:
        yield opened


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (500, 1, ServerError),
        (401, 2, AuthenticationError),
        (401, 3, AuthenticationError),
        (503, 4, AccountError),
        (418, 5, AccountError),
        (402, 6, AccountError),
        (401, 7, AuthenticationError),
        (401, 8, AuthenticationError),
        (401, 9, AuthenticationError),
        (403, 10, PermissionDenied),
        (400, 11, DailyQuotaExceeded),
        (400, 12, RequestsTooFast),
        (400, 13, NotFound),
        (404, 14, NotFound),
        (400, 15, BadRequest),
        (400, 16, BadRequest),
        (400, 17, BadRequest),
        (400, "18", BadRequest),  # a code sent as a string
        (500, 19, ServerError),
        (502, 20, ServerError),
    ],
)
async def test_every_documented_code_has_its_class(
    client: IntervalsClient, status: int, code: int | str, cls: type[APIError]
) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.post("/time/").mock(return_value=_error(status, code))
        with pytest.raises(cls) as raised:
            await client.time.create(**_NEW)
    assert type(raised.value) is cls
    assert (raised.value.status, raised.value.code) == (status, int(code))
    assert raised.value.verbose == ("detail",)


@pytest.mark.parametrize(
    ("status", "cls"),
    [(401, AuthenticationError), (403, PermissionDenied), (404, NotFound), (400, BadRequest)],
)
async def test_without_a_code_the_status_decides(
    client: IntervalsClient, status: int, cls: type[APIError]
) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.get("/me/").mock(return_value=httpx.Response(status, text="<html>nope</html>"))
        with pytest.raises(cls) as raised:
            await client.me.get()
    assert raised.value.code is None


async def test_a_proxy_502_page_is_a_server_error_and_retried_for_get(
    client: IntervalsClient,
) -> None:
    with respx.mock(base_url=URL) as mock:
        route = mock.get("/me/").mock(
            side_effect=[
                httpx.Response(502, text="<html>bad gateway</html>"),
                _ok(me=[{"id": "1"}]),
            ]
        )
        assert (await client.me.get()).id == 1
    assert route.call_count == 2


async def test_envelope_numbers_as_strings(client: IntervalsClient) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/").mock(
            return_value=httpx.Response(
                200,
                json={"personid": "424758", "code": "200", "listcount": "43", "time": [_TIME]},
            )
        )
        page = await client.time.list(limit=1)
    assert page.listcount == 43 and page.items[0].billable is True


async def test_requests_carry_auth_accept_json_and_the_documented_headers(
    auto_clock: AutoClock,
) -> None:
    async with IntervalsClient(
        "tok12345678",
        clock=auto_clock,
        governor=Unmetered(),
        send_notifications=True,
        disable_action_notes=False,
    ) as client:
        with respx.mock(base_url=URL) as mock:
            route = mock.post("/time/").mock(return_value=_ok(201, time=_TIME))
            await client.time.create(**{**_NEW, "time": Decimal("1.50"), "description": "A&B"})
    request = route.calls.last.request
    assert request.headers["authorization"] == "Basic dG9rMTIzNDU2Nzg6WA=="  # tok12345678:X
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-intervals-send-notifications"] == "t"
    assert request.headers["x-intervals-disable-action-notes"] == "f"
    assert json.loads(request.content) == {
        "worktypeid": "1",  # ids and numbers as JSON strings, as every live capture sent them
        "personid": "2",
        "date": "2026-01-05",
        "time": "1.5",
        "billable": "t",
        "description": "A&B",
    }


async def test_every_write_body_value_is_a_json_string_or_null(client: IntervalsClient) -> None:
    fields: dict[str, Any] = {
        "title": "Fix",
        "projectid": 11,
        "moduleid": 12,
        "statusid": 13,
        "priorityid": 14,
        "ownerid": [15, 16],
        "dateopen": dt.date(2026, 1, 5),
        "estimate": Decimal("2.50"),
        "datedue": None,
    }
    with respx.mock(base_url=URL) as mock:
        route = mock.post("/task/").mock(return_value=_ok(201, task={"id": "9"}))
        await client.task.create(**fields)
        mock.put("/task/9/").mock(return_value=_ok(202, task={"id": "9"}))
        await client.task.update(9, milestoneid=17, estimate=3)
        sent = [json.loads(call.request.content) for call in mock.calls]
    assert sent[0] == {
        "title": "Fix",
        "projectid": "11",
        "moduleid": "12",
        "statusid": "13",
        "priorityid": "14",
        "ownerid": "15,16",
        "dateopen": "2026-01-05",
        "estimate": "2.5",
        "datedue": None,
    }
    assert sent[1] == {"milestoneid": "17", "estimate": "3"}
    assert route.call_count == 1


async def test_an_empty_delete_answer_is_success(client: IntervalsClient) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.delete("/time/5/").mock(return_value=httpx.Response(200, content=b""))
        await client.time.delete(5)
        assert mock.calls.call_count == 1


async def test_an_update_answer_without_the_record_is_read_back(client: IntervalsClient) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.put("/time/5/").mock(return_value=_ok(202))
        mock.get("/time/5/").mock(return_value=_ok(time=_TIME))
        assert (await client.time.update(5, time=Decimal(1))).id == 5


async def test_a_post_whose_connection_failed_before_sending_is_retried(
    client: IntervalsClient,
) -> None:
    with respx.mock(base_url=URL) as mock:
        route = mock.post("/time/").mock(
            side_effect=[httpx.ConnectError("refused"), _ok(201, time=_TIME)]
        )
        assert (await client.time.create(**_NEW)).id == 5
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (httpx.ReadTimeout("slow"), Timeout),
        (httpx.RemoteProtocolError("dropped"), ConnectionFailed),
        (_error(500, 19), ServerError),
        (httpx.Response(200, text='{"personid": 1, "time": {"id": '), None),
    ],
)
async def test_a_post_that_may_have_happened_is_not_retried(
    client: IntervalsClient, failure: Any, cls: type[Exception] | None
) -> None:
    with respx.mock(base_url=URL) as mock:
        route = mock.post("/time/").mock(side_effect=[failure, _ok(201, time=_TIME)])
        with pytest.raises((Timeout, ConnectionFailed, ServerError, DecodeError)) as raised:
            await client.time.create(**_NEW)
        assert route.call_count == 1
        mock.get("/time/5/").mock(side_effect=[failure, _ok(time=_TIME)])
        assert (await client.time.get(5)).id == 5  # the same failure on a GET is retried
    if cls is not None:
        assert type(raised.value) is cls
    assert raised.value.request_sent  # type: ignore[attr-defined]


async def test_retry_opt_in_for_writes(auto_clock: AutoClock) -> None:
    policy = RetryPolicy(attempts=3, retry_writes=True)
    async with IntervalsClient(
        "tok12345678", clock=auto_clock, retry=policy, governor=Unmetered()
    ) as client:
        with respx.mock(base_url=URL) as mock:
            route = mock.post("/time/").mock(side_effect=[_error(500, 1), _ok(201, time=_TIME)])
            await client.time.create(**_NEW)
    assert route.call_count == 2


async def test_every_attempt_passes_the_governor(auto_clock: AutoClock) -> None:
    governor = Unmetered()
    async with IntervalsClient(
        "tok12345678", governor=governor, clock=auto_clock, retry=RetryPolicy(attempts=4)
    ) as client:
        with respx.mock(base_url=URL) as mock:
            mock.get("/me/").mock(
                side_effect=[
                    _error(400, 12),
                    httpx.ConnectError("refused"),
                    _error(500, 1),
                    _ok(me=[{"id": "1"}]),
                ]
            )
            await client.me.get()
    assert governor.acquired == governor.released == 4
    assert governor.last_outcome is not None and governor.last_outcome.status == 200


class _SlowRelease(Unmetered):
    """A governor whose release waits, as a shared store's does (a thread, a round trip)."""

    async def release(self, permit: Permit, outcome: Outcome, *, daily: bool = True) -> None:
        for _ in range(3):
            await anyio.lowlevel.checkpoint()  # a cancellation let through would end it here
        await super().release(permit, outcome, daily=daily)


@pytest.mark.parametrize("ending", ["cancelled", "deadline"])
@pytest.mark.parametrize("kind", [Unmetered, _SlowRelease], ids=["at-once", "waits"])
async def test_a_cancelled_or_timed_out_call_hands_its_slot_back_whole(
    auto_clock: AutoClock, ending: str, kind: type[Unmetered]
) -> None:
    # However the attempt ends, its slot is handed back, and a release that waits is never cut
    # short: the caller cancelled the call while it waited for the answer, or the attempt's own
    # deadline (attempt_timeout) passed.
    governor = kind()
    started = anyio.Event()

    async def hang(request: httpx.Request) -> httpx.Response:
        started.set()
        await anyio.sleep_forever()
        raise AssertionError

    client = IntervalsClient(
        "tok12345678", governor=governor, clock=auto_clock, attempt_timeout=0.05, quota_sync=None
    )
    async with client:
        with respx.mock(base_url=URL, assert_all_called=False) as mock:
            mock.get("/me/").mock(side_effect=hang)
            if ending == "cancelled":
                async with anyio.create_task_group() as group:
                    group.start_soon(client.with_options(retry=RetryPolicy(attempts=1)).me.get)
                    await started.wait()
                    group.cancel_scope.cancel()
            else:
                with pytest.raises(Timeout):
                    await client.with_options(retry=RetryPolicy(attempts=1)).me.get()
    assert governor.acquired == governor.released == 1
    assert governor.last_outcome is not None and governor.last_outcome.sent


@pytest.mark.parametrize("empty", [None, False, {}, [], ""])
async def test_an_empty_error_beside_a_success_is_a_success(
    client: IntervalsClient, empty: Any
) -> None:
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/5/").mock(return_value=_ok(time=_TIME, error=empty))
        entry = await client.time.get(5)
    assert entry.id == 5 and entry.time == Decimal(1)


@pytest.mark.parametrize(
    ("verbose", "lines"),
    [
        ("one line", ["one line"]),
        (7, ["7"]),
        ({"field": "x"}, ["{'field': 'x'}"]),
        (None, []),
        (["a", 2], ["a", "2"]),
    ],
)
async def test_an_error_whose_verbose_is_not_a_list_is_still_typed(
    client: IntervalsClient, verbose: Any, lines: list[str]
) -> None:
    body = {"personid": "1", "status": "Bad Request", "code": 400}
    body["error"] = {"code": 18, "message": "Validation error", "verbose": verbose}
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/5/").mock(return_value=httpx.Response(400, json=body))
        with pytest.raises(BadRequest) as caught:
            await client.time.get(5)
    assert caught.value.code == 18 and list(caught.value.verbose) == lines


async def test_an_error_beside_a_200_is_still_an_error(client: IntervalsClient) -> None:
    error = {"code": 18, "message": "Validation error", "verbose": ["bad"]}
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/5/").mock(return_value=_ok(time=_TIME, error=error))
        with pytest.raises(BadRequest):
            await client.time.get(5)


@pytest.mark.parametrize("status", [200, 400])
async def test_a_body_nested_too_deeply_is_a_typed_error(
    client: IntervalsClient, status: int
) -> None:
    deep = b'{"time":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/5/").mock(return_value=httpx.Response(status, content=deep))
        with pytest.raises(DecodeError if status == 200 else BadRequest):
            await client.time.get(5)


@pytest.mark.parametrize("person", [{"assignee": "Ada"}, "Ada", 5, [1]])
async def test_a_task_person_without_a_personid_is_a_decode_error(
    client: IntervalsClient, person: Any
) -> None:
    task = {"id": "9", "title": "t", "assignee": [person]}
    with respx.mock(base_url=URL) as mock:
        mock.get("/task/9/").mock(return_value=_ok(task=task))
        with pytest.raises(DecodeError):
            await client.task.get(9)


@pytest.mark.parametrize("ident", [None, ""])
async def test_a_record_without_its_id_is_a_decode_error(
    client: IntervalsClient, ident: Any
) -> None:
    rows = [{**_TIME, "id": "4"}, {**_TIME, "id": ident}]
    with respx.mock(base_url=URL) as mock:
        mock.get("/time/").mock(return_value=_ok(listcount=2, time=rows))
        with pytest.raises(DecodeError):
            await client.time.list()


@pytest.mark.parametrize(
    ("status", "header", "waited"),
    [
        (503, "120", 120.0),  # seconds
        (429, "120", 120.0),  # a bare 429: a rate limit, retried for any verb
        (503, "Thu, 01 Jan 2026 00:02:00 GMT", 120.0),  # an HTTP date, against the answer's Date
        (503, "100000", 300.0),  # capped at RetryPolicy.retry_after_max
        (503, "soon", None),  # not a delay: ordinary backoff
    ],
)
async def test_retry_after_is_honoured_and_cools_the_whole_egress(
    auto_clock: AutoClock, status: int, header: str, waited: float | None
) -> None:
    from intervals_async.governor import RateGovernor

    governor = RateGovernor(clock=auto_clock)
    sent: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(auto_clock.time())
        if len(sent) > 1:
            return _ok(201 if request.method == "POST" else 200, time=[_TIME])
        date = "Thu, 01 Jan 2026 00:00:00 GMT"
        return httpx.Response(status, headers={"Retry-After": header, "Date": date})

    policy = RetryPolicy(attempts=3, jitter=0.0, retry_after_max=300.0)
    async with IntervalsClient(
        "tok12345678", governor=governor, clock=auto_clock, retry=policy, quota_sync=None
    ) as client:
        with respx.mock(base_url=URL) as mock:
            method = "POST" if status == 429 else "GET"
            mock.route(method=method, path="/time/").mock(side_effect=answer)
            if status == 429:
                await client.time.create(**_NEW)
            else:
                await client.time.list()
            cooldown = (await governor.statistics(egress="default")).cooldown_until
    gap = sent[1] - sent[0]
    if waited is None:
        assert gap < 5 and cooldown is None  # no cooldown was set
        return
    assert cooldown is not None and cooldown.tzinfo is dt.UTC
    cooled = cooldown.timestamp() - sent[0]
    assert waited <= gap < waited + 1
    # Every other request through the egress was held as long: the governor's cooldown.
    expected = max(waited, 60.0) if status == 429 else waited
    assert abs(cooled - expected) < 1
