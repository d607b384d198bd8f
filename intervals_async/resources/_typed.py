"""The client's namespaces, one per resource, typed from the table.

Generated from the resource table by ``python -m intervals_async.resources._generate``: do not
edit (a test holds it current).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, Never

from .._params import NOT_GIVEN, Day, Ids, Moment, NotGiven, Number, SortDir
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
from ._namespaces import (
    Namespace,
    _Create,
    _Delete,
    _Downloads,
    _Get,
    _List,
    _Me,
    _TimerWorkflow,
    _Update,
)

__all__ = [
    "NAMESPACES",
    "ClientResource",
    "ContactDescriptorResource",
    "ContactTypeResource",
    "DocumentResource",
    "ExpenseResource",
    "InvoiceItemResource",
    "InvoiceNoteResource",
    "InvoiceResource",
    "InvoiceTermResource",
    "MeResource",
    "MilestoneNoteResource",
    "MilestoneResource",
    "ModuleResource",
    "Namespaces",
    "PaymentResource",
    "PaymentTypeResource",
    "PersonContactResource",
    "PersonResource",
    "ProjectLabelResource",
    "ProjectModuleResource",
    "ProjectNoteResource",
    "ProjectResource",
    "ProjectTeamResource",
    "ProjectWorkTypeResource",
    "RequestResource",
    "TaskListFilterResource",
    "TaskNoteResource",
    "TaskPriorityResource",
    "TaskResource",
    "TaskStatusResource",
    "TimeResource",
    "TimerResource",
    "UserGroupResource",
    "WorkTypeResource",
]


class ClientResource(
    _List[Client], _Get[Client], _Create[Client], _Update[Client], _Delete[Client]
):
    """``/client/``: a client (customer) of the account."""

    model = Client

    async def list(
        self,
        *,
        localid: Ids | None = None,
        active: bool | None = None,
        search: str | None = None,
        projectsonly: bool | None = None,
        sortfield: Literal["id", "localid", "name", "datecreated"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Client]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            active: ``True`` or ``False``.
            search: text.
            projectsonly: ``True`` or ``False``.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "active": active,
                "search": search,
                "projectsonly": projectsonly,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        active: bool | None = None,
        search: str | None = None,
        projectsonly: bool | None = None,
        sortfield: Literal["id", "localid", "name", "datecreated"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Client]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "active": active,
                "search": search,
                "projectsonly": projectsonly,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        active: bool | None = None,
        search: str | None = None,
        projectsonly: bool | None = None,
        sortfield: Literal["id", "localid", "name", "datecreated"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Client]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "active": active,
                "search": search,
                "projectsonly": projectsonly,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        datecreated: Day | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        email: str | NotGiven | None = NOT_GIVEN,
        website: str | NotGiven | None = NOT_GIVEN,
        phone: str | NotGiven | None = NOT_GIVEN,
        fax: str | NotGiven | None = NOT_GIVEN,
        address: str | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> Client:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            name: text; required; at most 255 characters.
            datecreated: a date; required.
            description: text.
            email: text; at most 255 characters.
            website: text; at most 255 characters.
            phone: text; at most 50 characters.
            fax: text; at most 50 characters.
            address: text.
            active: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "name": name,
                "datecreated": datecreated,
                "description": description,
                "email": email,
                "website": website,
                "phone": phone,
                "fax": fax,
                "address": address,
                "active": active,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        name: str | NotGiven | None = NOT_GIVEN,
        datecreated: Day | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        email: str | NotGiven | None = NOT_GIVEN,
        website: str | NotGiven | None = NOT_GIVEN,
        phone: str | NotGiven | None = NOT_GIVEN,
        fax: str | NotGiven | None = NOT_GIVEN,
        address: str | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Client:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            name: text; at most 255 characters.
            datecreated: a date.
            description: text.
            email: text; at most 255 characters.
            website: text; at most 255 characters.
            phone: text; at most 50 characters.
            fax: text; at most 50 characters.
            address: text.
            active: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "name": name,
                "datecreated": datecreated,
                "description": description,
                "email": email,
                "website": website,
                "phone": phone,
                "fax": fax,
                "address": address,
                "active": active,
                **unknown,
            },
        )


class ContactDescriptorResource(_List[ContactDescriptor]):
    """``/contactdescriptor/``: a label for a contact detail (work, home...)."""

    model = ContactDescriptor

    async def list(
        self, *, contacttypeid: int | None = None, **unknown: Never
    ) -> Page[ContactDescriptor]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            contacttypeid: an id; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"contacttypeid": contacttypeid, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        contacttypeid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ContactDescriptor]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"contacttypeid": contacttypeid, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        contacttypeid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ContactDescriptor]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {"contacttypeid": contacttypeid, **unknown})


class ContactTypeResource(_List[ContactType]):
    """``/contacttype/``: a kind of contact detail (phone, address...)."""

    model = ContactType

    async def list(self, **unknown: Never) -> Page[ContactType]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({**unknown})

    def pages(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[Sequence[ContactType]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {**unknown})

    def iterate(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[ContactType]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {**unknown})


class DocumentResource(_Downloads):
    """``/document/``: document records, and their files."""

    model = Document

    async def list(
        self,
        *,
        public: bool | None = None,
        taskid: Ids | None = None,
        milestoneid: Ids | None = None,
        queueid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        personid: Ids | None = None,
        search: str | None = None,
        projectactive: bool | None = None,
        taskassignedorownedby: int | None = None,
        tag: str | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        sortfield: Literal[
            "id",
            "personid",
            "title",
            "public",
            "datemodified",
            "active",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        id: int | None = None,
        **unknown: Never,
    ) -> Page[Document]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            public: ``True`` or ``False``.
            taskid: one id, or several.
            milestoneid: one id, or several.
            queueid: one id, or several.
            clientid: one id, or several.
            projectid: one id, or several.
            moduleid: one id, or several.
            personid: one id, or several.
            search: text.
            projectactive: ``True`` or ``False``.
            taskassignedorownedby: an id.
            tag: text.
            datebegin: a date.
            dateend: a date.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            id: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "public": public,
                "taskid": taskid,
                "milestoneid": milestoneid,
                "queueid": queueid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "personid": personid,
                "search": search,
                "projectactive": projectactive,
                "taskassignedorownedby": taskassignedorownedby,
                "tag": tag,
                "datebegin": datebegin,
                "dateend": dateend,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                "id": id,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        public: bool | None = None,
        taskid: Ids | None = None,
        milestoneid: Ids | None = None,
        queueid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        personid: Ids | None = None,
        search: str | None = None,
        projectactive: bool | None = None,
        taskassignedorownedby: int | None = None,
        tag: str | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        sortfield: Literal[
            "id",
            "personid",
            "title",
            "public",
            "datemodified",
            "active",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        id: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Document]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "public": public,
                "taskid": taskid,
                "milestoneid": milestoneid,
                "queueid": queueid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "personid": personid,
                "search": search,
                "projectactive": projectactive,
                "taskassignedorownedby": taskassignedorownedby,
                "tag": tag,
                "datebegin": datebegin,
                "dateend": dateend,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "id": id,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        public: bool | None = None,
        taskid: Ids | None = None,
        milestoneid: Ids | None = None,
        queueid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        personid: Ids | None = None,
        search: str | None = None,
        projectactive: bool | None = None,
        taskassignedorownedby: int | None = None,
        tag: str | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        sortfield: Literal[
            "id",
            "personid",
            "title",
            "public",
            "datemodified",
            "active",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        id: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Document]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "public": public,
                "taskid": taskid,
                "milestoneid": milestoneid,
                "queueid": queueid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "personid": personid,
                "search": search,
                "projectactive": projectactive,
                "taskassignedorownedby": taskassignedorownedby,
                "tag": tag,
                "datebegin": datebegin,
                "dateend": dateend,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "id": id,
                **unknown,
            },
        )


class ExpenseResource(
    _List[Expense], _Get[Expense], _Create[Expense], _Update[Expense], _Delete[Expense]
):
    """``/expense/``: an expense on a project."""

    model = Expense

    async def list(
        self,
        *,
        projectid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        date: Day | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "expense",
            "fee",
            "note",
            "personid",
            "project",
            "client",
            "person",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Expense]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            projectid: one id, or several.
            personid: one id, or several.
            clientid: one id, or several.
            managerid: one id, or several.
            datebegin: a date.
            dateend: a date.
            date: a date.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "projectid": projectid,
                "personid": personid,
                "clientid": clientid,
                "managerid": managerid,
                "datebegin": datebegin,
                "dateend": dateend,
                "date": date,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        date: Day | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "expense",
            "fee",
            "note",
            "personid",
            "project",
            "client",
            "person",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Expense]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "personid": personid,
                "clientid": clientid,
                "managerid": managerid,
                "datebegin": datebegin,
                "dateend": dateend,
                "date": date,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        date: Day | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "expense",
            "fee",
            "note",
            "personid",
            "project",
            "client",
            "person",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Expense]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "personid": personid,
                "clientid": clientid,
                "managerid": managerid,
                "datebegin": datebegin,
                "dateend": dateend,
                "date": date,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        personid: int | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven = NOT_GIVEN,
        expense: Number | NotGiven = NOT_GIVEN,
        fee: Number | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Expense:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            personid: an id.
            date: a date; required.
            expense: a number; required.
            fee: a number; required.
            note: text; at most 255 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "personid": personid,
                "date": date,
                "expense": expense,
                "fee": fee,
                "note": note,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        personid: int | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        expense: Number | NotGiven | None = NOT_GIVEN,
        fee: Number | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Expense:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            personid: an id.
            date: a date.
            expense: a number.
            fee: a number.
            note: text; at most 255 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "personid": personid,
                "date": date,
                "expense": expense,
                "fee": fee,
                "note": note,
                **unknown,
            },
        )


class UserGroupResource(_List[UserGroup], _Get[UserGroup]):
    """``/group/``: a user group (Administrator, Manager, Resource, Executive)."""

    model = UserGroup

    async def list(self, **unknown: Never) -> Page[UserGroup]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({**unknown})

    def pages(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[Sequence[UserGroup]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {**unknown})

    def iterate(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[UserGroup]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {**unknown})


class InvoiceResource(
    _List[Invoice], _Get[Invoice], _Create[Invoice], _Update[Invoice], _Delete[Invoice]
):
    """``/invoice/``: an invoice."""

    model = Invoice

    async def list(
        self,
        *,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        status: str | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "title",
            "description",
            "localid",
            "purchaseorder",
            "project",
            "client",
            "datepaid",
            "subtotal",
            "total",
            "payments",
            "balance",
            "datedue",
            "daysoverdue",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Invoice]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            clientid: one id, or several.
            projectid: one id, or several.
            datebegin: a date.
            dateend: a date.
            status: text.
            search: text.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "datebegin": datebegin,
                "dateend": dateend,
                "status": status,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        status: str | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "title",
            "description",
            "localid",
            "purchaseorder",
            "project",
            "client",
            "datepaid",
            "subtotal",
            "total",
            "payments",
            "balance",
            "datedue",
            "daysoverdue",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Invoice]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "datebegin": datebegin,
                "dateend": dateend,
                "status": status,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        status: str | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "title",
            "description",
            "localid",
            "purchaseorder",
            "project",
            "client",
            "datepaid",
            "subtotal",
            "total",
            "payments",
            "balance",
            "datedue",
            "daysoverdue",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Invoice]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "datebegin": datebegin,
                "dateend": dateend,
                "status": status,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        date: Day | NotGiven = NOT_GIVEN,
        termid: int | NotGiven = NOT_GIVEN,
        termother: str | NotGiven | None = NOT_GIVEN,
        termotherdatedue: Day | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        addressfrom: str | NotGiven | None = NOT_GIVEN,
        addressto: str | NotGiven | None = NOT_GIVEN,
        purchaseorder: str | NotGiven | None = NOT_GIVEN,
        tax: Number | NotGiven | None = NOT_GIVEN,
        secondtax: Number | NotGiven | None = NOT_GIVEN,
        secondtaxcompound: bool | NotGiven | None = NOT_GIVEN,
        disclaimer: str | NotGiven | None = NOT_GIVEN,
        datebegin: Day | NotGiven | None = NOT_GIVEN,
        dateend: Day | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Invoice:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            date: a date; required.
            termid: an id; required.
            termother: text; at most 255 characters.
            termotherdatedue: a date.
            title: text; required; at most 255 characters.
            description: text.
            addressfrom: text.
            addressto: text.
            purchaseorder: text; at most 55 characters.
            tax: a number.
            secondtax: a number.
            secondtaxcompound: ``True`` or ``False``.
            disclaimer: text.
            datebegin: a date.
            dateend: a date.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "date": date,
                "termid": termid,
                "termother": termother,
                "termotherdatedue": termotherdatedue,
                "title": title,
                "description": description,
                "addressfrom": addressfrom,
                "addressto": addressto,
                "purchaseorder": purchaseorder,
                "tax": tax,
                "secondtax": secondtax,
                "secondtaxcompound": secondtaxcompound,
                "disclaimer": disclaimer,
                "datebegin": datebegin,
                "dateend": dateend,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        termid: int | NotGiven | None = NOT_GIVEN,
        termother: str | NotGiven | None = NOT_GIVEN,
        termotherdatedue: Day | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        addressfrom: str | NotGiven | None = NOT_GIVEN,
        addressto: str | NotGiven | None = NOT_GIVEN,
        purchaseorder: str | NotGiven | None = NOT_GIVEN,
        tax: Number | NotGiven | None = NOT_GIVEN,
        secondtax: Number | NotGiven | None = NOT_GIVEN,
        secondtaxcompound: bool | NotGiven | None = NOT_GIVEN,
        disclaimer: str | NotGiven | None = NOT_GIVEN,
        datebegin: Day | NotGiven | None = NOT_GIVEN,
        dateend: Day | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Invoice:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            date: a date.
            termid: an id.
            termother: text; at most 255 characters.
            termotherdatedue: a date.
            title: text; at most 255 characters.
            description: text.
            addressfrom: text.
            addressto: text.
            purchaseorder: text; at most 55 characters.
            tax: a number.
            secondtax: a number.
            secondtaxcompound: ``True`` or ``False``.
            disclaimer: text.
            datebegin: a date.
            dateend: a date.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "date": date,
                "termid": termid,
                "termother": termother,
                "termotherdatedue": termotherdatedue,
                "title": title,
                "description": description,
                "addressfrom": addressfrom,
                "addressto": addressto,
                "purchaseorder": purchaseorder,
                "tax": tax,
                "secondtax": secondtax,
                "secondtaxcompound": secondtaxcompound,
                "disclaimer": disclaimer,
                "datebegin": datebegin,
                "dateend": dateend,
                **unknown,
            },
        )


class InvoiceItemResource(
    _List[InvoiceItem],
    _Get[InvoiceItem],
    _Create[InvoiceItem],
    _Update[InvoiceItem],
    _Delete[InvoiceItem],
):
    """``/invoiceitem/``: a line of an invoice."""

    model = InvoiceItem

    async def list(
        self,
        *,
        invoiceid: int | None = None,
        sortfield: Literal["id", "invoiceid", "name", "description", "quantity", "rate", "amount"]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[InvoiceItem]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            invoiceid: an id; required.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        invoiceid: int | None = None,
        sortfield: Literal["id", "invoiceid", "name", "description", "quantity", "rate", "amount"]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[InvoiceItem]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        invoiceid: int | None = None,
        sortfield: Literal["id", "invoiceid", "name", "description", "quantity", "rate", "amount"]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[InvoiceItem]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        invoiceid: int | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        quantity: Number | NotGiven | None = NOT_GIVEN,
        rate: Number | NotGiven | None = NOT_GIVEN,
        amount: Number | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> InvoiceItem:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            invoiceid: an id; required.
            name: text; required; at most 255 characters.
            description: text.
            quantity: a number.
            rate: a number.
            amount: a number; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "invoiceid": invoiceid,
                "name": name,
                "description": description,
                "quantity": quantity,
                "rate": rate,
                "amount": amount,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        invoiceid: int | NotGiven | None = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        quantity: Number | NotGiven | None = NOT_GIVEN,
        rate: Number | NotGiven | None = NOT_GIVEN,
        amount: Number | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> InvoiceItem:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            invoiceid: an id.
            name: text; at most 255 characters.
            description: text.
            quantity: a number.
            rate: a number.
            amount: a number.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "invoiceid": invoiceid,
                "name": name,
                "description": description,
                "quantity": quantity,
                "rate": rate,
                "amount": amount,
                **unknown,
            },
        )


class InvoiceNoteResource(
    _List[InvoiceNote],
    _Get[InvoiceNote],
    _Create[InvoiceNote],
    _Update[InvoiceNote],
    _Delete[InvoiceNote],
):
    """``/invoicenote/``: a note on an invoice."""

    model = InvoiceNote

    async def list(
        self,
        *,
        invoiceid: int | None = None,
        authorid: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[InvoiceNote]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            invoiceid: an id; required.
            authorid: an id.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "invoiceid": invoiceid,
                "authorid": authorid,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        invoiceid: int | None = None,
        authorid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[InvoiceNote]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {"invoiceid": invoiceid, "authorid": authorid, "offset": offset, **unknown},
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        invoiceid: int | None = None,
        authorid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[InvoiceNote]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {"invoiceid": invoiceid, "authorid": authorid, "offset": offset, **unknown},
        )

    async def create(
        self,
        *,
        invoiceid: int | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> InvoiceNote:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            invoiceid: an id; required.
            title: text; required; at most 255 characters.
            note: text.
            date: a date.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {"invoiceid": invoiceid, "title": title, "note": note, "date": date, **unknown}
        )

    async def update(
        self,
        ident: int,
        *,
        invoiceid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> InvoiceNote:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            invoiceid: an id.
            title: text; at most 255 characters.
            note: text.
            date: a date.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident, {"invoiceid": invoiceid, "title": title, "note": note, "date": date, **unknown}
        )


class InvoiceTermResource(_List[InvoiceTerm], _Get[InvoiceTerm]):
    """``/invoiceterm/``: a payment term invoices can carry."""

    model = InvoiceTerm

    async def list(self, **unknown: Never) -> Page[InvoiceTerm]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({**unknown})

    def pages(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[Sequence[InvoiceTerm]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {**unknown})

    def iterate(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[InvoiceTerm]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {**unknown})


class MeResource(_Me):
    """``/me/``: the person the token belongs to."""

    model = Me


class MilestoneResource(
    _List[Milestone], _Get[Milestone], _Create[Milestone], _Update[Milestone], _Delete[Milestone]
):
    """``/milestone/``: a project milestone."""

    model = Milestone

    async def list(
        self,
        *,
        localid: Ids | None = None,
        search: str | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        ownerid: Ids | None = None,
        hasmilestonerelation: Ids | None = None,
        complete: bool | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        title: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "projectid",
            "clientid",
            "datedue",
            "title",
            "description",
            "progress",
            "estimate",
            "actual",
            "owner",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Milestone]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            search: text.
            clientid: one id, or several (-1: none).
            projectid: one id, or several.
            ownerid: one id, or several.
            hasmilestonerelation: one id, or several.
            complete: ``True`` or ``False``.
            dateduebegin: a date.
            datedueend: a date.
            title: text.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "search": search,
                "clientid": clientid,
                "projectid": projectid,
                "ownerid": ownerid,
                "hasmilestonerelation": hasmilestonerelation,
                "complete": complete,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "title": title,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        search: str | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        ownerid: Ids | None = None,
        hasmilestonerelation: Ids | None = None,
        complete: bool | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        title: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "projectid",
            "clientid",
            "datedue",
            "title",
            "description",
            "progress",
            "estimate",
            "actual",
            "owner",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Milestone]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "search": search,
                "clientid": clientid,
                "projectid": projectid,
                "ownerid": ownerid,
                "hasmilestonerelation": hasmilestonerelation,
                "complete": complete,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "title": title,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        search: str | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        ownerid: Ids | None = None,
        hasmilestonerelation: Ids | None = None,
        complete: bool | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        title: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "projectid",
            "clientid",
            "datedue",
            "title",
            "description",
            "progress",
            "estimate",
            "actual",
            "owner",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Milestone]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "search": search,
                "clientid": clientid,
                "projectid": projectid,
                "ownerid": ownerid,
                "hasmilestonerelation": hasmilestonerelation,
                "complete": complete,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "title": title,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        ownerid: Ids | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        datedue: Day | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        complete: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> Milestone:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            ownerid: one id, or several; required.
            title: text; required; at most 255 characters.
            datedue: a date; required.
            description: text.
            complete: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "ownerid": ownerid,
                "title": title,
                "datedue": datedue,
                "description": description,
                "complete": complete,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        ownerid: Ids | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        datedue: Day | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        complete: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Milestone:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            ownerid: one id, or several.
            title: text; at most 255 characters.
            datedue: a date.
            description: text.
            complete: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "ownerid": ownerid,
                "title": title,
                "datedue": datedue,
                "description": description,
                "complete": complete,
                **unknown,
            },
        )


class MilestoneNoteResource(
    _List[MilestoneNote],
    _Get[MilestoneNote],
    _Create[MilestoneNote],
    _Update[MilestoneNote],
    _Delete[MilestoneNote],
):
    """``/milestonenote/``: a note on a milestone."""

    model = MilestoneNote

    async def list(
        self,
        *,
        milestoneid: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[MilestoneNote]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            milestoneid: an id; required.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {"milestoneid": milestoneid, "offset": offset, "limit": limit, **unknown}
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        milestoneid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[MilestoneNote]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size, concurrency, {"milestoneid": milestoneid, "offset": offset, **unknown}
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        milestoneid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[MilestoneNote]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"milestoneid": milestoneid, "offset": offset, **unknown}
        )

    async def create(
        self,
        *,
        milestoneid: int | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> MilestoneNote:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            milestoneid: an id; required.
            note: text; required.
            public: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {"milestoneid": milestoneid, "note": note, "public": public, **unknown}
        )

    async def update(
        self,
        ident: int,
        *,
        milestoneid: int | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        public: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> MilestoneNote:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            milestoneid: an id.
            note: text.
            public: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident, {"milestoneid": milestoneid, "note": note, "public": public, **unknown}
        )


class ModuleResource(_List[Module], _Get[Module]):
    """``/module/``: an account-wide default module."""

    model = Module

    async def list(
        self,
        *,
        active: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Module]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            active: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"active": active, "offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Module]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"active": active, "offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Module]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"active": active, "offset": offset, **unknown}
        )


class PaymentResource(
    _List[Payment], _Get[Payment], _Create[Payment], _Update[Payment], _Delete[Payment]
):
    """``/payment/``: a payment received."""

    model = Payment

    async def list(
        self,
        *,
        clientid: int | None = None,
        projectid: int | None = None,
        personid: Ids | None = None,
        date: Day | None = None,
        typeid: int | None = None,
        invoiceid: int | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "amount",
            "typeid",
            "reference",
            "note",
            "invoiceid",
            "type",
            "project",
            "client",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Payment]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            clientid: an id.
            projectid: an id.
            personid: one id, or several.
            date: a date.
            typeid: an id.
            invoiceid: an id.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "clientid": clientid,
                "projectid": projectid,
                "personid": personid,
                "date": date,
                "typeid": typeid,
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        clientid: int | None = None,
        projectid: int | None = None,
        personid: Ids | None = None,
        date: Day | None = None,
        typeid: int | None = None,
        invoiceid: int | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "amount",
            "typeid",
            "reference",
            "note",
            "invoiceid",
            "type",
            "project",
            "client",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Payment]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "clientid": clientid,
                "projectid": projectid,
                "personid": personid,
                "date": date,
                "typeid": typeid,
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        clientid: int | None = None,
        projectid: int | None = None,
        personid: Ids | None = None,
        date: Day | None = None,
        typeid: int | None = None,
        invoiceid: int | None = None,
        sortfield: Literal[
            "id",
            "projectid",
            "date",
            "amount",
            "typeid",
            "reference",
            "note",
            "invoiceid",
            "type",
            "project",
            "client",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Payment]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "clientid": clientid,
                "projectid": projectid,
                "personid": personid,
                "date": date,
                "typeid": typeid,
                "invoiceid": invoiceid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        date: Day | NotGiven = NOT_GIVEN,
        amount: Number | NotGiven = NOT_GIVEN,
        typeid: int | NotGiven = NOT_GIVEN,
        reference: str | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        invoiceid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Payment:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            date: a date; required.
            amount: a number; required.
            typeid: an id; required.
            reference: text; at most 35 characters.
            note: text; at most 255 characters.
            invoiceid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "date": date,
                "amount": amount,
                "typeid": typeid,
                "reference": reference,
                "note": note,
                "invoiceid": invoiceid,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        amount: Number | NotGiven | None = NOT_GIVEN,
        typeid: int | NotGiven | None = NOT_GIVEN,
        reference: str | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        invoiceid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Payment:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            date: a date.
            amount: a number.
            typeid: an id.
            reference: text; at most 35 characters.
            note: text; at most 255 characters.
            invoiceid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "date": date,
                "amount": amount,
                "typeid": typeid,
                "reference": reference,
                "note": note,
                "invoiceid": invoiceid,
                **unknown,
            },
        )


class PaymentTypeResource(_List[PaymentType], _Get[PaymentType]):
    """``/paymenttype/``: a kind of payment (check, card...)."""

    model = PaymentType

    async def list(self, **unknown: Never) -> Page[PaymentType]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({**unknown})

    def pages(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[Sequence[PaymentType]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {**unknown})

    def iterate(
        self, *, page_size: int | None = None, concurrency: int | None = None, **unknown: Never
    ) -> AsyncIterator[PaymentType]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {**unknown})


class PersonResource(
    _List[Person], _Get[Person], _Create[Person], _Update[Person], _Delete[Person]
):
    """``/person/``: a person (user) of the account."""

    model = Person

    async def list(
        self,
        *,
        localid: Ids | None = None,
        username: str | None = None,
        email: str | None = None,
        firstname: str | None = None,
        lastname: str | None = None,
        excludegroupids: Ids | None = None,
        projectid: Ids | None = None,
        clientid: Ids | None = None,
        projectclientid: Ids | None = None,
        search: str | None = None,
        active: bool | None = None,
        groupid: int | None = None,
        allprojects: bool | None = None,
        restricttasks: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Person]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            username: text.
            email: text.
            firstname: text.
            lastname: text.
            excludegroupids: one id, or several.
            projectid: one id, or several.
            clientid: one id, or several.
            projectclientid: one id, or several.
            search: text.
            active: ``True`` or ``False``.
            groupid: an id.
            allprojects: ``True`` or ``False``.
            restricttasks: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "username": username,
                "email": email,
                "firstname": firstname,
                "lastname": lastname,
                "excludegroupids": excludegroupids,
                "projectid": projectid,
                "clientid": clientid,
                "projectclientid": projectclientid,
                "search": search,
                "active": active,
                "groupid": groupid,
                "allprojects": allprojects,
                "restricttasks": restricttasks,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        username: str | None = None,
        email: str | None = None,
        firstname: str | None = None,
        lastname: str | None = None,
        excludegroupids: Ids | None = None,
        projectid: Ids | None = None,
        clientid: Ids | None = None,
        projectclientid: Ids | None = None,
        search: str | None = None,
        active: bool | None = None,
        groupid: int | None = None,
        allprojects: bool | None = None,
        restricttasks: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Person]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "username": username,
                "email": email,
                "firstname": firstname,
                "lastname": lastname,
                "excludegroupids": excludegroupids,
                "projectid": projectid,
                "clientid": clientid,
                "projectclientid": projectclientid,
                "search": search,
                "active": active,
                "groupid": groupid,
                "allprojects": allprojects,
                "restricttasks": restricttasks,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        username: str | None = None,
        email: str | None = None,
        firstname: str | None = None,
        lastname: str | None = None,
        excludegroupids: Ids | None = None,
        projectid: Ids | None = None,
        clientid: Ids | None = None,
        projectclientid: Ids | None = None,
        search: str | None = None,
        active: bool | None = None,
        groupid: int | None = None,
        allprojects: bool | None = None,
        restricttasks: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Person]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "username": username,
                "email": email,
                "firstname": firstname,
                "lastname": lastname,
                "excludegroupids": excludegroupids,
                "projectid": projectid,
                "clientid": clientid,
                "projectclientid": projectclientid,
                "search": search,
                "active": active,
                "groupid": groupid,
                "allprojects": allprojects,
                "restricttasks": restricttasks,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        clientid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        firstname: str | NotGiven = NOT_GIVEN,
        lastname: str | NotGiven | None = NOT_GIVEN,
        allprojects: bool | NotGiven | None = NOT_GIVEN,
        notes: str | NotGiven | None = NOT_GIVEN,
        private: bool | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        password: str | NotGiven | None = NOT_GIVEN,
        email: str | NotGiven | None = NOT_GIVEN,
        groupid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Person:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            clientid: an id.
            title: text; at most 255 characters.
            firstname: text; required; at most 65 characters.
            lastname: text; at most 85 characters.
            allprojects: ``True`` or ``False``.
            notes: text.
            private: ``True`` or ``False``; required.
            active: ``True`` or ``False``; required.
            username: text; at most 255 characters.
            password: text; at most 30 characters.
            email: text; at most 255 characters.
            groupid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "clientid": clientid,
                "title": title,
                "firstname": firstname,
                "lastname": lastname,
                "allprojects": allprojects,
                "notes": notes,
                "private": private,
                "active": active,
                "username": username,
                "password": password,
                "email": email,
                "groupid": groupid,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        clientid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        firstname: str | NotGiven | None = NOT_GIVEN,
        lastname: str | NotGiven | None = NOT_GIVEN,
        allprojects: bool | NotGiven | None = NOT_GIVEN,
        notes: str | NotGiven | None = NOT_GIVEN,
        private: bool | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        password: str | NotGiven | None = NOT_GIVEN,
        email: str | NotGiven | None = NOT_GIVEN,
        groupid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Person:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            clientid: an id.
            title: text; at most 255 characters.
            firstname: text; at most 65 characters.
            lastname: text; at most 85 characters.
            allprojects: ``True`` or ``False``.
            notes: text.
            private: ``True`` or ``False``.
            active: ``True`` or ``False``.
            username: text; at most 255 characters.
            password: text; at most 30 characters.
            email: text; at most 255 characters.
            groupid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "clientid": clientid,
                "title": title,
                "firstname": firstname,
                "lastname": lastname,
                "allprojects": allprojects,
                "notes": notes,
                "private": private,
                "active": active,
                "username": username,
                "password": password,
                "email": email,
                "groupid": groupid,
                **unknown,
            },
        )


class PersonContactResource(
    _List[PersonContact],
    _Get[PersonContact],
    _Create[PersonContact],
    _Update[PersonContact],
    _Delete[PersonContact],
):
    """``/personcontact/``: a person's contact detail."""

    model = PersonContact

    async def list(
        self,
        *,
        personid: int | None = None,
        contacttypeid: int | None = None,
        contactdescriptorid: int | None = None,
        **unknown: Never,
    ) -> Page[PersonContact]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            personid: an id; required.
            contacttypeid: an id.
            contactdescriptorid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "personid": personid,
                "contacttypeid": contacttypeid,
                "contactdescriptorid": contactdescriptorid,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        personid: int | None = None,
        contacttypeid: int | None = None,
        contactdescriptorid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[PersonContact]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "personid": personid,
                "contacttypeid": contacttypeid,
                "contactdescriptorid": contactdescriptorid,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        personid: int | None = None,
        contacttypeid: int | None = None,
        contactdescriptorid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[PersonContact]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "personid": personid,
                "contacttypeid": contacttypeid,
                "contactdescriptorid": contactdescriptorid,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        personid: int | NotGiven = NOT_GIVEN,
        value: str | NotGiven = NOT_GIVEN,
        contacttypeid: int | NotGiven = NOT_GIVEN,
        contactdescriptorid: int | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> PersonContact:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            personid: an id; required.
            value: text; required.
            contacttypeid: an id; required.
            contactdescriptorid: an id; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "personid": personid,
                "value": value,
                "contacttypeid": contacttypeid,
                "contactdescriptorid": contactdescriptorid,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        personid: int | NotGiven | None = NOT_GIVEN,
        value: str | NotGiven | None = NOT_GIVEN,
        contacttypeid: int | NotGiven | None = NOT_GIVEN,
        contactdescriptorid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> PersonContact:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            personid: an id.
            value: text.
            contacttypeid: an id.
            contactdescriptorid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "personid": personid,
                "value": value,
                "contacttypeid": contacttypeid,
                "contactdescriptorid": contactdescriptorid,
                **unknown,
            },
        )


