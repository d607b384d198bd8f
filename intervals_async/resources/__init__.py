"""The declarative table of every Intervals resource, verb, filter and field."""

from __future__ import annotations

from ._table import REFERENCES as REFERENCES
from ._table import RESOURCES as RESOURCES
from ._table import Field as Field
from ._table import Filter as Filter
from ._table import Group as Group
from ._table import Kind as Kind
from ._table import Reference as Reference
from ._table import Resource as Resource
from ._table import resource as resource

__all__ = [
    "REFERENCES",
    "RESOURCES",
    "Field",
    "Filter",
    "Group",
    "Kind",
    "Reference",
    "Resource",
    "resource",
]
