"""What every command that talks to the API shares: the token, the sandbox, errors, exit codes.

Exit codes (documented in ``docs/cli.md``):

- 0: done.
- 1: an unexpected failure (a bug: please report it; ``--debug`` shows the traceback).
- 2: bad input: unknown resource or filter, bad date, unwritable output, no token.
- 3: stopped early at the budget (``--max-requests``, ``--reserve``) or the day's quota; the
  checkpoint stands, so the same command later resumes.
- 4: the API refused the token or its permissions.
- 5: the API or the network failed (after the retries); the same command resumes.
- 130: interrupted (Ctrl-C); the same command resumes.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .._client import IntervalsClient, base_url_setting
from .._exceptions import (
    AuthenticationError,
    IntervalsError,
    InvalidParameter,
    PermissionDenied,
    StoreError,
)
from ..export import ExportError, OutputError
from ..governor import MemoryStore, RateGovernor, open_store
from ..governor._default import server_of

__all__ = [
    "EXIT_API",
    "EXIT_AUTH",
    "EXIT_BAD_INPUT",
    "EXIT_BUDGET",
    "EXIT_INTERRUPTED",
    "SANDBOX_URL",
    "Connection",
    "connection_options",
    "embedded_governor",
    "emit_json",
    "fail",
    "governor_option",
    "guarded",
    "show_logs",
]

EXIT_BAD_INPUT = 2
EXIT_BUDGET = 3
EXIT_AUTH = 4
EXIT_API = 5
EXIT_INTERRUPTED = 130

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    click.echo(f"intervals-async: error: {message}", err=True)
    sys.exit(code)


class _Stderr(logging.Handler):
    """Log records as ``intervals-async: warning: ...`` lines on the stderr of the moment (a live
    progress bar redirects it, and then prints them above itself)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(
                f"intervals-async: {record.levelname.lower()}: {record.getMessage()}", err=True
            )
        except Exception:  # pragma: no cover - logging must never fail the command
            self.handleError(record)


def show_logs(verbosity: int) -> None:
    """Print the SDK's log records on stderr: warnings (a code 12, say) always, errors only
    with ``verbosity`` < 0 (``--quiet``), retries, long waits and quota syncs too with
    ``verbosity`` > 0 (``--verbose``)."""
    logger = logging.getLogger("intervals_async")
    logger.handlers = [h for h in logger.handlers if not isinstance(h, _Stderr)]
    logger.addHandler(_Stderr())
    logger.setLevel(
        logging.ERROR if verbosity < 0 else logging.INFO if verbosity else logging.WARNING
    )
    logger.propagate = False


def governor_option(command: F) -> F:
    """``--governor SETTING``: where the governor's state lives (see ``docs/governor.md``)."""
    return click.option(
        "--governor",
        "governor",
        default=None,
        metavar="SETTING",
        help="Where the rate governor's state lives: host (default: one file shared by this "
        "host's processes), memory, sqlite:///PATH or redis://... "
        "(default: the INTERVALS_GOVERNOR variable, else host).",
    )(command)


SANDBOX_URL = "https://api.sandbox.invalid/"  # the embedded sandbox's root (never resolved)


def embedded_governor() -> RateGovernor:
    """The governor for a sandbox embedded in this process: it is born with the process, so no
    other program shares its window or its day. Its state is in memory (the host's file keeps
    the real API's), and it knows the window is empty: a short job goes at once."""
    return RateGovernor(store=MemoryStore(seen_since=time.time()))


