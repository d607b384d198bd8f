"""Invoices, expenses and payments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ._base import Model

__all__ = [
    "Expense",
    "Invoice",
    "InvoiceItem",
    "InvoiceNote",
    "InvoiceTerm",
    "Payment",
    "PaymentType",
]


@attrs.frozen(kw_only=True)
class Invoice(Model):
    """An invoice."""

    id: int
    localid: int | None = None
    projectid: int | None = None
    date: dt.date | None = None
    termid: int | None = None
    termother: str | None = None
    termotherdatedue: dt.date | None = None
    title: str | None = None
    description: str | None = None
    addressfrom: str | None = None
    addressto: str | None = None
    purchaseorder: str | None = None
    tax: Decimal | None = None
    secondtax: Decimal | None = None
    secondtaxcompound: bool | None = None
    disclaimer: str | None = None
    datebegin: dt.date | None = None
    dateend: dt.date | None = None
    status: str | None = None
    datedue: dt.date | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    term: str | None = None


@attrs.frozen(kw_only=True)
class InvoiceItem(Model):
    """A line of an invoice."""

    id: int
    invoiceid: int | None = None
    name: str | None = None
    description: str | None = None
    quantity: Decimal | None = None
    rate: Decimal | None = None
    amount: Decimal | None = None


@attrs.frozen(kw_only=True)
class InvoiceNote(Model):
    """A note on an invoice."""

    id: int
    invoiceid: int | None = None
    authorid: int | None = None
    title: str | None = None
    note: str | None = None
    date: dt.date | None = None
    author: str | None = None


@attrs.frozen(kw_only=True)
class InvoiceTerm(Model):
    """A payment term invoices can carry."""

    id: int
    name: str | None = None
    days: int | None = None


@attrs.frozen(kw_only=True)
class Expense(Model):
    """An expense on a project."""

    id: int
    projectid: int | None = None
    personid: int | None = None
    date: dt.date | None = None
    expense: Decimal | None = None
    fee: Decimal | None = None
    note: str | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    person: str | None = None


@attrs.frozen(kw_only=True)
class Payment(Model):
    """A payment received."""

    id: int
    projectid: int | None = None
    date: dt.date | None = None
    amount: Decimal | None = None
    typeid: int | None = None
    reference: str | None = None
    note: str | None = None
    invoiceid: int | None = None
    personid: int | None = None
    clientid: int | None = None
    project: str | None = None
    client: str | None = None
    person: str | None = None
    type: str | None = None


@attrs.frozen(kw_only=True)
class PaymentType(Model):
    """A kind of payment (check, card...)."""

    id: int
    name: str | None = None
