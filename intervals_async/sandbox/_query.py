"""Collection queries: filters parsed by their declared type, matched, sorted and paged.

Every filter of the resource table has a meaning here. Most are generic: a filter named like a
field matches that field (CSV ids by membership, ``-1`` meaning "none", text by case-insensitive
substring), and ``<field>begin``/``<field>end`` bound a date or timestamp field. The rest have the
documented special meanings in `_SPECIAL`.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any

from .._wire import parse_csv
from ..resources._table import Filter, Kind, Resource
from ._errors import ApiError, unrecognized
from ._store import AccountData, Record

__all__ = ["DEFAULT_LIMIT", "Query", "parse_query"]

DEFAULT_LIMIT = 10
_PAGING = frozenset({"offset", "limit", "sortfield", "sortdir"})
_TEXT: tuple[str, ...] = ("name", "title", "description", "summary", "note", "firstname")
_TEXT += ("lastname", "username", "email", "reference", "filename", "tag")


def _parse_value(spec: Filter, raw: str) -> Any:
    return parse_csv(raw) if spec.kind is Kind.INT and spec.csv else spec.kind.parse(raw)


class Query:
    """A parsed collection request: the filters, the order and the page."""

    def __init__(self, resource: Resource, filters: dict[str, Any], order: str = "id") -> None:
        self.resource = resource
        self.filters = {k: v for k, v in filters.items() if k not in _PAGING}
        if resource.name == "timer":
            # "Ordinarily, the list returns a list of active task timers"; generaltimers=t lists
            # the general ones instead, and gettimerinfo "combines" both
            if self.filters.pop("gettimerinfo", False):
                self.filters.pop("generaltimers", None)
            else:
                self.filters.setdefault("generaltimers", False)
        self.offset: int = filters.get("offset", 0)
        # A collection that documents no limit filter is not paged: it answers every record
        # (the docs are silent; anything else would hide records from every client).
        unpaged = resource.filter("limit") is None
        self.limit: int = filters.get("limit", sys.maxsize if unpaged else DEFAULT_LIMIT)
        # the order when no sortfield is given: by id, except where the service is seen to
        # sort otherwise (the sandbox's ``project_order``)
        self.sortfield: str = filters.get("sortfield") or order
        self.descending = str(filters.get("sortdir", "ASC")).upper() == "DESC"

    def select(self, account: AccountData, views: Iterable[Record], today: date) -> list[Record]:
        """The matching views, sorted (by id unless a ``sortfield`` was given)."""
        name = self.resource.name
        matched = [
            v
            for v in views
            if all(_matches(account, name, f, value, v, today) for f, value in self.filters.items())
        ]
        field = _SORT_ALIASES.get(self.sortfield, self.sortfield)
        matched.sort(key=lambda v: _sort_key(account, v, field), reverse=self.descending)
        return matched


def parse_query(resource: Resource, params: list[tuple[str, str]], order: str = "id") -> Query:
    """Check and type the query string of a collection ``GET`` (codes 17 and 18); ``order`` is
    the sortfield when none is given."""
    unknown = [name for name, _ in params if resource.filter(name) is None]
    if unknown:
        raise unrecognized(unknown)
    parsed: dict[str, Any] = {}
    for name, raw in params:
        spec = resource.filter(name)
        assert spec is not None
        try:
            parsed[name] = _parse_value(spec, raw)
        except ValueError as exc:
            raise ApiError(18, f"Invalid value for {name}: {exc}") from None
    missing = [f.name for f in resource.filters if f.required and f.name not in parsed]
    if missing:
        raise ApiError(18, "Missing required filter(s): " + ", ".join(missing))
    if parsed.get("offset", 0) < 0:
        raise ApiError(18, "offset must be 0 or more")
    if parsed.get("limit", 1) < 1:
        raise ApiError(18, "limit must be 1 or more")
    if "sortdir" in parsed and str(parsed["sortdir"]).upper() not in ("ASC", "DESC"):
        raise ApiError(18, 'sortdir must be either "ASC" or "DESC"')
    if "sortfield" in parsed and parsed["sortfield"] not in resource.sortfields:
        raise ApiError(18, "sortfield must be one of: " + ", ".join(resource.sortfields))
    return Query(resource, parsed, order)


def _as_comparable(field: Any, bound: Any) -> tuple[Any, Any]:
    """Compare a date bound with a timestamp field by its date, and the other way round."""
    if isinstance(bound, datetime) and not isinstance(field, datetime) and isinstance(field, date):
        return datetime.combine(field, time.min), bound
    if isinstance(field, datetime) and not isinstance(bound, datetime):
        return field.date(), bound
    return field, bound


def _equal(field: Any, value: Any) -> bool:
    if isinstance(value, list):  # CSV filter: any of the values; -1 = has none
        if isinstance(field, list):
            return (-1 in value and not field) or bool(set(value) & set(field))
        return (-1 in value and field is None) or field in value
    if isinstance(value, bool):
        return bool(field) == value
    if isinstance(value, str):
        return field is not None and value.casefold() in str(field).casefold()
    if isinstance(field, list):
        return value in field
    if field is None:
        return False
    left, right = _as_comparable(field, value)
    return bool(left == right)


# Range filters whose field is named otherwise (a document's dates are its modification dates).
_RANGE_FIELDS = {("document", "date"): "datemodified"}


def _generic(resource: str, name: str, value: Any, view: Record) -> bool:
    if name in view:
        return _equal(view[name], value)
    for suffix, within in (("begin", operator.ge), ("end", operator.le)):
        base = name.removesuffix(suffix)
        base = _RANGE_FIELDS.get((resource, base), base)
        if base != name and base in view:
            if view[base] is None:
                return False
            left, right = _as_comparable(view[base], value)
            return bool(within(left, right))
    raise AssertionError(f"filter {name!r} has no meaning for this resource")


def _related(task: Record | None) -> set[int]:
    if task is None:
        return set()
    return {*task.get("assigneeid", []), *task.get("ownerid", []), *task.get("followerid", [])}


def _search(acc: AccountData, v: Record, value: str, today: date) -> bool:
    text = value.casefold()
    return str(v.get("localid")) == value or any(
        isinstance(v.get(f), str) and text in v[f].casefold() for f in _TEXT
    )


def _access(acc: AccountData, v: Record, value: int, today: date) -> bool:
    return acc.can_access(value, v.get("projectid", v["id"]))


def _person_projects(acc: AccountData, v: Record, value: list[int], today: date) -> bool:
    return any(acc.can_access(v["id"], p) for p in value)


def _person_clients(acc: AccountData, v: Record, value: list[int], today: date) -> bool:
    projects = acc.table("project").values()
    return any(p["clientid"] in value and acc.can_access(v["id"], p["id"]) for p in projects)


def _milestone_relation(acc: AccountData, v: Record, value: list[int], today: date) -> bool:
    wanted = set(value)
    if wanted & set(v["ownerid"]):
        return True
    tasks = acc.table("task").values()
    return any(t["milestoneid"] == v["id"] and wanted & _related(t) for t in tasks)


def _project_active(acc: AccountData, v: Record, value: bool, today: date) -> bool:
    project = acc.get("project", v.get("projectid"))
    return project is not None and bool(project["active"]) == value


def _overdue(acc: AccountData, v: Record, value: bool, today: date) -> bool:
    late = v["datedue"] is not None and v["datedue"] < today and v["dateclosed"] is None
    return late == value


_Special = Callable[[AccountData, Record, Any, date], bool]
_SPECIAL: dict[tuple[str, str], _Special] = {
    ("task", "excludeclosed"): lambda a, v, x, d: not x or v["dateclosed"] is None,
    ("task", "overdue"): _overdue,
    ("task", "hasduedate"): lambda a, v, x, d: (v["datedue"] is not None) == x,
    ("task", "hastaskrelation"): lambda a, v, x, d: bool(set(x) & _related(v)),
    # deprecated upstream; "now behaves like hastaskrelation"
    ("task", "assignedorownedby"): lambda a, v, x, d: bool(set(x) & _related(v)),
    # decorates the page with the person's timer (see the app); filters nothing
    ("task", "includetimerid"): lambda a, v, x, d: True,
    # our saved filters carry no criteria of their own: an existing one matches every task
    ("task", "tasklistfilterid"): lambda a, v, x, d: True,
    ("task", "personid"): _access,
    ("project", "personid"): _access,
    ("projectmodule", "personid"): _access,
    ("projectworktype", "personid"): _access,
    ("milestone", "hasmilestonerelation"): _milestone_relation,
    ("document", "taskassignedorownedby"): lambda a, v, x, d: (
        x in _related(a.get("task", v["taskid"]))
    ),
    ("document", "projectactive"): _project_active,
    ("time", "activeonly"): lambda a, v, x, d: not x or _project_active(a, v, True, d),
    ("client", "projectsonly"): lambda a, v, x, d: (
        not x or any(p["clientid"] == v["id"] and p["active"] for p in a.table("project").values())
    ),
    # gettimerinfo never reaches here: Query turns it into "both kinds" (the task fields are
    # always joined)
    ("timer", "generaltimers"): lambda a, v, x, d: (v["taskid"] is None) == x,
    ("person", "excludegroupids"): lambda a, v, x, d: v["groupid"] not in x,
    ("person", "projectid"): _person_projects,
    ("person", "projectclientid"): _person_clients,
    ("expense", "managerid"): lambda a, v, x, d: bool(
        set(x) & set((a.get("project", v["projectid"]) or {}).get("managerid", []))
    ),
    ("projectnote", "noteid"): lambda a, v, x, d: v["id"] == x,
}


def has_meaning(resource: str, name: str) -> bool:
    """Whether the filter is special-cased here (the others are generic)."""
    return name == "search" or (resource, name) in _SPECIAL


def _matches(acc: AccountData, resource: str, name: str, value: Any, v: Record, d: date) -> bool:
    if name == "search":
        return _search(acc, v, value, d)
    special = _SPECIAL.get((resource, name))
    if special is not None:
        return special(acc, v, value, d)
    return _generic(resource, name, value, v)


_SORT_ALIASES = {
    "t.date": "date",
    "owner": "owners",
    "assignee": "assignees",
    "label": "projectlabel",
    "projectabel_order": "projectlabel_order",  # Swagger 1.1's spelling
}
# Sorts by a project label: which of its values
_BY_LABEL = {
    "label_order": "priority",
    "projectlabelid": "id",
    "projectlabel": "name",
    "projectlabel_order": "priority",
}


def _sort_key(acc: AccountData, view: Record, field: str) -> tuple[bool, Any]:
    if field == "sev.priority":
        value = (acc.get("taskpriority", view.get("priorityid")) or {}).get("priority")
    elif field == "status_order":
        value = (acc.get("taskstatus", view.get("statusid")) or {}).get("priority")
    elif field in _BY_LABEL:
        # by the label of the record's project (a project's own): its id, name or order
        project = view if "labelid" in view else acc.get("project", view.get("projectid")) or {}
        label = acc.get("projectlabel", project.get("labelid")) or {}
        value = project.get("labelid") if _BY_LABEL[field] == "id" else label.get(_BY_LABEL[field])
    else:
        value = view.get(field)
    if isinstance(value, str):
        value = value.casefold()
    elif isinstance(value, list):
        value = tuple(value)
    return (value is not None, value)
