"""Over TCP: the ``intervals-async sandbox serve`` command and the in-thread server; the demo."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import anyio
import httpx
import pytest
from click.testing import CliRunner

from intervals_async import AuthenticationError, IntervalsClient, InvalidParameter, NotFound
from intervals_async.cli import main
from intervals_async.governor import Unmetered
from intervals_async.sandbox import Faults, Sandbox, SandboxConfig, serving

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served() -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    """The real command, started as a user would; yields (base URL, token, process)."""
    port = _free_port()
    command = shutil.which("intervals-async") or ""
    args = [command] if command else [sys.executable, "-m", "intervals_async.cli"]
    process = subprocess.Popen(
        [*args, "sandbox", "serve", "--host", "127.0.0.1", "--port", str(port), "--seed", "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(3)]
    url = re.search(r"(http://\S+/)", lines[0])
    token = re.search(r"token (\w{11})", lines[1])
    assert url and token, lines  # printed once its socket listens: no wait for it to start
    try:
        yield url.group(1), token.group(1), process
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
        process.stdout.close()


def test_serve_command_answers_like_the_api(served: tuple[str, str, subprocess.Popen[str]]) -> None:
    url, token, _ = served
    headers = {"Accept": "application/json"}
    with httpx.Client(base_url=url, headers=headers) as http:
        page = http.get("/task/?limit=5", auth=(token, "X")).json()
        assert page["listcount"] > 5 and len(page["task"]) == 5
        for task in page["task"]:
            assert isinstance(task["id"], str) and task["id"].isdigit()
        projects = http.get("/project/", params={"limit": 3}, auth=(token, "X")).json()
        assert {p["active"] for p in projects["project"]} <= {"t", "f"}
        unauthorised = http.get("/task/")
        assert unauthorised.status_code == 401 and unauthorised.json()["error"]["code"] == 9
        missing = http.get("/nosuch/", auth=(token, "X"))
        assert missing.status_code == 400 and missing.json()["error"]["code"] == 13
        audit = http.get("/_sandbox/audit").json()
        assert [e["status"] for e in audit["entries"]] == [200, 200, 401, 400]


@pytest.mark.anyio
async def test_the_client_against_the_serve_command(
    served: tuple[str, str, subprocess.Popen[str]],
) -> None:
    """The client's acceptance, over real TCP against the command a user runs."""
    url, token, _ = served
    # Unmetered: a dozen requests, and the governor's pacing on the wall clock would only make
    # this test sleep (the governor has its own tests, in virtual time).
    async with IntervalsClient(token, base_url=url, governor=Unmetered()) as client:
        listcount = (await client.time.list(limit=1)).listcount
        entries = [e async for e in client.time.iterate()]
        assert len(entries) == len({e.id for e in entries}) == listcount > 0
        template = entries[0]
        assert template.worktypeid is not None and template.personid is not None
        created = await client.time.create(
            worktypeid=template.worktypeid,
            personid=template.personid,
            projectid=template.projectid,
            moduleid=template.moduleid,
            date=date(2026, 1, 5),
            time=Decimal("0.5"),
            billable=False,
            description="over TCP",
        )
        assert (await client.time.get(created.id)).description == "over TCP"
        assert (await client.time.update(created.id, time=Decimal(2))).time == Decimal(2)
        assert (await client.time.list(limit=1)).listcount == listcount + 1
        await client.time.delete(created.id)
        with pytest.raises(NotFound):
            await client.time.get(created.id)
        with pytest.raises(InvalidParameter):
            await client.time.list(projcetid=5)  # type: ignore[arg-type]  # the typo is the test
    async with IntervalsClient("notatoken12", base_url=url, governor=Unmetered()) as stranger:
        with pytest.raises(AuthenticationError):
            await stranger.me.get()