class Connection:
    """How to reach the API: a real account (token from a file or ``INTERVALS_TOKEN``) or the
    embedded sandbox, and which governor state to keep."""

    def __init__(
        self,
        *,
        token_file: Path | None,
        sandbox: bool,
        base_url: str | None,
        account: str,
        governor: str | None = None,
    ) -> None:
        self.token_file = token_file
        self.sandbox = sandbox
        self.base_url = base_url
        self.account = account
        self.governor = governor

    def _governor(self) -> RateGovernor:
        """The governor the settings name; for the embedded sandbox, unless told otherwise,
        `embedded_governor()`."""
        try:
            if self.sandbox and self.governor is None:
                return embedded_governor()
            root = SANDBOX_URL if self.sandbox else base_url_setting(self.base_url)
            return RateGovernor(store=open_store(self.governor, server=server_of(root)))
        except ValueError as exc:
            fail(str(exc))

    def _token(self) -> str:
        if self.token_file is not None:
            try:
                token = self.token_file.read_text("utf-8").strip()
            except OSError as exc:
                fail(f"cannot read the token file {self.token_file}: {exc.strerror}")
            if not token:
                fail(f"the token file {self.token_file} is empty")
            return token
        token = os.environ.get("INTERVALS_TOKEN", "").strip()
        if not token:
            fail("no API token: set INTERVALS_TOKEN or give --token-file (or try --sandbox)")
        return token

    @contextlib.asynccontextmanager
    async def client(self, **options: Any) -> AsyncIterator[IntervalsClient]:
        """A client on the real API or on a fresh embedded sandbox."""
        if self.sandbox:
            from ..sandbox import Sandbox, SandboxConfig

            # Seeded as of today's 00:00 GMT: every process of the day sees the same records, so
            # a resumed export or a second sync meets the data the first run met.
            today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
            app = Sandbox(SandboxConfig(seed=0, seeded_at=today.timestamp()))
            client = IntervalsClient(
                app.token(),
                base_url=SANDBOX_URL,
                transport=app.transport(),
                account=self.account,
                governor=self._governor(),
                **options,
            )
        else:
            try:
                client = IntervalsClient(
                    self._token(),
                    base_url=base_url_setting(self.base_url),
                    account=self.account,
                    governor=self._governor(),
                    **options,
                )
            except ValueError as exc:
                fail(str(exc))
        try:
            async with client:
                yield client
        finally:
            if isinstance(client.governor, RateGovernor):
                await client.governor.aclose()


def connection_options(command: F) -> F:
    """The options of every command that talks to the API, passed as ``connection``."""

    @click.option(
        "--token-file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Read the API token from this file (default: the INTERVALS_TOKEN variable).",
    )
    @click.option("--sandbox", is_flag=True, help="Use an embedded, seeded sandbox (no account).")
    @click.option(
        "--base-url",
        default=None,
        help="The API root (default: the INTERVALS_BASE_URL variable, else the real API).",
    )
    @click.option(
        "--account",
        default="default",
        show_default=True,
        help="The name the governor keys this account's daily quota on.",
    )
    @governor_option
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
    @click.option(
        "--verbose", "-v", is_flag=True, help="Also say each retry, long wait and quota sync."
    )
    @click.option("--quiet", "-q", is_flag=True, help="Log only errors (no warnings).")
    @click.option("--debug", is_flag=True, help="Show the traceback of unexpected failures.")
    @functools.wraps(command)
    def wrapper(
        token_file: Path | None,
        sandbox: bool,
        base_url: str | None,
        account: str,
        governor: str | None,
        verbose: bool,
        quiet: bool,
        **kwargs: Any,
    ) -> Any:
        if verbose and quiet:
            fail("--verbose and --quiet contradict each other: give one")
        if sandbox and base_url is not None:
            fail("--sandbox and --base-url contradict each other: give one")
        show_logs(-1 if quiet else 1 if verbose else 0)
        connection = Connection(
            token_file=token_file,
            sandbox=sandbox,
            base_url=base_url,
            account=account,
            governor=governor,
        )
        return command(connection=connection, **kwargs)

    return wrapper  # type: ignore[return-value]


def guarded(run: Callable[[], int], *, debug: bool, resumable: bool = True) -> NoReturn:
    """Run a command's body; every failure becomes one line on stderr and its exit code.

    ``resumable``: the command is a job that goes on where it stopped (export, sync), so a
    failure says to run it again; other commands (quota, status) just fail.
    """
    again = " (run the same command again to resume)" if resumable else ""
    try:
        code = run()
    except KeyboardInterrupt:
        fail(f"interrupted{again}", EXIT_INTERRUPTED)
    except OutputError as error:
        fail(str(error), EXIT_API)  # resumable, like a network failure: fix it, run again
    except (InvalidParameter, ExportError) as error:
        fail(str(error), EXIT_BAD_INPUT)
    except (AuthenticationError, PermissionDenied) as error:
        fail(str(error), EXIT_AUTH)
    except StoreError as error:
        fail(str(error), EXIT_BAD_INPUT)
    except IntervalsError as error:
        fail(f"{error}{again}", EXIT_API)
    except Exception as error:
        if debug:
            raise
        fail(f"unexpected {type(error).__name__}: {error} (--debug shows the traceback)", 1)
    sys.exit(code)


def emit_json(data: Any) -> None:
    """Print ``data`` as one JSON document on stdout."""
    click.echo(json.dumps(data, indent=2, default=str))
