"""The ``intervals-async`` command: export, sync and quota, as a user runs them."""

from __future__ import annotations

import json
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from click.testing import CliRunner

from intervals_async.cli import main
from intervals_async.export import readable_resources
from intervals_async.resources import Group, resource
from intervals_async.sandbox import Faults, Sandbox, SandboxConfig, serving

COMMAND = [sys.executable, "-m", "intervals_async.cli"]


def _cli(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner(env=env).invoke(main, list(args))


def _todays_sandbox() -> Sandbox:
    """The sandbox ``--sandbox`` embeds: seeded as of today's 00:00 GMT."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return Sandbox(SandboxConfig(seed=0, seeded_at=today.timestamp()))


def test_export_sandbox_writes_every_record_at_the_announced_cost(tmp_path: Path) -> None:
    out = tmp_path / "export"
    done = subprocess.run(
        [*COMMAND, "export", "--sandbox", "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    # The minimum: /me/ (which collections), then a request per page, the first page of each
    # collection being its probe: max(1, ceil(n / 500)) each.
    pages = sum(max(1, -(-n // 500)) for n in summary["records"].values())
    assert len(summary["records"]) == 26
    assert summary["complete"] and summary["requests"] == 1 + pages == 28
    # Off a terminal, progress comes as plain lines on stderr; what it does is said first.
    lines = done.stderr.splitlines()
    assert lines[0].startswith("export: every collection") and "500 records" in lines[0]
    assert any(line.startswith("export: time 600/600,") for line in lines)  # its last page
    # Every record of the seeded account, as the API counts them (tasknote: the last 7 days).
    app = _todays_sandbox()
    names = readable_resources(Group.ADMINISTRATOR)

    async def listcounts() -> dict[str, int]:
        counts = {}
        async with httpx.AsyncClient(
            transport=app.transport(), base_url="https://sandbox/", auth=(app.token(), "X")
        ) as http:
            for name in names:
                spec = resource(name)
                assert spec is not None
                paged: dict[str, str | int] = {"limit": 1} if spec.filter("limit") else {}
                if name == "timer":  # both kinds: the list holds task timers unless asked
                    paged["gettimerinfo"] = "t"
                body = (await http.get(f"/{name}/", params=paged)).json()
                counts[name] = int(body["listcount"])
        return counts

    counts = anyio.run(listcounts)
    assert summary["records"] == counts
    for name, count in counts.items():
        assert len((out / f"{name}.jsonl").read_text("utf-8").splitlines()) == count, name


def _written(out: Path) -> int:
    """The records of ``time`` the checkpoint says are written (0 before the first page)."""
    try:
        progress = json.loads((out / ".intervals-export.json").read_text())["progress"]
    except (OSError, ValueError, KeyError):
        return 0  # none yet, or caught while it is replaced (never half-written, but absent)
    return int(progress.get("time", {}).get("offset", 0))


def test_sigkill_five_times_then_resume_equals_an_uninterrupted_export(tmp_path: Path) -> None:
    # The killed runs keep the governor's state in memory of each process, fresh: the export
    # is paced from its first request (about 0.6 s a page), so each kill lands between pages.
    args = ["export", "--sandbox", "time", "--page-size", "50", "--concurrency", "2"]
    whole = subprocess.run(
        [*COMMAND, *args, "--out", str(tmp_path / "whole")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert whole.returncode == 0, whole.stderr
    args += ["--governor", "memory"]
    rng = random.Random(5)
    out = tmp_path / "killed"
    killed_mid_way = 0
    for _ in range(5):
        before = _written(out)
        proc = subprocess.Popen(
            [*COMMAND, *args, "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Driven by the checkpoint, not by the clock: kill once this run has written one or two
        # pages (of 50; the next is then on its way), so five runs stop short of the 600
        # entries. A slow machine only waits longer (the 120 s bound is for a run that hangs).
        target = before + 50 * rng.choice([1, 2])
        deadline = time.monotonic() + 120
        while _written(out) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # the checkpoint is another process's file: nothing to wait on
        if proc.poll() is None and before < _written(out) < 600:
            killed_mid_way += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert killed_mid_way == 5  # every kill landed during the export, after some progress
    final = subprocess.run(
        [*COMMAND, *args, "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert final.returncode == 0, final.stderr
    resumed = (out / "time.jsonl").read_bytes()
    assert resumed == (tmp_path / "whole" / "time.jsonl").read_bytes()
    assert len(resumed.splitlines()) == 600


def test_max_requests_exits_3_and_the_same_command_finishes(tmp_path: Path) -> None:
    args = ["export", "--sandbox", "time", "--page-size", "100", "--out", str(tmp_path), "--json"]
    first = _cli(*args, "--max-requests", "3")
    assert first.exit_code == 3, first.output
    summary = json.loads(first.stdout)
    assert summary["stopped"] == "budget" and summary["requests"] == 3
    assert "run the same command again" in first.stderr
    second = _cli(*args)
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["records"] == {"time": 600}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--sandbox", "tme"], "'tme' is not a collection to read"),
        (["export", "--sandbox", "times"], "(did you mean 'time'?)"),
        (["export", "--sandbox", "--filter", "time.datebegin=2026-13-01"], "datebegin"),
        (["export", "--sandbox", "--filter", "time.nosuch=1"], "time has no filter 'nosuch'"),
        (["export", "--sandbox", "--filter", "time.datebgin=1"], "(did you mean 'datebegin'?)"),
        (["export", "--sandbox", "--filter", "tme.date=1"], "(did you mean 'time'?)"),
        (["export", "--sandbox", "--filter", "time.datebegin=yesterday"], "a date (YYYY-MM-DD"),
        (["export", "--sandbox", "--filter", "datebegin"], "is not RESOURCE.FILTER=VALUE"),
        (["export", "--sandbox", "--format", "xml"], "'xml' is not one of"),
        (["export", "--sandbox", "--max-requests", "-1"], "-1 is not in the range"),
        (["export", "--sandbox", "--max-requests", "0", "time"], "raise max_requests"),
        (["sync", "--sandbox", "tasks"], "'tasks' is not a collection to read (did you mean"),
        (["sync", "--sandbox", "nosuch"], "'nosuch' is not a collection to read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = _cli(*args, "--out" if args[0] == "export" else "--db", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unwritable_output_is_one_line_before_any_request(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    result = _cli("export", "--sandbox", "--out", str(blocker / "out"))
    assert result.exit_code == 2
    assert result.stderr.startswith("intervals-async: error: cannot write the export")
    assert result.stderr.count("\n") == 1


def test_no_token_and_a_bad_token_are_one_line_and_never_echoed(tmp_path: Path) -> None:
    missing = _cli("quota", env={"INTERVALS_TOKEN": ""})
    assert missing.exit_code == 2 and "INTERVALS_TOKEN" in missing.stderr
    secret = "wrongtoken7x5q"
    with serving(Sandbox(SandboxConfig(seed=1))) as url:
        refused = _cli(
            "export",
            "time",
            "--base-url",
            url,
            "--out",
            str(tmp_path / "refused"),
            env={"INTERVALS_TOKEN": secret},
        )
        token_file = tmp_path / "token"
        token_file.write_text(secret + "\n")
        from_file = _cli("quota", "--base-url", url, "--token-file", str(token_file))
    for result in (refused, from_file):
        assert result.exit_code == 4, result.output
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert secret not in result.output
    assert not (tmp_path / "refused").exists()  # a refused token leaves no output behind
    unreadable = _cli("quota", "--token-file", str(tmp_path / "nope"))
    assert unreadable.exit_code == 2 and "cannot read the token file" in unreadable.stderr


def test_quota_and_plan_print_json(tmp_path: Path) -> None:
    quota = _cli("quota", "--sandbox", "--json")
    assert quota.exit_code == 0, quota.output
    data = json.loads(quota.stdout)
    assert data["quota"] == 6000 and data["left"] == 6000 - data["used"]
    plan = _cli("export", "--sandbox", "time", "task", "--plan", "--json", "--out", str(tmp_path))
    assert plan.exit_code == 0, plan.output
    planned = json.loads(plan.stdout)["plan"]
    assert planned["collections"]["time"] == {"listcount": 600, "written": 0, "requests": 2}
    assert planned["requests"] == 2 + 2 + 1  # the two probes, two pages of time, one of task


def test_sync_twice_costs_only_the_probes_the_second_time(tmp_path: Path) -> None:
    db = str(tmp_path / "mirror.sqlite")
    args = ["sync", "--sandbox", "time", "task", "project", "--db", db, "--json"]
    first = _cli(*args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["requests"] == 2 + 1 + 1  # two pages of time, one each
    # Each collection says so on stderr as soon as it is done (tasks first: their titles
    # feed the time entries).
    assert [line.split()[1] for line in first.stderr.splitlines()[:3]] == [
        "task",
        "time",
        "project",
    ]
    second = _cli(*args)
    assert second.exit_code == 0, second.output
    summary = json.loads(second.stdout)
    assert summary["requests"] == 4  # time and task: changes and a count; project: cached
    modes = {c["resource"]: c["mode"] for c in summary["collections"]}
    assert modes == {"time": "changes", "task": "changes", "project": "cached"}


def test_the_module_runs_as_a_command() -> None:
    done = subprocess.run(
        [*COMMAND, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and "export" in done.stdout and "Exit codes" in done.stdout


def _tmpfs_script() -> str | None:
    """``unshare`` with a private mount namespace, where this machine allows one (root, or user
    namespaces): a tmpfs mounted there vanishes with the script, whatever happens."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && echo ok"],
        capture_output=True,
        text=True,
        check=False,
    )
    return unshare if probe.stdout.strip() == "ok" else None


