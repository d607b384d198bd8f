"""The sandbox server: an ASGI application that answers as the Intervals API does.

One request goes: latency to arrival -> audit -> per-IP minute window (and suspension) ->
authentication -> per-account day -> injected server faults -> routing (verbs, groups) -> the
resource -> envelope -> response faults -> latency back.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import attrs
import httpx

from .._clock import Clock, SystemClock
from .._wire import format_timestamp
from ..resources._table import Group, Resource, resource
from ._audit import AuditEntry, AuditLog
from ._config import Lies, Order, SandboxConfig
from ._errors import ApiError, error_body, unrecognized
from ._limits import DayCounter, MinuteWindow, gmt_day, next_gmt_midnight
from ._query import parse_query
from ._render import Rendered, render_record, render_value
from ._seed import seed_account
from ._shapes import ME_ONLY, shape_member
from ._store import AccountData, Record
from ._writes import create, delete, update

__all__ = ["ConnectionDropped", "Sandbox"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_SANDBOX_PREFIX = "/_sandbox/"


class ConnectionDropped(Exception):
    """Raised by the app to cut a connection mid-response (fault injection)."""


@attrs.frozen
class _Actor:
    account: AccountData
    person: Record
    group: Group


@attrs.define
class _Response:
    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    extra_headers: list[tuple[bytes, bytes]] = attrs.Factory(list)


def _json(status: int, payload: Any) -> _Response:
    # PHP's json_encode, as the service uses: ASCII only, and "/" escaped ("Asia\/Calcutta")
    text = json.dumps(payload, separators=(",", ":")).replace("/", "\\/")
    return _Response(status, text.encode())


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
        self._tokens = {
            token: (account, personid)
            for account in self.accounts.values()
            for token, personid in account.tokens.items()
        }
        self._windows: dict[str, MinuteWindow] = {}
        self._suspended_until: dict[str, float] = {}
        self._days = {name: DayCounter(a.spec.quota) for name, a in self.accounts.items()}
        self._rng = random.Random(f"{self.config.seed}:network")

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
        return self._days[name].used(self.clock.time())

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
        if back:
            await self.clock.sleep(back)
        if fault == "slow":
            await self.clock.sleep(self.config.faults.slow_seconds)
        if fault == "drop":
            entry.status = 0
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
    ) -> tuple[_Response, str | None]:
        actor = self._authenticate(headers.get("authorization"))
        if actor is not None:
            entry.account = actor.account.name
        fault = None
        try:
            self._admit(entry, actor)
            fault = self._roll_fault()
            if fault in ("error", "database", "offline"):
                code = {"error": 1, "database": 19, "offline": 20}[fault]
                raise ApiError(code, "Simulated fault (sandbox fault injection)")
            query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            response = self._route(scope["method"], entry.path, query, headers, body, actor)
        except ApiError as error:
            entry.status, entry.code = error.status, error.code
            personid = actor.person["id"] if actor else None
            return _json(error.status, error_body(error, personid)), fault
        entry.status = response.status
        if fault == "truncate":
            response.body = response.body[: max(1, len(response.body) // 2)]
        elif fault == "malformed":
            response.body = b"<html><body>Service temporarily unavailable</body></html>"
            response.content_type = "text/html"
        return response, fault

    # -- limits -----------------------------------------------------------------------------

    def _admit(self, entry: AuditEntry, actor: _Actor | None) -> None:
        """Apply the minute window, the suspension and the day, in the service's order."""
        now, ip, config = entry.time, entry.ip, self.config
        is_quota = entry.path.strip("/") == "quota"
        window = self._windows.get(ip)
        if window is None:
            window = self._windows[ip] = MinuteWindow(
                config.window_policy, config.per_minute, config.window
            )
        counted = not is_quota or config.quota_counts_in_minute
        if now < self._suspended_until.get(ip, float("-inf")):
            if counted and config.count_rejected:
                window.record(now)
            raise ApiError(12, "Your IP is temporarily blocked for making requests too fast.")
        if counted:
            if not window.admits(now):
                if config.suspension:
                    self._suspended_until[ip] = now + config.suspension
                if config.count_rejected:
                    window.record(now)
                raise ApiError(
                    12,
                    f"More than {config.per_minute} requests in {config.window:g} seconds.",
                )
            window.record(now)
        if actor is None:
            raise ApiError(9, "You must include your API token when making API requests.")
        if is_quota:
            return
        day = self._days[actor.account.name]
        if day.exceeded(now):
            if config.count_rejected:
                day.record(now)
            reset = format_timestamp(next_gmt_midnight(now))
            raise ApiError(
                11, f"The daily maximum of {day.limit} requests was reached; resets at {reset} GMT."
            )
        day.record(now)

    def _roll_fault(self) -> str | None:
        faults = self.config.faults
        for name in ("error", "database", "offline", "drop", "truncate", "malformed", "slow"):
            chance: float = getattr(faults, name)
            if chance and self._rng.random() < chance:
                return name
        return None

    def _authenticate(self, header: str | None) -> _Actor | None:
        """Basic auth with the token as the username; the password is ignored.

        A token sent only as the password is refused, as the live service does.
        """
        if not header or not header.lower().startswith("basic "):
            return None
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        token = decoded.partition(":")[0]
        found = self._tokens.get(token)
        if found is None:
            return None
        account, personid = found
        person = account.table("person").get(personid)
        if person is None or not person["active"]:
            return None
        group = Group(account.display_name("group", person["groupid"]))
        return _Actor(account, person, group)

    # -- routing ----------------------------------------------------------------------------

    def _route(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
        actor: _Actor | None,
    ) -> _Response:
        assert actor is not None
        parts = [p for p in path.split("/") if p]
        if not parts:
            raise ApiError(13, "No resource was given in the URL.")
        spec = resource(parts[0].lower())
        if spec is None:
            raise ApiError(13, f"The resource type '{parts[0]}' does not exist.")
        if len(parts) == 3 and spec.name == "document" and parts[2] == "download":
            verbs: Mapping[str, frozenset[Group]] = {"GET": spec.member["GET"]}
            ident: int | None = self._ident(parts[1])
            where = "individual resources"
        elif len(parts) == 1:
            verbs, ident, where = spec.collection, None, "collections"
        elif len(parts) == 2:
            verbs, ident, where = spec.member, self._ident(parts[1]), "individual resources"
        else:
            raise ApiError(15, f"The action '{'/'.join(parts[2:])}' is not available.")
        if method not in verbs:
            raise ApiError(16, f"HTTP Method {method} isn't available for accessing {where}.")
        if actor.group not in verbs[method]:
            raise ApiError(
                10,
                f"HTTP Method {method} isn't available to your user group for accessing {where}.",
            )
        account, now = actor.account, self.clock.time()
        conflict = self.config.timer_conflict_code
        if len(parts) == 3:
            return self._download(account, ident)
        if method in ("POST", "PUT") or (method == "DELETE" and body.strip()):
            payload = _parse_body(headers, body)
        else:
            payload = None
        envelope: dict[str, Any] = {"personid": actor.person["id"], "status": "OK", "code": 200}
        if spec.name == "quota":
            return self._quota(actor, envelope)
        if spec.name == "me":
            return self._me(actor, ident, envelope)
        if spec.name == "projectteam":
            return self._projectteam(account, method, ident, query, payload, envelope)
        if method == "GET" and ident is None:
            return self._list(account, spec, query, envelope)
        if method == "POST":
            if not isinstance(payload, dict):
                raise ApiError(18, "The request body must be a JSON object.")
            if payload.get("id") not in (None, ""):
                # "PUT and POST are interchangeable": an id in the body means an update
                record = self._record(account, spec.name, self._ident(str(payload["id"])))
                updated = update(account, spec, record, payload, now, timer_conflict_code=conflict)
                return self._member(account, spec, updated, envelope, 202, "Accepted")
            created = create(
                account,
                spec,
                payload,
                now,
                author=actor.person["id"],
                timer_conflict_code=conflict,
            )
            return self._member(account, spec, created, envelope, 201, "Created")
        assert ident is not None
        record = self._record(account, spec.name, ident)
        if method == "GET":
            return self._member(account, spec, record, envelope)
        if method == "PUT":
            if not isinstance(payload, dict):
                raise ApiError(18, "The request body must be a JSON object.")
            updated = update(account, spec, record, payload, now, timer_conflict_code=conflict)
            return self._member(account, spec, updated, envelope, 202, "Accepted")
        delete(account, spec.name, ident)
        # Upstream's DELETE body is undocumented: the envelope alone is the plausible answer.
        return _json(200, envelope)

    @staticmethod
    def _ident(text: str) -> int:
        if not text.isdigit():
            raise ApiError(14, f"No record has the id '{text}'.")
        return int(text)

    @staticmethod
    def _record(account: AccountData, name: str, ident: int) -> Record:
        record = account.get(name, ident)
        if record is None:
            raise ApiError(14, f"The {name} with id {ident} does not exist.")
        return record

    def _shown(
        self,
        account: AccountData,
        spec: Resource,
        record: Record,
        member: bool,
        hours: dict[int, tuple[Decimal, Decimal]] | None = None,
    ) -> Record:
        view = account.view(spec.name, record)
        if spec.name == "task":
            _shape_task(account, view, member, hours)
        if spec.name == "time":
            view.setdefault("ogmilestoneid", record.get("milestoneid"))
            if not member and self.config.time_dateiso:
                view["dateiso"] = record["date"]
        if spec.name == "timer" and record.get("starttime") is not None:
            started = record["starttime"].replace(tzinfo=UTC).timestamp()
            view["timelapsed"] = max(0, int(self.clock.time() - started))
        if spec.name == "person":
            for key in ME_ONLY:
                view.pop(key, None)
        return shape_member(spec.name, view) if member else view

    def _member(
        self,
        account: AccountData,
        spec: Resource,
        record: Record,
        envelope: dict[str, Any],
        status: int = 200,
        phrase: str = "OK",
    ) -> _Response:
        shown = render_record(self._shown(account, spec, record, member=True))
        return _json(status, {**envelope, "status": phrase, "code": status, spec.name: shown})

    def _list(
        self,
        account: AccountData,
        spec: Resource,
        query: list[tuple[str, str]],
        envelope: dict[str, Any],
    ) -> _Response:
        order = self.config.project_order if spec.name == "project" else "id"
        parsed = parse_query(spec, query, order)
        now = self.clock.time()
        if spec.name == "tasknote":
            _check_tasknote_window(parsed.filters, now)
        if spec.name == "task" and "tasklistfilterid" in parsed.filters:
            self._record(account, "tasklistfilter", parsed.filters["tasklistfilterid"])
        hours = _task_hours(account) if spec.name == "task" else None
        limit = parsed.limit
        if self.config.max_limit is not None:
            limit = min(limit, self.config.max_limit)
        table = account.table(spec.name)
        lies = self.config.lies if self.config.lies.apply_to(spec.name) else None
        offset = 0 if lies is not None and lies.ignore_offset else parsed.offset
        page: list[Record]
        if not parsed.filters and parsed.sortfield == "id":
            # No filter, in id order: only the page needs its joined fields, so a page of a
            # million-record account costs what a page of a small one does (same answer).
            ids = self._lie_order(lies, sorted(table, reverse=parsed.descending))
            listcount = len(ids)
            page = [
                self._shown(account, spec, table[i], member=False, hours=hours)
                for i in ids[offset : offset + limit]
            ]
        else:
            views = (
                self._shown(account, spec, r, member=False, hours=hours) for r in table.values()
            )
            matched = self._lie_order(lies, parsed.select(account, views, gmt_day(now)))
            listcount = len(matched)
            page = matched[offset : offset + limit]
        if lies is not None:
            listcount = max(0, listcount + lies.listcount)
            _churn(account, spec.name, lies)
        timer_person = parsed.filters.get("includetimerid")
        if timer_person is not None:
            timers = {
                t["taskid"]: t
                for t in account.table("timer").values()
                if t["personid"] == timer_person and t["taskid"] is not None
            }
            for view in page:
                timer = timers.get(view["id"])
                view["timerid"] = timer["id"] if timer else None
                view["starttime"] = timer["starttime"] if timer else None
        return _json(
            200,
            {**envelope, "listcount": listcount, spec.name: [render_record(v) for v in page]},
        )

    def _lie_order(self, lies: Lies | None, rows: list[Any]) -> list[Any]:
        """``rows`` in the order a lying sandbox sends them (see `Lies`)."""
        if lies is None or lies.order is Order.ASKED:
            return rows
        if lies.order is Order.REVERSED:
            return rows[::-1]
        shuffled = list(rows)
        self._rng.shuffle(shuffled)
        return shuffled

    def _quota(self, actor: _Actor, envelope: dict[str, Any]) -> _Response:
        now = self.clock.time()
        day = self._days[actor.account.name]
        quota = {
            "quota": day.limit,
            "used": day.used(now),
            "next_reset": format_timestamp(next_gmt_midnight(now)),
            "exceeded": day.exceeded(now),
        }
        return _json(200, {**envelope, "quota": {k: render_value(v) for k, v in quota.items()}})

    def _me(self, actor: _Actor, ident: int | None, envelope: dict[str, Any]) -> _Response:
        view = actor.account.view("person", actor.person)
        view["clientlocalid"] = (actor.account.get("client", view["clientid"]) or {}).get("localid")
        shown = render_record(shape_member("me", view))
        if ident is None:
            return _json(200, {**envelope, "listcount": 1, "me": [shown]})
        if ident != actor.person["id"]:
            raise ApiError(14, f"The me with id {ident} does not exist.")
        return _json(200, {**envelope, "me": shown})

    def _projectteam(
        self,
        account: AccountData,
        method: str,
        ident: int | None,
        query: list[tuple[str, str]],
        payload: Any,
        envelope: dict[str, Any],
    ) -> _Response:
        """A project's team: members are addressed by the project's id (see the docs)."""
        spec = resource("projectteam")
        assert spec is not None
        if method == "GET" and ident is None:
            projectid = parse_query(spec, query).filters["projectid"]
            team = account.get("projectteam", projectid)
            teams = [] if team is None else [render_record(team)]
            return _json(200, {**envelope, "listcount": len(teams), "projectteam": teams})
        if method == "POST":
            if not isinstance(payload, dict):
                raise ApiError(18, "The request body must be a JSON object.")
            ident = _team_project(payload)
        assert ident is not None
        self._record(account, "project", ident)
        team = account.table("projectteam").setdefault(
            ident, {"id": ident, "projectid": ident, "personid": []}
        )
        if method in ("POST", "PUT", "DELETE") and payload is not None:
            people = _team_people(account, spec, payload)
            if method == "DELETE":
                team["personid"] = [p for p in team["personid"] if p not in people]
            else:
                team["personid"] = sorted(set(team["personid"]) | set(people))
        elif method == "DELETE":
            team["personid"] = []
        status, phrase = {"POST": (201, "Created"), "PUT": (202, "Accepted")}.get(
            method, (200, "OK")
        )
        if method == "DELETE":
            return _json(200, envelope)
        return _json(
            status,
            {**envelope, "status": phrase, "code": status, "projectteam": render_record(team)},
        )

    def _download(self, account: AccountData, ident: int | None) -> _Response:
        assert ident is not None
        document = self._record(account, "document", ident)
        content = account.documents[ident]  # every document record has its bytes
        disposition = f'attachment; filename="{document["filename"]}"'.encode()
        return _Response(
            200, content, document["filetype"], [(b"content-disposition", disposition)]
        )

    # -- sandbox-only endpoints ----------------------------------------------------------------

    def _sandbox_endpoint(self, path: str, scope: Scope) -> _Response:
        """``GET /_sandbox/audit?since=N``: the audit log; not counted, no auth (sandbox only)."""
        if path.rstrip("/") == "/_sandbox/audit" and scope["method"] == "GET":
            params = dict(parse_qsl(scope["query_string"].decode("latin-1")))
            since = int(params.get("since", "0") or 0)
            entries = [e.as_json() for e in self.audit.since(since)]
            return _json(200, {"entries": entries, "next": len(self.audit)})
        return _json(404, {"error": f"no sandbox endpoint {scope['method']} {path}"})


