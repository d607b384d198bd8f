"""``IntervalsClient``: configuration, the resource namespaces and the one request loop."""

from __future__ import annotations

import collections
import copy
import email.utils
import functools
import ipaddress
import logging
import math
import os
import tempfile
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, TypeVar, cast

import anyio
import attrs
import httpx

from ._cache import CachePolicy, ClientStatistics, ResponseCache
from ._clock import Clock, SystemClock
from ._convert import decode_json, decode_page, envelope_int, structure
from ._exceptions import (
    AccountError,
    APIError,
    AuthenticationError,
    ConnectionFailed,
    DailyQuotaExceeded,
    DecodeError,
    IntervalsError,
    RequestsTooFast,
    ResponseTooLarge,
    Timeout,
    error_class,
)
from ._observe import AttemptObserver, Observer
from ._retry import RetryPolicy
from ._version import __version__
from .governor import Governor, Outcome, Priority, RateGovernor, shared_governor
from .governor._default import server_of
from .models import Model, Quota
from .resources._typed import NAMESPACES, Namespaces

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "IntervalsClient", "base_url_setting"]

logger = logging.getLogger("intervals_async")

DEFAULT_BASE_URL = "https://api.myintervals.com/"


def base_url_setting(given: str | None = None) -> str:
    """The API root: ``given``, else the ``INTERVALS_BASE_URL`` variable, else the real API's
    (a served sandbox, say, named once for the library and the command alike)."""
    return given or os.environ.get("INTERVALS_BASE_URL") or DEFAULT_BASE_URL


DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_ATTEMPT_TIMEOUT = 120.0
DEFAULT_MAX_BODY_SIZE = 64 * 2**20

T = TypeVar("T")

