"""The token never shows: not in a repr, a log line, an exception or a traceback."""

from __future__ import annotations

import base64
import logging
import traceback
from decimal import Decimal

import pytest

from intervals_async import (
    DailyQuotaExceeded,
    IntervalsClient,
    IntervalsError,
    InvalidParameter,
    NotFound,
    RetryPolicy,
)
from intervals_async.sandbox import AccountSpec, Faults, Sandbox, SandboxConfig

from .conftest import BASE_URL, Api, AutoClock

pytestmark = pytest.mark.anyio


def _leaks(text: str, token: str) -> bool:
    encoded = base64.b64encode(f"{token}:X".encode()).decode()
    return token in text or encoded in text or encoded.rstrip("=") in text


def _shown(error: BaseException) -> str:
    return "\n".join(
        [str(error), repr(error), "".join(traceback.format_exception(error))]
        + [repr(a) for a in error.args]
    )


async def test_token_never_shows(
    auto_clock: AutoClock, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx, httpcore
    sandbox = Sandbox(
        SandboxConfig(
            seed=7,
            accounts=(AccountSpec("demo", daily_limit=60),),
            faults=Faults(drop=0.1, truncate=0.1, error=0.1),
        ),
        clock=auto_clock,
    )
    client = api(sandbox, retry=RetryPolicy(attempts=1))  # let the faults surface
    token = sandbox.token()
    errors: list[BaseException] = []
    for _ in range(30):
        try:
            await client.time.list(limit=5)
            await client.time.get(999_999_999)
        except IntervalsError as error:
            errors.append(error)
    for call in (
        client.time.list(projcetid=1),
        client.time.update(1, time=Decimal("1"), bogus=1),
    ):
        with pytest.raises(InvalidParameter) as invalid:
            await call
        errors.append(invalid.value)
    for _ in range(100):  # spend the day, collecting the faults on the way
        try:
            await client.me.get()
        except IntervalsError as error:
            errors.append(error)
            if isinstance(error, DailyQuotaExceeded):
                break
    kinds = {type(e) for e in errors}
    assert {NotFound, InvalidParameter, DailyQuotaExceeded} <= kinds, kinds
    assert len(kinds) >= 5, kinds  # transport and decode failures too
    assert caplog.records, "DEBUG logging produced nothing to check"
    assert not _leaks(caplog.text, token)
    for shown in map(_shown, errors):
        assert not _leaks(shown, token), shown
    assert not _leaks(repr(client) + repr(client.time) + repr(client.governor), token)


async def test_a_wrong_token_is_not_echoed(auto_clock: AutoClock) -> None:
    sandbox = Sandbox(SandboxConfig(seed=7), clock=auto_clock)
    secret = "wrongtoken1"
    async with IntervalsClient(
        secret, base_url=BASE_URL, transport=sandbox.transport(), clock=auto_clock
    ) as client:
        with pytest.raises(IntervalsError) as raised:
            await client.me.get()
    assert not _leaks(_shown(raised.value), secret)


@pytest.mark.parametrize("bad", ["has space", "with:colon", ""])
def test_a_malformed_token_is_refused_without_quoting_it(
    bad: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVALS_TOKEN", raising=False)
    with pytest.raises(ValueError, match="INTERVALS_TOKEN") as raised:
        IntervalsClient(bad)
    assert not bad or bad not in _shown(raised.value)


def test_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVALS_TOKEN", "envtoken123")
    client = IntervalsClient()
    assert "envtoken123" not in repr(client)
    request = client._http.build_request("GET", "/me/")
    client._http.auth.auth_flow(request).__next__()  # type: ignore[union-attr]
    expected = base64.b64encode(b"envtoken123:X").decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert request.headers["accept"] == "application/json"
    assert expected not in repr(request.headers)  # httpx masks it in reprs


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://api.myintervals.com/", True),
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://api.myintervals.com/", False),
        ("http://10.0.0.5/", False),
        ("ftp://api.myintervals.com/", False),
    ],
)
def test_https_is_required_except_on_loopback(url: str, ok: bool) -> None:
    if ok:
        assert IntervalsClient("abc", base_url=url)
    else:
        with pytest.raises(ValueError, match="https"):
            IntervalsClient("abc", base_url=url)


@pytest.mark.parametrize(
    "url",
    [
        "https://user:hunter2@api.myintervals.com/",
        "https://hunter2@api.myintervals.com/",
        "http://u:hunter2@127.0.0.1:8000/",
        "https://:hunter2@api.myintervals.com/",
    ],
)
def test_userinfo_in_the_base_url_is_refused_without_quoting_it(url: str) -> None:
    with pytest.raises(ValueError, match="must not carry a user name or password") as caught:
        IntervalsClient("abc", base_url=url)
    assert "hunter2" not in _shown(caught.value)
