"""One account's data: typed records per resource, the joins the API shows, and the tokens.

Records hold Python values (``int``, ``Decimal``, ``bool``, ``date``, ``datetime``, ``str``,
``list[int]`` for multi-value ids, ``None``); `._render` turns them into the wire format.
"""

from __future__ import annotations

import itertools
from typing import Any

from ._config import AccountSpec

__all__ = ["DISPLAY", "LIST_FIELDS", "REFS", "AccountData", "Record"]

Record = dict[str, Any]

# Which resource an id field points at: the sandbox keeps these references whole.
REFS: dict[str, str] = {
    "projectid": "project",
    "clientid": "client",
    "moduleid": "module",
    "taskid": "task",
    "worktypeid": "worktype",
    "personid": "person",
    "ownerid": "person",
    "assigneeid": "person",
    "followerid": "person",
    "managerid": "person",
    "authorid": "person",
    "statusid": "taskstatus",
    "priorityid": "taskpriority",
    "milestoneid": "milestone",
    "invoiceid": "invoice",
    "termid": "invoiceterm",
    "typeid": "paymenttype",
    "contacttypeid": "contacttype",
    "contactdescriptorid": "contactdescriptor",
    "groupid": "group",
    "labelid": "projectlabel",
}

# The name the API shows next to an id (``"projectid":"5"`` comes with ``"project":"Website"``).
DISPLAY: dict[str, str] = {
    "projectid": "project",
    "clientid": "client",
    "moduleid": "module",
    "taskid": "task",
    "worktypeid": "worktype",
    "personid": "person",
    "ownerid": "owners",
    "assigneeid": "assignees",
    "followerid": "followers",
    "managerid": "manager",
    "authorid": "author",
    "statusid": "status",
    "priorityid": "severity",
    "milestoneid": "milestone",
    "termid": "term",
    "typeid": "type",
    "groupid": "group",
    "labelid": "projectlabel",
    "contacttypeid": "contacttype",
    "contactdescriptorid": "contactdescriptor",
}

# Fields holding several ids (CSV on the wire).
LIST_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("task", "ownerid"),
        ("task", "assigneeid"),
        ("task", "followerid"),
        ("milestone", "ownerid"),
        ("project", "managerid"),
        ("projectteam", "personid"),
    }
)

# Resources whose records carry a ``localid`` (the number the web app shows).
LOCAL_IDS = frozenset(
    {"client", "person", "project", "task", "milestone", "invoice", "projectnote", "request"}
)


class AccountData:
    """The records, tokens and id counters of one customer account."""

    def __init__(self, spec: AccountSpec, first_id: int) -> None:
        self.spec = spec
        self.tables: dict[str, dict[int, Record]] = {}
        self.documents: dict[int, bytes] = {}
        self.tokens: dict[str, int] = {}
        self._ids = itertools.count(first_id)
        self._localids: dict[str, itertools.count[int]] = {}

    @property
    def name(self) -> str:
        """The account name."""
        return self.spec.name

    def table(self, resource: str) -> dict[int, Record]:
        """The records of ``resource`` by id (created empty on first use)."""
        return self.tables.setdefault(resource, {})

    def add(self, resource: str, record: Record) -> Record:
        """Store a new record, giving it an id (and a localid where the resource has one)."""
        record = {"id": next(self._ids), **record}
        if resource in LOCAL_IDS and "localid" not in record:
            record = {"id": record["id"], "localid": self.next_localid(resource), **record}
        self.table(resource)[record["id"]] = record
        return record

    def next_localid(self, resource: str) -> int:
        """The next web-app number of ``resource``."""
        return next(self._localids.setdefault(resource, itertools.count(1)))

    def get(self, resource: str, ident: int | None) -> Record | None:
        """The record, or ``None``."""
        return None if ident is None else self.table(resource).get(ident)

    def display_name(self, resource: str, ident: int | None) -> str | None:
        """How the API names a referenced record (a person's full name, a task's title...)."""
        record = self.get(resource, ident)
        if record is None:
            return None
        if resource == "person":
            return " ".join(p for p in (record.get("firstname"), record.get("lastname")) if p)
        return record.get("name", record.get("title"))

    def can_access(self, personid: int, projectid: int | None) -> bool:
        """Whether the person works on the project (all-projects people work on every one)."""
        person = self.get("person", personid)
        if person is None or projectid is None:
            return False
        if person.get("allprojects"):
            return True
        team = self.get("projectteam", projectid)
        return team is not None and personid in team["personid"]

    def view(self, resource: str, record: Record) -> Record:
        """The record with the joined fields the API shows beside it."""
        view = dict(record)
        view.pop("password", None)  # set, never shown
        if resource == "timer":
            view["projectid"] = (self.get("task", view["taskid"]) or {}).get("projectid")
        if "projectid" in view and "clientid" not in view and resource != "projectteam":
            view["clientid"] = (self.get("project", view["projectid"]) or {}).get("clientid")
        if resource == "tasknote":
            view["title"] = self.display_name("task", view.get("taskid"))
        for field, target in REFS.items():
            shown = DISPLAY.get(field)
            if field not in view or shown is None or shown in view:
                continue
            value = view[field]
            if isinstance(value, list):
                names = [self.display_name(target, v) for v in value]
                view[shown] = ",".join(n for n in names if n)
            else:
                view[shown] = self.display_name(target, value)
        return view