class ProjectResource(
    _List[Project], _Get[Project], _Create[Project], _Update[Project], _Delete[Project]
):
    """``/project/``: a project."""

    model = Project

    async def list(
        self,
        *,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        name: str | None = None,
        datestart: Day | None = None,
        dateend: Day | None = None,
        labelid: Ids | None = None,
        datestartbegin: Day | None = None,
        datestartend: Day | None = None,
        dateendbegin: Day | None = None,
        dateendend: Day | None = None,
        search: str | None = None,
        active: bool | None = None,
        billable: bool | None = None,
        personid: int | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "clientid",
            "managerid",
            "name",
            "datestart",
            "dateend",
            "billable",
            "labelid",
            "label",
            "label_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Project]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            clientid: one id, or several (-1: none).
            managerid: one id, or several (-1: none).
            name: text.
            datestart: a date.
            dateend: a date.
            labelid: one id, or several.
            datestartbegin: a date.
            datestartend: a date.
            dateendbegin: a date.
            dateendend: a date.
            search: text.
            active: ``True`` or ``False``.
            billable: ``True`` or ``False``.
            personid: an id.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "clientid": clientid,
                "managerid": managerid,
                "name": name,
                "datestart": datestart,
                "dateend": dateend,
                "labelid": labelid,
                "datestartbegin": datestartbegin,
                "datestartend": datestartend,
                "dateendbegin": dateendbegin,
                "dateendend": dateendend,
                "search": search,
                "active": active,
                "billable": billable,
                "personid": personid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        name: str | None = None,
        datestart: Day | None = None,
        dateend: Day | None = None,
        labelid: Ids | None = None,
        datestartbegin: Day | None = None,
        datestartend: Day | None = None,
        dateendbegin: Day | None = None,
        dateendend: Day | None = None,
        search: str | None = None,
        active: bool | None = None,
        billable: bool | None = None,
        personid: int | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "clientid",
            "managerid",
            "name",
            "datestart",
            "dateend",
            "billable",
            "labelid",
            "label",
            "label_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Project]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "managerid": managerid,
                "name": name,
                "datestart": datestart,
                "dateend": dateend,
                "labelid": labelid,
                "datestartbegin": datestartbegin,
                "datestartend": datestartend,
                "dateendbegin": dateendbegin,
                "dateendend": dateendend,
                "search": search,
                "active": active,
                "billable": billable,
                "personid": personid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        managerid: Ids | None = None,
        name: str | None = None,
        datestart: Day | None = None,
        dateend: Day | None = None,
        labelid: Ids | None = None,
        datestartbegin: Day | None = None,
        datestartend: Day | None = None,
        dateendbegin: Day | None = None,
        dateendend: Day | None = None,
        search: str | None = None,
        active: bool | None = None,
        billable: bool | None = None,
        personid: int | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "clientid",
            "managerid",
            "name",
            "datestart",
            "dateend",
            "billable",
            "labelid",
            "label",
            "label_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Project]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "managerid": managerid,
                "name": name,
                "datestart": datestart,
                "dateend": dateend,
                "labelid": labelid,
                "datestartbegin": datestartbegin,
                "datestartend": datestartend,
                "dateendbegin": dateendbegin,
                "dateendend": dateendend,
                "search": search,
                "active": active,
                "billable": billable,
                "personid": personid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        clientid: int | NotGiven | None = NOT_GIVEN,
        managerid: Ids | NotGiven | None = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        datestart: Day | NotGiven = NOT_GIVEN,
        dateend: Day | NotGiven | None = NOT_GIVEN,
        budget: Number | NotGiven | None = NOT_GIVEN,
        billable: bool | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        alert_percent: Number | NotGiven | None = NOT_GIVEN,
        labelid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Project:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            clientid: an id.
            managerid: one id, or several.
            name: text; required; at most 255 characters.
            description: text.
            datestart: a date; required.
            dateend: a date.
            budget: a number.
            billable: ``True`` or ``False``; required.
            active: ``True`` or ``False``; required.
            alert_percent: a number.
            labelid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "clientid": clientid,
                "managerid": managerid,
                "name": name,
                "description": description,
                "datestart": datestart,
                "dateend": dateend,
                "budget": budget,
                "billable": billable,
                "active": active,
                "alert_percent": alert_percent,
                "labelid": labelid,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        clientid: int | NotGiven | None = NOT_GIVEN,
        managerid: Ids | NotGiven | None = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        datestart: Day | NotGiven | None = NOT_GIVEN,
        dateend: Day | NotGiven | None = NOT_GIVEN,
        budget: Number | NotGiven | None = NOT_GIVEN,
        billable: bool | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        alert_percent: Number | NotGiven | None = NOT_GIVEN,
        labelid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Project:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            clientid: an id.
            managerid: one id, or several.
            name: text; at most 255 characters.
            description: text.
            datestart: a date.
            dateend: a date.
            budget: a number.
            billable: ``True`` or ``False``.
            active: ``True`` or ``False``.
            alert_percent: a number.
            labelid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "clientid": clientid,
                "managerid": managerid,
                "name": name,
                "description": description,
                "datestart": datestart,
                "dateend": dateend,
                "budget": budget,
                "billable": billable,
                "active": active,
                "alert_percent": alert_percent,
                "labelid": labelid,
                **unknown,
            },
        )


