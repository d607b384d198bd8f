"""Rate limits as the server counts them: the minute window (four policies), suspension, the day."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from hypothesis import given, settings

from intervals_async import VirtualClock
from intervals_async.sandbox import AccountSpec, Sandbox, SandboxConfig, WindowPolicy
from intervals_async.sandbox._limits import MinuteWindow

from ..conftest import Connect, api_error
from ..strategies import ARRIVALS

pytestmark = pytest.mark.anyio

POLICIES = list(WindowPolicy)


async def test_with_defaults_the_101st_request_inside_60_seconds_is_refused(
    connect: Connect, sandbox: Sandbox, clock: VirtualClock
) -> None:
    client = connect()
    for _ in range(100):
        assert (await client.get("/me/")).status_code == 200
        clock.advance(0.59)  # 100 requests spread over 59 s
    assert api_error(await client.get("/me/")) == (400, 12)
    clock.advance(2)  # the oldest left the window, but the IP is suspended
    assert api_error(await client.get("/me/")) == (400, 12)


@pytest.mark.parametrize("policy", POLICIES)
async def test_the_101st_request_in_a_minute_is_refused_and_suspends_the_ip(
    policy: WindowPolicy, connect: Connect
) -> None:
    clock = VirtualClock(start=datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC))
    sandbox = Sandbox(SandboxConfig(seed=1, window_policy=policy), clock=clock)
    client = connect(target=sandbox)
    for _ in range(100):
        assert (await client.get("/me/")).status_code == 200  # a burst at one instant
    refused = await client.get("/me/")
    assert api_error(refused) == (400, 12)
    assert refused.json()["error"]["message"] == "Requests too fast"
    clock.advance(30)  # the window has room again, but the IP is suspended
    assert api_error(await client.get("/me/")) == (400, 12)
    other_ip = connect(target=sandbox, ip="203.0.113.9")
    assert (await other_ip.get("/me/")).status_code == 200  # limits are per IP
    clock.advance(61)
    assert (await client.get("/me/")).status_code == 200
    codes = [e.code for e in sandbox.audit.entries]
    assert codes.count(12) == 2 and len(codes) == 104


async def test_suspension_length_is_configurable(connect: Connect) -> None:
    clock = VirtualClock()
    sandbox = Sandbox(SandboxConfig(per_minute=5, suspension=0), clock=clock)
    client = connect(target=sandbox)
    for _ in range(5):
        await client.get("/me/")
    assert api_error(await client.get("/me/")) == (400, 12)
    clock.advance(60.001)
    assert (await client.get("/me/")).status_code == 200


async def test_quota_counts_every_request_but_itself(
    connect: Connect, sandbox: Sandbox, clock: VirtualClock
) -> None:
    client = connect()
    for path in ("/me/", "/task/", "/nosuch/", "/task/1/", "/quota/", "/quota/"):
        await client.get(path)
        clock.advance(1)
    quota = (await client.get("/quota/")).json()["quota"]
    assert quota["used"] == "4"  # errors count; /quota/ does not
    # ...but /quota/ does count against the minute by default
    assert sum(1 for e in sandbox.audit.entries if e.ip == "127.0.0.1") == 7


async def test_unauthenticated_requests_count_against_the_ip_not_an_account(
    connect: Connect, sandbox: Sandbox
) -> None:
    anonymous = connect(auth=None)
    for _ in range(100):
        assert (await anonymous.get("/me/")).status_code == 401
    assert api_error(await connect().get("/me/")) == (400, 12)
    assert sandbox.quota_used() == 0


async def test_a_simulated_gmt_day(connect: Connect) -> None:
    """6,000 requests through the day, the 6,001st refused with code 11 until 00:00 GMT."""
    clock = VirtualClock(start=datetime(2026, 3, 2, 0, 0, 0, tzinfo=UTC))
    sandbox = Sandbox(SandboxConfig(seed=3), clock=clock)
    client = connect(target=sandbox)
    for _ in range(6_000):
        response = await client.get("/taskstatus/")
        assert response.status_code == 200
        clock.advance(0.9)  # 6,000 x 0.9 s = 90 minutes, always under 100 a minute
    refused = await client.get("/taskstatus/")
    assert api_error(refused) == (400, 11)
    quota = (await client.get("/quota/")).json()["quota"]
    assert quota == {
        "quota": "6000",
        "used": "6000",
        "next_reset": "2026-03-03 00:00:00",
        "exceeded": "t",
    }
    clock.set(datetime(2026, 3, 2, 23, 59, 59, tzinfo=UTC))
    assert api_error(await client.get("/taskstatus/")) == (400, 11)
    clock.set(datetime(2026, 3, 3, 0, 0, 0, tzinfo=UTC))
    assert (await client.get("/taskstatus/")).status_code == 200
    assert sandbox.quota_used() == 1


async def test_unlimited_plan_and_accounts_have_separate_days(connect: Connect) -> None:
    clock = VirtualClock()
    config = SandboxConfig(
        accounts=[AccountSpec("a", daily_limit=3), AccountSpec("b", unlimited=True)]
    )
    sandbox = Sandbox(config, clock=clock)
    a = connect(target=sandbox, auth=(sandbox.token("a"), "X"))
    b = connect(target=sandbox, auth=(sandbox.token("b"), "X"))
    for _ in range(3):
        assert (await a.get("/me/")).status_code == 200
    assert api_error(await a.get("/me/")) == (400, 11)
    assert (await b.get("/me/")).status_code == 200
    assert (await b.get("/quota/")).json()["quota"]["quota"] == "12000"
    assert {e.account for e in sandbox.audit.entries} == {"a", "b"}


async def test_audit_endpoint(connect: Connect, sandbox: Sandbox) -> None:
    client = connect(ip="198.51.100.7")
    await client.get("/task/", params={"limit": 1})
    await client.get("/nosuch/")
    raw = connect(auth=None)
    log = (await raw.get("/_sandbox/audit")).json()
    assert log["next"] == 2
    first, second = log["entries"]
    assert first["ip"] == "198.51.100.7" and first["path"] == "/task/" and first["status"] == 200
    assert second["code"] == 13 and second["account"] == "demo"
    assert (await raw.get("/_sandbox/audit", params={"since": 1})).json()["entries"] == [second]
    assert len(sandbox.audit) == 2  # the audit endpoint itself is not an arrival


async def test_ip_override_header(connect: Connect, sandbox: Sandbox) -> None:
    client = connect()
    await client.get("/me/", headers={"X-Sandbox-Client-IP": "192.0.2.1"})
    assert sandbox.audit.entries[-1].ip == "192.0.2.1"


# -- the window policies themselves, as properties -----------------------------------------


def _admitted(policy: WindowPolicy, times: list[float], limit: int = 10) -> list[float]:
    window = MinuteWindow(policy, limit, 60.0)
    admitted = []
    for t in times:
        if window.admits(t):
            window.record(t)
            admitted.append(t)
    return admitted


@settings(max_examples=200, deadline=None)
@given(ARRIVALS)
def test_sliding_policy_never_admits_more_than_n_in_any_window(times: list[float]) -> None:
    admitted = _admitted(WindowPolicy.SLIDING, times)
    for i, start in enumerate(admitted):
        assert sum(1 for t in admitted[i:] if t < start + 60.0) <= 10


@settings(max_examples=200, deadline=None)
@given(ARRIVALS)
def test_fixed_policy_never_admits_more_than_n_per_calendar_minute(times: list[float]) -> None:
    admitted = _admitted(WindowPolicy.FIXED, times)
    minutes = [int(t // 60) for t in admitted]
    assert all(minutes.count(m) <= 10 for m in set(minutes))


@settings(max_examples=200, deadline=None)
@given(ARRIVALS)
def test_bucket_policy_admits_at_most_burst_plus_refill(times: list[float]) -> None:
    admitted = _admitted(WindowPolicy.BUCKET, times)
    for i, start in enumerate(admitted):
        for j in range(i, len(admitted)):
            assert j - i + 1 <= 10 + (admitted[j] - start) * 10 / 60 + 1e-9


@settings(max_examples=200, deadline=None)
@given(ARRIVALS)
def test_counter_policy_keeps_the_weighted_estimate_within_n(times: list[float]) -> None:
    admitted = _admitted(WindowPolicy.COUNTER, times)
    for t in admitted:
        minute = int(t // 60)
        current = sum(1 for a in admitted if int(a // 60) == minute and a <= t)
        previous = sum(1 for a in admitted if int(a // 60) == minute - 1)
        assert previous * (1 - (t - minute * 60) / 60) + current <= 10 + 1e-9


def test_a_bucket_client_is_refused_by_a_sliding_server() -> None:
    """Why the policies matter: a full bucket's burst plus its refill breaks a sliding log."""
    times = [i * 0.01 for i in range(10)] + [6.2 + i * 6.0 for i in range(9)]  # all within 60 s
    assert len(_admitted(WindowPolicy.BUCKET, times)) == 19
    assert len(_admitted(WindowPolicy.SLIDING, times)) == 10


async def test_rejected_requests_may_count(connect: Connect) -> None:
    clock = VirtualClock()
    config = SandboxConfig(per_minute=3, suspension=0, count_rejected=True)
    sandbox = Sandbox(config, clock=clock)
    client = connect(target=sandbox)
    for _ in range(3):
        await client.get("/me/")
    clock.advance(30)
    assert api_error(await client.get("/me/")) == (400, 12)
    clock.advance(30.5)  # the first three left the window; the refused one has not
    assert (await client.get("/me/")).status_code == 200
    assert isinstance(client, httpx.AsyncClient)