def _task_hours(account: AccountData) -> dict[int, tuple[Decimal, Decimal]]:
    """Billable and unbillable hours logged per task."""
    hours: dict[int, tuple[Decimal, Decimal]] = {}
    for entry in account.table("time").values():
        if entry["taskid"] is not None:
            billable, unbillable = hours.get(entry["taskid"], (Decimal(0), Decimal(0)))
            if entry["billable"]:
                billable += entry["time"]
            else:
                unbillable += entry["time"]
            hours[entry["taskid"]] = (billable, unbillable)
    return hours


def _people(account: AccountData, ids: list[int], role: str) -> Rendered:
    """The nested people arrays of a task member (``assignee``, ``owner``, ``follower``)."""
    shown = Rendered()
    for ident in ids:
        person = account.table("person").get(ident, {})
        shown.append(
            render_record(
                {
                    "personid": ident,
                    role: account.display_name("person", ident),
                    f"{role}active": bool(person.get("active")),
                    "personlocalid": person.get("localid"),
                }
            )
        )
    return shown


def _shape_task(
    account: AccountData,
    view: Record,
    member: bool,
    hours: dict[int, tuple[Decimal, Decimal]] | None,
) -> None:
    """The two task shapes of the live captures, which differ (see the spec, 9.1)."""
    priority = account.get("taskpriority", view["priorityid"]) or {}
    project = account.get("project", view["projectid"]) or {}
    view["color"] = priority.get("color")
    if member:
        # a member names the priority in `priority` and nests the people
        view["priority"] = view.pop("severity")
        view["milestonelocalid"] = (account.get("milestone", view["milestoneid"]) or {}).get(
            "localid"
        )
        for role, key in (
            ("assignee", "assigneeid"),
            ("owner", "ownerid"),
            ("follower", "followerid"),
        ):
            view[role] = _people(account, view[key], role)
        return
    # a collection item has the priority's order in `priority` and its name in `severity`
    view["priority"] = priority.get("priority")
    view["status_order"] = (account.get("taskstatus", view["statusid"]) or {}).get("priority")
    view["clientlocalid"] = (account.get("client", view["clientid"]) or {}).get("localid")
    view["projectlocalid"] = project.get("localid")
    label = account.get("projectlabel", project.get("labelid")) or {}
    view["projectlabelid"] = project.get("labelid")
    view["projectlabel"] = label.get("name")
    view["projectlabel_order"] = label.get("priority")
    billable, unbillable = (hours or {}).get(view["id"], (Decimal(0), Decimal(0)))
    view["billable"], view["unbillable"] = billable, unbillable
    view["actual"] = billable + unbillable


