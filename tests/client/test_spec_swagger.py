"""Walk the official Swagger files: every path, verb, group, filter, field and sort field is in
the table and served.

Reads ``../shared/spec/intervals-swagger-v1.yaml`` and the newer ``-v1.1.yaml``, the newer file
winning where they differ; skipped where they are absent.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

import httpx
import pytest
import yaml

from intervals_async import VirtualClock
from intervals_async.resources import RESOURCES, Group, Kind, resource
from intervals_async.sandbox import Sandbox

from ..conftest import Connect, api_error, spec_file

pytestmark = pytest.mark.anyio

_GROUP_NAMES = {g.value: g for g in Group}
_KINDS = {
    ("integer", None): Kind.INT,
    ("boolean", None): Kind.BOOL,
    ("string", None): Kind.STR,
    ("string", "date"): Kind.DATE,
    ("string", "date-time"): Kind.DATETIME,
    ("number", "double"): Kind.DECIMAL,
}
# What the newer documentation pages changed (see the table's "# newer docs" notes).
_NEWER_DOCS_GROUPS = {("projectteam", "collection", "GET"): frozenset(Group)}


def _load(name: str) -> dict[str, Any]:
    with spec_file(name).open() as f:
        loaded: dict[str, Any] = yaml.safe_load(f)
    return loaded


@functools.cache
def _swagger() -> dict[str, Any]:
    """Swagger 1 with Swagger 1.1 laid over it: per path and verb, per definition."""
    old, new = _load("intervals-swagger-v1.yaml"), _load("intervals-swagger-v1.1.yaml")
    assert (old["info"]["version"], new["info"]["version"]) == ("1", "1.1")
    paths = {path: dict(verbs) for path, verbs in old["paths"].items()}
    for path, verbs in new["paths"].items():
        paths.setdefault(path, {}).update(verbs)
    return {"paths": paths, "definitions": {**old["definitions"], **new["definitions"]}}


def _sortfields(description: str) -> set[str]:
    """``Sort the list by any of the following fields: id, status (returns ...), and x.``"""
    listed = description.split("following fields:")[1]
    listed = re.sub(r"\([^)]*\)", "", listed).strip().rstrip(".")
    names = (n.strip().removeprefix("and ").strip() for n in listed.split(","))
    return {n for n in names if n}


def _groups(description: str | None) -> frozenset[Group]:
    found = re.search(r"Available to (.*) user levels", description or "")
    names = [n.strip() for n in found.group(1).split(",")] if found else []
    names = [n for n in names if n]
    return frozenset(_GROUP_NAMES[n] for n in names) if names else frozenset(Group)


def _operations() -> list[tuple[str, str, str, str, dict[str, Any]]]:
    """(path, verb, resource, scope, operation) for every operation of the Swagger file."""
    ops = []
    for path, verbs in _swagger()["paths"].items():
        parts = [p for p in path.split("/") if p]
        scope = "collection" if len(parts) == 1 else "member" if len(parts) == 2 else "download"
        for verb, op in verbs.items():
            ops.append((path, verb.upper(), parts[0], scope, op))
    return ops


def test_table_has_the_34_documented_resources() -> None:
    names = [r.name for r in RESOURCES]
    assert len(names) == 34 == len(set(names))
    assert names == sorted(names)


def test_every_swagger_operation_filter_and_field_is_in_the_table() -> None:
    swagger = _swagger()
    for path, verb, name, scope, op in _operations():
        spec = resource(name)
        assert spec is not None, path
        if scope == "download":
            assert "GET" in spec.member
            continue
        verbs = spec.collection if scope == "collection" else spec.member
        assert verb in verbs, (path, verb)
        expected = _NEWER_DOCS_GROUPS.get((name, scope, verb), _groups(op.get("description")))
        assert verbs[verb] == expected, (path, verb)
        for param in op.get("parameters", []):
            if param["in"] != "query":
                continue
            declared = spec.filter(param["name"])
            assert declared is not None, (path, param["name"])
            assert declared.kind is _KINDS[(param["type"], param.get("format"))]
            assert declared.required == bool(param.get("required")), (path, param["name"])
            assert declared.csv == ("CSV" in param.get("description", "")), (path, param["name"])
            if param["name"] == "sortfield":
                # Swagger 1.1 spells one "projectabel_order": the table takes it beside the
                # "projectlabel_order" the task rows carry
                listed = _sortfields(param["description"])
                extra = set(spec.sortfields) - listed
                assert listed <= set(spec.sortfields), (path, listed - set(spec.sortfields))
                assert extra <= {"projectlabel_order"}, (path, extra)
    for name, definition in swagger["definitions"].items():
        spec = resource(name)
        assert spec is not None
        required = set(definition.get("required", []))
        for field_name, field in definition["properties"].items():
            settable = spec.field(field_name)
            assert settable is not None, (name, field_name)
            assert settable.kind is _KINDS[(field["type"], field.get("format"))]
            assert settable.required == (field_name in required)
            assert settable.max_length == field.get("maxLength")


def test_the_table_has_no_verb_the_swagger_file_lacks() -> None:
    ops = {(name, scope, verb) for _, verb, name, scope, _ in _operations()}
    for spec in RESOURCES:
        for scope, verbs in (("collection", spec.collection), ("member", spec.member)):
            for verb in verbs:
                assert (spec.name, scope, verb) in ops, (spec.name, scope, verb)


def _sample(kind: Kind, csv: bool) -> str:
    return {
        Kind.INT: "1,2" if csv else "1",
        Kind.BOOL: "t",
        Kind.DATE: date(2026, 1, 5).isoformat(),
        Kind.DATETIME: "2026-01-05 09:00:00",
        Kind.STR: "a",
        Kind.DECIMAL: "1.5",
    }[kind]


async def _existing_id(admin: httpx.AsyncClient, name: str, sandbox: Sandbox) -> int:
    if name == "me":
        personid: int = (await admin.get("/me/")).json()["personid"]
        return personid
    table = next(iter(sandbox.accounts.values())).table(name)
    return min(table) if table else 999_999_999


async def test_sandbox_serves_every_swagger_path_verb_and_filter(
    sandbox: Sandbox, clock: VirtualClock, connect: Connect
) -> None:
    admin = connect()

    async def pace(request: httpx.Request) -> None:
        clock.advance(0.7)  # under 100 a minute: stay under the limit this test is not about

    admin.event_hooks["request"].append(pace)
    for path, verb, name, scope, op in _operations():
        if verb != "GET":
            # writes are exercised per resource in test_sandbox_writes; here: routed, not 13/15/16
            url = path.replace("{id}", "999999999")
            response = await admin.request(verb, url, json={})
            assert api_error(response)[1] not in (13, 15, 16), (verb, url, response.text)
            continue
        ident = await _existing_id(admin, name, sandbox)
        url = path.replace("{id}", str(ident)).replace("{documentid}", str(ident))
        params: dict[str, str] = {}
        if scope == "collection":
            for param in op.get("parameters", []):
                if param["in"] == "query" and param.get("required"):
                    spec = resource(name)
                    assert spec is not None
                    declared = spec.filter(param["name"])
                    assert declared is not None
                    params[param["name"]] = str(await _first_parent(sandbox, param["name"]))
        response = await admin.get(url, params=params)
        assert response.status_code == 200, (url, response.text)
        if scope != "collection":
            continue
        # each filter alone, with a value of its declared type, is understood (no code 17/18)
        for param in op.get("parameters", []):
            if param["in"] != "query" or param["name"] in params:
                continue
            spec = resource(name)
            assert spec is not None
            declared = spec.filter(param["name"])
            assert declared is not None
            value = _sample(declared.kind, declared.csv)
            if param["name"] == "sortfield":
                value = spec.sortfields[0]
            elif param["name"] == "sortdir":
                value = "DESC"
            elif param["name"] == "tasklistfilterid":
                value = str(await _existing_id(admin, "tasklistfilter", sandbox))
            response = await admin.get(url, params={**params, param["name"]: value})
            assert response.status_code == 200, (url, param["name"], response.text)
            assert name in response.json()


async def _first_parent(sandbox: Sandbox, filter_name: str) -> int:
    target = {
        "contacttypeid": "contacttype",
        "invoiceid": "invoice",
        "milestoneid": "milestone",
        "personid": "person",
        "projectid": "project",
    }[filter_name]
    return min(next(iter(sandbox.accounts.values())).table(target))


async def test_paths_work_with_and_without_the_trailing_slash(connect: Connect) -> None:
    admin = connect()
    for path in ("/task", "/task/", "/me", "/me/", "/quota", "/quota/"):
        assert (await admin.get(path)).status_code == 200, path
