"""The fast decode of a page equals the general one (``json.loads``, then the converter record by
record) on every model, for any wire value; and it takes the pages the API really sends."""

from __future__ import annotations

import json
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

from ..conftest import Connect
from ..strategies import pages

LISTED = [r.name for r in RESOURCES if r.listed]


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
