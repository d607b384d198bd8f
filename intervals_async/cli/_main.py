"""``intervals-async``: the sandbox server and the demo."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Any

import click

from ..sandbox import (
    AccountSpec,
    DataSize,
    Faults,
    Latency,
    Sandbox,
    SandboxConfig,
    WindowPolicy,
    serve,
)
from ..sandbox._serve import listen
from ._connect import EXIT_INTERRUPTED, fail
from ._demo import run_demo
from ._governor import governor_group
from ._jobs import collections_command, export_command, quota_command, sync_command

__all__ = ["main"]


class _Group(click.Group):
    """The command group, whose usage errors are one line (the usage is one ``--help`` away)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; a usage error is one line on stderr and exit code 2."""
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            fail("interrupted", EXIT_INTERRUPTED)
        except click.exceptions.NoArgsIsHelpError as error:
            # A command group given no command: its help is what was asked for, not an error.
            click.echo(error.format_message())
            return 0
        except click.ClickException as error:
            fail(error.format_message(), error.exit_code)


@click.group(cls=_Group)
@click.version_option(package_name="intervals-async")
def main() -> None:
    """The async SDK for the Intervals API: export, sync, quota and the sandbox.

    Exit codes: 0 done; 1 unexpected failure; 2 bad input; 3 stopped at the budget or the
    day's quota (run again to resume); 4 token or permission refused; 5 API, network or disk
    failure (fix it and run again to resume); 130 interrupted.
    """


main.add_command(collections_command)
main.add_command(export_command)
main.add_command(sync_command)
main.add_command(quota_command)
main.add_command(governor_group)


@main.group()
def sandbox() -> None:
    """The local fake of the Intervals API."""


@sandbox.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port (0: any free).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seeds data, latency, faults.")
@click.option("--size", default=1.0, show_default=True, type=float, help="Data size multiplier.")
@click.option(
    "--account",
    "accounts",
    multiple=True,
    default=("demo",),
    show_default=True,
    help="A customer account to host (repeat for several).",
)
@click.option("--unlimited", is_flag=True, help="Accounts are on the Unlimited plan (12,000/day).")
@click.option("--daily-limit", type=int, default=None, help="Override the plan's daily limit.")
@click.option(
    "--window-policy",
    type=click.Choice([p.value for p in WindowPolicy]),
    default="sliding",
    show_default=True,
    help="How the per-minute limit counts.",
)
@click.option("--per-minute", default=100, show_default=True, type=int, help="Requests per window.")
@click.option("--window", default=60.0, show_default=True, type=float, help="Window in seconds.")
@click.option("--suspension", default=60.0, show_default=True, type=float, help="Block seconds.")
@click.option("--max-limit", type=int, default=None, help="Server-side cap on page size.")
@click.option("--latency", default=0.0, show_default=True, type=float, help="Mean delay (s).")
@click.option("--jitter", default=0.0, show_default=True, type=float, help="Delay spread (s).")
@click.option(
    "--fault",
    "faults",
    multiple=True,
    metavar="KIND=RATE",
    help="Inject a fault: error, database, offline, drop, truncate, malformed or slow "
    "(e.g. --fault drop=0.01). Repeatable.",
)
@click.option("--slow-seconds", default=30.0, show_default=True, type=float)
@click.option("--access-log", is_flag=True, help="Print a line per request (on stderr).")
def serve_command(
    host: str,
    port: int,
    seed: int,
    size: float,
    accounts: tuple[str, ...],
    unlimited: bool,
    daily_limit: int | None,
    window_policy: str,
    per_minute: int,
    window: float,
    suspension: float,
    max_limit: int | None,
    latency: float,
    jitter: float,
    faults: tuple[str, ...],
    slow_seconds: float,
    access_log: bool,
) -> None:
    """Serve the sandbox over TCP; prints the base URL and a working token. Ctrl-C stops it."""
    rates: dict[str, float] = {}
    for item in faults:
        kind, _, rate = item.partition("=")
        if kind not in {f for f in Faults.__annotations__ if f != "slow_seconds"}:
            raise click.BadParameter(f"unknown fault {kind!r}", param_hint="--fault")
        try:
            rates[kind] = float(rate)
        except ValueError:
            raise click.BadParameter(f"{item!r} is not KIND=RATE", param_hint="--fault") from None
    try:
        config = SandboxConfig(
            seed=seed,
            accounts=[AccountSpec(a, unlimited, daily_limit) for a in accounts],
            size=DataSize.scaled(size),
            window_policy=WindowPolicy(window_policy),
            per_minute=per_minute,
            window=window,
            suspension=suspension,
            max_limit=max_limit,
            latency=Latency(latency, jitter),
            faults=Faults(**rates, slow_seconds=slow_seconds),
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if importlib.util.find_spec("uvicorn") is None:
        fail(
            "sandbox serve needs uvicorn, which comes with its extra: "
            "pip install 'intervals-async[server]'"
        )
    try:
        app = Sandbox(config)
        try:
            sock = listen(host, port)  # bound first: a busy port is one line, nothing printed
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        bound = sock.getsockname()[1]  # the real port, where --port 0 asked for any
        shown_host = f"[{host}]" if ":" in host else host
        url = f"http://{shown_host}:{bound}/"
        click.echo(f"Intervals sandbox on {url}")
        for name in app.accounts:
            click.echo(f"account {name}: token {app.token(name)} (Administrator)")
        click.echo(
            f"try: curl -u {app.token()}:X -H 'Accept: application/json' '{url}task/?limit=5'"
        )
        serve(app, host, bound, sock=sock, access_log=access_log)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a served sandbox is stopped: not an error
    click.echo("sandbox stopped", err=True)


@main.command("demo")
@click.option("--seed", default=0, show_default=True, type=int)
def demo_command(seed: int) -> None:
    """List seeded data through the embedded sandbox (no network, no token needed)."""
    run_demo(seed)
