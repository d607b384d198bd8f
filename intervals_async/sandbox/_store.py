"""One account's data: typed records per resource, the joins the API shows, and the tokens.

Records hold Python values (``int``, ``Decimal``, ``bool``, ``date``, ``datetime``, ``str``,
``list[int]`` for multi-value ids, ``None``); `._render` turns them into the wire format.
"""

from __future__ import annotations

import itertools
from typing import Any

from ..resources import REFERENCES
from ..resources import resource as _resource
from ._config import AccountSpec

__all__ = ["AccountData", "Record"]

Record = dict[str, Any]


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
        spec = _resource(resource)
        if spec is not None and spec.localid and "localid" not in record:
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
        for field, reference in REFERENCES.items():
            shown, target = reference.shown, reference.resource
            if field not in view or shown is None or shown in view:
                continue
            value = view[field]
            if isinstance(value, list):
                names = [self.display_name(target, v) for v in value]
                view[shown] = ",".join(n for n in names if n)
            else:
                view[shown] = self.display_name(target, value)
        return view
