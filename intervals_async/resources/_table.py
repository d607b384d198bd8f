"""The one declarative table of the Intervals API: resources, verbs, groups, filters, fields.

Everything that knows which paths, verbs, filters and fields exist reads this table: the sandbox
serves exactly these, and the client's resource namespaces and validation are built from it. The
entries follow the official Swagger 2.0 files, the newer ``1.1`` winning where it differs from
``1`` (marked ``# swagger 1.1``: ``projectlabel``, ``quota``, task ``datecreated*``, project label
and date ranges, project ``labelid`` settable, the project-label sort fields). The newer
documentation pages win where they differ from both (marked ``# newer docs``: the project team
collection opened to all four groups).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from .._wire import Kind

__all__ = [
    "RESOURCES",
    "Field",
    "Filter",
    "Group",
    "Kind",
    "Resource",
    "resource",
]


class Group(enum.Enum):
    """An Intervals user group (permission level)."""

    ADMINISTRATOR = "Administrator"
    MANAGER = "Manager"
    RESOURCE = "Resource"
    EXECUTIVE = "Executive"


@attrs.frozen
class Filter:
    """A query-string filter of a collection ``GET``.

    Args:
        name: the query parameter.
        kind: its type.
        csv: whether it takes several values as CSV (``"3,5,11"``).
        none: whether ``-1`` means "has none" (e.g. tasks with no milestone).
        required: whether the collection refuses a request without it.
    """

    name: str
    kind: Kind
    csv: bool = False
    none: bool = False
    required: bool = False


@attrs.frozen
class Field:
    """A field a ``POST`` or ``PUT`` body may carry.

    Args:
        name: the field.
        kind: its type.
        required: whether a create must carry it.
        max_length: the longest string the API accepts, where it says.
        read_only: returned by the API but never settable.
        csv: whether it takes several ids (sent as CSV, ``"3,5,11"``), as a list.
    """

    name: str
    kind: Kind
    required: bool = False
    max_length: int | None = None
    read_only: bool = False
    csv: bool = False


@attrs.frozen
class Resource:
    """One resource of the API: its verbs, with the groups allowed each, its filters and fields.

    ``collection`` maps the verbs of ``/{name}/`` and ``member`` those of ``/{name}/{id}/`` to the
    groups allowed to use them; ``about`` says what one record is (its namespace's docstring);
    ``model`` names its class in `intervals_async.models`; ``ttl`` is how long the client caches
    its answers by default (``None``: never; for slow-changing lists); ``localid``: its records
    carry the number the web app shows.
    """

    name: str
    about: str
    model: str
    collection: Mapping[str, frozenset[Group]]
    member: Mapping[str, frozenset[Group]]
    ttl: float | None = None
    localid: bool = False
    filters: tuple[Filter, ...] = ()
    fields: tuple[Field, ...] = ()
    sortfields: tuple[str, ...] = ()
    # By name, made once: every call looks up each filter or field it is given.
    _filters: Mapping[str, Filter] = attrs.field(init=False, repr=False, eq=False)
    _fields: Mapping[str, Field] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_filters", {f.name: f for f in self.filters})
        object.__setattr__(self, "_fields", {f.name: f for f in self.fields})

    def filter(self, name: str) -> Filter | None:
        """The collection filter called ``name``, or ``None``."""
        return self._filters.get(name)

    def field(self, name: str) -> Field | None:
        """The settable or read-only field called ``name``, or ``None``."""
        return self._fields.get(name)

    @property
    def listed(self) -> bool:
        """Whether this is a collection one may read (``GET /{name}/``): ``me`` and ``quota``
        answer with one record, not a list."""
        return "GET" in self.collection and self.name not in ("me", "quota")

    @property
    def read_only(self) -> bool:
        """Whether the API offers only ``GET`` on this resource."""
        return set(self.collection) | set(self.member) <= {"GET"}


@attrs.frozen
class Reference:
    """What an id field points at, and the field the API shows beside it.

    ``"projectid": "5"`` comes with ``"project": "Website"``; ``shown`` names that field
    (``None``: the API shows none).
    """

    resource: str
    shown: str | None


# Every id field the API names the same way in every resource: what it points at.
REFERENCES: Mapping[str, Reference] = {
    "projectid": Reference("project", "project"),
    "clientid": Reference("client", "client"),
    "moduleid": Reference("module", "module"),
    "taskid": Reference("task", "task"),
    "worktypeid": Reference("worktype", "worktype"),
    "personid": Reference("person", "person"),
    "ownerid": Reference("person", "owners"),
    "assigneeid": Reference("person", "assignees"),
    "followerid": Reference("person", "followers"),
    "managerid": Reference("person", "manager"),
    "authorid": Reference("person", "author"),
    "statusid": Reference("taskstatus", "status"),
    "priorityid": Reference("taskpriority", "severity"),
    "milestoneid": Reference("milestone", "milestone"),
    "invoiceid": Reference("invoice", None),
    "termid": Reference("invoiceterm", "term"),
    "typeid": Reference("paymenttype", "type"),
    "contacttypeid": Reference("contacttype", "contacttype"),
    "contactdescriptorid": Reference("contactdescriptor", "contactdescriptor"),
    "groupid": Reference("group", "group"),
    "labelid": Reference("projectlabel", "projectlabel"),
}


A = frozenset({Group.ADMINISTRATOR})
AM = A | {Group.MANAGER}
AME = AM | {Group.EXECUTIVE}
AMR = AM | {Group.RESOURCE}
AMRE = frozenset(Group)
# Swagger 1.1's sort by the record's project label: its id, its name, its order in the settings.
# The file spells the last "projectabel_order"; the key the task rows carry is
# "projectlabel_order", so both are taken.
_BY_PROJECT_LABEL = ("projectlabelid", "projectlabel", "projectlabel_order", "projectabel_order")

INT, DECIMAL, BOOL, STR = Kind.INT, Kind.DECIMAL, Kind.BOOL, Kind.STR
DATE, DATETIME = Kind.DATE, Kind.DATETIME

_PAGING = (Filter("offset", INT), Filter("limit", INT))

RESOURCES: tuple[Resource, ...] = (
    Resource(
        "client",
        about="a client (customer) of the account",
        model="Client",
        ttl=600.0,
        localid=True,
        collection={"GET": AMRE, "POST": A},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("active", BOOL),
            Filter("search", STR),
            Filter("projectsonly", BOOL),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("name", STR, required=True, max_length=255),
            Field("datecreated", DATE, required=True),
            Field("description", STR),
            Field("email", STR, max_length=255),
            Field("website", STR, max_length=255),
            Field("phone", STR, max_length=50),
            Field("fax", STR, max_length=50),
            Field("address", STR),
            Field("active", BOOL, required=True),
        ),
        sortfields=("id", "localid", "name", "datecreated"),
    ),
    Resource(
        "contactdescriptor",
        about="a label for a contact detail (work, home...)",
        model="ContactDescriptor",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={},
        filters=(Filter("contacttypeid", INT, required=True),),
    ),
    Resource(
        "contacttype",
        about="a kind of contact detail (phone, address...)",
        model="ContactType",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={},
    ),
    Resource(
        "document",
        about="document records, and their files",
        model="Document",
        collection={"GET": AMRE},
        member={"GET": AMRE},
        filters=(
            Filter("public", BOOL),
            Filter("taskid", INT, csv=True),
            Filter("milestoneid", INT, csv=True),
            Filter("queueid", INT, csv=True),
            Filter("clientid", INT, csv=True),
            Filter("projectid", INT, csv=True),
            Filter("moduleid", INT, csv=True),
            Filter("personid", INT, csv=True),
            Filter("search", STR),
            Filter("projectactive", BOOL),
            Filter("taskassignedorownedby", INT),
            Filter("tag", STR),
            Filter("datebegin", DATE),
            Filter("dateend", DATE),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
            Filter("id", INT),
        ),
        sortfields=(
            "id",
            "personid",
            "title",
            "public",
            "datemodified",
            "active",
            *_BY_PROJECT_LABEL,  # swagger 1.1
        ),
    ),
    Resource(
        "expense",
        about="an expense on a project",
        model="Expense",
        collection={"GET": AME, "POST": AM},
        member={"GET": AME, "PUT": AM, "DELETE": A},
        filters=(
            Filter("projectid", INT, csv=True),
            Filter("personid", INT, csv=True),
            Filter("clientid", INT, csv=True),
            Filter("managerid", INT, csv=True),
            Filter("datebegin", DATE),
            Filter("dateend", DATE),
            Filter("date", DATE),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("personid", INT),
            Field("date", DATE, required=True),
            Field("expense", DECIMAL, required=True),
            Field("fee", DECIMAL, required=True),
            Field("note", STR, max_length=255),
        ),
        sortfields=(
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
        ),
    ),
    Resource(
        "group",
        about="a user group (Administrator, Manager, Resource, Executive)",
        model="UserGroup",
        ttl=86400.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
    ),
    Resource(
        "invoice",
        about="an invoice",
        model="Invoice",
        localid=True,
        collection={"GET": AME, "POST": AM},
        member={"GET": AME, "PUT": AM, "DELETE": AM},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("clientid", INT, csv=True),
            Filter("projectid", INT, csv=True),
            Filter("datebegin", DATE),
            Filter("dateend", DATE),
            Filter("status", STR),
            Filter("search", STR),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("date", DATE, required=True),
            Field("termid", INT, required=True),
            Field("termother", STR, max_length=255),
            Field("termotherdatedue", DATE),
            Field("title", STR, required=True, max_length=255),
            Field("description", STR),
            Field("addressfrom", STR),
            Field("addressto", STR),
            Field("purchaseorder", STR, max_length=55),
            Field("tax", DECIMAL),
            Field("secondtax", DECIMAL),
            Field("secondtaxcompound", BOOL),
            Field("disclaimer", STR),
            Field("datebegin", DATE),
            Field("dateend", DATE),
        ),
        sortfields=(
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
            *_BY_PROJECT_LABEL,  # swagger 1.1
        ),
    ),
    Resource(
        "invoiceitem",
        about="a line of an invoice",
        model="InvoiceItem",
        collection={"GET": AME, "POST": AM},
        member={"GET": AME, "PUT": AM, "DELETE": AM},
        filters=(
            Filter("invoiceid", INT, required=True),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("invoiceid", INT, required=True),
            Field("name", STR, required=True, max_length=255),
            Field("description", STR),
            Field("quantity", DECIMAL),
            Field("rate", DECIMAL),
            Field("amount", DECIMAL, required=True),
        ),
        sortfields=("id", "invoiceid", "name", "description", "quantity", "rate", "amount"),
    ),
    Resource(
        "invoicenote",
        about="a note on an invoice",
        model="InvoiceNote",
        collection={"GET": AM, "POST": AM},
        member={"GET": AM, "PUT": A, "DELETE": A},
        filters=(
            Filter("invoiceid", INT, required=True),
            Filter("authorid", INT),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("invoiceid", INT, required=True),
            Field("title", STR, required=True, max_length=255),
            Field("note", STR),
            Field("date", DATE),
        ),
    ),
    Resource(
        "invoiceterm",
        about="a payment term invoices can carry",
        model="InvoiceTerm",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
    ),
    Resource(
        "me",
        about="the person the token belongs to",
        model="Me",
        collection={"GET": AMRE},
        member={"GET": AMRE},
    ),
    Resource(
        "milestone",
        about="a project milestone",
        model="Milestone",
        ttl=300.0,
        localid=True,
        collection={"GET": AMR, "POST": AM},
        member={"GET": AMR, "PUT": AM, "DELETE": AM},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("search", STR),
            Filter("clientid", INT, csv=True, none=True),
            Filter("projectid", INT, csv=True),
            Filter("ownerid", INT, csv=True),
            Filter("hasmilestonerelation", INT, csv=True),
            Filter("complete", BOOL),
            Filter("dateduebegin", DATE),
            Filter("datedueend", DATE),
            Filter("title", STR),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("ownerid", INT, required=True, csv=True),
            Field("title", STR, required=True, max_length=255),
            Field("datedue", DATE, required=True),
            Field("description", STR),
            Field("complete", BOOL, required=True),
        ),
        sortfields=(
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
            *_BY_PROJECT_LABEL,  # swagger 1.1
        ),
    ),
    Resource(
        "milestonenote",
        about="a note on a milestone",
        model="MilestoneNote",
        collection={"GET": AMRE, "POST": AMRE},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("milestoneid", INT, required=True),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("milestoneid", INT, required=True),
            Field("note", STR, required=True),
            Field("public", BOOL, required=True),
        ),
    ),
    Resource(
        "module",
        about="an account-wide default module",
        model="Module",
        ttl=3600.0,
        collection={"GET": A},
        member={"GET": A},
        filters=(
            Filter("active", BOOL),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
    ),
    Resource(
        "payment",
        about="a payment received",
        model="Payment",
        collection={"GET": AME, "POST": AM},
        member={"GET": AME, "PUT": AM, "DELETE": A},
        filters=(
            Filter("clientid", INT),
            Filter("projectid", INT),
            Filter("personid", INT, csv=True),
            Filter("date", DATE),
            Filter("typeid", INT),
            Filter("invoiceid", INT),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("date", DATE, required=True),
            Field("amount", DECIMAL, required=True),
            Field("typeid", INT, required=True),
            Field("reference", STR, max_length=35),
            Field("note", STR, max_length=255),
            Field("invoiceid", INT),
        ),
        sortfields=(
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
        ),
    ),
    Resource(
        "paymenttype",
        about="a kind of payment (check, card...)",
        model="PaymentType",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
    ),
    Resource(
        "person",
        about="a person (user) of the account",
        model="Person",
        ttl=600.0,
        localid=True,
        collection={"GET": AMR, "POST": A},
        member={"GET": AMR, "PUT": A, "DELETE": A},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("username", STR),
            Filter("email", STR),
            Filter("firstname", STR),
            Filter("lastname", STR),
            Filter("excludegroupids", INT, csv=True),
            Filter("projectid", INT, csv=True),
            Filter("clientid", INT, csv=True),
            Filter("projectclientid", INT, csv=True),
            Filter("search", STR),
            Filter("active", BOOL),
            Filter("groupid", INT),
            Filter("allprojects", BOOL),
            Filter("restricttasks", BOOL),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("clientid", INT),
            Field("title", STR, max_length=255),
            Field("firstname", STR, required=True, max_length=65),
            Field("lastname", STR, max_length=85),
            Field("allprojects", BOOL),
            Field("notes", STR),
            Field("private", BOOL, required=True),
            Field("active", BOOL, required=True),
            Field("username", STR, max_length=255),
            Field("password", STR, max_length=30),
            Field("email", STR, max_length=255),
            Field("groupid", INT),
        ),
    ),
    Resource(
        "personcontact",
        about="a person's contact detail",
        model="PersonContact",
        collection={"GET": AMRE, "POST": AMRE},
        member={"GET": AMRE, "PUT": AMRE, "DELETE": AMRE},
        filters=(
            Filter("personid", INT, required=True),
            Filter("contacttypeid", INT),
            Filter("contactdescriptorid", INT),
        ),
        fields=(
            Field("personid", INT, required=True),
            Field("value", STR, required=True),
            Field("contacttypeid", INT, required=True),
            Field("contactdescriptorid", INT, required=True),
        ),
    ),
    Resource(
        "project",
        about="a project",
        model="Project",
        ttl=300.0,
        localid=True,
        collection={"GET": AMRE, "POST": A},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("clientid", INT, csv=True, none=True),
            Filter("managerid", INT, csv=True, none=True),
            Filter("name", STR),
            Filter("datestart", DATE),
            Filter("dateend", DATE),
            Filter("labelid", INT, csv=True),  # swagger 1.1
            Filter("datestartbegin", DATE),  # swagger 1.1
            Filter("datestartend", DATE),  # swagger 1.1
            Filter("dateendbegin", DATE),  # swagger 1.1
            Filter("dateendend", DATE),  # swagger 1.1
            Filter("search", STR),
            Filter("active", BOOL),
            Filter("billable", BOOL),
            Filter("personid", INT),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("clientid", INT),
            Field("managerid", INT, csv=True),
            Field("name", STR, required=True, max_length=255),
            Field("description", STR),
            Field("datestart", DATE, required=True),
            Field("dateend", DATE),
            Field("budget", DECIMAL),
            Field("billable", BOOL, required=True),
            Field("active", BOOL, required=True),
            Field("alert_percent", DECIMAL),
            Field("labelid", INT),  # swagger 1.1: "The ID of the label for this project"
        ),
        sortfields=(
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
        ),  # the last three: swagger 1.1
    ),
    Resource(  # swagger 1.1; its page lists settable fields but only GET
        "projectlabel",
        about="a label projects can carry",
        model="ProjectLabel",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
        filters=(Filter("active", BOOL), *_PAGING),
    ),
    Resource(
        "projectmodule",
        about="a module enabled on a project",
        model="ProjectModule",
        ttl=600.0,
        collection={"GET": AMRE, "POST": A},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("projectid", INT, csv=True),
            Filter("active", BOOL),
            Filter("personid", INT),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("moduleid", INT),
            Field("description", STR),
            Field("active", BOOL, required=True),
            Field("module", STR, max_length=155),
        ),
    ),
    Resource(
        "projectnote",
        about="a note on a project",
        model="ProjectNote",
        localid=True,
        collection={"GET": AMR, "POST": AMR},
        member={"GET": AMR, "PUT": AMR, "DELETE": AMR},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("clientid", INT, csv=True),
            Filter("projectid", INT, csv=True),
            Filter("authorid", INT, csv=True),
            Filter("title", STR),
            Filter("search", STR),
            Filter("noteid", INT),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("title", STR, required=True, max_length=255),
            Field("note", STR, required=True),
            Field("secure", BOOL, required=True),
        ),
    ),
    Resource(
        "projectteam",
        about="the people on a project's team (``id`` is the project's id)",
        model="ProjectTeam",
        collection={"GET": AMRE, "POST": A},  # newer docs: GET for all four groups
        member={"GET": A, "PUT": A, "DELETE": A},
        filters=(Filter("projectid", INT, required=True),),
        fields=(
            Field("projectid", INT, required=True),
            Field("personid", INT, csv=True),  # docs: the people to add or remove
            Field("securenotes", BOOL),  # docs
        ),
    ),
    Resource(
        "projectworktype",
        about="a work type enabled on a project, with its rate",
        model="ProjectWorkType",
        ttl=600.0,
        collection={"GET": AMRE, "POST": A},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("projectid", INT, csv=True),
            Filter("active", BOOL),
            Filter("personid", INT),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT, required=True),
            Field("worktypeid", INT),
            Field("hourlyrate", DECIMAL, required=True),
            Field("esttime", DECIMAL),
            Field("active", BOOL, required=True),
            Field("worktype", STR, max_length=155),
        ),
    ),
    Resource(  # swagger 1.1; free of the daily quota
        "quota",
        about="the account's daily request quota, and what is left of it",
        model="Quota",
        collection={"GET": AMRE},
        member={},
    ),
    Resource(
        "request",
        about="a request from the request queue",
        model="Request",
        localid=True,
        collection={"GET": AMRE, "POST": AMRE},
        member={"GET": AMRE, "PUT": AMRE, "DELETE": AMRE},
        filters=(
            Filter("priorityid", INT),
            Filter("personid", INT),
            Filter("projectid", INT),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("personid", INT, required=True),
            Field("projectid", INT),
            Field("priorityid", INT, required=True),
            Field("title", STR, required=True, max_length=255),
            Field("datedue", DATE),
            Field("description", STR),
        ),
        sortfields=(
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
        ),
    ),
    Resource(
        "task",
        about="a task (``localid`` is the number the web app shows)",
        model="Task",
        localid=True,
        collection={"GET": AMRE, "POST": AMR},
        member={"GET": AMRE, "PUT": AMR, "DELETE": AM},
        filters=(
            Filter("localid", INT, csv=True),
            Filter("personid", INT),
            Filter("includetimerid", INT),
            Filter("assigneeid", INT, csv=True, none=True),
            Filter("followerid", INT, csv=True, none=True),
            Filter("statusid", INT, csv=True),
            Filter("clientid", INT, csv=True, none=True),
            Filter("projectid", INT, csv=True),
            Filter("moduleid", INT, csv=True),
            Filter("milestoneid", INT, csv=True, none=True),
            Filter("title", STR),
            Filter("dateopen", DATE),
            Filter("dateopenbegin", DATE),
            Filter("dateopenend", DATE),
            Filter("datedue", DATE),
            Filter("dateduebegin", DATE),
            Filter("datedueend", DATE),
            Filter("dateclosed", DATE),
            Filter("dateclosedbegin", DATE),
            Filter("dateclosedend", DATE),
            Filter("datecreated", DATE),  # swagger 1.1
            Filter("datecreatedbegin", DATE),  # swagger 1.1
            Filter("datecreatedend", DATE),  # swagger 1.1
            Filter("datemodifiedbegin", DATETIME),
            Filter("datemodifiedend", DATETIME),
            Filter("hasduedate", BOOL),
            Filter("ownerid", INT, csv=True),
            Filter("priorityid", INT, csv=True),
            Filter("tasklistfilterid", INT),
            Filter("overdue", BOOL),
            Filter("excludeclosed", BOOL),
            Filter("assignedorownedby", INT, csv=True),
            Filter("hastaskrelation", INT, csv=True),
            Filter("search", STR),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("assigneeid", INT, csv=True),
            Field("followerid", INT, csv=True),
            Field("milestoneid", INT),
            Field("statusid", INT, required=True),
            Field("projectid", INT, required=True),
            Field("moduleid", INT, required=True),
            Field("title", STR, required=True, max_length=255),
            Field("summary", STR),
            Field("dateopen", DATE, required=True),
            Field("datedue", DATE),
            Field("dateclosed", DATE),
            Field("estimate", DECIMAL),
            Field("ownerid", INT, required=True, csv=True),
            Field("priorityid", INT, required=True),
        ),
        sortfields=(
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
            "datecreated",  # swagger 1.1
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
            *_BY_PROJECT_LABEL,  # swagger 1.1
        ),
    ),
    Resource(
        "tasklistfilter",
        about="a saved task list filter",
        model="TaskListFilter",
        collection={"GET": AMRE},
        member={"GET": AMRE},
        filters=(
            Filter("offset", INT),
            Filter("limit", INT),
        ),
    ),
    Resource(
        "tasknote",
        about="a note on a task",
        model="TaskNote",
        collection={"GET": AMRE, "POST": AMRE},
        member={"GET": AMRE, "PUT": A, "DELETE": A},
        filters=(
            Filter("taskid", INT, csv=True),
            Filter("title", STR),
            Filter("date", DATE),
            Filter("datebegin", DATETIME),
            Filter("dateend", DATETIME),
            Filter("datemodifiedbegin", DATETIME),
            Filter("datemodifiedend", DATETIME),
            Filter("authorid", INT, csv=True),
            Filter("public", BOOL),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("taskid", INT, required=True),
            Field("note", STR, required=True),
            Field("public", BOOL, required=True),
        ),
        sortfields=("id", "taskid", "authorid", "date"),
    ),
    Resource(
        "taskpriority",
        about="a task priority (``color`` is six hex digits)",
        model="TaskPriority",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
        filters=(
            Filter("active", BOOL),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
    ),
    Resource(
        "taskstatus",
        about="a task status (``priority`` is its place in the workflow)",
        model="TaskStatus",
        ttl=3600.0,
        collection={"GET": AMRE},
        member={"GET": AMRE},
        filters=(
            Filter("active", BOOL),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
    ),
    Resource(
        "time",
        about="a time entry: hours a person logged on a task or on a project's module",
        model="Time",
        collection={"GET": AMRE, "POST": AMR},
        member={"GET": AMRE, "PUT": AMR, "DELETE": AMR},
        filters=(
            Filter("activeonly", BOOL),
            Filter("moduleid", INT, csv=True),
            Filter("taskid", INT, csv=True),
            Filter("worktypeid", INT, csv=True),
            Filter("personid", INT, csv=True),
            Filter("clientid", INT, csv=True, none=True),
            Filter("projectid", INT, csv=True),
            Filter("milestoneid", INT, csv=True, none=True),
            Filter("date", DATE),
            Filter("datebegin", DATE),
            Filter("dateend", DATE),
            Filter("datemodifiedbegin", DATETIME),
            Filter("datemodifiedend", DATETIME),
            Filter("billable", BOOL),
            Filter("approved", BOOL),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("projectid", INT),
            Field("moduleid", INT),
            Field("taskid", INT),
            Field("worktypeid", INT, required=True),
            Field("personid", INT, required=True),
            Field("date", DATE, required=True),
            Field("time", DECIMAL, required=True),
            Field("description", STR),
            Field("billable", BOOL, required=True),
            Field("datemodified", DATETIME, read_only=True),
        ),
        sortfields=("id", "t.date", "datemodified"),
    ),
    Resource(
        "timer",
        about="a running or paused timer (``time`` in seconds)",
        model="Timer",
        collection={"GET": AMR, "POST": AMR},
        member={"GET": AMR, "PUT": AMR, "DELETE": AMR},
        filters=(
            Filter("generaltimers", BOOL),
            Filter("gettimerinfo", BOOL),
            Filter("taskid", INT),
            Filter("personid", INT),
            Filter("projectid", INT),
            Filter("clientid", INT),
            Filter("sortfield", STR),
            Filter("sortdir", STR),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
        fields=(
            Field("taskid", INT),
            Field("personid", INT, required=True),
            Field("starttime", DATETIME),
            Field("time", DECIMAL),
            Field("timelapsed", DECIMAL, read_only=True),
            Field("name", STR, max_length=255),
            Field("lastupdate", DATE, read_only=True),
        ),
        sortfields=("lastupdate",),
    ),
    Resource(
        "worktype",
        about="an account-wide default work type",
        model="WorkType",
        ttl=3600.0,
        collection={"GET": A},
        member={"GET": A},
        filters=(
            Filter("active", BOOL),
            Filter("offset", INT),
            Filter("limit", INT),
        ),
    ),
)

_BY_NAME = {r.name: r for r in RESOURCES}


def resource(name: str) -> Resource | None:
    """The resource called ``name``, or ``None`` if the API has no such resource."""
    return _BY_NAME.get(name)
