"""Creates, updates and deletes: checked against the resource table, references kept whole.

Unknown fields -> code 17 listing them; missing required fields, bad types, over-long strings
and references to records that do not exist -> code 18. ``datemodified`` moves on every write.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .._wire import parse_csv
from ..resources._table import REFERENCES, Field, Resource
from ._errors import ApiError, unrecognized
from ._store import AccountData, Record

__all__ = ["create", "delete", "update"]

# Fields whose value may not change once set (documented for these two).
_IMMUTABLE = {("projectmodule", "projectid"), ("projectworktype", "projectid")}
# Fields a record keeps once set, though a create may leave them out: every person has a group
# (its permissions), so an update cannot take the group away.
_KEPT = {("person", "groupid")}
# Record fields the server keeps itself.
# (a timer keeps ``lastupdate`` instead: it reads the same after POST as after GET)
_STAMPED = frozenset({"time", "task", "tasknote", "document"})


def _parse(field: Field, raw: Any) -> Any:
    if raw is None or raw == "":
        return [] if field.csv else None
    if field.csv:
        return parse_csv(raw)
    value = field.kind.parse(raw)
    if isinstance(value, str) and field.max_length is not None and len(value) > field.max_length:
        raise ValueError(f"longer than {field.max_length} characters")
    return value


def _check_fields(spec: Resource, body: dict[str, Any]) -> dict[str, Any]:
    """The typed values of ``body``; read-only fields are accepted and ignored, as upstream."""
    unknown = [k for k in body if k != "id" and spec.field(k) is None]
    if unknown:
        raise unrecognized(unknown)
    values: dict[str, Any] = {}
    errors = []
    for key, raw in body.items():
        field = spec.field(key)
        if field is None or field.read_only:
            continue
        try:
            values[key] = _parse(field, raw)
        except ValueError as exc:
            errors.append(f"{key}: {exc}")
    if errors:
        raise ApiError(18, *errors)
    return values


def _check_references(account: AccountData, resource: str, values: dict[str, Any]) -> None:
    errors = []
    for key, value in values.items():
        reference = REFERENCES.get(key)
        if reference is None or value is None:
            continue
        target = reference.resource
        for ident in value if isinstance(value, list) else [value]:
            if account.get(target, ident) is None:
                errors.append(f"{key}: there is no {target} with id {ident}")
    if errors:
        raise ApiError(18, *errors)


def _complete_time(account: AccountData, values: dict[str, Any]) -> None:
    """Task time takes project and module from its task; general time needs both."""
    if values.get("taskid") is not None:
        task = account.get("task", values["taskid"])
        if task is not None:
            values["projectid"], values["moduleid"] = task["projectid"], task["moduleid"]
            values["milestoneid"] = task["milestoneid"]
    elif values.get("projectid") is None or values.get("moduleid") is None:
        raise ApiError(18, "Time needs a taskid, or a projectid and a moduleid for general time")


def _check_one_timer_per_task(
    account: AccountData, timer: Record, code: int | None, ident: int | None = None
) -> None:
    """One timer per person per task: "a user cannot have more than one timer for a particular
    task" (the timer page). The error code is undocumented: the sandbox's
    ``timer_conflict_code`` (``None`` allows a second timer)."""
    if code is None or timer.get("taskid") is None:
        return
    for other in account.table("timer").values():
        if (
            other["id"] != ident
            and other["taskid"] == timer["taskid"]
            and other["personid"] == timer.get("personid")
        ):
            raise ApiError(
                code,
                f"Person {other['personid']} already has a timer for task {other['taskid']}: "
                f"timer {other['id']}",
            )


def create(
    account: AccountData,
    spec: Resource,
    body: dict[str, Any],
    now: float,
    *,
    author: int | None = None,
    timer_conflict_code: int | None = None,
) -> Record:
    """Validate and store a new record (the caller has already handled ``id`` = update).

    A note records who wrote it (``author``, the token's person) and when, as the API's do; a
    second timer of one person on one task is refused with ``timer_conflict_code``.
    """
    values = _check_fields(spec, body)
    missing = [f.name for f in spec.fields if f.required and values.get(f.name) in (None, [])]
    stamp = datetime.fromtimestamp(now, UTC).replace(tzinfo=None, microsecond=0)
    if spec.name == "timer" and "starttime" in missing:
        missing.remove("starttime")
    if spec.name == "timer" and values.get("starttime") is None and values.get("time") is None:
        values["starttime"] = stamp  # "If missing, server time will be used"
    if spec.name == "projectmodule" and values.get("moduleid") is None and not values.get("module"):
        missing.append("moduleid (or module)")
    if (
        spec.name == "projectworktype"
        and values.get("worktypeid") is None
        and not values.get("worktype")
    ):
        missing.append("worktypeid (or worktype)")
    if missing:
        raise ApiError(18, "Missing required field(s): " + ", ".join(missing))
    if spec.name == "time":
        _check_references(account, "time", {"taskid": values.get("taskid")})
        _complete_time(account, values)
    _check_references(account, spec.name, values)
    if spec.name == "timer":
        _check_one_timer_per_task(account, values, timer_conflict_code)
    record: Record = {f.name: [] if f.csv else None for f in spec.fields}
    record.update(values)
    if spec.name in _STAMPED:
        record["datemodified"] = stamp
    if spec.name == "task":
        record.setdefault("datecreated", stamp.date())
    if spec.name == "tasknote":
        record["date"] = stamp
        record["authorid"] = record.get("authorid") or author
    if spec.name == "timer":
        record["lastupdate"] = stamp.date()
        record["time"] = record.get("time") or 0
    record.pop("timelapsed", None)
    return account.add(spec.name, record)


def update(
    account: AccountData,
    spec: Resource,
    record: Record,
    body: dict[str, Any],
    now: float,
    *,
    timer_conflict_code: int | None = None,
) -> Record:
    """Apply ``body`` to ``record`` in place and return it (the rules of `create()`)."""
    values = _check_fields(spec, body)
    errors = [
        f"{k} cannot be changed once set"
        for k in values
        if (spec.name, k) in _IMMUTABLE and values[k] != record.get(k)
    ]
    errors += [
        f"{f.name} is required and cannot be empty"
        for f in spec.fields
        if (f.required or (spec.name, f.name) in _KEPT)
        and f.name in values
        and values[f.name] in (None, [])
    ]
    if errors:
        raise ApiError(18, *errors)
    if spec.name == "time" and "taskid" in values:
        _check_references(account, "time", {"taskid": values["taskid"]})
        merged = {**record, **values}
        _complete_time(account, merged)
        values.update({k: merged[k] for k in ("projectid", "moduleid", "milestoneid")})
    _check_references(account, spec.name, values)
    if spec.name == "timer":
        _check_one_timer_per_task(account, {**record, **values}, timer_conflict_code, record["id"])
    record.update(values)
    stamp = datetime.fromtimestamp(now, UTC).replace(tzinfo=None, microsecond=0)
    if "datemodified" in record or spec.name in _STAMPED:
        record["datemodified"] = stamp
    if spec.name == "timer":
        record["lastupdate"] = stamp.date()
    return record


def delete(account: AccountData, resource: str, ident: int) -> None:
    """Remove a record nothing else points at; otherwise refuse with code 18.

    Whether the real service cascades or refuses is not documented; refusing never leaves a
    dangling reference and never deletes more than was asked.
    """
    users = sorted(
        {
            name
            for name, table in account.tables.items()
            if name != "projectteam" or resource != "project"
            for record in table.values()
            for key, reference in REFERENCES.items()
            if reference.resource == resource
            and key in record
            and (ident in record[key] if isinstance(record[key], list) else record[key] == ident)
        }
    )
    if users:
        raise ApiError(18, f"The {resource} {ident} is still used by: " + ", ".join(users))
    account.table(resource).pop(ident)
    if resource == "project":
        account.table("projectteam").pop(ident, None)
    account.documents.pop(ident, None)
