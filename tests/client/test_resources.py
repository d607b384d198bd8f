"""Every resource, verb and filter of the spec is reachable through the client's namespaces."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, get_type_hints

import pytest

from intervals_async import APIError, IntervalsClient
from intervals_async.models import MODELS, Page
from intervals_async.resources import RESOURCES, Kind, Resource, resource
from intervals_async.resources._namespaces import verbs_of
from intervals_async.resources._typed import NAMESPACES
from intervals_async.sandbox import Sandbox

from ..conftest import Api
from .test_spec_swagger import _operations

pytestmark = pytest.mark.anyio

_SPECIAL = {"me", "quota"}  # client.me.get() and client.quota()


def test_namespaces_offer_exactly_the_tables_verbs() -> None:
    for spec in RESOURCES:
        if spec.name in _SPECIAL:
            continue
        offered = verbs_of(NAMESPACES[spec.name])
        expected = {("collection", v) for v in spec.collection} | {
            ("member", v) for v in spec.member
        }
        assert offered == expected, spec.name
        namespace = NAMESPACES[spec.name]
        assert hasattr(namespace, "delete") == ("DELETE" in spec.member), spec.name
        assert namespace.model is MODELS[spec.name]


def test_client_declares_one_namespace_per_resource() -> None:
    # The hints name classes of the defining module (``__module__`` says the package).
    hints = get_type_hints(IntervalsClient)
    declared = {name: hint for name, hint in hints.items() if name in NAMESPACES}
    assert set(declared) == {r.name for r in RESOURCES} - {"quota"}
    for name, hint in declared.items():
        assert hint is NAMESPACES[name], name


def _sample(kind: Kind, today: dt.date) -> Any:
    return {
        Kind.INT: 1,
        Kind.DECIMAL: Decimal("1.5"),
        Kind.BOOL: True,
        Kind.STR: "x",
        Kind.DATE: today,
        Kind.DATETIME: dt.datetime.combine(today, dt.time(8)),
    }[kind]


def _required(spec: Resource, today: dt.date) -> dict[str, Any]:
    return {f.name: _sample(f.kind, today) for f in spec.filters if f.required}


# Answers that prove the call reached the resource: success, or a refusal about the data
# (no record 1, a reference that does not exist), never about the call itself.
_REACHED_CODES = {14, 18}


async def _reach(sandbox: Sandbox, call: Any) -> tuple[str, str, int]:
    before = len(sandbox.audit)
    code = None
    try:
        await call
    except APIError as error:
        code = error.code
    assert code is None or code in _REACHED_CODES, code
    entries = sandbox.audit.since(before)
    assert len(entries) == 1, entries
    return entries[0].method, entries[0].path, entries[0].status


async def test_every_swagger_path_verb_and_filter_is_reachable(
    auto_sandbox: Sandbox, api: Api
) -> None:
    client = api(auto_sandbox, cache=False)  # every call must reach the sandbox
    today = dt.date(2026, 1, 5)
    reached: set[tuple[str, str]] = set()
    for path, verb, name, scope, op in _operations():
        spec = resource(name)
        assert spec is not None
        first = next(iter(auto_sandbox.accounts["demo"].table(name)), None) or 1
        namespace: Any = getattr(client, name, None)
        if scope == "download":
            call: Any = client.document.download(first)
        elif name == "quota":
            call = client.quota()
        elif name == "me":
            call = client.me.get(None if scope == "collection" else first)
        elif (scope, verb) == ("collection", "GET"):
            for param in op.get("parameters", []):
                if param["in"] != "query":
                    continue
                found = spec.filter(param["name"])
                assert found is not None
                filters = {**_required(spec, today), found.name: _sample(found.kind, today)}
                if found.name == "sortdir":
                    filters["sortdir"] = "DESC"
                if found.name == "sortfield":
                    filters["sortfield"] = spec.sortfields[-1]
                if name == "tasknote":
                    filters["taskid"] = next(iter(auto_sandbox.accounts["demo"].table("task")))
                method, _, _ = await _reach(auto_sandbox, namespace.list(**filters))
                assert method == "GET"
            call = namespace.list(**_required(spec, today))
        elif (scope, verb) == ("member", "GET"):
            call = namespace.get(first)
        elif (scope, verb) == ("collection", "POST"):
            fields = {f.name: _sample(f.kind, today) for f in spec.fields if f.required}
            call = namespace.create(**fields)
        elif (scope, verb) == ("member", "PUT"):
            field = next(f for f in spec.fields if not f.read_only)
            call = namespace.update(first, **{field.name: _sample(field.kind, today)})
        else:
            assert (scope, verb) == ("member", "DELETE")
            call = namespace.delete(first)
        method, served, _ = await _reach(auto_sandbox, call)
        assert method == verb
        assert served.split("?")[0].strip("/").split("/")[0] == name
        reached.add((path, verb))
    assert len(reached) == len(_operations())


async def test_every_resource_decodes_into_its_model(auto_sandbox: Sandbox, api: Api) -> None:
    """List and get every readable resource of the seeded account: every field decodes."""
    client = api(auto_sandbox)
    account = auto_sandbox.accounts["demo"]
    for spec in RESOURCES:
        if spec.name in _SPECIAL or "GET" not in spec.collection:
            continue
        namespace: Any = getattr(client, spec.name)
        records = list(account.table(spec.name).values())
        # Required filters (invoiceid of invoice items...) take the first record's value.
        filters = {f.name: records[0][f.name] for f in spec.filters if f.required}
        if spec.name == "tasknote":  # without taskid, only the last 7 days of notes are listed
            filters["taskid"] = [r["taskid"] for r in records]
        page = await namespace.list(**filters)
        assert isinstance(page, Page)
        assert page.items, spec.name
        assert all(isinstance(item, MODELS[spec.name]) for item in page.items)
        if "GET" in spec.member:
            one = await namespace.get(page.items[0].id)
            assert one.id == page.items[0].id
    me = await client.me.get()
    assert me.group == "Administrator"
    quota = await client.quota()
    assert quota.quota == 6000
