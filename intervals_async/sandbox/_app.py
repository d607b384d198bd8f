"""The sandbox server: an ASGI application that answers as the Intervals API does.

One request goes: latency to arrival -> audit -> the gate (``_gate.py``: authentication, the
per-IP minute window and its suspension, the per-account day, injected server faults) -> the
routes (``_routes.py``: verbs, groups, the resource) -> envelope -> response faults -> latency
back. This module is the protocol: ASGI in, the answer out, and the in-process transport.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import httpx

from .._clock import Clock, SystemClock
from ..resources._table import Group
from ._audit import AuditEntry, AuditLog
from ._config import SandboxConfig
from ._errors import ApiError, error_body
from ._gate import Gate
from ._routes import Response, Routes, json_response
from ._seed import seed_account
from ._store import AccountData

__all__ = ["ConnectionDropped", "Sandbox"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_SANDBOX_PREFIX = "/_sandbox/"


class ConnectionDropped(Exception):
    """Raised by the app to cut a connection mid-response (fault injection)."""


class Sandbox:
    """A faithful, deterministic stand-in for the Intervals API (an ASGI application).

    Args:
        config: what to serve and how strictly (see `SandboxConfig`).
        clock: where time comes from; a `VirtualClock` runs a GMT day in
            seconds.

    Use it in-process with `transport()` (an httpx transport), or serve it over TCP with
    ``intervals-async sandbox serve``.
    """

    def __init__(self, config: SandboxConfig | None = None, *, clock: Clock | None = None) -> None:
        self.config = config or SandboxConfig()
        self.clock: Clock = clock or SystemClock()
        self.audit = AuditLog()
        seeded_at = self.config.seeded_at
        now = self.clock.time() if seeded_at is None else seeded_at
        self.accounts: dict[str, AccountData] = {
            spec.name: seed_account(
                spec, self.config.size, self.config.seed, now, group_ids=self.config.group_ids
            )
            for spec in self.config.accounts
        }
        # One randomness for the network (latency, faults, shuffles): a seed replays a run.
        self._rng = random.Random(f"{self.config.seed}:network")
        self._gate = Gate(self.config, self.accounts, self._rng)
        self._routes = Routes(self.config, self.clock, self._gate.days, self._rng)

    def __repr__(self) -> str:
        return f"Sandbox(accounts={list(self.accounts)}, policy={self.config.window_policy.value})"

    # -- what tests and users ask of it --------------------------------------------------------

    def token(self, account: str | None = None, group: Group | str = Group.ADMINISTRATOR) -> str:
        """The API token of the first active person of ``group`` in ``account`` (default: first)."""
        data = self.accounts[account] if account else next(iter(self.accounts.values()))
        wanted = Group(group)
        for token, personid in data.tokens.items():
            person = data.table("person")[personid]
            if data.display_name("group", person["groupid"]) == wanted.value and person["active"]:
                return token
        raise LookupError(f"account {data.name!r} has no active {wanted.value}")

    def transport(self, client_ip: str = "127.0.0.1") -> httpx.AsyncBaseTransport:
        """An httpx transport that calls this app in-process, as if from ``client_ip``."""
        return _SandboxTransport(self, client_ip)

    def quota_used(self, account: str | None = None) -> int:
        """Requests counted against ``account``'s day so far."""
        name = account or next(iter(self.accounts))
        return self._gate.days[name].used(self.clock.time())

    # -- ASGI -------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection event (``http`` or ``lifespan``)."""
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope["path"]
        if path.startswith(_SANDBOX_PREFIX):
            await _send(send, self._sandbox_endpoint(path, scope))
            return
        ip = headers.get(self.config.ip_header) or (scope.get("client") or ("unknown", 0))[0]
        there, back = self.config.latency.legs(self._rng)
        if there:
            await self.clock.sleep(there)
        entry = AuditEntry(self.clock.time(), ip, None, scope["method"], path)
        self.audit.append(entry)
        response, fault = self._respond(entry, headers, scope, body)
        entry.fault = fault
        if fault == "drop":
            entry.status = 0  # the connection is cut before any status is sent
        self.audit.answered(entry)
        if back:
            await self.clock.sleep(back)
        if fault == "slow":
            await self.clock.sleep(self.config.faults.slow_seconds)
        if fault == "drop":
            await send(
                {
                    "type": "http.response.start",
                    "status": response.status,
                    "headers": [(b"content-length", str(len(response.body)).encode())],
                }
            )
            await send(
                {"type": "http.response.body", "body": response.body[:10], "more_body": True}
            )
            raise ConnectionDropped("sandbox fault injection: connection dropped mid-response")
        await _send(send, response, self.clock.time())

    def _respond(
        self, entry: AuditEntry, headers: dict[str, str], scope: Scope, body: bytes
    ) -> tuple[Response, str | None]:
        actor = self._gate.authenticate(headers.get("authorization"))
        if actor is not None:
            entry.account = actor.account.name
        fault = None
        try:
            self._gate.admit(entry, actor)
            fault = self._gate.roll_fault()
            if fault in ("error", "database", "offline"):
                code = {"error": 1, "database": 19, "offline": 20}[fault]
                raise ApiError(code, "Simulated fault (sandbox fault injection)")
            query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            response = self._routes.route(scope["method"], entry.path, query, headers, body, actor)
        except ApiError as error:
            entry.status, entry.code = error.status, error.code
            personid = actor.person["id"] if actor else None
            return json_response(error.status, error_body(error, personid)), fault
        entry.status = response.status
        if fault == "truncate":
            response.body = response.body[: max(1, len(response.body) // 2)]
        elif fault == "malformed":
            response.body = b"<html><body>Service temporarily unavailable</body></html>"
            response.content_type = "text/html"
        return response, fault

    def _sandbox_endpoint(self, path: str, scope: Scope) -> Response:
        """``GET /_sandbox/audit?since=N``: the audit log; not counted, no auth (sandbox only)."""
        if path.rstrip("/") == "/_sandbox/audit" and scope["method"] == "GET":
            params = dict(parse_qsl(scope["query_string"].decode("latin-1")))
            since = int(params.get("since", "0") or 0)
            entries = [e.as_json() for e in self.audit.since(since)]
            return json_response(200, {"entries": entries, "next": len(self.audit)})
        return json_response(404, {"error": f"no sandbox endpoint {scope['method']} {path}"})


async def _send(send: Send, response: Response, now: float | None = None) -> None:
    headers = [
        (b"content-type", response.content_type.encode()),
        (b"content-length", str(len(response.body)).encode()),
        *response.extra_headers,
    ]
    if now is not None:
        # the Date header carries the server's clock (the governor estimates its offset from it)
        date = datetime.fromtimestamp(now, UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
        headers.append((b"date", date.encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


class _SandboxTransport(httpx.AsyncBaseTransport):
    """httpx's ASGI transport, with a dropped connection surfacing as httpx would over TCP."""

    def __init__(self, app: Sandbox, client_ip: str) -> None:
        self._inner = httpx.ASGITransport(app=app, client=(client_ip, 40000))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body", request=request
            ) from None
