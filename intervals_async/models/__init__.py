"""Frozen attrs models of the API's records, one per resource, and `Page`.

``MODELS`` maps each resource name of the resource table to its model.
"""

from __future__ import annotations

import attrs

from ..resources import RESOURCES
from ._base import Model as Model
from ._base import Page as Page
from ._base import TaskPerson as TaskPerson
from ._billing import Expense as Expense
from ._billing import Invoice as Invoice
from ._billing import InvoiceItem as InvoiceItem
from ._billing import InvoiceNote as InvoiceNote
from ._billing import InvoiceTerm as InvoiceTerm
from ._billing import Payment as Payment
from ._billing import PaymentType as PaymentType
from ._people import Client as Client
from ._people import ContactDescriptor as ContactDescriptor
from ._people import ContactType as ContactType
from ._people import Me as Me
from ._people import Person as Person
from ._people import PersonContact as PersonContact
from ._people import Quota as Quota
from ._people import UserGroup as UserGroup
from ._projects import Document as Document
from ._projects import Milestone as Milestone
from ._projects import MilestoneNote as MilestoneNote
from ._projects import Module as Module
from ._projects import Project as Project
from ._projects import ProjectLabel as ProjectLabel
from ._projects import ProjectModule as ProjectModule
from ._projects import ProjectNote as ProjectNote
from ._projects import ProjectTeam as ProjectTeam
from ._projects import ProjectWorkType as ProjectWorkType
from ._projects import WorkType as WorkType
from ._work import Request as Request
from ._work import Task as Task
from ._work import TaskListFilter as TaskListFilter
from ._work import TaskNote as TaskNote
from ._work import TaskPriority as TaskPriority
from ._work import TaskStatus as TaskStatus
from ._work import Time as Time
from ._work import Timer as Timer

__all__ = [
    "MODELS",
    "Client",
    "ContactDescriptor",
    "ContactType",
    "Document",
    "Expense",
    "Invoice",
    "InvoiceItem",
    "InvoiceNote",
    "InvoiceTerm",
    "Me",
    "Milestone",
    "MilestoneNote",
    "Model",
    "Module",
    "Page",
    "Payment",
    "PaymentType",
    "Person",
    "PersonContact",
    "Project",
    "ProjectLabel",
    "ProjectModule",
    "ProjectNote",
    "ProjectTeam",
    "ProjectWorkType",
    "Quota",
    "Request",
    "Task",
    "TaskListFilter",
    "TaskNote",
    "TaskPerson",
    "TaskPriority",
    "TaskStatus",
    "Time",
    "Timer",
    "UserGroup",
    "WorkType",
]

# The model of each resource, as its table entry names it.
MODELS: dict[str, type[Model]] = {r.name: globals()[r.model] for r in RESOURCES}

# Resolve the string annotations while each class still names its defining module: once
# ``__module__`` points at this package, ``typing.get_type_hints`` would look for them here.
for _model in (*MODELS.values(), TaskPerson):
    attrs.resolve_types(_model)

for _name in __all__:
    if _name != "MODELS":
        globals()[_name].__module__ = __name__