class ProjectLabelResource(_List[ProjectLabel], _Get[ProjectLabel]):
    """``/projectlabel/``: a label projects can carry."""

    model = ProjectLabel

    async def list(
        self,
        *,
        active: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[ProjectLabel]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            active: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"active": active, "offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ProjectLabel]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"active": active, "offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ProjectLabel]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"active": active, "offset": offset, **unknown}
        )


class ProjectModuleResource(
    _List[ProjectModule],
    _Get[ProjectModule],
    _Create[ProjectModule],
    _Update[ProjectModule],
    _Delete[ProjectModule],
):
    """``/projectmodule/``: a module enabled on a project."""

    model = ProjectModule

    async def list(
        self,
        *,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[ProjectModule]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            projectid: one id, or several.
            active: ``True`` or ``False``.
            personid: an id.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ProjectModule]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ProjectModule]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        moduleid: int | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        module: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectModule:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            moduleid: an id.
            description: text.
            active: ``True`` or ``False``; required.
            module: text; at most 155 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "moduleid": moduleid,
                "description": description,
                "active": active,
                "module": module,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        moduleid: int | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        module: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectModule:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            moduleid: an id.
            description: text.
            active: ``True`` or ``False``.
            module: text; at most 155 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "moduleid": moduleid,
                "description": description,
                "active": active,
                "module": module,
                **unknown,
            },
        )