# httpx errors raised before a single byte of the request left: the server did nothing.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class IntervalsClient(Namespaces):
    """An async client of the Intervals API, for asyncio and trio.

    Use it as an async context manager:

        async with IntervalsClient() as client:          # token from INTERVALS_TOKEN
            async for entry in client.time.iterate(projectid=5):
                ...

    Every resource is a namespace (``client.time``, ``client.task``, ``client.project``...)
    offering exactly the verbs the API has for it. Every attempt of every call, retries included,
    passes through the governor before it is sent.

    Args:
        token: the API token (default: the ``INTERVALS_TOKEN`` environment variable). It is sent
            as HTTP Basic ``token:X`` and never shown in a repr, log line or exception.
        base_url: the API root (default: the ``INTERVALS_BASE_URL`` variable, else the real
            API's); ``https`` unless the host is a loopback address, and no user name or password
            in it (the token authenticates; a URL with one is refused).
        timeout: the per-phase timeouts (connect, write, pool, and each read), in seconds or
            as an ``httpx.Timeout``.
        attempt_timeout: the whole attempt's deadline in seconds: connect, send, and receive
            and read the entire body, so a body that trickles in cannot hold a call forever
            (per-read timeouts alone never fire on it). Past it, `Timeout`. Default:
            ``timeout`` when it is a number, else 120 s.
        max_body_size: the largest answer body read, in bytes (default 64 MiB, hundreds of
            times the largest page; a document streamed to a file is not limited). Beyond,
            `ResponseTooLarge`, with memory bounded by this size.
        transport: an httpx transport to send through (a sandbox's, a mock...).
        governor: the rate governor every attempt passes through, or a store setting for the
            one it should use (``"host"``, ``"memory"``, ``"sqlite:///PATH"``,
            ``"redis://..."``). By default (the ``INTERVALS_GOVERNOR`` setting, else
            ``"host"``) every client of every process of the host shares one state per API
            server, a SQLite file in the user's state directory (``INTERVALS_STATE_DIR`` moves
            it), since they share the host's IP; the clients of one process share one
            `RateGovernor` on it. A client given its own
            ``clock`` gets its own governor in memory on that clock.
        account: the customer account name the governor keys the daily quota on.
        egress: the egress identity (host or NAT name) the governor keys the minute window on.
        priority: the priority of this client's calls (see `with_options()`).
        retry: the retry policy.
        page_size: records per request when listing and iterating.
        concurrency: pages in flight at once when iterating.
        send_notifications: send ``X-Intervals-Send-Notifications`` (the API's default: no mail).
        disable_action_notes: send ``X-Intervals-Disable-Action-Notes`` (the API's default:
            action notes are added).
        clock: the clock that times retries' waits and outcomes (virtual in tests).
        max_wait: the longest a call may wait for a slot; past it, ``GovernorTimeout`` is raised
            at once, carrying when a slot will be free (default: wait as long as it takes).
        wait_for_reset: wait for the next 00:00 GMT when the day's quota is spent, instead of
            raising ``DailyQuotaExceeded`` at once.
        quota_sync: seconds between reconciliations of the governor's day count with
            ``GET /quota/`` (free of the daily quota); the first call reconciles first, and so
            does the call after a code 11. ``None`` turns it off.
        cache: the response cache: ``True`` (default) caches the slow-changing resources for
            the times in `CachePolicy`, a `CachePolicy` chooses them, a
            `ResponseCache` is shared with other clients, ``False`` caches nothing.
            Identical concurrent ``GET`` calls share one request in every case.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        attempt_timeout: float | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        transport: httpx.AsyncBaseTransport | None = None,
        governor: Governor | str | None = None,
        account: str = "default",
        egress: str = "default",
        priority: Priority = Priority.DEFAULT,
        retry: RetryPolicy | None = None,
        page_size: int = 500,
        concurrency: int = 4,
        send_notifications: bool | None = None,
        disable_action_notes: bool | None = None,
        clock: Clock | None = None,
        max_wait: float | None = None,
        wait_for_reset: bool = False,
        quota_sync: float | None = 600.0,
        cache: ResponseCache | CachePolicy | bool = True,
    ) -> None:
        token = token if token is not None else os.environ.get("INTERVALS_TOKEN")
        if not token or any(c.isspace() or c == ":" for c in token):
            # The message never quotes the token: it may be a real one with a typo.
            raise ValueError(
                "an Intervals API token is needed: pass token=... or set INTERVALS_TOKEN "
                "(a token has no spaces or colons)"
                if token
                else "an Intervals API token is needed: pass token=... or set INTERVALS_TOKEN"
            )
        base_url = base_url_setting(base_url)
        try:
            url = httpx.URL(base_url)
        except httpx.InvalidURL:
            raise ValueError("base_url is not a URL (scheme://host[:port]/)") from None
        if url.userinfo:
            # Refused rather than passed on: httpx would put it in its log lines and the repr.
            raise ValueError(
                "base_url must not carry a user name or password (the token authenticates): "
                "give scheme://host[:port]/ only"
            )
        if url.scheme != "https" and not (url.scheme == "http" and _is_loopback(url.host)):
            raise ValueError(
                f"base_url must use https (plain http only to a loopback host), not {base_url!r}"
            )
        if page_size < 1 or concurrency < 1:
            raise ValueError("page_size and concurrency must be at least 1")
        if attempt_timeout is None:
            attempt_timeout = (
                float(timeout) if isinstance(timeout, int | float) else DEFAULT_ATTEMPT_TIMEOUT
            )
        if not attempt_timeout > 0 or max_body_size < 1:
            raise ValueError("attempt_timeout and max_body_size must be positive")
        headers = {"Accept": "application/json", "User-Agent": _user_agent()}
        if send_notifications is not None:
            headers["X-Intervals-Send-Notifications"] = "t" if send_notifications else "f"
        if disable_action_notes is not None:
            headers["X-Intervals-Disable-Action-Notes"] = "t" if disable_action_notes else "f"
        self._http = httpx.AsyncClient(
            base_url=url,
            auth=httpx.BasicAuth(token, "X"),
            headers=headers,
            timeout=timeout,
            transport=transport,
            verify=True,
        )
        self.clock: Clock = clock if clock is not None else SystemClock()
        if governor is None and clock is not None:
            governor = RateGovernor(clock=self.clock)
        elif governor is None or isinstance(governor, str):
            # Clients of one host share an IP: on the wall clock they share one state.
            governor = shared_governor(governor, server=server_of(str(url)))
        self.governor: Governor = governor
        self.account = account
        self.egress = egress
        self.priority = priority
        self.retry = retry if retry is not None else RetryPolicy()
        self.page_size = page_size
        self.concurrency = concurrency
        self.max_wait = max_wait
        self.attempt_timeout = attempt_timeout
        self.max_body_size = max_body_size
        self.wait_for_reset = wait_for_reset
        self.quota_sync = quota_sync
        self._sync_tried: dict[str, float] = {}  # shared with with_options() copies
        self._sent = collections.Counter[str]()  # likewise: requests sent, by account
        # What observes each attempt (`intervals_async.telemetry.instrument`); None: nothing.
        self._observer: Observer | None = None
        if isinstance(cache, ResponseCache):
            self._cache = cache
        else:
            policy = cache if isinstance(cache, CachePolicy) else None
            self._cache = ResponseCache(policy if cache is not False else CachePolicy(ttls={}))
        self.use_cache = True
        self._attach()

    def _attach(self) -> None:
        for name, namespace in NAMESPACES.items():
            setattr(self, name, namespace(self, name))

    def with_options(
        self,
        *,
        priority: Priority | None = None,
        retry: RetryPolicy | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        max_wait: float | None = None,
        wait_for_reset: bool | None = None,
        use_cache: bool | None = None,
    ) -> IntervalsClient:
        """A client sharing this one's connections and governor, with some options changed.

        ``client.with_options(priority=Priority.BULK).time.iterate()`` runs an export behind
        interactive calls; ``use_cache=False`` reads past the response cache (and refreshes it).
        Close only the original client.
        """
        derived = copy.copy(self)
        changes = {
            "priority": priority,
            "retry": retry,
            "page_size": page_size,
            "concurrency": concurrency,
            "max_wait": max_wait,
            "wait_for_reset": wait_for_reset,
            "use_cache": use_cache,
        }
        for name, value in changes.items():
            if value is not None:
                setattr(derived, name, value)
        derived._attach()
        return derived

    async def __aenter__(self) -> IntervalsClient:
        await self._http.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._http.__aexit__(exc_type, exc, tb)

    async def aclose(self) -> None:
        """Close the connections (``async with`` does it for you)."""
        await self._http.aclose()

    def __repr__(self) -> str:
        return (
            f"<IntervalsClient {str(self._http.base_url)!r} account={self.account!r} "
            f"egress={self.egress!r} priority={self.priority.name}>"
        )

    async def quota(self) -> Quota:
        """The account's daily quota: limit, used today, next reset (``/quota/`` costs none).

        The governor takes the server's count when it is larger than its own.
        """
        body = await self.call("GET", "/quota/")
        try:
            quota = structure(body.get("quota"), Quota)
        except ValueError as exc:
            raise DecodeError(f"/quota/: {exc}") from exc
        if quota.used is not None:
            await self.governor.reconcile(self.account, used=quota.used, limit=quota.quota)
        return quota

    async def _sync_quota(self, force: bool = False) -> None:
        """Reconcile the governor's day with ``/quota/`` when it is due; never fails a call."""
        every = self.quota_sync
        if every is None:
            return
        now = self.clock.time()
        tried = self._sync_tried.get(self.account)
        if not force and tried is not None and now - tried < every:
            return
        if not self.governor.needs_sync(self.account, 0.0 if force else every):
            return
        self._sync_tried[self.account] = now
        try:
            await self.quota()
        except (AuthenticationError, AccountError):
            raise  # the call itself would be refused the same way: no request spent on it
        except IntervalsError as error:
            logger.warning("could not reconcile the daily quota with /quota/: %s", error)

    # -- the request loop ---------------------------------------------------------------------

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send one API call through the governor and the retry policy; its decoded envelope.

        The namespaces call this; it is public for paths the table does not know. Parameters
        are sent as given (no validation).
        """
        if method == "GET":
            return await self._get(path, params, self._envelope)
        try:
            return await self._send(method, path, params, json)
        finally:
            # Even a write whose answer was lost may have happened: forget what it may change.
            self._cache.invalidate(self.account, path)

    async def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        json: Mapping[str, Any] | None,
        read: Callable[[httpx.Response], Awaitable[dict[str, Any]]] | None = None,
    ) -> dict[str, Any]:
        request = self._http.build_request(method, path, params=params, json=json)
        return await self._loop(request, read or self._envelope)

    async def _get(
        self,
        path: str,
        params: Mapping[str, str] | None,
        read: Callable[[httpx.Response], Awaitable[dict[str, Any]]],
        decoded: str = "",
    ) -> dict[str, Any]:
        """A ``GET`` through the response cache and coalescing; ``decoded`` names what
        ``read`` makes of the answer, where that is not its JSON values."""
        return await self._cache.get(
            self.account,
            path,
            params,
            self.clock.time(),
            lambda: self._send("GET", path, params, None, read),
            use_cache=self.use_cache,
            decoded=decoded,
        )

    async def _page(
        self, path: str, params: Mapping[str, str] | None, resource: str, model: type[Model]
    ) -> dict[str, Any]:
        """A ``GET`` of ``resource`` records, a page or one (cached and coalesced as `call`
        does): its envelope, with the records already ``model``s (a tuple) where the fast
        decoder took the answer, else as JSON values."""

        async def read(response: httpx.Response) -> dict[str, Any]:
            content = await self._body(response)
            if response.status_code < 400:
                fast = decode_page(content, resource, model)
                if fast is not None:
                    return {"listcount": fast[0], resource: fast[1]}
            return self._parsed(response, content)

        return await self._get(path, params, read, decoded=model.__name__)

    def statistics(self) -> ClientStatistics:
        """Requests sent, and what the response cache and request coalescing saved (see
        `ResponseCache`)."""
        return attrs.evolve(self._cache.statistics(), requests_sent=self._sent[self.account])

    async def _download(self, path: str, target: Path | None) -> bytes:
        """A binary ``GET`` through the request loop, in memory or streamed into ``target``
        (``client.document.download`` is the public way in)."""
        request = self._http.build_request("GET", path)

        async def read(response: httpx.Response) -> bytes:
            if response.status_code >= 400:
                _raise_for_error(response, await self._body(response), self.clock, self.retry)
            if target is None:
                return await self._body(response)
            await _stream_into(response, target)
            return b""

        return await self._loop(request, read)

    async def _loop(
        self, request: httpx.Request, read: Callable[[httpx.Response], Awaitable[T]]
    ) -> T:
        retry = self.retry
        label = f"{request.method} {request.url.raw_path.decode('ascii', 'replace')}"
        daily = not request.url.path.endswith(("/quota/", "/quota"))
        if daily:
            await self._sync_quota()
        deadline = None if self.max_wait is None else self.clock.time() + self.max_wait
        while True:
            try:
                attempt = len(retry.history) + 1
                if self._observer is None:
                    return await self._attempt(request, read, label, attempt, daily, deadline)
                with self._observer.attempt(request, attempt, self.account) as seen:
                    return await self._attempt(request, read, label, attempt, daily, deadline, seen)
            except DailyQuotaExceeded as error:
                if error.request_sent:
                    await self._sync_quota(force=True)  # the server's count, for the governor
                raise
            except IntervalsError as error:
                if not retry.should_retry(request.method, error):
                    raise
                delay = retry.delay(error)
                self.governor.retrying(
                    account=self.account, egress=self.egress, reason=str(error), delay=delay
                )
                if self._observer is not None:
                    self._observer.retrying(request, error)
                retry = retry.increment(f"{type(error).__name__}: {error}")
                logger.info(
                    "retrying %s in %.2f s (attempt %d of %d) after %s",
                    label,
                    delay,
                    len(retry.history) + 1,
                    retry.attempts,
                    error,
                )
                await self.clock.sleep(delay)

    async def _attempt(
        self,
        request: httpx.Request,
        read: Callable[[httpx.Response], Awaitable[T]],
        label: str,
        attempt: int,
        daily: bool,
        deadline: float | None,
        seen: AttemptObserver | None = None,
    ) -> T:
        asked = self.clock.time()
        permit = await self.governor.acquire(
            account=self.account,
            egress=self.egress,
            priority=self.priority,
            deadline=deadline,
            daily=daily,
            wait_for_reset=self.wait_for_reset,
        )
        # Until we know better, assume the request reached the server: a slot is never freed early.
        sent, response, code, retry_after = True, None, None, None
        started = self.clock.time()
        if seen is not None:
            seen.admitted(started - asked)

        async def end() -> None:
            # However the attempt ended (an answer, an error, a cancellation): the connection
            # let go, then the slot handed back, never cut short by a cancellation.
            if sent and daily:
                self._sent[self.account] += 1
            if response is not None:
                await response.aclose()
            outcome = Outcome(
                completed_at=self.clock.time(),
                sent=sent,
                status=None if response is None else response.status_code,
                code=code,
                server_date=None if response is None else _server_date(response),
                retry_after=retry_after,
            )
            if seen is not None:
                seen.completed(outcome)
            await self.governor.release(permit, outcome, daily=daily)
            if self._observer is not None:
                await self._governed(self._observer)

        timeout = self.attempt_timeout
        # One cancel scope per attempt, for its deadline and then for its ending (two scopes
        # cost a request some 10 us more on asyncio).
        scope = anyio.CancelScope(
            deadline=math.inf if timeout is None else anyio.current_time() + timeout
        )
        with scope:
            try:
                try:
                    response = await self._http.send(request, stream=True)
                except _NOT_SENT as exc:
                    sent = False
                    raise _transport_error(exc, label, sent=False) from None
                except httpx.TransportError as exc:
                    raise _transport_error(exc, label, sent=True) from None
                try:
                    result = await read(response)
                except httpx.TransportError as exc:
                    raise _transport_error(exc, label, sent=True) from None
                except APIError as error:
                    code, retry_after = error.code, error.retry_after
                    raise
            finally:
                if scope.cancel_called:
                    # The deadline passed: this scope cannot wait for anything any more.
                    with anyio.CancelScope(shield=True):
                        await end()
                else:
                    scope.shield, scope.deadline = True, math.inf
                    await end()
        if scope.cancelled_caught:
            raise Timeout(
                f"{label}: no complete answer within {timeout:g} s (attempt_timeout)",
                request_sent=sent,
            )
        logger.debug(
            "%s -> %d in %.3f s (attempt %d)",
            label,
            0 if response is None else response.status_code,
            self.clock.time() - started,
            attempt,
        )
        return result

    async def _governed(self, observer: Observer) -> None:
        """Tell the observer the governor's window and day as this process now sees them (no
        I/O: the store's last answer)."""
        statistics = getattr(self.governor, "statistics", None)
        if statistics is not None:
            seen = await statistics(account=self.account, egress=self.egress, fresh=False)
            observer.governed(self.account, self.egress, seen)

    async def _body(self, response: httpx.Response) -> bytes:
        """The whole body, refused past ``max_body_size`` (declared or read): never more than
        that much is held."""
        cap = self.max_body_size
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise ResponseTooLarge(
                f"{_where(response)}: the answer declares {int(declared)} bytes, more than "
                f"max_body_size ({cap})"
            )
        body = bytearray()
        stream = cast("AsyncGenerator[bytes, None]", response.aiter_bytes())  # typed loosely
        try:
            async for chunk in stream:
                body += chunk
                if len(body) > cap:
                    raise ResponseTooLarge(
                        f"{_where(response)}: the answer holds more than {cap} bytes "
                        "(max_body_size); stopped reading"
                    )
        except BaseException:
            # Reading stopped early: the stream is closed now, not left to the collector (a
            # stream read to its end has closed itself).
            await stream.aclose()
            raise
        return bytes(body)

    async def _envelope(self, response: httpx.Response) -> dict[str, Any]:
        return self._parsed(response, await self._body(response))

    def _parsed(self, response: httpx.Response, content: bytes) -> dict[str, Any]:
        """The envelope of an answer as JSON values, or the error it says."""
        if response.status_code >= 400:
            _raise_for_error(response, content, self.clock, self.retry)
        if not content.strip():
            return {}  # "Successful writes (e.g. DELETE) may return an empty body"
        try:
            body = decode_json(content)
        except ValueError:
            raise DecodeError(
                f"{response.request.method} {response.request.url.path}: "
                f"HTTP {response.status_code} with a body that is not JSON "
                f"({len(content)} bytes; truncated or malformed)"
            ) from None
        if not isinstance(body, dict):
            raise DecodeError(f"{response.request.url.path}: the answer is not a JSON object")
        if body.get("error"):  # an "error" of null, false or {} beside a success is none
            _raise_for_error(response, content, self.clock, self.retry)
        return body


