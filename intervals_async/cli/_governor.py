"""``intervals-async governor status``: the shared state of the host (or the fleet), for free.

It reads the governor's store and nothing else: no request is sent, no quota spent, and it
works while other processes use the store.
"""

from __future__ import annotations

import contextlib
import json
import time
from datetime import UTC, datetime
from typing import Any

import anyio
import click

from .._client import base_url_setting
from ..governor import StoreStatus, open_store
from ..governor._default import server_of
from ._connect import emit_json, fail, governor_option, guarded

__all__ = ["governor_group"]


@click.group("governor")
def governor_group() -> None:
    """The rate governor's shared state."""


@governor_group.command("status")
@governor_option
@click.option(
    "--base-url",
    default=None,
    help="The API root whose per-host state to show (default: the real API's).",
)
@click.option("--watch", is_flag=True, help="Refresh every second until Ctrl-C.")
@click.option("--json", "as_json", is_flag=True, help="Print the state as JSON on stdout.")
@click.option("--debug", is_flag=True, help="Show the traceback of unexpected failures.")
def status_command(
    governor: str | None, base_url: str | None, watch: bool, as_json: bool, debug: bool
) -> None:
    """Each egress's window, each account's day and the processes waiting (spends nothing)."""
    try:
        store = open_store(governor, server=server_of(base_url_setting(base_url)))
    except ValueError as exc:
        fail(str(exc))

    async def read() -> StoreStatus:
        return await store.status(time.time())

    async def once() -> int:
        try:
            status = await read()
            if as_json:
                emit_json(as_json_dict(status))
            else:
                click.echo(render(status))
            return 0
        finally:
            await store.aclose()

    def watching() -> int:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends a watch: not a failure
            anyio.run(_watch, read, as_json)
        return 0

    guarded(watching if watch else lambda: anyio.run(once), debug=debug, resumable=False)


async def _watch(read: Any, as_json: bool) -> None:
    """Refresh each second until Ctrl-C."""
    if as_json:
        # One JSON document a line, for a program to follow.
        while True:
            click.echo(_json_line(as_json_dict(await read())))
            await anyio.sleep(1.0)
    from rich.live import Live
    from rich.text import Text

    with Live(Text(render(await read())), refresh_per_second=4, transient=False) as live:
        while True:
            await anyio.sleep(1.0)
            live.update(Text(render(await read())))


def _json_line(data: dict[str, Any]) -> str:
    return json.dumps(data, default=str, separators=(",", ":"))


def _at(epoch: float | None) -> str | None:
    if epoch is None or epoch <= 0:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def as_json_dict(status: StoreStatus) -> dict[str, Any]:
    """The status as plain JSON values (times as ISO 8601, UTC)."""
    return {
        "store": status.store,
        "at": _at(status.now),
        "egresses": [
            {
                "egress": e.name,
                "per_minute": e.per_minute,
                "window": e.window,
                "window_used": e.window_used,
                "window_free": e.window_free,
                "in_flight": e.in_flight,
                "next_slot_at": _at(max(e.next_slot_at, status.now)),
                "cooldown_until": _at(e.cooldown_until if e.cooldown_until > status.now else 0),
                "throttled": e.throttled,
            }
            for e in status.egresses
        ],
        "accounts": [
            {
                "account": a.name,
                "day_used": a.day_used,
                "day_limit": a.day_limit,
                "resets_at": _at(a.resets_at),
                "day_closed": a.day_closed,
                "synced_at": _at(a.synced_at),
            }
            for a in status.accounts
        ],
        "processes": [
            {
                "process": p.process,
                "egress": p.egress,
                "waiting": p.waiting,
                "seen_at": _at(p.seen_at),
                "expires_at": _at(p.expires_at),
            }
            for p in status.processes
        ],
        "waiting": status.waiting,
    }


def _in(seconds: float) -> str:
    if seconds <= 0:
        return "now"
    if seconds < 90:
        return f"in {seconds:.1f} s"
    minutes = round(seconds / 60)
    return f"in {minutes // 60} h {minutes % 60:02d} min"


def render(status: StoreStatus) -> str:
    """The status for a person."""
    now = status.now
    lines = [f"governor state: {status.store}"]
    if not status.egresses and not status.accounts:
        lines.append("  nothing yet: no request has passed through this store")
    for e in status.egresses:
        cooldown = (
            f"; cooling down after a code 12 until {_at(e.cooldown_until)} "
            f"({_in(e.cooldown_until - now)})"
            if e.cooldown_until > now
            else ""
        )
        lines.append(
            f"egress {e.name}: {e.window_used} of {e.per_minute} used in {e.window:g} s, "
            f"{e.window_free} free, {e.in_flight} in flight; next slot {_in(e.next_slot_at - now)}"
            f"{cooldown}; {e.throttled} code 12 seen"
        )
    for a in status.accounts:
        closed = " (closed by a code 11)" if a.day_closed else ""
        lines.append(
            f"account {a.name}: {a.day_used} of {a.day_limit} used today{closed}; "
            f"resets {_at(a.resets_at)} ({_in(a.resets_at - now)})"
        )
    hosts = {p.process for p in status.processes}
    lines.append(f"processes: {len(hosts)}, {status.waiting} requests waiting")
    for p in status.processes:
        lines.append(
            f"  {p.process}  egress {p.egress}  waiting {p.waiting}  "
            f"seen {max(0.0, now - p.seen_at):.1f} s ago"
        )
    return "\n".join(lines)
