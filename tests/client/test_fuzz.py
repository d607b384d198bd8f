"""Hostile values for every filter and field of every resource: either a typed error before any
request is spent, or a value that reaches the wire meaning exactly what the caller meant.

The meaning is worked out here with Python's own parsers (``int``, ``Decimal``,
``fromisoformat``), independently of the client's validation, and compared with what the sandbox
receives, parsed back by the wire's parsers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import anyio.from_thread
import attrs
import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from intervals_async import (
    APIError,
    IntervalsClient,
    InvalidParameter,
    NotFound,
    RetryPolicy,
)
from intervals_async._convert import structure
from intervals_async._wire import parse_csv
from intervals_async.models import MODELS
from intervals_async.resources import RESOURCES, Kind, Resource
from intervals_async.sandbox import Sandbox, SandboxConfig

from ..conftest import BASE_URL, AutoClock, PacedGovernor, Recorder
from ..strategies import hostile_or_near

# The wire's limits, stated here independently of the client: four-digit years, 64-bit ids,
# numbers of at most 15 integer digits and 10 places, a query of at most 8,000 characters.
YEARS = range(1000, 10000)
MAX_INT = 2**63 - 1
MAX_QUERY = 8000


class Rig:
    """One client on one sandbox, driven from a synchronous Hypothesis test through a portal."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal) -> None:
        clock = AutoClock()
        self.portal = portal
        self.sandbox = Sandbox(SandboxConfig(seed=7), clock=clock)
        self.recorder = Recorder(self.sandbox.transport("127.0.0.1"))
        self.client = IntervalsClient(
            self.sandbox.token(),
            base_url=BASE_URL,
            transport=self.recorder,
            clock=clock,
            governor=PacedGovernor(clock),
            retry=RetryPolicy(attempts=1),
            cache=False,  # every call must reach the wire, to be judged there
        )

    def first_id(self, resource: str) -> int:
        """The smallest id of ``resource`` in the sandbox's account."""
        (account,) = self.sandbox.accounts.values()
        return min(account.table(resource))

    def last_id(self, resource: str) -> int:
        """The largest id of ``resource``: never the token's own person, whose changes would
        lock the rest of the test out."""
        (account,) = self.sandbox.accounts.values()
        return max(account.table(resource))

    def run(self, call: Any, *args: Any, **kwargs: Any) -> tuple[Any, list[httpx.Request]]:
        """The outcome of one call (its result or its exception) and the requests it sent."""
        before, audited = len(self.recorder.sent), len(self.sandbox.audit)
        try:
            outcome = self.portal.call(lambda: call(*args, **kwargs))
        except Exception as exc:  # the test judges every exception it sees
            outcome = exc
        sent = self.recorder.sent[before:]
        event("refused" if isinstance(outcome, InvalidParameter) else f"sent {len(sent)}")
        assert len(self.sandbox.audit) - audited == len(sent)
        return outcome, sent


@pytest.fixture
def rig() -> Iterator[Rig]:
    with anyio.from_thread.start_blocking_portal("asyncio") as portal:
        made = Rig(portal)
        yield made
        portal.call(made.client.aclose)


class Unmeant(Exception):
    """The caller's value is not a form the client documents for its kind."""


