"""``intervals-async export``, ``sync`` and ``quota``."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import click

from .._validate import suggest
from .._wire import parse_bool
from ..export import (
    Export,
    ExportPlan,
    ExportResult,
    Format,
    Mirror,
    ResourceSync,
    SyncResult,
)
from ..resources import RESOURCES, Kind, resource
from ._connect import (
    EXIT_BUDGET,
    Connection,
    connection_options,
    emit_json,
    fail,
    guarded,
)
from ._progress import ProgressDisplay

__all__ = ["collections_command", "export_command", "quota_command", "sync_command"]


def _filters(items: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """``RESOURCE.FILTER=VALUE`` options as filters by resource (values as the table types them)."""
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        target, eq, value = item.partition("=")
        name, dot, key = target.partition(".")
        if not eq or not dot or not name or not key:
            fail(f"--filter {item!r} is not RESOURCE.FILTER=VALUE (e.g. time.datebegin=2026-01-01)")
        spec = resource(name)
        if spec is None:
            known = [r.name for r in RESOURCES]
            fail(f"--filter {item!r}: the API has no resource {name!r}{suggest(name, known)}")
        field = spec.filter(key)
        if field is None:
            known = [f.name for f in spec.filters]
            fail(f"--filter {item!r}: {name} has no filter {key!r}{suggest(key, known)}")
        parsed: Any = value
        if field.kind is Kind.BOOL:
            try:
                parsed = parse_bool(value)  # the wire's own spellings: t/f, true/false, 1/0...
            except ValueError:
                fail(f"--filter {item!r}: {key} takes true or false")
        elif field.csv and "," in value:
            parsed = value.split(",")
        found.setdefault(name, {})[key] = parsed
    return found


def _collections() -> list[str]:
    """The collections one may name to export or sync."""
    return [r.name for r in RESOURCES if r.listed]


def _complete_collections(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    return [
        click.shell_completion.CompletionItem(name)
        for name in _collections()
        if name.startswith(incomplete)
    ]


@click.command("collections")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON on stdout.")
def collections_command(as_json: bool) -> None:
    """List the collections one may export or sync, and the filters each one needs."""
    needs: dict[str, list[str]] = {}
    for name in _collections():
        spec = resource(name)
        assert spec is not None
        needs[name] = [f.name for f in spec.filters if f.required]
    if as_json:
        emit_json([{"name": name, "needs": filters} for name, filters in needs.items()])
        return
    width = max(map(len, needs))
    for name, filters in needs.items():
        hint = f"needs --filter {name}.{filters[0]}=..." if filters else ""
        click.echo(f"{name:<{width}}  {hint}".rstrip())


def _requests(n: int) -> str:
    return f"{n} request" if n == 1 else f"{n} requests"


def _until(when: datetime | None) -> str:
    if when is None:
        return "the next 00:00 GMT"
    minutes = max(0, math.ceil((when - datetime.now(UTC)).total_seconds() / 60))
    return f"{when:%Y-%m-%d %H:%M} GMT (in {minutes // 60} h {minutes % 60:02d} min)"


def _announce(plan: ExportPlan) -> None:
    records = sum(p.listcount or 0 for p in plan.resources)
    written = sum(p.written for p in plan.resources)
    left = "" if plan.quota_left is None else f"; {plan.quota_left} of today's quota left"
    resumed = f" (resuming: {written} written earlier)" if written else ""
    # Collections the API does not page come whole in one request: their size is not asked.
    some = "at least " if any(p.listcount is None for p in plan.resources) else ""
    click.echo(
        f"export: {len(plan.resources)} collections, {some}{records} records{resumed}: "
        f"{plan.requests} requests at {plan.page_size} per page "
        f"({plan.planning} spent planning){left}",
        err=True,
    )
    if not plan.fits:
        click.echo(
            f"export: today's quota will not cover it: the export stops when it runs out; "
            f"run it again after {_until(plan.resets_at)} to finish",
            err=True,
        )


def _plan_json(plan: ExportPlan) -> dict[str, Any]:
    return {
        "requests": plan.requests,
        "planning": plan.planning,
        "page_size": plan.page_size,
        "quota_left": plan.quota_left,
        "resets_at": plan.resets_at,
        "collections": {
            p.resource: {"listcount": p.listcount, "written": p.written, "requests": p.requests}
            for p in plan.resources
        },
    }


@click.command("export")
@click.argument("resources", nargs=-1, shell_complete=_complete_collections)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("intervals-export"),
    show_default=True,
    help="The output directory (the checkpoint lives there too).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice([f.value for f in Format]),
    default="jsonl",
    show_default=True,
    help="One JSONL or CSV file per collection, or one SQLite file.",
)
@click.option(
    "--filter",
    "filters",
    multiple=True,
    metavar="RESOURCE.FILTER=VALUE",
    help="An API filter, e.g. time.datebegin=2026-01-01 (repeatable).",
)
@click.option("--page-size", default=500, show_default=True, type=click.IntRange(1))
@click.option("--concurrency", default=4, show_default=True, type=click.IntRange(1))
@click.option("--max-requests", type=click.IntRange(0), help="Stop after this many requests.")
@click.option(
    "--reserve", default=0, type=click.IntRange(0), help="Leave this many of today's requests."
)
@click.option(
    "--wait-for-reset", is_flag=True, help="When the day's quota is spent, wait for 00:00 GMT."
)
@click.option("--restart", is_flag=True, help="Start over, replacing an earlier checkpoint.")
@click.option("--plan", "plan_only", is_flag=True, help="Only say what it would cost.")
@connection_options
def export_command(
    connection: Connection,
    resources: tuple[str, ...],
    out: Path,
    format_: str,
    filters: tuple[str, ...],
    page_size: int,
    concurrency: int,
    max_requests: int | None,
    reserve: int,
    wait_for_reset: bool,
    restart: bool,
    plan_only: bool,
    as_json: bool,
    debug: bool,
) -> None:
    """Export RESOURCES (default: all the account can read) to files, resumably.

    Run the same command again after any stop (a budget, the day's quota, a crash) and it goes
    on from its checkpoint; the files then hold every record exactly once.
    """
    by_resource = _filters(filters)

    async def run() -> int:
        async with connection.client(
            page_size=page_size, concurrency=concurrency, wait_for_reset=wait_for_reset
        ) as client:
            job = Export(
                client,
                out,
                resources=list(resources) or None,
                filters=by_resource,
                format=format_,
                restart=restart,
            )
            if plan_only:
                plan = await job.plan()
                _announce(plan)  # on stderr, --json or not
                if as_json:
                    emit_json({"plan": _plan_json(plan)})
                return 0
            # Said as the run starts (its first moment comes before its first page: the first
            # pages are the probes, so there is no cost to wait for).
            which = ", ".join(resources) or "every collection the token's user can read"
            start = (
                f"export: {which} to {out} ({format_}), a request per {page_size} records "
                "(--plan says how many first)"
            )
            with ProgressDisplay(start=start) as display:
                result = await job.run(max_requests=max_requests, reserve=reserve, progress=display)
            _report(result, as_json)
            return 0 if result.complete else EXIT_BUDGET

    guarded(lambda: anyio.run(run), debug=debug)


def _report(result: ExportResult, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "complete": result.complete,
                "stopped": result.stopped,
                "requests": result.requests,
                "records": dict(result.records),
                "files": [str(f) for f in result.files],
                "resets_at": result.resets_at,
            }
        )
    total = sum(result.records.values())
    where = sorted({str(f.parent) for f in result.files})
    click.echo(
        f"export: {total} records in {len(result.records)} collections; "
        f"{_requests(result.requests)}",
        err=True,
    )
    if result.complete:
        click.echo(
            f"done: the files are in {', '.join(where) or 'nowhere (nothing to export)'}",
            err=as_json,  # stdout holds the JSON alone
        )
    elif result.stopped == "budget":
        click.echo("stopped at the budget; run the same command again to go on", err=True)
    else:
        click.echo(
            f"stopped: today's quota is spent; run the same command again after "
            f"{_until(result.resets_at)} (or with --wait-for-reset)",
            err=True,
        )


@click.command("sync")
@click.argument("resources", nargs=-1, shell_complete=_complete_collections)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("intervals-mirror.sqlite"),
    show_default=True,
    help="The mirror's SQLite file.",
)
@click.option(
    "--overlap",
    default=600.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds before the watermark to read again.",
)
@click.option(
    "--refresh-after",
    default=86_400.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds after which slow-changing collections are read whole again.",
)
@click.option("--full", is_flag=True, help="Read every collection whole (finds every deletion).")
@click.option("--page-size", default=500, show_default=True, type=click.IntRange(1))
@connection_options
def sync_command(
    connection: Connection,
    resources: tuple[str, ...],
    db: Path,
    overlap: float,
    refresh_after: float,
    full: bool,
    page_size: int,
    as_json: bool,
    debug: bool,
) -> None:
    """Bring a local SQLite mirror of the account up to date (the first run reads everything)."""

    async def run() -> int:
        async with connection.client(page_size=page_size) as client:
            mirror = Mirror(
                client,
                db,
                resources=list(resources) or None,
                overlap=overlap,
                refresh_after=refresh_after,
            )
            result = await mirror.sync(full=full, progress=_sync_line)
        _sync_report(db, result, as_json)
        return 0

    guarded(lambda: anyio.run(run), debug=debug)


def _sync_report(db: Path, result: SyncResult, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "mirror": str(db),
                "requests": result.requests,
                "collections": [
                    {
                        "resource": r.resource,
                        "mode": r.mode,
                        "upserted": r.upserted,
                        "deleted": r.deleted,
                        "requests": r.requests,
                    }
                    for r in result.resources
                ],
            }
        )
    cached = sum(r.mode == "cached" for r in result.resources)
    click.echo(
        f"done: {db} is up to date; {_requests(result.requests)}"
        + (f" ({cached} collections fresh enough to skip)" if cached else ""),
        err=as_json,  # stdout holds the JSON alone
    )


def _sync_line(part: ResourceSync) -> None:
    """One line on stderr per collection as it is done (the cached ones say nothing)."""
    if part.mode != "cached":
        click.echo(
            f"sync: {part.resource:<16} {part.mode:<9} {part.upserted:>7} upserted "
            f"{part.deleted:>5} deleted {part.requests:>5} requests",
            err=True,
        )


@click.command("quota")
@connection_options
def quota_command(connection: Connection, as_json: bool, debug: bool) -> None:
    """Today's quota: used, left, and when it resets (asking costs no quota)."""

    async def run() -> int:
        async with connection.client() as client:
            quota = await client.quota()
        left = None if quota.quota is None or quota.used is None else quota.quota - quota.used
        reset = quota.resets_at
        if as_json:
            emit_json({"quota": quota.quota, "used": quota.used, "left": left, "resets_at": reset})
        else:
            click.echo(
                f"{quota.used} of {quota.quota} requests used today, {left} left; "
                f"resets at {_until(reset)}"
            )
        return 0

    guarded(lambda: anyio.run(run), debug=debug, resumable=False)