def test_curl_as_in_the_acceptance(served: tuple[str, str, subprocess.Popen[str]]) -> None:
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("curl is not installed")
    url, token, _ = served
    out = subprocess.run(
        [curl, "-s", "-u", f"{token}:X", "-H", "Accept: application/json", f"{url}task/?limit=5"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '"listcount":' in out
    assert httpx.Response(200, content=out.encode()).json()["task"][0]["id"].isdigit()


def test_dropped_connection_over_tcp() -> None:
    sandbox = Sandbox(SandboxConfig(faults=Faults(drop=1.0)))
    with serving(sandbox) as url, httpx.Client(base_url=url, auth=(sandbox.token(), "X")) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            http.get("/me/")
        assert sandbox.audit.entries[-1].fault == "drop"


def test_the_date_header_carries_the_sandbox_clock() -> None:
    sandbox = Sandbox()
    with serving(sandbox) as url, httpx.Client(base_url=url) as http:
        response = http.get("/me/", auth=(sandbox.token(), "X"))
    assert response.headers.get_list("date") and len(response.headers.get_list("date")) == 1


def test_demo_lists_seeded_data() -> None:
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Active projects" in result.output and 'Café "Nord" <Ost>' in result.output
    assert re.search(r"Quota: \d+ of 6000 requests used today", result.output)


def test_serve_refuses_bad_options() -> None:
    result = CliRunner().invoke(main, ["sandbox", "serve", "--fault", "nosuch=1"])
    assert result.exit_code != 0 and "unknown fault" in result.output
    result = CliRunner().invoke(main, ["sandbox", "serve", "--fault", "drop=2"])
    assert result.exit_code != 0 and "probability" in result.output


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^(python3 -m venv .*)$", readme, re.MULTILINE)
    assert len(commands) == 2, "the README gives two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert commands[1] in ci
    # The main job, run by tests/cli/test_export.py::test_export_sandbox_writes_every_record...
    assert commands[0].endswith("/intervals-async export --sandbox --out export")


@pytest.mark.parametrize("args", [[], ["governor"], ["sandbox"]])
def test_a_group_without_a_command_prints_its_help_and_exits_0(args: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "intervals_async.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Usage: ") and "[OPTIONS] COMMAND [ARGS]" in run.stdout
    assert run.stderr == ""


def test_sandbox_and_base_url_together_are_refused() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "intervals_async.cli",
            "quota",
            "--sandbox",
            "--base-url",
            "http://x/",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr == (
        "intervals-async: error: --sandbox and --base-url contradict each other: give one\n"
    )


def _serve(*args: str) -> subprocess.Popen[str]:
    command = shutil.which("intervals-async") or ""
    prefix = [command] if command else [sys.executable, "-m", "intervals_async.cli"]
    return subprocess.Popen(
        [*prefix, "sandbox", "serve", "--host", "127.0.0.1", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_serve_on_port_0_says_its_real_port_logs_access_and_stops_quietly() -> None:
    process = _serve("--port", "0", "--access-log")
    assert process.stdout is not None and process.stderr is not None
    lines = [process.stdout.readline() for _ in range(3)]
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", lines[0])
    token = re.search(r"token (\w{11})", lines[1])
    assert found and token and int(found.group(1)) > 0, lines
    url = f"http://127.0.0.1:{found.group(1)}/"
    assert f"'{url}task/?limit=5'" in lines[2]  # quoted: a shell takes it as one word
    try:
        # The URL is printed once the socket listens: the request waits for the server, if it
        # must, in the kernel's backlog rather than in a retry loop.
        answer = httpx.get(f"{url}me/", auth=(token.group(1), "X"), timeout=30)
        assert answer.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "error" not in err and "Traceback" not in err
    assert "GET /me/" in err  # the access log line
    assert err.strip().endswith("sandbox stopped")


def test_serve_on_a_busy_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        process = _serve("--port", str(busy.getsockname()[1]))
        out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert out == ""  # no URL, no token for a server that is not there
    assert err.count("\n") == 1 and "cannot listen on 127.0.0.1:" in err


def test_help_imports_no_server() -> None:
    """``--help`` is fast: the served sandbox's server (uvicorn) is imported only to serve."""
    probe = (
        "import sys\n"
        "from intervals_async.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('uvicorn' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert shown.strip().endswith("False"), shown


def test_intervals_base_url_names_the_api_root_for_the_library_and_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox = Sandbox(SandboxConfig(seed=4))

    async def library() -> None:
        async with IntervalsClient(sandbox.token(), governor=Unmetered()) as client:
            assert str(client._http.base_url) == url
            assert (await client.me.get()).id

    with serving(sandbox) as url:
        monkeypatch.setenv("INTERVALS_BASE_URL", url)
        anyio.run(library)
        quota = CliRunner(env={"INTERVALS_TOKEN": sandbox.token()}).invoke(main, ["quota"])
        assert quota.exit_code == 0, quota.output
        # The embedded sandbox wins over the variable: it is a default, not a contradiction.
        demo = CliRunner().invoke(main, ["quota", "--sandbox"])
        assert demo.exit_code == 0, demo.output
    assert {e.path for e in sandbox.audit.entries} >= {"/me/", "/quota/"}


def test_python_m_intervals_async_is_the_command() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "intervals_async", "collections"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "time" in shown.split()


def test_the_library_alone_installs_no_command_or_server() -> None:
    """``pip install intervals-async`` brings httpx, anyio, attrs, cattrs, msgspec and
    platformdirs: the command's and the server's packages are extras."""
    from importlib.metadata import requires

    core = {
        re.split(r"[<>=~! \[;]", r, maxsplit=1)[0].lower()
        for r in requires("intervals-async") or []
        if "extra ==" not in r
    }
    assert core == {"anyio", "attrs", "cattrs", "httpx", "msgspec", "platformdirs"}


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [("click", ["quota"], "[cli]"), ("uvicorn", ["sandbox", "serve", "--port", "0"], "[server]")],
)
def test_without_its_extra_the_command_says_which_to_install(
    hidden: str, args: list[str], extra: str
) -> None:
    probe = (
        "import sys\n"
        f"sys.modules[{hidden!r}] = None  # as if it were not installed\n"
        "import importlib.util\n"
        "real = importlib.util.find_spec\n"
        f"importlib.util.find_spec = lambda n, *a: None if n == {hidden!r} else real(n, *a)\n"
        "from intervals_async.cli import main\n"
        f"main({args!r})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2, done.stderr
    assert f"pip install 'intervals-async{extra}'" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_without_its_extra_telemetry_says_which_to_install() -> None:
    probe = (
        "import sys\n"
        "sys.modules['opentelemetry'] = None  # as if it were not installed\n"
        "import intervals_async  # the library itself needs no telemetry\n"
        "try:\n"
        "    import intervals_async.telemetry\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "pip install 'intervals-async[otel]'" in done.stdout
