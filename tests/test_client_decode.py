"""The fast decode of a page equals the general one (``json.loads``, then the converter record by
record) on every model, for any wire value; and it takes the pages the API really sends."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from intervals_async._convert import decode_page, structure
from intervals_async.models import MODELS, Model
from intervals_async.resources import RESOURCES
from intervals_async.sandbox import Sandbox

from .conftest import Connect

LISTED = [r.name for r in RESOURCES if r.listed]

_TEXT = st.lists(
    st.characters(codec="utf-8") | st.sampled_from(["&", "&amp;", "&lt;", "&#039;", "&#x27;"]),
    max_size=8,
).map("".join)
# Text values the wire could carry in any field: the API's own forms, and their near misses
# (forms Python or msgspec read differently: "1e3", "12.0", "0012", offsets, fractions).
STRINGS = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(["t", "f", "true", "1", "0", "yes", "null", "NaN", "Infinity", "-0"]),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["1e3", "12.0", "0012", "+5", " 7", "1_000", "\uff11\uff12", "--3"]),
    st.sampled_from(["3,5", "3, 5,", "3,,5", "x"]),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat(sep=" ")),
    st.sampled_from(["2026-01-05 10:00:00+05:00", "2026-01-05T10:00:00", "2026-1-5", "0000-00-00"]),
    _TEXT,
)
# ...and JSON values of other types.
WIRE = STRINGS | st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.integers(0, 99) | st.integers(0, 99).map(str), max_size=3),
    st.dictionaries(st.sampled_from(["personid", "assignee", "active"]), st.text(max_size=3)),
)
# A few texts that are also another kind's value: a page that holds "1" as an amount and as a
# title, or a date as a date and as text, must still give each field its own kind.
_SHARED = st.sampled_from(["1", "12", "0", "1.50", "2026-01-05", "2026-01-05 10:00:00", "t"])
# A field's own kind of value, as the API sends it (values repeat across a page's records).
TYPICAL = {
    int: st.integers(0, 10**12).map(str) | st.sampled_from(["1", "12"]),
    Decimal: st.decimals(0, 10**6, places=2).map(str) | _SHARED,
    bool: st.sampled_from(["t", "f"]),
    dt.date: st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)).map(str) | _SHARED,
    dt.datetime: st.datetimes(dt.datetime(2000, 1, 1)).map(lambda d: d.isoformat(sep=" ")[:19])
    | _SHARED,
    str: _TEXT | _SHARED,
}


def _if_taken(model: type[Model], name: str, text: str) -> str | None:
    """``text`` where the field's kind reads it, else nothing: one text in many kinds."""
    try:
        structure({"id": "1", name: text}, model)
    except ValueError:
        return None
    return text


def _typical(model: type[Model], name: str) -> st.SearchStrategy[Any]:
    kind = attrs.fields_dict(model)[name].type
    inner = next((t for t in TYPICAL if kind in (t, t | None)), None)
    if inner is None:  # CSV ids
        return st.lists(st.integers(1, 99), max_size=3).map(lambda ids: ",".join(map(str, ids)))
    return TYPICAL[inner] if name == "id" else st.none() | TYPICAL[inner]


def _fields(model: type[Model]) -> list[str]:
    return [f.name for f in attrs.fields(model) if f.name != "extra"]


