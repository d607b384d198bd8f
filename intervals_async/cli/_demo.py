"""The demo: a short tour of seeded data through the in-process sandbox."""

from __future__ import annotations

import html
from typing import Any

import anyio
import click
import httpx

from ..sandbox import Sandbox, SandboxConfig

__all__ = ["run_demo"]


async def _tour(seed: int) -> None:
    sandbox = Sandbox(SandboxConfig(seed=seed))
    async with httpx.AsyncClient(
        transport=sandbox.transport(),
        base_url="https://api.sandbox.invalid/",
        auth=(sandbox.token(), "X"),
        headers={"Accept": "application/json"},
    ) as http:

        async def get(path: str, **params: Any) -> Any:
            response = await http.get(path, params=params)
            response.raise_for_status()
            return response.json()

        me = (await get("/me/"))["me"][0]
        click.echo(f"Signed in as {me['firstname']} {me['lastname']} ({me['group']})")
        projects = await get("/project/", limit=5, active="t")
        click.echo(f"\nActive projects ({projects['listcount']} in all, first 5):")
        for p in projects["project"]:
            name, client = html.unescape(p["name"]), html.unescape(p["client"] or "")
            click.echo(f"  #{p['localid']:>3}  {name:<24} {client}")
        tasks = await get("/task/", limit=5, excludeclosed="t", sortfield="datedue")
        click.echo(f"\nOpen tasks ({tasks['listcount']} in all, first 5):")
        for t in tasks["task"]:
            click.echo(f"  #{t['localid']:>3}  {html.unescape(t['title']):<32} {t['status']}")
        time = await get("/time/", limit=5, sortfield="t.date", sortdir="DESC")
        click.echo(f"\nLatest time entries ({time['listcount']} in all):")
        for e in time["time"]:
            click.echo(f"  {e['date']}  {e['time']:>5} h  {html.unescape(e['project'])}")
        quota = (await get("/quota/"))["quota"]
        click.echo(
            f"\nQuota: {quota['used']} of {quota['quota']} requests used today; "
            f"resets {quota['next_reset']} GMT"
        )


def run_demo(seed: int = 0) -> None:
    """Run the tour on asyncio."""
    anyio.run(_tour, seed)
