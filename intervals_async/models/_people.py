"""People, clients, groups and contact details."""

from __future__ import annotations

import datetime as dt

import attrs

from ._base import Model

__all__ = [
    "Client",
    "ContactDescriptor",
    "ContactType",
    "Me",
    "Person",
    "PersonContact",
    "Quota",
    "UserGroup",
]


@attrs.frozen(kw_only=True)
class Client(Model):
    """A client (customer) of the account."""

    id: int
    localid: int | None = None
    name: str | None = None
    datecreated: dt.date | None = None
    description: str | None = None
    email: str | None = None
    website: str | None = None
    phone: str | None = None
    fax: str | None = None
    address: str | None = None
    active: bool | None = None


@attrs.frozen(kw_only=True)
class Person(Model):
    """A person (user) of the account."""

    id: int
    localid: int | None = None
    clientid: int | None = None
    title: str | None = None
    firstname: str | None = None
    lastname: str | None = None
    primaryaccount: bool | None = None
    notes: str | None = None
    allprojects: bool | None = None
    private: bool | None = None
    tips: bool | None = None
    username: str | None = None
    email: str | None = None
    groupid: int | None = None
    group: str | None = None
    active: bool | None = None
    restricttasks: bool | None = None
    numlogins: int | None = None
    lastlogin: dt.datetime | None = None
    timezone: str | None = None
    timezone_offset: str | None = None
    client: str | None = None
    clientlocalid: int | None = None


@attrs.frozen(kw_only=True)
class UserGroup(Model):
    """A user group (Administrator, Manager, Resource, Executive)."""

    id: int
    name: str | None = None


@attrs.frozen(kw_only=True)
class PersonContact(Model):
    """A person's contact detail."""

    id: int
    personid: int | None = None
    contacttypeid: int | None = None
    contactdescriptorid: int | None = None
    value: str | None = None
    person: str | None = None
    contacttype: str | None = None
    contactdescriptor: str | None = None


@attrs.frozen(kw_only=True)
class ContactType(Model):
    """A kind of contact detail (phone, address...)."""

    id: int
    name: str | None = None


@attrs.frozen(kw_only=True)
class ContactDescriptor(Model):
    """A label for a contact detail (work, home...)."""

    id: int
    contacttypeid: int | None = None
    name: str | None = None
    contacttype: str | None = None


@attrs.frozen(kw_only=True)
class Me(Person):
    """The person the token belongs to (``GET /me/``), with their own settings."""

    calendarorientation: int | None = None
    editordisabled: bool | None = None


@attrs.frozen(kw_only=True)
class Quota(Model):
    """The account's daily request quota (``GET /quota/``, which costs none of it).

    ``next_reset`` is in GMT; older answers carry ``business_day`` instead.
    """

    quota: int | None = None
    used: int | None = None
    next_reset: dt.datetime | None = None
    business_day: dt.datetime | None = None
    exceeded: bool | None = None

    @property
    def resets_at(self) -> dt.datetime | None:
        """``next_reset`` as an aware UTC datetime (the API writes it in GMT, without a zone),
        like the SDK's other ``resets_at``."""
        return None if self.next_reset is None else self.next_reset.replace(tzinfo=dt.UTC)