class ProjectNoteResource(
    _List[ProjectNote],
    _Get[ProjectNote],
    _Create[ProjectNote],
    _Update[ProjectNote],
    _Delete[ProjectNote],
):
    """``/projectnote/``: a note on a project."""

    model = ProjectNote

    async def list(
        self,
        *,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        authorid: Ids | None = None,
        title: str | None = None,
        search: str | None = None,
        noteid: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[ProjectNote]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            clientid: one id, or several.
            projectid: one id, or several.
            authorid: one id, or several.
            title: text.
            search: text.
            noteid: an id.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "authorid": authorid,
                "title": title,
                "search": search,
                "noteid": noteid,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        authorid: Ids | None = None,
        title: str | None = None,
        search: str | None = None,
        noteid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ProjectNote]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "authorid": authorid,
                "title": title,
                "search": search,
                "noteid": noteid,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        authorid: Ids | None = None,
        title: str | None = None,
        search: str | None = None,
        noteid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ProjectNote]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "clientid": clientid,
                "projectid": projectid,
                "authorid": authorid,
                "title": title,
                "search": search,
                "noteid": noteid,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        secure: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectNote:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            title: text; required; at most 255 characters.
            note: text; required.
            secure: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {"projectid": projectid, "title": title, "note": note, "secure": secure, **unknown}
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        secure: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectNote:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            title: text; at most 255 characters.
            note: text.
            secure: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {"projectid": projectid, "title": title, "note": note, "secure": secure, **unknown},
        )


