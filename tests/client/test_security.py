"""The token never shows: not in a repr, a log line, an exception or a traceback."""

from __future__ import annotations

import base64
import logging
import traceback
from decimal import Decimal

import httpx
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

from ..conftest import BASE_URL, Api, AutoClock

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
        client.time.list(projcetid=1),  # type: ignore[arg-type]  # the typo is the test
        client.time.update(1, time=Decimal("1"), bogus=1),  # type: ignore[arg-type]
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


def _every_logger_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    """DEBUG on the root and on every logger that exists by now (httpx, httpcore, redis...),
    and nothing propagation could hide."""
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)


async def test_the_token_never_shows_over_tcp_with_every_logger_at_debug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """httpx's and httpcore's own DEBUG lines (connections, headers sent and received) see the
    real socket here, not an in-process transport."""
    import httpcore  # noqa: F401  (so that its loggers exist before they are turned up)

    from intervals_async.governor import Unmetered
    from intervals_async.sandbox import serving

    sandbox = Sandbox(SandboxConfig(seed=3, faults=Faults(error=0.2)))
    token = sandbox.token()
    _every_logger_at_debug(caplog)
    errors: list[BaseException] = []
    with serving(sandbox) as url:
        async with IntervalsClient(
            token, base_url=url, governor=Unmetered(), retry=RetryPolicy(attempts=2, backoff=0)
        ) as client:
            shown = [repr(client), str(client)]
            for _ in range(8):
                try:
                    await client.time.list(limit=2)
                    await client.task.get(999_999_999)
                except IntervalsError as error:
                    errors.append(error)
        async with IntervalsClient(
            token[::-1], base_url=url, governor=Unmetered(), retry=RetryPolicy(attempts=1)
        ) as stranger:
            try:
                await stranger.me.get()
            except IntervalsError as error:
                errors.append(error)
    loggers = {r.name.split(".")[0] for r in caplog.records}
    assert {"httpx", "httpcore"} <= loggers, loggers
    assert any("send_request_headers" in r.getMessage() for r in caplog.records)
    assert errors and not any(_leaks(_shown(e), token) for e in errors)
    assert not any(_leaks(_shown(e), token[::-1]) for e in errors)
    assert not _leaks(caplog.text + "".join(shown), token)
    assert not _leaks(caplog.text, token[::-1])


@pytest.mark.parametrize(
    "form",
    [
        "redis://:{pw}@{host}/{db}",
        "redis://ghost:{pw}@{host}/{db}",
        "redis://{host}/{db}?password={pw}",
        "redis://{host}/?db={db}&username=ghost&password={pw}",
        "redis://{host}/{db}?username=ghost&pass%77ord={pw}",
    ],
)
async def test_a_redis_password_never_shows_with_every_logger_at_debug(
    redis_url: str, redis_prefix: str, caplog: pytest.LogCaptureFixture, form: str
) -> None:
    """A reachable Redis: the default user (no password set) takes any password, and a user
    that does not exist is refused. redis-py's own log lines, our StoreError and its traceback,
    and the store's repr stay clean either way."""
    import redis  # noqa: F401  (its loggers exist before they are turned up)

    from intervals_async import StoreError
    from intervals_async.governor import RateGovernor, RedisStore

    parts = httpx.URL(redis_url)
    secret = "s3cr%40t-pw"  # percent-encoded: the decoded form must not show either
    url = form.format(pw=secret, host=f"{parts.host}:{parts.port}", db=parts.path.strip("/"))
    _every_logger_at_debug(caplog)
    sandbox = Sandbox(SandboxConfig(seed=1))
    store = RedisStore(url, timeout=1.0, prefix=redis_prefix)
    try:
        async with IntervalsClient(
            sandbox.token(),
            base_url=BASE_URL,
            transport=sandbox.transport(),
            governor=RateGovernor(store=store),
        ) as client:
            try:
                await client.me.get()
                refused = None
            except StoreError as error:
                refused = error
    finally:
        await store.aclose()
    text = "\n".join([caplog.text, repr(store), _shown(refused) if refused else ""])
    for form_of_secret in (secret, "s3cr@t-pw", "s3cr%40t"):
        assert form_of_secret not in text, form_of_secret
    # A user that does not exist is refused before anything is sent; the default one works.
    assert (refused is not None) == ("ghost" in form)
    assert len(sandbox.audit) == (0 if refused else 2)  # the quota sync, then /me/