def _raise_for_error(
    response: httpx.Response, content: bytes, clock: Clock, retry: RetryPolicy
) -> NoReturn:
    """Raise the exception an error answer stands for."""
    request = response.request
    message, code, verbose = response.reason_phrase or "error", None, []
    try:
        body = decode_json(content)
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict):
            code = envelope_int(error.get("code"))
            message = str(error.get("message") or message)
            raw = error.get("verbose")
            # a list of lines as documented; anything else is taken as one line, never iterated
            if isinstance(raw, list):
                verbose = [str(v) for v in raw]
            elif raw not in (None, ""):
                verbose = [str(raw)]
    except ValueError:
        pass  # a proxy's HTML page, say: the HTTP status is all there is
    cls = error_class(response.status_code, code)
    common: dict[str, Any] = {
        "status": response.status_code,
        "code": code,
        "verbose": verbose,
        "method": request.method,
        "path": request.url.raw_path.decode("ascii", "replace"),
    }
    asked = _retry_after(response, clock)
    if asked is not None and (response.status_code in (429, 503) or cls is RequestsTooFast):
        common["retry_after"] = retry.cap_retry_after(asked)
    if cls is DailyQuotaExceeded:
        raise DailyQuotaExceeded(message, reset_at=_next_gmt_midnight(response, clock), **common)
    raise cls(message, **common)