class ProjectTeamResource(
    _List[ProjectTeam],
    _Get[ProjectTeam],
    _Create[ProjectTeam],
    _Update[ProjectTeam],
    _Delete[ProjectTeam],
):
    """``/projectteam/``: the people on a project's team (``id`` is the project's id)."""

    model = ProjectTeam

    async def list(self, *, projectid: int | None = None, **unknown: Never) -> Page[ProjectTeam]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            projectid: an id; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"projectid": projectid, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ProjectTeam]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"projectid": projectid, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ProjectTeam]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {"projectid": projectid, **unknown})

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        personid: Ids | NotGiven | None = NOT_GIVEN,
        securenotes: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectTeam:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            personid: one id, or several.
            securenotes: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {"projectid": projectid, "personid": personid, "securenotes": securenotes, **unknown}
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        personid: Ids | NotGiven | None = NOT_GIVEN,
        securenotes: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectTeam:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            personid: one id, or several.
            securenotes: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {"projectid": projectid, "personid": personid, "securenotes": securenotes, **unknown},
        )


class ProjectWorkTypeResource(
    _List[ProjectWorkType],
    _Get[ProjectWorkType],
    _Create[ProjectWorkType],
    _Update[ProjectWorkType],
    _Delete[ProjectWorkType],
):
    """``/projectworktype/``: a work type enabled on a project, with its rate."""

    model = ProjectWorkType

    async def list(
        self,
        *,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[ProjectWorkType]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            projectid: one id, or several.
            active: ``True`` or ``False``.
            personid: an id.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[ProjectWorkType]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        projectid: Ids | None = None,
        active: bool | None = None,
        personid: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[ProjectWorkType]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "projectid": projectid,
                "active": active,
                "personid": personid,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven = NOT_GIVEN,
        worktypeid: int | NotGiven | None = NOT_GIVEN,
        hourlyrate: Number | NotGiven = NOT_GIVEN,
        esttime: Number | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        worktype: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectWorkType:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id; required.
            worktypeid: an id.
            hourlyrate: a number; required.
            esttime: a number.
            active: ``True`` or ``False``; required.
            worktype: text; at most 155 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "worktypeid": worktypeid,
                "hourlyrate": hourlyrate,
                "esttime": esttime,
                "active": active,
                "worktype": worktype,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        worktypeid: int | NotGiven | None = NOT_GIVEN,
        hourlyrate: Number | NotGiven | None = NOT_GIVEN,
        esttime: Number | NotGiven | None = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        worktype: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> ProjectWorkType:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            worktypeid: an id.
            hourlyrate: a number.
            esttime: a number.
            active: ``True`` or ``False``.
            worktype: text; at most 155 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "worktypeid": worktypeid,
                "hourlyrate": hourlyrate,
                "esttime": esttime,
                "active": active,
                "worktype": worktype,
                **unknown,
            },
        )


