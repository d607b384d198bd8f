"""The sandbox's routes: what each path answers once the gate let the request through.

A path names a resource (``/time/``), a record (``/time/5/``) or a document's file; the verb and
the person's group are checked against the resource table, then the resource answers: a list, a
record, a write, or what is special about a few (``me``, ``quota``, ``projectteam``, downloads).
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs

from .._clock import Clock
from .._wire import format_timestamp
from ..resources._table import Group, Resource, resource
from ._config import Lies, Order, SandboxConfig
from ._errors import ApiError, unrecognized
from ._gate import Actor
from ._limits import DayCounter, gmt_day, next_gmt_midnight
from ._query import parse_query
from ._render import Rendered, render_record, render_value
from ._shapes import ME_ONLY, shape_member
from ._store import AccountData, Record
from ._writes import create, delete, update

__all__ = ["Response", "Routes", "json_response"]


@attrs.define
class Response:
    """An answer before it is sent: status, body and headers."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    extra_headers: list[tuple[bytes, bytes]] = attrs.Factory(list)


def json_response(status: int, payload: Any) -> Response:
    """``payload`` as the service writes JSON."""
    # PHP's json_encode, as the service uses: ASCII only, and "/" escaped ("Asia\/Calcutta")
    text = json.dumps(payload, separators=(",", ":")).replace("/", "\\/")
    return Response(status, text.encode())


class Routes:
    """The answers of the API's paths.

    Args:
        config: what the sandbox serves and how (page caps, lies, the timer conflict code).
        clock: the sandbox's clock.
        days: each account's GMT day (the gate's), for ``GET /quota/``.
        rng: the sandbox's network randomness (a shuffled order's).
    """

    def __init__(
        self,
        config: SandboxConfig,
        clock: Clock,
        days: Mapping[str, DayCounter],
        rng: random.Random,
    ) -> None:
        self.config = config
        self.clock = clock
        self._days = days
        self._rng = rng

    def route(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
        actor: Actor | None,
    ) -> Response:
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
        return json_response(200, envelope)

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
    ) -> Response:
        shown = render_record(self._shown(account, spec, record, member=True))
        return json_response(
            status, {**envelope, "status": phrase, "code": status, spec.name: shown}
        )

    def _list(
        self,
        account: AccountData,
        spec: Resource,
        query: list[tuple[str, str]],
        envelope: dict[str, Any],
    ) -> Response:
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
        return json_response(
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

    def _quota(self, actor: Actor, envelope: dict[str, Any]) -> Response:
        now = self.clock.time()
        day = self._days[actor.account.name]
        quota = {
            "quota": day.limit,
            "used": day.used(now),
            "next_reset": format_timestamp(next_gmt_midnight(now)),
            "exceeded": day.exceeded(now),
        }
        return json_response(
            200, {**envelope, "quota": {k: render_value(v) for k, v in quota.items()}}
        )

    def _me(self, actor: Actor, ident: int | None, envelope: dict[str, Any]) -> Response:
        view = actor.account.view("person", actor.person)
        view["clientlocalid"] = (actor.account.get("client", view["clientid"]) or {}).get("localid")
        shown = render_record(shape_member("me", view))
        if ident is None:
            return json_response(200, {**envelope, "listcount": 1, "me": [shown]})
        if ident != actor.person["id"]:
            raise ApiError(14, f"The me with id {ident} does not exist.")
        return json_response(200, {**envelope, "me": shown})

    def _projectteam(
        self,
        account: AccountData,
        method: str,
        ident: int | None,
        query: list[tuple[str, str]],
        payload: Any,
        envelope: dict[str, Any],
    ) -> Response:
        """A project's team: members are addressed by the project's id (see the docs)."""
        spec = resource("projectteam")
        assert spec is not None
        if method == "GET" and ident is None:
            projectid = parse_query(spec, query).filters["projectid"]
            team = account.get("projectteam", projectid)
            teams = [] if team is None else [render_record(team)]
            return json_response(200, {**envelope, "listcount": len(teams), "projectteam": teams})
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
            return json_response(200, envelope)
        return json_response(
            status,
            {**envelope, "status": phrase, "code": status, "projectteam": render_record(team)},
        )

    def _download(self, account: AccountData, ident: int | None) -> Response:
        assert ident is not None
        document = self._record(account, "document", ident)
        content = account.documents[ident]  # every document record has its bytes
        disposition = f'attachment; filename="{document["filename"]}"'.encode()
        return Response(200, content, document["filetype"], [(b"content-disposition", disposition)])

    # -- sandbox-only endpoints ----------------------------------------------------------------


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


def _churn(account: AccountData, name: str, lies: Lies) -> None:
    """After a page is answered: the lowest ids deleted, copies of the newest added."""
    table = account.table(name)
    for ident in sorted(table)[: lies.deleted_per_page]:
        del table[ident]
    if table and lies.inserted_per_page:
        newest = table[max(table)]
        for _ in range(lies.inserted_per_page):
            account.add(name, {k: v for k, v in newest.items() if k not in ("id", "localid")})
