"""Every benchmark, one after the other: one JSON file and one Markdown table of the figures.

Run: ``nox -s bench`` (or ``.venv/bin/python -m benchmarks``); ``-- --quick`` for the short
versions (under ten minutes on a 2-core machine). Each benchmark runs in its own process, with
the command shown beside each of its figures so that any figure can be produced again alone.
Writes ``bench-results/results.json``, ``bench-results/results.md`` and the governor picture
``bench-results/governor-windows.png`` (``--out`` to write elsewhere), and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# (name, what it measures, module and arguments, the arguments --quick adds)
BENCHMARKS: list[tuple[str, str, list[str], list[str]]] = [
    (
        "governor",
        "head-to-head per server window policy: violations, suspended s, utilization",
        ["benchmarks.governor", "--plot", "{out}/governor-windows.png"],
        ["--quick"],
    ),
    ("governor overhead", "CPU per acquire + release", ["benchmarks.governor", "--overhead"], []),
    ("fleet", "8 processes sharing one quota: SQLite and Redis", ["benchmarks.fleet"], ["--quick"]),
    (
        "client",
        "decode throughput, overhead against httpx + json.loads, requests of iterate()",
        ["benchmarks.bench_client"],
        [],
    ),
    ("cache", "requests of a sync loop with and without the cache", ["benchmarks.bench_cache"], []),
    (
        "export",
        "peak RSS and requests of an export of N time entries",
        ["benchmarks.bench_export", "--json"],
        ["--quick"],
    ),
    ("sandbox", "the sandbox's own speed and seeding", ["benchmarks.bench_sandbox"], []),
]

# Keys that say which case a figure belongs to, rather than measure it.
_CASE_KEYS = (
    "bench",
    "limiter",
    "policy",
    "store",
    "call",
    "size",
    "format",
    "n",
    "tasks",
    "idle_s",
    "page_size",
)


def _run(module_args: list[str], out: Path) -> tuple[str, list[dict[str, Any]], float]:
    args = [a.replace("{out}", str(out)) for a in module_args]
    command = shlex.join(["python", "-m", *args])
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return command, figures, seconds


def _cells(figure: dict[str, Any]) -> tuple[str, str]:
    case = " ".join(str(figure[k]) for k in _CASE_KEYS if k in figure)
    values = []
    for key, value in figure.items():
        if key in _CASE_KEYS:
            continue
        if isinstance(value, list):
            value = "; ".join(
                ", ".join(f"{k} {v}" for k, v in item.items())
                if isinstance(item, dict)
                else str(item)  # a number: the bursts' seconds per request
                for item in value
            )
        values.append(f"{key} {value}")
    return case, ", ".join(values)


def table(results: list[dict[str, Any]]) -> str:
    """The figures as one Markdown table, each with its command."""
    lines = ["| Benchmark | Case | Figures | Command |", "|---|---|---|---|"]
    for result in results:
        for figure in result["figures"]:
            case, values = _cells(figure)
            lines.append(f"| {result['name']} | {case} | {values} | `{result['command']}` |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every benchmark; write the JSON and the Markdown; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="the short version of each")
    parser.add_argument("--out", type=Path, default=Path("bench-results"))
    parser.add_argument("--only", action="append", help="only these benchmarks (by name)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for name, about, module_args, quick_args in BENCHMARKS:
        if args.only and name not in args.only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        command, figures, seconds = _run(module_args + (quick_args if args.quick else []), args.out)
        results.append(
            {
                "name": name,
                "measures": about,
                "command": command,
                "seconds": round(seconds, 1),
                "figures": figures,
            }
        )
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "results": results,
    }
    (args.out / "results.json").write_text(json.dumps(document, indent=2) + "\n")
    markdown = table(results)
    (args.out / "results.md").write_text(
        f"# Benchmarks ({'quick' if args.quick else 'full'}, {document['date']})\n\n{markdown}\n"
    )
    print(markdown)


if __name__ == "__main__":
    main()