class RequestResource(
    _List[Request], _Get[Request], _Create[Request], _Update[Request], _Delete[Request]
):
    """``/request/``: a request from the request queue."""

    model = Request

    async def list(
        self,
        *,
        priorityid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        sortfield: Literal[
            "id",
            "title",
            "date",
            "datedue",
            "personid",
            "person",
            "projectid",
            "project",
            "clientid",
            "client",
            "email",
            "priorityid",
            "priority",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Request]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            priorityid: an id.
            personid: an id.
            projectid: an id.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "priorityid": priorityid,
                "personid": personid,
                "projectid": projectid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        priorityid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        sortfield: Literal[
            "id",
            "title",
            "date",
            "datedue",
            "personid",
            "person",
            "projectid",
            "project",
            "clientid",
            "client",
            "email",
            "priorityid",
            "priority",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Request]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "priorityid": priorityid,
                "personid": personid,
                "projectid": projectid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        priorityid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        sortfield: Literal[
            "id",
            "title",
            "date",
            "datedue",
            "personid",
            "person",
            "projectid",
            "project",
            "clientid",
            "client",
            "email",
            "priorityid",
            "priority",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Request]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "priorityid": priorityid,
                "personid": personid,
                "projectid": projectid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        personid: int | NotGiven = NOT_GIVEN,
        projectid: int | NotGiven | None = NOT_GIVEN,
        priorityid: int | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        datedue: Day | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Request:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            personid: an id; required.
            projectid: an id.
            priorityid: an id; required.
            title: text; required; at most 255 characters.
            datedue: a date.
            description: text.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "personid": personid,
                "projectid": projectid,
                "priorityid": priorityid,
                "title": title,
                "datedue": datedue,
                "description": description,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        personid: int | NotGiven | None = NOT_GIVEN,
        projectid: int | NotGiven | None = NOT_GIVEN,
        priorityid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        datedue: Day | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Request:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            personid: an id.
            projectid: an id.
            priorityid: an id.
            title: text; at most 255 characters.
            datedue: a date.
            description: text.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "personid": personid,
                "projectid": projectid,
                "priorityid": priorityid,
                "title": title,
                "datedue": datedue,
                "description": description,
                **unknown,
            },
        )


class TaskResource(_List[Task], _Get[Task], _Create[Task], _Update[Task], _Delete[Task]):
    """``/task/``: a task (``localid`` is the number the web app shows)."""

    model = Task

    async def list(
        self,
        *,
        localid: Ids | None = None,
        personid: int | None = None,
        includetimerid: int | None = None,
        assigneeid: Ids | None = None,
        followerid: Ids | None = None,
        statusid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        milestoneid: Ids | None = None,
        title: str | None = None,
        dateopen: Day | None = None,
        dateopenbegin: Day | None = None,
        dateopenend: Day | None = None,
        datedue: Day | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        dateclosed: Day | None = None,
        dateclosedbegin: Day | None = None,
        dateclosedend: Day | None = None,
        datecreated: Day | None = None,
        datecreatedbegin: Day | None = None,
        datecreatedend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        hasduedate: bool | None = None,
        ownerid: Ids | None = None,
        priorityid: Ids | None = None,
        tasklistfilterid: int | None = None,
        overdue: bool | None = None,
        excludeclosed: bool | None = None,
        assignedorownedby: Ids | None = None,
        hastaskrelation: Ids | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "queueid",
            "assigneeid",
            "statusid",
            "projectid",
            "module",
            "moduleid",
            "title",
            "summary",
            "datecreated",
            "dateopen",
            "datedue",
            "dateclosed",
            "estimate",
            "ownerid",
            "priorityid",
            "sev.priority",
            "severity",
            "status",
            "status_order",
            "project",
            "client",
            "assignee",
            "milestoneid",
            "milestone",
            "owners",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Task]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            localid: one id, or several.
            personid: an id.
            includetimerid: an id.
            assigneeid: one id, or several (-1: none).
            followerid: one id, or several (-1: none).
            statusid: one id, or several.
            clientid: one id, or several (-1: none).
            projectid: one id, or several.
            moduleid: one id, or several.
            milestoneid: one id, or several (-1: none).
            title: text.
            dateopen: a date.
            dateopenbegin: a date.
            dateopenend: a date.
            datedue: a date.
            dateduebegin: a date.
            datedueend: a date.
            dateclosed: a date.
            dateclosedbegin: a date.
            dateclosedend: a date.
            datecreated: a date.
            datecreatedbegin: a date.
            datecreatedend: a date.
            datemodifiedbegin: a timestamp.
            datemodifiedend: a timestamp.
            hasduedate: ``True`` or ``False``.
            ownerid: one id, or several.
            priorityid: one id, or several.
            tasklistfilterid: an id.
            overdue: ``True`` or ``False``.
            excludeclosed: ``True`` or ``False``.
            assignedorownedby: one id, or several.
            hastaskrelation: one id, or several.
            search: text.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "localid": localid,
                "personid": personid,
                "includetimerid": includetimerid,
                "assigneeid": assigneeid,
                "followerid": followerid,
                "statusid": statusid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "milestoneid": milestoneid,
                "title": title,
                "dateopen": dateopen,
                "dateopenbegin": dateopenbegin,
                "dateopenend": dateopenend,
                "datedue": datedue,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "dateclosed": dateclosed,
                "dateclosedbegin": dateclosedbegin,
                "dateclosedend": dateclosedend,
                "datecreated": datecreated,
                "datecreatedbegin": datecreatedbegin,
                "datecreatedend": datecreatedend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "hasduedate": hasduedate,
                "ownerid": ownerid,
                "priorityid": priorityid,
                "tasklistfilterid": tasklistfilterid,
                "overdue": overdue,
                "excludeclosed": excludeclosed,
                "assignedorownedby": assignedorownedby,
                "hastaskrelation": hastaskrelation,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        personid: int | None = None,
        includetimerid: int | None = None,
        assigneeid: Ids | None = None,
        followerid: Ids | None = None,
        statusid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        milestoneid: Ids | None = None,
        title: str | None = None,
        dateopen: Day | None = None,
        dateopenbegin: Day | None = None,
        dateopenend: Day | None = None,
        datedue: Day | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        dateclosed: Day | None = None,
        dateclosedbegin: Day | None = None,
        dateclosedend: Day | None = None,
        datecreated: Day | None = None,
        datecreatedbegin: Day | None = None,
        datecreatedend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        hasduedate: bool | None = None,
        ownerid: Ids | None = None,
        priorityid: Ids | None = None,
        tasklistfilterid: int | None = None,
        overdue: bool | None = None,
        excludeclosed: bool | None = None,
        assignedorownedby: Ids | None = None,
        hastaskrelation: Ids | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "queueid",
            "assigneeid",
            "statusid",
            "projectid",
            "module",
            "moduleid",
            "title",
            "summary",
            "datecreated",
            "dateopen",
            "datedue",
            "dateclosed",
            "estimate",
            "ownerid",
            "priorityid",
            "sev.priority",
            "severity",
            "status",
            "status_order",
            "project",
            "client",
            "assignee",
            "milestoneid",
            "milestone",
            "owners",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Task]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "localid": localid,
                "personid": personid,
                "includetimerid": includetimerid,
                "assigneeid": assigneeid,
                "followerid": followerid,
                "statusid": statusid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "milestoneid": milestoneid,
                "title": title,
                "dateopen": dateopen,
                "dateopenbegin": dateopenbegin,
                "dateopenend": dateopenend,
                "datedue": datedue,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "dateclosed": dateclosed,
                "dateclosedbegin": dateclosedbegin,
                "dateclosedend": dateclosedend,
                "datecreated": datecreated,
                "datecreatedbegin": datecreatedbegin,
                "datecreatedend": datecreatedend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "hasduedate": hasduedate,
                "ownerid": ownerid,
                "priorityid": priorityid,
                "tasklistfilterid": tasklistfilterid,
                "overdue": overdue,
                "excludeclosed": excludeclosed,
                "assignedorownedby": assignedorownedby,
                "hastaskrelation": hastaskrelation,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        localid: Ids | None = None,
        personid: int | None = None,
        includetimerid: int | None = None,
        assigneeid: Ids | None = None,
        followerid: Ids | None = None,
        statusid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        moduleid: Ids | None = None,
        milestoneid: Ids | None = None,
        title: str | None = None,
        dateopen: Day | None = None,
        dateopenbegin: Day | None = None,
        dateopenend: Day | None = None,
        datedue: Day | None = None,
        dateduebegin: Day | None = None,
        datedueend: Day | None = None,
        dateclosed: Day | None = None,
        dateclosedbegin: Day | None = None,
        dateclosedend: Day | None = None,
        datecreated: Day | None = None,
        datecreatedbegin: Day | None = None,
        datecreatedend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        hasduedate: bool | None = None,
        ownerid: Ids | None = None,
        priorityid: Ids | None = None,
        tasklistfilterid: int | None = None,
        overdue: bool | None = None,
        excludeclosed: bool | None = None,
        assignedorownedby: Ids | None = None,
        hastaskrelation: Ids | None = None,
        search: str | None = None,
        sortfield: Literal[
            "id",
            "localid",
            "queueid",
            "assigneeid",
            "statusid",
            "projectid",
            "module",
            "moduleid",
            "title",
            "summary",
            "datecreated",
            "dateopen",
            "datedue",
            "dateclosed",
            "estimate",
            "ownerid",
            "priorityid",
            "sev.priority",
            "severity",
            "status",
            "status_order",
            "project",
            "client",
            "assignee",
            "milestoneid",
            "milestone",
            "owners",
            "projectlabelid",
            "projectlabel",
            "projectlabel_order",
            "projectabel_order",
        ]
        | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Task]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "localid": localid,
                "personid": personid,
                "includetimerid": includetimerid,
                "assigneeid": assigneeid,
                "followerid": followerid,
                "statusid": statusid,
                "clientid": clientid,
                "projectid": projectid,
                "moduleid": moduleid,
                "milestoneid": milestoneid,
                "title": title,
                "dateopen": dateopen,
                "dateopenbegin": dateopenbegin,
                "dateopenend": dateopenend,
                "datedue": datedue,
                "dateduebegin": dateduebegin,
                "datedueend": datedueend,
                "dateclosed": dateclosed,
                "dateclosedbegin": dateclosedbegin,
                "dateclosedend": dateclosedend,
                "datecreated": datecreated,
                "datecreatedbegin": datecreatedbegin,
                "datecreatedend": datecreatedend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "hasduedate": hasduedate,
                "ownerid": ownerid,
                "priorityid": priorityid,
                "tasklistfilterid": tasklistfilterid,
                "overdue": overdue,
                "excludeclosed": excludeclosed,
                "assignedorownedby": assignedorownedby,
                "hastaskrelation": hastaskrelation,
                "search": search,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        assigneeid: Ids | NotGiven | None = NOT_GIVEN,
        followerid: Ids | NotGiven | None = NOT_GIVEN,
        milestoneid: int | NotGiven | None = NOT_GIVEN,
        statusid: int | NotGiven = NOT_GIVEN,
        projectid: int | NotGiven = NOT_GIVEN,
        moduleid: int | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        summary: str | NotGiven | None = NOT_GIVEN,
        dateopen: Day | NotGiven = NOT_GIVEN,
        datedue: Day | NotGiven | None = NOT_GIVEN,
        dateclosed: Day | NotGiven | None = NOT_GIVEN,
        estimate: Number | NotGiven | None = NOT_GIVEN,
        ownerid: Ids | NotGiven = NOT_GIVEN,
        priorityid: int | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> Task:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            assigneeid: one id, or several.
            followerid: one id, or several.
            milestoneid: an id.
            statusid: an id; required.
            projectid: an id; required.
            moduleid: an id; required.
            title: text; required; at most 255 characters.
            summary: text.
            dateopen: a date; required.
            datedue: a date.
            dateclosed: a date.
            estimate: a number.
            ownerid: one id, or several; required.
            priorityid: an id; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "assigneeid": assigneeid,
                "followerid": followerid,
                "milestoneid": milestoneid,
                "statusid": statusid,
                "projectid": projectid,
                "moduleid": moduleid,
                "title": title,
                "summary": summary,
                "dateopen": dateopen,
                "datedue": datedue,
                "dateclosed": dateclosed,
                "estimate": estimate,
                "ownerid": ownerid,
                "priorityid": priorityid,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        assigneeid: Ids | NotGiven | None = NOT_GIVEN,
        followerid: Ids | NotGiven | None = NOT_GIVEN,
        milestoneid: int | NotGiven | None = NOT_GIVEN,
        statusid: int | NotGiven | None = NOT_GIVEN,
        projectid: int | NotGiven | None = NOT_GIVEN,
        moduleid: int | NotGiven | None = NOT_GIVEN,
        title: str | NotGiven | None = NOT_GIVEN,
        summary: str | NotGiven | None = NOT_GIVEN,
        dateopen: Day | NotGiven | None = NOT_GIVEN,
        datedue: Day | NotGiven | None = NOT_GIVEN,
        dateclosed: Day | NotGiven | None = NOT_GIVEN,
        estimate: Number | NotGiven | None = NOT_GIVEN,
        ownerid: Ids | NotGiven | None = NOT_GIVEN,
        priorityid: int | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Task:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            assigneeid: one id, or several.
            followerid: one id, or several.
            milestoneid: an id.
            statusid: an id.
            projectid: an id.
            moduleid: an id.
            title: text; at most 255 characters.
            summary: text.
            dateopen: a date.
            datedue: a date.
            dateclosed: a date.
            estimate: a number.
            ownerid: one id, or several.
            priorityid: an id.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "assigneeid": assigneeid,
                "followerid": followerid,
                "milestoneid": milestoneid,
                "statusid": statusid,
                "projectid": projectid,
                "moduleid": moduleid,
                "title": title,
                "summary": summary,
                "dateopen": dateopen,
                "datedue": datedue,
                "dateclosed": dateclosed,
                "estimate": estimate,
                "ownerid": ownerid,
                "priorityid": priorityid,
                **unknown,
            },
        )