def meant(kind: Kind, value: Any) -> Any:
    """What a caller means by ``value`` for a filter or field of ``kind``, by Python's own rules,
    or :class:`Unmeant`. The client may refuse more (values the wire cannot carry), never less."""
    if isinstance(value, str) and kind not in (Kind.STR,) and not value.isascii():
        raise Unmeant
    match kind:
        case Kind.INT:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]{1,19}\s*", value):
                return int(value)
        case Kind.DECIMAL:
            if isinstance(value, Decimal | int | float | str) and not isinstance(value, bool):
                try:
                    number = Decimal(value.strip() if isinstance(value, str) else str(value))
                except (ArithmeticError, ValueError):
                    raise Unmeant from None
                if number.is_finite():
                    return number
        case Kind.BOOL:
            if isinstance(value, bool):
                return value
        case Kind.STR:
            if isinstance(value, str):
                return value
        case Kind.DATE:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    raise Unmeant from None
        case Kind.DATETIME:
            if isinstance(value, str):
                try:
                    value = dt.datetime.fromisoformat(value)
                except ValueError:
                    raise Unmeant from None
            if isinstance(value, dt.datetime):
                if value.tzinfo is not None:
                    try:
                        value = value.astimezone(dt.UTC).replace(tzinfo=None)
                    except OverflowError:
                        raise Unmeant from None
                # The wire's timestamps have whole seconds: a fraction is dropped.
                return value.replace(microsecond=0)
    raise Unmeant


def several(value: Any) -> bool:
    """Whether ``value`` is the documented form of several values for a CSV filter or field:
    a list, tuple, set, range... (any sequence or set but text and bytes)."""
    return isinstance(value, Sequence | AbstractSet) and not isinstance(
        value, str | bytes | bytearray | memoryview
    )


def received(kind: Kind, text: str, many: bool) -> Any:
    """A wire value as the server reads it."""
    if many:
        return parse_csv(text)
    return kind.parse(text)


def assert_carried(kind: Kind, sent: Any, value: Any, many: bool) -> None:
    """An accepted value reached the wire as a string the API can take, meaning ``value``."""
    assert isinstance(sent, str), sent
    expected = [meant(kind, v) for v in value] if many else meant(kind, value)
    assert received(kind, sent, many) == expected
    for one in expected if many else [expected]:
        if isinstance(one, dt.date):
            assert one.year in YEARS
        if isinstance(one, int):
            assert one == -1 or 0 <= one <= MAX_INT
        if isinstance(one, Decimal) and one:
            assert one.adjusted() < 15
            assert -one.normalize().as_tuple().exponent <= 10  # type: ignore[operator]
        if isinstance(one, str):
            assert "\x00" not in one
            one.encode("utf-8")  # no lone surrogate


# -- hostile values -------------------------------------------------------------------------------

_LISTED = [r for r in RESOURCES if "GET" in r.collection and r.filters]
_FILTERS = [(r, f) for r in _LISTED for f in r.filters]
_UPDATED = [r for r in RESOURCES if "PUT" in r.member and r.fields]
_FIELDS = [(r, f) for r in _UPDATED for f in r.fields]


def _required(spec: Resource, rig: Rig, skip: str) -> dict[str, Any]:
    """A valid value for each required filter other than ``skip`` (an id that exists)."""
    given_: dict[str, Any] = {}
    for f in spec.filters:
        if f.required and f.name != skip:
            parent = f.name.removesuffix("id")
            given_[f.name] = rig.first_id(parent)
    return given_