@st.composite
def pages(draw: st.DrawFn, resource: str) -> bytes:
    """A page's bytes: records of the model's keys (now and then one it does not know, or one
    twice), each of any wire value."""
    model = MODELS[resource]
    names = _fields(model)
    # Most pages as the API sends them, now and then a near miss; some of any values at all.
    mode = draw(st.sampled_from(["typical", "typical", "same", "strings", "any"]))
    same = draw(_SHARED)
    records = []
    for _ in range(draw(st.integers(0, 3))):
        keys = (
            list(names)  # every field the same text, where its kind reads it
            if mode == "same"
            else draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
        )
        if mode in ("typical", "same") or draw(st.booleans()):  # one without its id is refused
            keys = ["id", *[k for k in keys if k != "id"]]
        if draw(st.integers(0, 9)) == 0:
            keys.append("notinthedocs")
        values = {
            k: (draw(TYPICAL[int]) if k == "id" else _if_taken(model, k, same))
            if mode == "same" and k in names
            else draw(
                (STRINGS if draw(st.integers(0, 59)) == 0 else _typical(model, k))
                if mode == "typical" and k in names
                else STRINGS
                if mode == "strings"
                else WIRE
            )
            for k in keys
        }
        pairs = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in values.items()]
        if keys and draw(st.integers(0, 9)) == 0:  # a key twice: which one wins must agree
            pairs.append(f"{json.dumps(keys[0])}: {json.dumps(draw(WIRE))}")
        records.append("{" + ", ".join(pairs) + "}")
    count = draw(st.sampled_from(['"3"', "3", '""', "null"]))
    return (
        f'{{"personid": "1", "status": "OK", "code": "200", "listcount": {count}, '
        f'"{resource}": [{", ".join(records)}]}}'
    ).encode()


def _general(content: bytes, resource: str) -> tuple[Any, tuple[Model, ...]] | str:
    """What the general path makes of a page: its listcount and models, or "refused"."""
    body = json.loads(content)
    try:
        return body.get("listcount"), tuple(structure(r, MODELS[resource]) for r in body[resource])
    except ValueError:
        return "refused"


def _exactly(record: Model) -> list[tuple[str, type, str]]:
    """Each field's name, type and repr: equal values of other types (1 == True) differ."""
    return [
        (f.name, type(v), repr(v))
        for f in attrs.fields(type(record))
        for v in [getattr(record, f.name)]
    ]


def assert_same(fast: tuple[Any, tuple[Model, ...]], general: object) -> None:
    assert general != "refused", "the fast path took a page the general path refuses"
    assert isinstance(general, tuple)
    assert fast[0] == general[0]
    assert len(fast[1]) == len(general[1])
    for mine, theirs in zip(fast[1], general[1], strict=True):
        assert type(mine) is type(theirs)
        assert mine == theirs and hash(mine) == hash(theirs)
        assert _exactly(mine) == _exactly(theirs) and dict(mine.extra) == dict(theirs.extra)


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), resource=st.sampled_from(LISTED))
def test_the_fast_path_equals_the_general_one(data: st.DataObject, resource: str) -> None:
    content = data.draw(pages(resource), label="page")
    fast = decode_page(content, resource, MODELS[resource])
    event("declined" if fast is None else f"taken, {len(fast[1])} records")
    if fast is not None:  # None: declined, and the general path decodes the page
        assert_same(fast, _general(content, resource))


def _required(sandbox: Sandbox, resource: str) -> dict[str, str]:
    spec = next(r for r in RESOURCES if r.name == resource)
    account = sandbox.accounts["demo"]
    return {
        f.name: str(min(account.table(f.name.removesuffix("id"))))
        for f in spec.filters
        if f.required
    }


@pytest.mark.anyio
async def test_the_fast_path_takes_every_page_the_sandbox_sends(
    sandbox: Sandbox, connect: Connect
) -> None:
    admin = connect()
    taken = 0
    for resource in LISTED:
        spec = next(r for r in RESOURCES if r.name == resource)
        params = _required(sandbox, resource) | ({"limit": "40"} if spec.filter("limit") else {})
        answer: httpx.Response = await admin.get(f"/{resource}/", params=params)
        assert answer.status_code == 200, (resource, answer.text)
        fast = decode_page(answer.content, resource, MODELS[resource])
        assert fast is not None, f"the fast path declined a /{resource}/ page of the sandbox"
        assert_same(fast, _general(answer.content, resource))
        taken += len(fast[1])
    assert taken > 200  # real pages, with records in them