class TaskListFilterResource(_List[TaskListFilter], _Get[TaskListFilter]):
    """``/tasklistfilter/``: a saved task list filter."""

    model = TaskListFilter

    async def list(
        self, *, offset: int | None = None, limit: int | None = None, **unknown: Never
    ) -> Page[TaskListFilter]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[TaskListFilter]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[TaskListFilter]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(page_size, concurrency, {"offset": offset, **unknown})


class TaskNoteResource(
    _List[TaskNote], _Get[TaskNote], _Create[TaskNote], _Update[TaskNote], _Delete[TaskNote]
):
    """``/tasknote/``: a note on a task."""

    model = TaskNote

    async def list(
        self,
        *,
        taskid: Ids | None = None,
        title: str | None = None,
        date: Day | None = None,
        datebegin: Moment | None = None,
        dateend: Moment | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        authorid: Ids | None = None,
        public: bool | None = None,
        sortfield: Literal["id", "taskid", "authorid", "date"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[TaskNote]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            taskid: one id, or several.
            title: text.
            date: a date.
            datebegin: a timestamp.
            dateend: a timestamp.
            datemodifiedbegin: a timestamp.
            datemodifiedend: a timestamp.
            authorid: one id, or several.
            public: ``True`` or ``False``.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "taskid": taskid,
                "title": title,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "authorid": authorid,
                "public": public,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        taskid: Ids | None = None,
        title: str | None = None,
        date: Day | None = None,
        datebegin: Moment | None = None,
        dateend: Moment | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        authorid: Ids | None = None,
        public: bool | None = None,
        sortfield: Literal["id", "taskid", "authorid", "date"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[TaskNote]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "taskid": taskid,
                "title": title,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "authorid": authorid,
                "public": public,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        taskid: Ids | None = None,
        title: str | None = None,
        date: Day | None = None,
        datebegin: Moment | None = None,
        dateend: Moment | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        authorid: Ids | None = None,
        public: bool | None = None,
        sortfield: Literal["id", "taskid", "authorid", "date"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[TaskNote]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "taskid": taskid,
                "title": title,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "authorid": authorid,
                "public": public,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        taskid: int | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> TaskNote:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            taskid: an id; required.
            note: text; required.
            public: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create({"taskid": taskid, "note": note, "public": public, **unknown})

    async def update(
        self,
        ident: int,
        *,
        taskid: int | NotGiven | None = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        public: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> TaskNote:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            taskid: an id.
            note: text.
            public: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident, {"taskid": taskid, "note": note, "public": public, **unknown}
        )


class TaskPriorityResource(_List[TaskPriority], _Get[TaskPriority]):
    """``/taskpriority/``: a task priority (``color`` is six hex digits)."""

    model = TaskPriority

    async def list(
        self,
        *,
        active: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[TaskPriority]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            active: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"active": active, "offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[TaskPriority]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"active": active, "offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[TaskPriority]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"active": active, "offset": offset, **unknown}
        )


class TaskStatusResource(_List[TaskStatus], _Get[TaskStatus]):
    """``/taskstatus/``: a task status (``priority`` is its place in the workflow)."""

    model = TaskStatus

    async def list(
        self,
        *,
        active: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[TaskStatus]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            active: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"active": active, "offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[TaskStatus]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"active": active, "offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[TaskStatus]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"active": active, "offset": offset, **unknown}
        )


class TimeResource(_List[Time], _Get[Time], _Create[Time], _Update[Time], _Delete[Time]):
    """``/time/``: a time entry: hours a person logged on a task or on a project's module."""

    model = Time

    async def list(
        self,
        *,
        activeonly: bool | None = None,
        moduleid: Ids | None = None,
        taskid: Ids | None = None,
        worktypeid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        milestoneid: Ids | None = None,
        date: Day | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        billable: bool | None = None,
        approved: bool | None = None,
        sortfield: Literal["id", "t.date", "datemodified"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Time]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            activeonly: ``True`` or ``False``.
            moduleid: one id, or several.
            taskid: one id, or several.
            worktypeid: one id, or several.
            personid: one id, or several.
            clientid: one id, or several (-1: none).
            projectid: one id, or several.
            milestoneid: one id, or several (-1: none).
            date: a date.
            datebegin: a date.
            dateend: a date.
            datemodifiedbegin: a timestamp.
            datemodifiedend: a timestamp.
            billable: ``True`` or ``False``.
            approved: ``True`` or ``False``.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "activeonly": activeonly,
                "moduleid": moduleid,
                "taskid": taskid,
                "worktypeid": worktypeid,
                "personid": personid,
                "clientid": clientid,
                "projectid": projectid,
                "milestoneid": milestoneid,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "billable": billable,
                "approved": approved,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        activeonly: bool | None = None,
        moduleid: Ids | None = None,
        taskid: Ids | None = None,
        worktypeid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        milestoneid: Ids | None = None,
        date: Day | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        billable: bool | None = None,
        approved: bool | None = None,
        sortfield: Literal["id", "t.date", "datemodified"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Time]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "activeonly": activeonly,
                "moduleid": moduleid,
                "taskid": taskid,
                "worktypeid": worktypeid,
                "personid": personid,
                "clientid": clientid,
                "projectid": projectid,
                "milestoneid": milestoneid,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "billable": billable,
                "approved": approved,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        activeonly: bool | None = None,
        moduleid: Ids | None = None,
        taskid: Ids | None = None,
        worktypeid: Ids | None = None,
        personid: Ids | None = None,
        clientid: Ids | None = None,
        projectid: Ids | None = None,
        milestoneid: Ids | None = None,
        date: Day | None = None,
        datebegin: Day | None = None,
        dateend: Day | None = None,
        datemodifiedbegin: Moment | None = None,
        datemodifiedend: Moment | None = None,
        billable: bool | None = None,
        approved: bool | None = None,
        sortfield: Literal["id", "t.date", "datemodified"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Time]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "activeonly": activeonly,
                "moduleid": moduleid,
                "taskid": taskid,
                "worktypeid": worktypeid,
                "personid": personid,
                "clientid": clientid,
                "projectid": projectid,
                "milestoneid": milestoneid,
                "date": date,
                "datebegin": datebegin,
                "dateend": dateend,
                "datemodifiedbegin": datemodifiedbegin,
                "datemodifiedend": datemodifiedend,
                "billable": billable,
                "approved": approved,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        moduleid: int | NotGiven | None = NOT_GIVEN,
        taskid: int | NotGiven | None = NOT_GIVEN,
        worktypeid: int | NotGiven = NOT_GIVEN,
        personid: int | NotGiven = NOT_GIVEN,
        date: Day | NotGiven = NOT_GIVEN,
        time: Number | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        billable: bool | NotGiven = NOT_GIVEN,
        **unknown: Never,
    ) -> Time:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            projectid: an id.
            moduleid: an id.
            taskid: an id.
            worktypeid: an id; required.
            personid: an id; required.
            date: a date; required.
            time: a number; required.
            description: text.
            billable: ``True`` or ``False``; required.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "projectid": projectid,
                "moduleid": moduleid,
                "taskid": taskid,
                "worktypeid": worktypeid,
                "personid": personid,
                "date": date,
                "time": time,
                "description": description,
                "billable": billable,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        projectid: int | NotGiven | None = NOT_GIVEN,
        moduleid: int | NotGiven | None = NOT_GIVEN,
        taskid: int | NotGiven | None = NOT_GIVEN,
        worktypeid: int | NotGiven | None = NOT_GIVEN,
        personid: int | NotGiven | None = NOT_GIVEN,
        date: Day | NotGiven | None = NOT_GIVEN,
        time: Number | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        billable: bool | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Time:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            projectid: an id.
            moduleid: an id.
            taskid: an id.
            worktypeid: an id.
            personid: an id.
            date: a date.
            time: a number.
            description: text.
            billable: ``True`` or ``False``.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "projectid": projectid,
                "moduleid": moduleid,
                "taskid": taskid,
                "worktypeid": worktypeid,
                "personid": personid,
                "date": date,
                "time": time,
                "description": description,
                "billable": billable,
                **unknown,
            },
        )


