"""The keys a record shows where live captures fix them exactly (the spec, 9.1, 9.2, 9.6).

A collection row shows the record and its joins; these members show exactly the keys the live
service sent, in its order, whatever else the sandbox keeps about the record.
"""

from __future__ import annotations

from ._store import Record

__all__ = ["ME_ONLY", "shape_member"]

# GET /me/ (live): no email, no active; the person's own settings the person list lacks.
_ME_KEYS = (
    "id",
    "localid",
    "clientid",
    "title",
    "firstname",
    "lastname",
    "primaryaccount",
    "notes",
    "allprojects",
    "private",
    "tips",
    "username",
    "groupid",
    "group",
    "client",
    "numlogins",
    "lastlogin",
    "timezone",
    "timezone_offset",
    "restricttasks",
    "clientlocalid",
    "calendarorientation",
    "editordisabled",
)
# Settings only /me/ shows (a person record keeps them; the person list does not show them).
ME_ONLY = frozenset({"calendarorientation", "editordisabled"})

_MEMBER_KEYS: dict[str, tuple[str, ...]] = {
    # GET /task/{id}/ (live): the people nested, no queueid, datemodified or name lists
    "task": (
        "id",
        "localid",
        "assignee",
        "assigneeid",
        "follower",
        "followerid",
        "owner",
        "ownerid",
        "statusid",
        "projectid",
        "moduleid",
        "title",
        "summary",
        "dateopen",
        "datedue",
        "dateclosed",
        "estimate",
        "priorityid",
        "milestoneid",
        "milestonelocalid",
        "clientid",
        "client",
        "project",
        "module",
        "milestone",
        "status",
        "priority",
        "color",
        "datecreated",
    ),
    # the POST /time/ echo (live); a GET of the entry, never captured, reads as its echo
    "time": (
        "id",
        "projectid",
        "moduleid",
        "taskid",
        "worktypeid",
        "personid",
        "date",
        "datemodified",
        "time",
        "description",
        "billable",
        "worktype",
        "milestoneid",
        "ogmilestoneid",
        "module",
    ),
    "me": _ME_KEYS,
}


def shape_member(resource: str, view: Record) -> Record:
    """``view`` with exactly the live member's keys, where a capture fixes them."""
    keys = _MEMBER_KEYS.get(resource)
    if keys is None:
        return view
    return {key: view.get(key) for key in keys}