@pytest.mark.parametrize("format", ["jsonl", "sqlite"])
def test_a_disk_that_fills_mid_export_exits_resumable_and_resumes_identically(
    tmp_path: Path, format: str
) -> None:
    """A real full disk: a 1 MiB tmpfs, most of it taken by a filler file, so that the export
    (about 600 KB) fills it part way. Freeing the space and running the same command again gives
    the output of an export that never stopped."""
    unshare = _tmpfs_script()
    if unshare is None:
        pytest.skip("no private mount namespace here to mount a small tmpfs in")
    whole = tmp_path / "whole"
    args = [*COMMAND, "export", "--sandbox", "--format", format, "--page-size", "100"]
    done = subprocess.run(
        [*args, "--out", str(whole)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    mnt, kept = tmp_path / "disk", tmp_path / "kept"
    mnt.mkdir()
    command = " ".join(shlex.quote(a) for a in args)
    script = f"""
        mount -t tmpfs -o size=1m tmpfs {mnt}
        head -c 700000 /dev/zero > {mnt}/filler
        {command} --out {mnt}/out 2> {tmp_path}/first.err; echo $? > {tmp_path}/first.rc
        rm {mnt}/filler
        {command} --out {mnt}/out 2> {tmp_path}/second.err; echo $? > {tmp_path}/second.rc
        cp -a {mnt}/out {kept}
    """
    subprocess.run([unshare, "-rm", "sh", "-c", script], timeout=300, check=True)
    first = (tmp_path / "first.err").read_text()
    assert (tmp_path / "first.rc").read_text().strip() == "5", first
    error = first.strip().splitlines()[-1]  # after the progress lines: one line, no traceback
    assert "Traceback" not in first and error.startswith("intervals-async: error: cannot write")
    assert str(mnt / "out") in error and "run it again" in error
    assert "No space left" in error or "disk is full" in error
    assert (tmp_path / "second.rc").read_text().strip() == "0", (
        tmp_path / "second.err"
    ).read_text()
    if format == "jsonl":
        written = sorted(p.name for p in whole.iterdir() if p.suffix == ".jsonl")
        assert written == sorted(p.name for p in kept.iterdir() if p.suffix == ".jsonl")
        for name in written:
            if name == "timer.jsonl":  # a running timer's seconds grow between the two runs
                assert _timers(kept / name) == _timers(whole / name)
            else:
                assert (kept / name).read_bytes() == (whole / name).read_bytes(), name
    else:
        assert _tables(kept / "intervals.sqlite") == _tables(whole / "intervals.sqlite")


def _timers(path: Path) -> list[dict[str, Any]]:
    """The timers written, but for ``timelapsed``, which the server computes from its clock."""
    return [
        {k: v for k, v in json.loads(line).items() if k != "timelapsed"}
        for line in path.read_text("utf-8").splitlines()
    ]


def _tables(path: Path) -> dict[str, list[Any]]:
    """Every table's rows in order (the timers' ``timelapsed`` left out, as in ``_timers``)."""
    import sqlite3

    db = sqlite3.connect(path)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        tables = {}
        for name in names:
            cursor = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            keep = [i for i, c in enumerate(cursor.description) if c[0] != "timelapsed"]
            tables[name] = [[row[i] for i in keep] for row in cursor.fetchall()]
        return tables
    finally:
        db.close()


def test_collections_lists_what_one_may_name_and_completion_offers_it() -> None:
    listed = subprocess.run(
        [*COMMAND, "collections"], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    names = [line.split()[0] for line in listed]
    assert "time" in names and "me" not in names and "quota" not in names
    assert any(
        line.startswith("projectteam") and "projectteam.projectid" in line for line in listed
    )
    as_json = json.loads(_cli("collections", "--json").stdout)
    assert [c["name"] for c in as_json] == names
    # Completion is the console script's (its name names the variable that asks for it).
    script = Path(sys.executable).with_name("intervals-async")
    completed = subprocess.run(
        [str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={
            **os.environ,
            "_INTERVALS_ASYNC_COMPLETE": "bash_complete",
            "COMP_WORDS": "intervals-async export ti",
            "COMP_CWORD": "2",
        },
    ).stdout
    assert completed.split() == ["plain,time", "plain,timer"]


def test_quota_failing_does_not_say_to_resume(tmp_path: Path) -> None:
    with serving(Sandbox(SandboxConfig(seed=1, faults=Faults(error=1.0)))) as url:
        result = _cli("quota", "--base-url", url, env={"INTERVALS_TOKEN": "wrongtoken7x5q"})
    assert result.exit_code in (4, 5) and "resume" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_plan_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "planned"
    planned = _cli("export", "--sandbox", "time", "--plan", "--out", str(out))
    assert planned.exit_code == 0, planned.output
    assert not out.exists()


def test_one_request_is_one_request(tmp_path: Path) -> None:
    first = _cli("export", "--sandbox", "time", "--max-requests", "1", "--out", str(tmp_path))
    assert first.exit_code == 3
    assert "; 1 request\n" in first.stderr and "1 requests" not in first.stderr
