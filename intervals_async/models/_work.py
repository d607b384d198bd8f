"""Time entries, timers, tasks and requests: the records people work on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ._base import Model, TaskPerson

__all__ = [
    "Request",
    "Task",
    "TaskListFilter",
    "TaskNote",
    "TaskPriority",
    "TaskStatus",
    "Time",
    "Timer",
]


@attrs.frozen(kw_only=True)
class Time(Model):
    """A time entry: hours a person logged on a task or on a project's module."""

    id: int
    projectid: int | None = None
    moduleid: int | None = None
    taskid: int | None = None
    worktypeid: int | None = None
    personid: int | None = None
    date: dt.date | None = None
    datemodified: dt.datetime | None = None
    time: Decimal | None = None
    description: str | None = None
    billable: bool | None = None
    approved: bool | None = None
    hourlyrate: Decimal | None = None
    milestoneid: int | None = None
    ogmilestoneid: int | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    module: str | None = None
    task: str | None = None
    worktype: str | None = None
    person: str | None = None
    milestone: str | None = None
    dateiso: dt.date | None = None
    firstname: str | None = None
    lastname: str | None = None


@attrs.frozen(kw_only=True)
class Timer(Model):
    """A running or paused timer (``time`` in seconds; a ``starttime`` means running)."""

    id: int
    personid: int | None = None
    taskid: int | None = None
    name: str | None = None
    starttime: dt.datetime | None = None
    time: Decimal | None = None
    timelapsed: int | None = None
    lastupdate: dt.date | None = None
    projectid: int | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    task: str | None = None
    person: str | None = None
    isrunning: bool | None = None
    totaltime: Decimal | None = None


@attrs.frozen(kw_only=True)
class Task(Model):
    """A task (``localid`` is the number the web app shows)."""

    id: int
    localid: int | None = None
    queueid: int | None = None
    title: str | None = None
    projectid: int | None = None
    moduleid: int | None = None
    statusid: int | None = None
    priorityid: int | None = None
    ownerid: tuple[int, ...] = ()
    assigneeid: tuple[int, ...] = ()
    followerid: tuple[int, ...] = ()
    milestoneid: int | None = None
    summary: str | None = None
    dateopen: dt.date | None = None
    datedue: dt.date | None = None
    dateclosed: dt.date | None = None
    estimate: Decimal | None = None
    datemodified: dt.datetime | None = None
    datecreated: dt.date | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    module: str | None = None
    owners: str | None = None
    assignees: str | None = None
    followers: str | None = None
    status: str | None = None
    milestone: str | None = None
    color: str | None = None
    priority: str | None = None
    severity: str | None = None
    status_order: int | None = None
    milestonelocalid: int | None = None
    clientlocalid: int | None = None
    projectlocalid: int | None = None
    projectlabelid: int | None = None
    projectlabel: str | None = None
    projectlabel_order: int | None = None
    billable: Decimal | None = None
    unbillable: Decimal | None = None
    actual: Decimal | None = None
    timerid: int | None = None
    starttime: dt.datetime | None = None
    assignee: tuple[TaskPerson, ...] = ()
    owner: tuple[TaskPerson, ...] = ()
    follower: tuple[TaskPerson, ...] = ()


@attrs.frozen(kw_only=True)
class TaskNote(Model):
    """A note on a task."""

    id: int
    taskid: int | None = None
    authorid: int | None = None
    note: str | None = None
    public: bool | None = None
    date: dt.datetime | None = None
    datemodified: dt.datetime | None = None
    title: str | None = None
    task: str | None = None
    author: str | None = None


@attrs.frozen(kw_only=True)
class TaskStatus(Model):
    """A task status (``priority`` is its place in the workflow)."""

    id: int
    name: str | None = None
    priority: int | None = None
    frozen: bool | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class TaskPriority(Model):
    """A task priority (``color`` is six hex digits)."""

    id: int
    name: str | None = None
    color: str | None = None
    priority: int | None = None
    isdefault: bool | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class TaskListFilter(Model):
    """A saved task list filter."""

    id: int
    filtertypeid: int | None = None
    personid: int | None = None
    title: str | None = None
    subfilterid: int | None = None
    shared: bool | None = None
    scheduled: bool | None = None
    filtertype: str | None = None
    datesent: dt.date | None = None
    person: str | None = None


@attrs.frozen(kw_only=True)
class Request(Model):
    """A request from the request queue."""

    id: int
    localid: int | None = None
    personid: int | None = None
    projectid: int | None = None
    priorityid: int | None = None
    title: str | None = None
    datedue: dt.date | None = None
    description: str | None = None
    date: dt.date | None = None
    email: str | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    person: str | None = None
    severity: str | None = None
