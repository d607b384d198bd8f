"""The demo: a short tour of seeded data, through the client and the in-process sandbox."""

from __future__ import annotations

import anyio
import click

from .._client import IntervalsClient
from ..sandbox import Sandbox, SandboxConfig
from ._connect import SANDBOX_URL, embedded_governor

__all__ = ["run_demo"]


async def _tour(seed: int) -> None:
    sandbox = Sandbox(SandboxConfig(seed=seed))
    async with IntervalsClient(
        sandbox.token(),
        base_url=SANDBOX_URL,
        transport=sandbox.transport(),
        governor=embedded_governor(),
    ) as client:
        me = await client.me.get()
        click.echo(f"Signed in as {me.firstname} {me.lastname} ({me.group})")
        projects = await client.project.list(limit=5, active=True)
        click.echo(f"\nActive projects ({projects.listcount} in all, first 5):")
        for p in projects.items:
            click.echo(f"  #{p.localid:>3}  {p.name or '':<24} {p.client or ''}")
        tasks = await client.task.list(limit=5, excludeclosed=True, sortfield="datedue")
        click.echo(f"\nOpen tasks ({tasks.listcount} in all, first 5):")
        for t in tasks.items:
            click.echo(f"  #{t.localid:>3}  {t.title or '':<32} {t.status}")
        entries = await client.time.list(limit=5, sortfield="t.date", sortdir="DESC")
        click.echo(f"\nLatest time entries ({entries.listcount} in all):")
        for e in entries.items:
            click.echo(f"  {e.date}  {e.time!s:>5} h  {e.project}")
        hours = sum([e.time or 0 async for e in client.time.iterate()], start=0)
        click.echo(f"\nAll {entries.listcount} entries, one request per 500: {hours} h in all")
        quota = await client.quota()
        click.echo(
            f"\nQuota: {quota.used} of {quota.quota} requests used today; "
            f"resets {quota.next_reset} GMT"
        )


def run_demo(seed: int = 0) -> None:
    """Run the tour on asyncio."""
    anyio.run(_tour, seed)