class TimerResource(_TimerWorkflow):
    """``/timer/``: a running or paused timer (``time`` in seconds).

    The list holds task timers only, as the API's does: ``generaltimers=True`` lists the
    general timers instead, ``gettimerinfo=True`` both. A person has at most one timer per task.

    The workflow the API documents is one call each: `start()`, `pause()` (``time``
    gains the run, ``starttime`` goes blank), `resume()` (``starttime`` set again) and
    `to_time()` (a paused timer becomes a time entry, and is deleted).
    """

    model = Timer

    async def list(
        self,
        *,
        generaltimers: bool | None = None,
        gettimerinfo: bool | None = None,
        taskid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        clientid: int | None = None,
        sortfield: Literal["lastupdate"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[Timer]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            generaltimers: ``True`` or ``False``.
            gettimerinfo: ``True`` or ``False``.
            taskid: an id.
            personid: an id.
            projectid: an id.
            clientid: an id.
            sortfield: the field to sort by.
            sortdir: the sort direction.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list(
            {
                "generaltimers": generaltimers,
                "gettimerinfo": gettimerinfo,
                "taskid": taskid,
                "personid": personid,
                "projectid": projectid,
                "clientid": clientid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                "limit": limit,
                **unknown,
            }
        )

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        generaltimers: bool | None = None,
        gettimerinfo: bool | None = None,
        taskid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        clientid: int | None = None,
        sortfield: Literal["lastupdate"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[Timer]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(
            page_size,
            concurrency,
            {
                "generaltimers": generaltimers,
                "gettimerinfo": gettimerinfo,
                "taskid": taskid,
                "personid": personid,
                "projectid": projectid,
                "clientid": clientid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        generaltimers: bool | None = None,
        gettimerinfo: bool | None = None,
        taskid: int | None = None,
        personid: int | None = None,
        projectid: int | None = None,
        clientid: int | None = None,
        sortfield: Literal["lastupdate"] | None = None,
        sortdir: SortDir | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Timer]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size,
            concurrency,
            {
                "generaltimers": generaltimers,
                "gettimerinfo": gettimerinfo,
                "taskid": taskid,
                "personid": personid,
                "projectid": projectid,
                "clientid": clientid,
                "sortfield": sortfield,
                "sortdir": sortdir,
                "offset": offset,
                **unknown,
            },
        )

    async def create(
        self,
        *,
        taskid: int | NotGiven | None = NOT_GIVEN,
        personid: int | NotGiven = NOT_GIVEN,
        starttime: Moment | NotGiven | None = NOT_GIVEN,
        time: Number | NotGiven | None = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Timer:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.

        Args:
            taskid: an id.
            personid: an id; required.
            starttime: a timestamp.
            time: a number.
            name: text; at most 255 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._create(
            {
                "taskid": taskid,
                "personid": personid,
                "starttime": starttime,
                "time": time,
                "name": name,
                **unknown,
            }
        )

    async def update(
        self,
        ident: int,
        *,
        taskid: int | NotGiven | None = NOT_GIVEN,
        personid: int | NotGiven | None = NOT_GIVEN,
        starttime: Moment | NotGiven | None = NOT_GIVEN,
        time: Number | NotGiven | None = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        **unknown: Never,
    ) -> Timer:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).

        Args:
            ident: the record's id.
            taskid: an id.
            personid: an id.
            starttime: a timestamp.
            time: a number.
            name: text; at most 255 characters.
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._update(
            ident,
            {
                "taskid": taskid,
                "personid": personid,
                "starttime": starttime,
                "time": time,
                "name": name,
                **unknown,
            },
        )


class WorkTypeResource(_List[WorkType], _Get[WorkType]):
    """``/worktype/``: an account-wide default work type."""

    model = WorkType

    async def list(
        self,
        *,
        active: bool | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **unknown: Never,
    ) -> Page[WorkType]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``.

        Args:
            active: ``True`` or ``False``.
            offset: records to skip.
            limit: records in the page (default: the client's ``page_size``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return await self._list({"active": active, "offset": offset, "limit": limit, **unknown})

    def pages(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[Sequence[WorkType]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._pages(page_size, concurrency, {"active": active, "offset": offset, **unknown})

    def iterate(
        self,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        active: bool | None = None,
        offset: int | None = None,
        **unknown: Never,
    ) -> AsyncIterator[WorkType]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``).

        Args:
            page_size: records per request (default: the client's ``page_size``).
            concurrency: pages in flight at once (default: the client's ``concurrency``).
            **unknown: refused before any request (`InvalidParameter`, with the closest name).
        """
        return self._iterate(
            page_size, concurrency, {"active": active, "offset": offset, **unknown}
        )


class Namespaces:
    """The namespaces of `IntervalsClient`, one per resource."""

    client: ClientResource
    contactdescriptor: ContactDescriptorResource
    contacttype: ContactTypeResource
    document: DocumentResource
    expense: ExpenseResource
    group: UserGroupResource
    invoice: InvoiceResource
    invoiceitem: InvoiceItemResource
    invoicenote: InvoiceNoteResource
    invoiceterm: InvoiceTermResource
    me: MeResource
    milestone: MilestoneResource
    milestonenote: MilestoneNoteResource
    module: ModuleResource
    payment: PaymentResource
    paymenttype: PaymentTypeResource
    person: PersonResource
    personcontact: PersonContactResource
    project: ProjectResource
    projectlabel: ProjectLabelResource
    projectmodule: ProjectModuleResource
    projectnote: ProjectNoteResource
    projectteam: ProjectTeamResource
    projectworktype: ProjectWorkTypeResource
    request: RequestResource
    task: TaskResource
    tasklistfilter: TaskListFilterResource
    tasknote: TaskNoteResource
    taskpriority: TaskPriorityResource
    taskstatus: TaskStatusResource
    time: TimeResource
    timer: TimerResource
    worktype: WorkTypeResource


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