def _team_project(payload: dict[str, Any]) -> int:
    try:
        return int(str(payload["projectid"]))
    except (KeyError, ValueError):
        raise ApiError(18, "Missing required field(s): projectid") from None


def _team_people(account: AccountData, spec: Resource, payload: Any) -> list[int]:
    """``{"personid": "1,2"}`` or a list of such objects -> person ids, each checked."""
    items = payload if isinstance(payload, list) else [payload]
    people: list[int] = []
    for item in items:
        if not isinstance(item, dict):
            raise ApiError(18, "Each project team entry must be a JSON object.")
        unknown = [k for k in item if spec.field(k) is None]
        if unknown:
            raise unrecognized(unknown)
        for raw in str(item.get("personid", "")).split(","):
            if not raw.strip():
                continue
            if not raw.strip().isdigit() or account.get("person", int(raw)) is None:
                raise ApiError(18, f"personid: there is no person with id {raw.strip()}")
            people.append(int(raw))
    return people


def _check_tasknote_window(filters: dict[str, Any], now: float) -> None:
    """Without ``taskid``, task notes are limited to 7-day ranges (documented upstream)."""
    if "taskid" in filters:
        return
    for begin, end in (("datebegin", "dateend"), ("datemodifiedbegin", "datemodifiedend")):
        if begin in filters and end in filters and (filters[end] - filters[begin]).days > 7:
            raise ApiError(18, f"Without taskid, {begin} to {end} may not exceed 7 days.")
    if not any(k in filters for k in ("datebegin", "dateend", "datemodifiedbegin", "date")):
        # only the last 7 days of notes, as documented
        filters["datebegin"] = datetime.fromtimestamp(now - 7 * 86_400, UTC).replace(tzinfo=None)


def _parse_body(headers: dict[str, str], body: bytes) -> Any:
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/xml":
        raise ApiError(18, "The sandbox speaks JSON only: send Content-Type: application/json.")
    if kind != "application/json":
        raise ApiError(18, "Send Content-Type: application/json (or application/xml).")
    try:
        return json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(18, "The request body is not valid JSON.") from None


async def _send(send: Send, response: _Response, now: float | None = None) -> None:
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


def _churn(account: AccountData, name: str, lies: Lies) -> None:
    """After a page is answered: the lowest ids deleted, copies of the newest added."""
    table = account.table(name)
    for ident in sorted(table)[: lies.deleted_per_page]:
        del table[ident]
    if table and lies.inserted_per_page:
        newest = table[max(table)]
        for _ in range(lies.inserted_per_page):
            account.add(name, {k: v for k, v in newest.items() if k not in ("id", "localid")})