@settings(max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))
@given(where=st.sampled_from(_FILTERS), data=st.data())
def test_every_filter_value_is_refused_or_carried(rig: Rig, where: Any, data: Any) -> None:
    spec, found = where
    value = data.draw(hostile_or_near(found.kind), label="value")
    namespace = getattr(rig.client, spec.name)
    filters = _required(spec, rig, found.name)
    if spec.filter("limit") is not None and found.name != "limit":
        filters["limit"] = 1  # a small answer keeps the test fast
    filters[found.name] = value
    outcome, sent = rig.run(namespace.list, **filters)
    if isinstance(outcome, InvalidParameter):
        assert sent == [], f"{value!r} was refused after {len(sent)} request(s)"
        assert outcome.resource == spec.name
        return
    # A well-formed id that names no record is the server's to refuse (404): the value was still
    # carried exactly, which is what is judged below.
    failed = isinstance(outcome, Exception) and not isinstance(outcome, NotFound)
    assert not failed, f"{spec.name}.{found.name}={value!r}: {outcome!r}"
    assert value is not None  # None leaves the filter out; every other value is judged
    (request,) = sent
    assert len(request.url.query) <= MAX_QUERY
    query = dict(parse_qsl(urlsplit(str(request.url)).query, keep_blank_values=True))
    many = found.csv and several(value)
    expected = sorted(value) if isinstance(value, AbstractSet) else value
    if found.name == "sortdir":
        assert query["sortdir"] == value.upper()
    elif found.name == "sortfield":
        assert query["sortfield"] == value and value in spec.sortfields
    else:
        assert_carried(found.kind, query[found.name], expected, many)
    if found.name == "limit":
        assert int(query["limit"]) >= 1
    if found.name == "offset":
        assert int(query["offset"]) >= 0


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(where=st.sampled_from(_FIELDS), data=st.data())
def test_every_field_value_is_refused_or_carried(rig: Rig, where: Any, data: Any) -> None:
    spec, field = where
    value = data.draw(hostile_or_near(field.kind), label="value")
    namespace = getattr(rig.client, spec.name)
    ident = rig.last_id(spec.name)
    outcome, sent = rig.run(namespace.update, ident, **{field.name: value})
    if isinstance(outcome, InvalidParameter):
        assert sent == [], f"{value!r} was refused after {len(sent)} request(s)"
        return
    # The server may still refuse a well-formed value (a project that does not exist...): a
    # typed API error. The value it was sent must still be exactly the caller's.
    failed = isinstance(outcome, Exception) and not isinstance(outcome, APIError)
    assert not failed, f"{spec.name}.{field.name}={value!r}: {outcome!r}"
    assert not field.read_only
    body = json.loads(sent[0].content)
    if value is None:
        assert body[field.name] is None
        return
    many = field.csv and several(value)
    expected = sorted(value) if isinstance(value, AbstractSet) else value
    assert_carried(field.kind, body[field.name], expected, many)
    if field.max_length is not None:
        assert len(body[field.name]) <= field.max_length


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    page_size=hostile_or_near(Kind.INT),
    concurrency=st.one_of(st.none(), hostile_or_near(Kind.INT)),
)
def test_iterate_options_are_refused_or_used(rig: Rig, page_size: Any, concurrency: Any) -> None:
    async def first() -> Any:
        async for item in rig.client.worktype.iterate(page_size=page_size, concurrency=concurrency):
            return item
        return None

    outcome, sent = rig.run(first)
    if isinstance(outcome, InvalidParameter):
        assert sent == []
        return
    assert not isinstance(outcome, Exception), f"{page_size!r}, {concurrency!r}: {outcome!r}"
    assert isinstance(page_size, int) and not isinstance(page_size, bool) and page_size >= 1


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(ident=hostile_or_near(Kind.INT))
def test_every_id_is_refused_or_sent(rig: Rig, ident: Any) -> None:
    outcome, sent = rig.run(rig.client.time.get, ident)
    if isinstance(outcome, InvalidParameter):
        assert sent == []
        return
    assert isinstance(ident, int) and 1 <= ident <= MAX_INT
    assert outcome is not None


# -- hostile answers ------------------------------------------------------------------------------

_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(max_examples=600, deadline=None)
@given(model=st.sampled_from(sorted(MODELS.values(), key=lambda m: m.__name__)), data=st.data())
def test_every_malformed_record_is_a_value_error_for_decode_error(model: Any, data: Any) -> None:
    """Any JSON where a record belongs (wrong types in any field, nested values, no id...):
    decoded, or a ``ValueError``, which the namespaces raise as ``DecodeError``."""
    names = [f.name for f in attrs.fields(model) if f.name != "extra"]
    keyed = st.dictionaries(st.sampled_from([*names, "unlisted"]), _JSON, max_size=8)
    record = data.draw(st.one_of(_JSON, keyed, keyed.map(lambda r: {"id": "5", **r})))
    try:
        decoded = structure(record, model)
    except ValueError:
        return
    assert isinstance(decoded, model)
