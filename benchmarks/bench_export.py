"""Export of N time entries: peak memory of the exporting process and requests against the minimum.

``python -m benchmarks.bench_export`` seeds a sandbox with 1,000,000 time entries, serves it over
TCP from this process with its limits raised (the governor is told the same limits), and runs the
export in a child process, which reports its own peak RSS (``VmHWM`` of ``/proc/self/status``:
the high-water mark of its own address space since ``exec``; ``wait4``'s ``ru_maxrss`` would also
count the parent's pages, sandbox included, from before the ``exec``). It runs 100,000 and
1,000,000 entries (peak RSS against N); ``--quick`` runs 20,000 and 100,000; ``--n`` one size.

The child is the client alone, so its CPU time per record (``client_cpu_us_per_record``) is what
the client costs, the sandbox serving from the parent. Requests are counted twice: by the client
(``requests_sent``) and by the sandbox's audit log. The minimum is ``ceil(N / page size)``: the
export's first page is its probe.

``python -m benchmarks.bench_export worker ...`` is the child.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio

from intervals_async import IntervalsClient
from intervals_async.export import Export
from intervals_async.governor import Limits, MemoryStore, RateGovernor
from intervals_async.sandbox import AccountSpec, DataSize, Sandbox, SandboxConfig, serving

PER_MINUTE = 1_000_000  # raised on both sides: the benchmark measures memory, not pacing
DAILY = 1_000_000


async def _worker(args: argparse.Namespace) -> dict[str, Any]:
    limits = Limits(per_minute=PER_MINUTE, daily=DAILY, burst=64)
    governor = RateGovernor(store=MemoryStore(limits))  # its own limits: not the host's state
    started, cpu = time.perf_counter(), time.process_time()
    async with IntervalsClient(
        args.token, base_url=args.url, governor=governor, page_size=args.page_size
    ) as client:
        job = Export(client, args.out, resources=["time"], format=args.format)
        result = await job.run()
    cpu = time.process_time() - cpu  # this process is the client alone: the sandbox serves apart
    return {
        "records": result.records["time"],
        "requests": result.requests,
        "seconds": round(time.perf_counter() - started, 2),
        "client_cpu_us_per_record": round(cpu / max(1, result.records["time"]) * 1e6, 1),
        "peak_rss_mb": round(_peak_rss_kib() / 1024, 1),
    }


def _peak_rss_kib() -> int:
    """This process's peak resident set since ``exec`` (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (this benchmark needs Linux)")


def run(n: int, page_size: int, format: str) -> dict[str, Any]:
    """Export ``n`` entries in a child process; its figures and peak RSS."""
    seeding = time.perf_counter()
    app = Sandbox(
        SandboxConfig(
            seed=1,
            accounts=[AccountSpec("big", daily_limit=DAILY)],
            size=DataSize(clients=2, people=4, projects=3, tasks=20, time_entries=n),
            per_minute=PER_MINUTE,
        )
    )
    seeded = time.perf_counter() - seeding
    with serving(app) as url, tempfile.TemporaryDirectory() as out:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.bench_export",
                "worker",
                "--url",
                url,
                "--token",
                app.token(),
                "--out",
                out,
                "--page-size",
                str(page_size),
                "--format",
                format,
            ],
            stdout=subprocess.PIPE,
        )
        output, _ = child.communicate()
        if child.returncode != 0:
            raise RuntimeError(f"the export worker failed ({child.returncode})")
        figures = json.loads(output)
        size = sum(f.stat().st_size for f in Path(out).iterdir())
    audited = sum(1 for e in app.audit.entries if not e.path.startswith("/quota"))
    minimum = math.ceil(n / page_size)
    return {
        "n": n,
        "page_size": page_size,
        "format": format,
        **figures,
        "audited_requests": audited,
        "minimum_requests": minimum,
        "extra_requests": figures["requests"] - minimum,
        "records_per_second": round(figures["records"] / figures["seconds"]),
        "output_mb": round(size / 2**20, 1),
        "sandbox_seed_seconds": round(seeded, 1),
    }


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark (or, with ``worker``, be the child)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", choices=["worker"])
    parser.add_argument("--quick", action="store_true", help="20,000 and 100,000 entries")
    parser.add_argument("--n", type=int, default=None)
    parser.add_argument("--page-size", type=int, default=5000)
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "sqlite"])
    parser.add_argument("--url")
    parser.add_argument("--token")
    parser.add_argument("--out")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.mode == "worker":
        print(json.dumps(anyio.run(_worker, args)))
        return
    sizes = [args.n] if args.n else [20_000, 100_000] if args.quick else [100_000, 1_000_000]
    for n in sizes:  # peak RSS against N: flat, if the export streams
        report(run(n, args.page_size, args.format), args.json)


def report(figures: dict[str, Any], as_json: bool) -> None:
    """Print one run's figures (a JSON line, or a sentence)."""
    if as_json:
        print(json.dumps(figures), flush=True)
        return
    print(
        f"export of {figures['n']:,} time entries ({figures['format']}, {figures['page_size']} "
        f"per page): peak RSS {figures['peak_rss_mb']} MB; {figures['requests']} requests "
        f"(sandbox saw {figures['audited_requests']}; minimum {figures['minimum_requests']}, "
        f"+{figures['extra_requests']}); {figures['records_per_second']:,} records/s, "
        f"{figures['client_cpu_us_per_record']} us of client CPU a record; "
        f"{figures['output_mb']} MB written"
    )


if __name__ == "__main__":
    main()