def _where(response: httpx.Response) -> str:
    """The request an answer is to, for an error's message."""
    return f"{response.request.method} {response.request.url.path}"


def _server_date(response: httpx.Response) -> datetime | None:
    """The answer's ``Date`` header (``None``: none, or not a date)."""
    header = response.headers.get("date")
    return _parse_date(header) if header else None


@functools.lru_cache(maxsize=8)
def _parse_date(header: str) -> datetime | None:
    # Memoized: the header has whole seconds, so answers close together send the same text,
    # and every attempt's outcome and every Retry-After read it.
    try:
        return email.utils.parsedate_to_datetime(header).astimezone(UTC)
    except (TypeError, ValueError):
        return None


def _retry_after(response: httpx.Response, clock: Clock) -> float | None:
    """The seconds a ``Retry-After`` header asks for: a number of seconds, or an HTTP date
    (against the answer's own ``Date``, so that clock skew does not change it)."""
    header = response.headers.get("retry-after", "").strip()
    if not header:
        return None
    if header.isascii() and header.isdigit():
        return float(header)
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None  # neither form: as if there were none
    if when.tzinfo is None:
        return None
    now = _server_date(response) or datetime.fromtimestamp(clock.time(), UTC)
    return max(0.0, (when - now).total_seconds())


def _next_gmt_midnight(response: httpx.Response, clock: Clock) -> datetime:
    now = _server_date(response) or datetime.fromtimestamp(clock.time(), UTC)
    return datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)


def _transport_error(exc: httpx.TransportError, label: str, *, sent: bool) -> IntervalsError:
    # Only the exception's class and message: httpx messages name hosts, never credentials.
    detail = f"{label}: {type(exc).__name__}: {exc}".rstrip(": ")
    if isinstance(exc, httpx.TimeoutException):
        return Timeout(detail, request_sent=sent)
    return ConnectionFailed(detail, request_sent=sent)


async def _stream_into(response: httpx.Response, target: Path) -> None:
    """Stream the body into ``target``, which appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        async with await anyio.open_file(temporary, "wb") as file:
            async for chunk in response.aiter_bytes():
                await file.write(chunk)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _user_agent() -> str:
    return f"intervals-async/{__version__} httpx/{httpx.__version__}"
