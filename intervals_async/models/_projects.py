"""Projects and what hangs off them: modules, work types, milestones, notes, documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ._base import Model

__all__ = [
    "Document",
    "Milestone",
    "MilestoneNote",
    "Module",
    "Project",
    "ProjectLabel",
    "ProjectModule",
    "ProjectNote",
    "ProjectTeam",
    "ProjectWorkType",
    "WorkType",
]


@attrs.frozen(kw_only=True)
class Project(Model):
    """A project."""

    id: int
    localid: int | None = None
    name: str | None = None
    clientid: int | None = None
    managerid: tuple[int, ...] = ()
    description: str | None = None
    datestart: dt.date | None = None
    dateend: dt.date | None = None
    budget: Decimal | None = None
    billable: bool | None = None
    active: bool | None = None
    alert_percent: Decimal | None = None
    labelid: int | None = None
    datecreated: dt.date | None = None
    client: str | None = None
    manager: str | None = None
    projectlabel: str | None = None


@attrs.frozen(kw_only=True)
class ProjectLabel(Model):
    """A label projects can carry."""

    id: int
    name: str | None = None
    color: str | None = None
    priority: int | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class ProjectModule(Model):
    """A module enabled on a project."""

    id: int
    projectid: int | None = None
    moduleid: int | None = None
    module: str | None = None
    description: str | None = None
    active: bool | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None


@attrs.frozen(kw_only=True)
class ProjectWorkType(Model):
    """A work type enabled on a project, with its rate.

    Its ``worktypeid`` (not its ``id``) is what a time entry takes.
    """

    id: int
    projectid: int | None = None
    worktypeid: int | None = None
    worktype: str | None = None
    hourlyrate: Decimal | None = None
    esttime: Decimal | None = None
    active: bool | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    total: Decimal | None = None


@attrs.frozen(kw_only=True)
class ProjectNote(Model):
    """A note on a project."""

    id: int
    localid: int | None = None
    projectid: int | None = None
    authorid: int | None = None
    title: str | None = None
    note: str | None = None
    secure: bool | None = None
    date: dt.datetime | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    author: str | None = None


@attrs.frozen(kw_only=True)
class ProjectTeam(Model):
    """The people on a project's team (``id`` is the project's id)."""

    id: int
    projectid: int | None = None
    personid: tuple[int, ...] = ()
    project: str | None = None
    person: str | None = None


@attrs.frozen(kw_only=True)
class Milestone(Model):
    """A project milestone."""

    id: int
    localid: int | None = None
    projectid: int | None = None
    ownerid: tuple[int, ...] = ()
    title: str | None = None
    datedue: dt.date | None = None
    description: str | None = None
    complete: bool | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    owners: str | None = None
    progress: Decimal | None = None
    estimate: Decimal | None = None
    actual: Decimal | None = None


@attrs.frozen(kw_only=True)
class MilestoneNote(Model):
    """A note on a milestone."""

    id: int
    milestoneid: int | None = None
    authorid: int | None = None
    note: str | None = None
    public: bool | None = None
    date: dt.datetime | None = None
    author: str | None = None
    milestone: str | None = None


@attrs.frozen(kw_only=True)
class Module(Model):
    """An account-wide default module."""

    id: int
    name: str | None = None
    description: str | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class WorkType(Model):
    """An account-wide default work type."""

    id: int
    name: str | None = None
    defaulthourlyrate: Decimal | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class Document(Model):
    """A document's record (its bytes come from ``client.document.download``)."""

    id: int
    title: str | None = None
    filename: str | None = None
    filetype: str | None = None
    filesize: int | None = None
    public: bool | None = None
    taskid: int | None = None
    milestoneid: int | None = None
    projectid: int | None = None
    moduleid: int | None = None
    personid: int | None = None
    queueid: int | None = None
    tag: str | None = None
    datemodified: dt.datetime | None = None
    active: bool | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    module: str | None = None
    task: str | None = None
    person: str | None = None
    milestone: str | None = None
