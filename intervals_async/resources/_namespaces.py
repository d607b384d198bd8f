"""One namespace per resource on the client (``client.time``, ``client.task``...).

Each offers exactly the verbs the API has for its resource, as methods from five small mixins:
``list``/``iterate`` (collection ``GET``), ``get`` (member ``GET``), ``create`` (collection
``POST``), ``update`` (member ``PUT``) and ``delete`` (member ``DELETE``). ``NAMESPACES`` composes
them per resource, and `verbs_of()` lets a test hold the composition to the resource table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from .. import _validate
from .._clock import Clock
from .._convert import envelope_int, structure
from .._exceptions import DecodeError, IntervalsError, InvalidParameter
from .._gather import gather
from .._pager import Pager, in_id_order, walks_by_id
from .._wire import MAX_INT
from ..models import (
    Client,
    ContactDescriptor,
    ContactType,
    Document,
    Expense,
    Invoice,
    InvoiceItem,
    InvoiceNote,
    InvoiceTerm,
    Me,
    Milestone,
    MilestoneNote,
    Model,
    Module,
    Page,
    Payment,
    PaymentType,
    Person,
    PersonContact,
    Project,
    ProjectLabel,
    ProjectModule,
    ProjectNote,
    ProjectTeam,
    ProjectWorkType,
    Request,
    Task,
    TaskListFilter,
    TaskNote,
    TaskPriority,
    TaskStatus,
    Time,
    Timer,
    UserGroup,
    WorkType,
)
from ._table import Resource, resource

__all__ = ["NAMESPACES", "Caller", "Namespace", "verbs_of"]

M = TypeVar("M", bound=Model)


class Caller(Protocol):
    """What a namespace needs from the client: the request loop, the paging defaults and the
    clock (a timer's "now")."""

    page_size: int
    concurrency: int
    clock: Clock

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One call through the request loop; the decoded envelope."""
        ...

    async def _download(self, path: str, target: Path | None) -> bytes:
        """One download through the request loop, into memory or streamed into ``target``."""
        ...


class Namespace(Generic[M]):
    """The base of every resource namespace."""

    model: ClassVar[type[Model]]

    def __init__(self, caller: Caller, name: str) -> None:
        spec = resource(name)
        assert spec is not None, name
        self._caller = caller
        self._spec: Resource = spec

    def __repr__(self) -> str:
        return f"<{type(self).__name__} /{self._spec.name}/>"

    def _one(self, body: Mapping[str, Any]) -> M:
        record = body.get(self._spec.name)
        if isinstance(record, list) and len(record) == 1:
            record = record[0]
        return self._decode(record)

    def _decode(self, record: Any) -> M:
        try:
            return structure(record, self.model)  # type: ignore[return-value]
        except ValueError as exc:
            raise DecodeError(f"/{self._spec.name}/: {exc}") from exc

    def _ident(self, ident: int) -> int:
        if isinstance(ident, bool) or not isinstance(ident, int) or not 1 <= ident <= MAX_INT:
            raise InvalidParameter(
                f"a {self._spec.name} id is a positive int (at most {MAX_INT}), "
                f"not {_validate.shown(ident)}",
                resource=self._spec.name,
                parameter="id",
            )
        return ident


class _List(Namespace[M]):
    @property
    def _paged(self) -> bool:
        # A few small collections document no limit and offset: one answer holds them all.
        return self._spec.filter("limit") is not None

    async def list(self, **filters: Any) -> Page[M]:
        """One page of the collection (``limit`` defaults to the client's ``page_size``).

        Args:
            **filters: the collection's filters, as Python values (``projectid=5``,
                ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``).
        """
        if filters.get("limit") is None and self._paged:
            filters["limit"] = self._caller.page_size
        params = _validate.query(self._spec, filters)
        body = await self._caller.call("GET", f"/{self._spec.name}/", params=params)
        records = body.get(self._spec.name)
        if not isinstance(records, list):
            raise DecodeError(f"/{self._spec.name}/ answered without its list of records")
        items = tuple(self._decode(r) for r in records)
        offset = int(params.get("offset", "0"))
        try:
            listcount = envelope_int(body.get("listcount"))
        except ValueError as exc:
            raise DecodeError(f"/{self._spec.name}/: bad listcount: {exc}") from exc
        return Page(
            items=items,
            listcount=offset + len(items) if listcount is None else listcount,
            offset=offset,
            limit=int(params.get("limit", len(items))),
        )

    async def pages(
        self, *, page_size: int | None = None, concurrency: int | None = None, **filters: Any
    ) -> AsyncIterator[Sequence[M]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `
        PagingError`): ids out of order, a page repeated (an ignored ``offset``), records fewer
        than ``listcount``. No record is yielded twice; a ``listcount`` too small loses none.
        Pages are large (the client's ``page_size``; the API's default of 10 would cost 50
        times more); once the first page has told ``listcount``, up to ``concurrency`` pages
        are fetched at once (each still paced by the governor). A walk of ``n`` records costs
        ``max(1, ceil(n / page_size))`` requests.

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **filters: the collection's filters; ``offset`` says where to start.
        """
        if "limit" in filters:
            raise InvalidParameter(
                "iterate() walks every page: give page_size, not limit",
                resource=self._spec.name,
                parameter="limit",
            )
        name = self._spec.name
        step = _validate.positive(
            name, "page_size", self._caller.page_size if page_size is None else page_size
        )
        width = _validate.positive(
            name, "concurrency", self._caller.concurrency if concurrency is None else concurrency
        )
        if not self._paged:
            yield (await self.list(**filters)).items  # one answer holds every record
            return
        walked = in_id_order(self._spec, filters)
        # Every filter checked once, before the first request (offset included).
        checked = _validate.query(self._spec, {**walked, "limit": step})
        walked.pop("offset", None)
        pager = Pager(
            name,
            page_size=step,
            by_id=walks_by_id(walked),
            offset=int(checked.get("offset", "0")),
        )
        while not pager.done:
            fetches = pager.plan(width)
            answers = await gather(
                [self.list(offset=f.offset, limit=f.limit, **walked) for f in fetches]
            )
            for fetch, page in zip(fetches, answers, strict=True):
                fresh = pager.take(fetch, page.items, page.listcount)
                if fresh:
                    yield fresh

    async def iterate(
        self, *, page_size: int | None = None, concurrency: int | None = None, **filters: Any
    ) -> AsyncIterator[M]:
        """Every matching record, one at a time: `pages()`, record by record."""
        async for page in self.pages(page_size=page_size, concurrency=concurrency, **filters):
            for item in page:
                yield item


class _Get(Namespace[M]):
    async def get(self, ident: int) -> M:
        """The record with id ``ident`` (``NotFound`` if there is none)."""
        body = await self._caller.call("GET", f"/{self._spec.name}/{self._ident(ident)}/")
        return self._one(body)


class _Create(Namespace[M]):
    async def create(self, **fields: Any) -> M:
        """Create a record from ``fields`` (Python values; required fields checked first).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.
        """
        payload = _validate.body(self._spec, fields, create=True)
        body = await self._caller.call("POST", f"/{self._spec.name}/", json=payload)
        return self._one(body)


class _Update(Namespace[M]):
    async def update(self, ident: int, **fields: Any) -> M:
        """Change the given fields of record ``ident``; the record as the API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).
        """
        payload = _validate.body(self._spec, fields, create=False)
        path = f"/{self._spec.name}/{self._ident(ident)}/"
        body = await self._caller.call("PUT", path, json=payload)
        if self._spec.name not in body:
            body = await self._caller.call("GET", path)
        return self._one(body)


class _Delete(Namespace[M]):
    async def delete(self, ident: int) -> None:
        """Delete record ``ident``."""
        await self._caller.call("DELETE", f"/{self._spec.name}/{self._ident(ident)}/")


# -- the namespaces -----------------------------------------------------------------------------


class MeResource(Namespace[Me]):
    """``/me/``: the person the token belongs to."""

    model = Me

    async def get(self, ident: int | None = None) -> Me:
        """The token's person (``GET /me/``; with ``ident``, ``GET /me/{ident}/``)."""
        path = "/me/" if ident is None else f"/me/{self._ident(ident)}/"
        return self._one(await self._caller.call("GET", path))


class DocumentResource(_List[Document], _Get[Document]):
    """``/document/``: document records, and their files."""

    model = Document

    async def download(self, ident: int, target: str | Path | None = None) -> bytes:
        """The latest version of document ``ident`` (``GET /document/{id}/download/``).

        Args:
            ident: the document's id.
            target: a file to stream the bytes into (written whole or not at all) instead of
                holding them in memory; then ``b""`` is returned.
        """
        path = f"/document/{self._ident(ident)}/download/"
        return await self._caller._download(path, None if target is None else Path(target))


class ClientResource(
    _List[Client], _Get[Client], _Create[Client], _Update[Client], _Delete[Client]
):
    """``/client/``: a client (customer) of the account."""

    model = Client


class ContactDescriptorResource(_List[ContactDescriptor]):
    """``/contactdescriptor/``: a label for a contact detail (work, home...)."""

    model = ContactDescriptor


class ContactTypeResource(_List[ContactType]):
    """``/contacttype/``: a kind of contact detail (phone, address...)."""

    model = ContactType


class ExpenseResource(
    _List[Expense], _Get[Expense], _Create[Expense], _Update[Expense], _Delete[Expense]
):
    """``/expense/``: an expense on a project."""

    model = Expense


class UserGroupResource(_List[UserGroup], _Get[UserGroup]):
    """``/group/``: a user group (Administrator, Manager, Resource, Executive)."""

    model = UserGroup


class InvoiceResource(
    _List[Invoice], _Get[Invoice], _Create[Invoice], _Update[Invoice], _Delete[Invoice]
):
    """``/invoice/``: an invoice."""

    model = Invoice


class InvoiceItemResource(
    _List[InvoiceItem],
    _Get[InvoiceItem],
    _Create[InvoiceItem],
    _Update[InvoiceItem],
    _Delete[InvoiceItem],
):
    """``/invoiceitem/``: a line of an invoice."""

    model = InvoiceItem


class InvoiceNoteResource(
    _List[InvoiceNote],
    _Get[InvoiceNote],
    _Create[InvoiceNote],
    _Update[InvoiceNote],
    _Delete[InvoiceNote],
):
    """``/invoicenote/``: a note on an invoice."""

    model = InvoiceNote


class InvoiceTermResource(_List[InvoiceTerm], _Get[InvoiceTerm]):
    """``/invoiceterm/``: a payment term invoices can carry."""

    model = InvoiceTerm


class MilestoneResource(
    _List[Milestone], _Get[Milestone], _Create[Milestone], _Update[Milestone], _Delete[Milestone]
):
    """``/milestone/``: a project milestone."""

    model = Milestone


class MilestoneNoteResource(
    _List[MilestoneNote],
    _Get[MilestoneNote],
    _Create[MilestoneNote],
    _Update[MilestoneNote],
    _Delete[MilestoneNote],
):
    """``/milestonenote/``: a note on a milestone."""

    model = MilestoneNote


class ModuleResource(_List[Module], _Get[Module]):
    """``/module/``: an account-wide default module."""

    model = Module


class PaymentResource(
    _List[Payment], _Get[Payment], _Create[Payment], _Update[Payment], _Delete[Payment]
):
    """``/payment/``: a payment received."""

    model = Payment


class PaymentTypeResource(_List[PaymentType], _Get[PaymentType]):
    """``/paymenttype/``: a kind of payment (check, card...)."""

    model = PaymentType


class PersonResource(
    _List[Person], _Get[Person], _Create[Person], _Update[Person], _Delete[Person]
):
    """``/person/``: a person (user) of the account."""

    model = Person


class PersonContactResource(
    _List[PersonContact],
    _Get[PersonContact],
    _Create[PersonContact],
    _Update[PersonContact],
    _Delete[PersonContact],
):
    """``/personcontact/``: a person's contact detail."""

    model = PersonContact


class ProjectResource(
    _List[Project], _Get[Project], _Create[Project], _Update[Project], _Delete[Project]
):
    """``/project/``: a project."""

    model = Project


class ProjectLabelResource(_List[ProjectLabel], _Get[ProjectLabel]):
    """``/projectlabel/``: a label projects can carry."""

    model = ProjectLabel


class ProjectModuleResource(
    _List[ProjectModule],
    _Get[ProjectModule],
    _Create[ProjectModule],
    _Update[ProjectModule],
    _Delete[ProjectModule],
):
    """``/projectmodule/``: a module enabled on a project."""

    model = ProjectModule


class ProjectNoteResource(
    _List[ProjectNote],
    _Get[ProjectNote],
    _Create[ProjectNote],
    _Update[ProjectNote],
    _Delete[ProjectNote],
):
    """``/projectnote/``: a note on a project."""

    model = ProjectNote


class ProjectTeamResource(
    _List[ProjectTeam],
    _Get[ProjectTeam],
    _Create[ProjectTeam],
    _Update[ProjectTeam],
    _Delete[ProjectTeam],
):
    """``/projectteam/``: the people on a project's team (``id`` is the project's id)."""

    model = ProjectTeam


class ProjectWorkTypeResource(
    _List[ProjectWorkType],
    _Get[ProjectWorkType],
    _Create[ProjectWorkType],
    _Update[ProjectWorkType],
    _Delete[ProjectWorkType],
):
    """``/projectworktype/``: a work type enabled on a project, with its rate."""

    model = ProjectWorkType


class RequestResource(
    _List[Request], _Get[Request], _Create[Request], _Update[Request], _Delete[Request]
):
    """``/request/``: a request from the request queue."""

    model = Request


class TaskResource(_List[Task], _Get[Task], _Create[Task], _Update[Task], _Delete[Task]):
    """``/task/``: a task (``localid`` is the number the web app shows)."""

    model = Task


class TaskListFilterResource(_List[TaskListFilter], _Get[TaskListFilter]):
    """``/tasklistfilter/``: a saved task list filter."""

    model = TaskListFilter


class TaskNoteResource(
    _List[TaskNote], _Get[TaskNote], _Create[TaskNote], _Update[TaskNote], _Delete[TaskNote]
):
    """``/tasknote/``: a note on a task."""

    model = TaskNote


class TaskPriorityResource(_List[TaskPriority], _Get[TaskPriority]):
    """``/taskpriority/``: a task priority (``color`` is six hex digits)."""

    model = TaskPriority


class TaskStatusResource(_List[TaskStatus], _Get[TaskStatus]):
    """``/taskstatus/``: a task status (``priority`` is its place in the workflow)."""

    model = TaskStatus


class TimeResource(_List[Time], _Get[Time], _Create[Time], _Update[Time], _Delete[Time]):
    """``/time/``: a time entry: hours a person logged on a task or on a project's module."""

    model = Time


class TimerResource(_List[Timer], _Get[Timer], _Create[Timer], _Update[Timer], _Delete[Timer]):
    """``/timer/``: running or paused timers (``time`` in seconds).

    The list holds task timers only, as the API's does: ``generaltimers=True`` lists the general
    timers instead, ``gettimerinfo=True`` both. A person has at most one timer per task.

    The workflow the API documents is one call each: `start()`, `pause()` (``time``
    gains the run, ``starttime`` goes blank), `resume()` (``starttime`` set again) and
    `to_time()` (a paused timer becomes a time entry, and is deleted).
    """

    model = Timer

    async def start(
        self, *, personid: int, taskid: int | None = None, name: str | None = None
    ) -> Timer:
        """Start a timer now, on the server's clock: a task timer with ``taskid``, else a
        general one. ``name`` is its description."""
        fields: dict[str, Any] = {"personid": personid, "taskid": taskid, "name": name}
        return await self.create(**{k: v for k, v in fields.items() if v is not None})

    async def pause(self, ident: int) -> Timer:
        """Pause timer ``ident``: its ``time`` gains the seconds since it started, and its
        ``starttime`` goes blank. A paused timer is returned as it is (no write)."""
        timer = await self.get(self._ident(ident))
        if timer.starttime is None:
            return timer
        # The run as the server counts it (``timelapsed``), where it says; else by our clock.
        run = timer.timelapsed
        if run is None:
            now = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC)
            run = max(0, int((now.replace(tzinfo=None) - timer.starttime).total_seconds()))
        return await self.update(ident, time=(timer.time or 0) + run, starttime=None)

    async def resume(self, ident: int) -> Timer:
        """Run paused timer ``ident`` again from now (its ``time`` kept). A running timer is
        returned as it is (no write)."""
        timer = await self.get(self._ident(ident))
        if timer.starttime is not None:
            return timer
        now = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC)
        return await self.update(ident, starttime=now.replace(microsecond=0))

    async def to_time(
        self,
        ident: int,
        *,
        worktypeid: int,
        billable: bool,
        date: dt.date | None = None,
        description: str | None = None,
        projectid: int | None = None,
        moduleid: int | None = None,
    ) -> Time:
        """Turn paused timer ``ident`` into a time entry, then delete the timer (as the API
        documents: a timer is applied once paused).

        The entry's hours are the timer's seconds, to the hundredth of an hour (36 s); its task
        is the timer's (a general timer needs ``projectid`` and ``moduleid``), its person the
        timer's, its date ``date`` (default: today in UTC), its description ``description``
        (default: the timer's name).

        Raises:
            InvalidParameter: a bad value (before any request), a running timer, or a general
                timer without project and module (before any write).
        """
        given: dict[str, Any] = {"worktypeid": worktypeid, "billable": billable, "date": date}
        given |= {"description": description, "projectid": projectid, "moduleid": moduleid}
        entries = TimeResource(self._caller, "time")
        # The caller's values checked now, before the timer is read (the rest are the timer's).
        _validate.body(
            entries._spec, {k: v for k, v in given.items() if v is not None}, create=False
        )
        timer = await self.get(self._ident(ident))
        if timer.starttime is not None:
            raise InvalidParameter(
                f"timer {ident} is running: pause it first (timer.pause), then log it",
                resource="timer",
                parameter="id",
            )
        if timer.taskid is None and (projectid is None or moduleid is None):
            raise InvalidParameter(
                f"timer {ident} is a general timer: its time entry needs a projectid and a "
                "moduleid",
                resource="time",
                parameter="projectid" if projectid is None else "moduleid",
            )
        seconds = Decimal(timer.time or 0)
        today = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC).date()
        fields = {
            "personid": timer.personid,
            "taskid": timer.taskid,
            "projectid": projectid,
            "moduleid": moduleid,
            "worktypeid": worktypeid,
            "billable": billable,
            "date": date or today,
            "time": (seconds / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "description": description if description is not None else timer.name,
        }
        entry = await entries.create(**{k: v for k, v in fields.items() if v is not None})
        try:
            await self.delete(ident)
        except IntervalsError as exc:
            # The entry exists: logging the timer again would count its time twice.
            exc.add_note(
                f"time entry {entry.id} was created from timer {ident}: delete the timer, "
                "do not log it again"
            )
            raise
        return entry


class WorkTypeResource(_List[WorkType], _Get[WorkType]):
    """``/worktype/``: an account-wide default work type."""

    model = WorkType


NAMESPACES: dict[str, type[Namespace[Any]]] = {
    "client": ClientResource,
    "contactdescriptor": ContactDescriptorResource,
    "contacttype": ContactTypeResource,
    "document": DocumentResource,
    "expense": ExpenseResource,
    "group": UserGroupResource,
    "invoice": InvoiceResource,
    "invoiceitem": InvoiceItemResource,
    "invoicenote": InvoiceNoteResource,
    "invoiceterm": InvoiceTermResource,
    "me": MeResource,
    "milestone": MilestoneResource,
    "milestonenote": MilestoneNoteResource,
    "module": ModuleResource,
    "payment": PaymentResource,
    "paymenttype": PaymentTypeResource,
    "person": PersonResource,
    "personcontact": PersonContactResource,
    "project": ProjectResource,
    "projectlabel": ProjectLabelResource,
    "projectmodule": ProjectModuleResource,
    "projectnote": ProjectNoteResource,
    "projectteam": ProjectTeamResource,
    "projectworktype": ProjectWorkTypeResource,
    "request": RequestResource,
    "task": TaskResource,
    "tasklistfilter": TaskListFilterResource,
    "tasknote": TaskNoteResource,
    "taskpriority": TaskPriorityResource,
    "taskstatus": TaskStatusResource,
    "time": TimeResource,
    "timer": TimerResource,
    "worktype": WorkTypeResource,
}


_VERBS = {
    _List: ("collection", "GET"),
    _Create: ("collection", "POST"),
    _Get: ("member", "GET"),
    _Update: ("member", "PUT"),
    _Delete: ("member", "DELETE"),
}


def verbs_of(namespace: type[Namespace[Any]]) -> set[tuple[str, str]]:
    """The (``collection``/``member``, verb) pairs a namespace class offers."""
    return {verb for mixin, verb in _VERBS.items() if issubclass(namespace, mixin)}
