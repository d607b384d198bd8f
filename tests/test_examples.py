"""The runnable examples under ``docs/examples`` run, and do what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def test_the_fleet_example_shares_one_quota_through_redis(
    redis_url: str, redis_prefix: str
) -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "fleet.py"),
            "--hosts",
            "2",
            "--workers",
            "1",
            "--redis",
            redis_url,
            "--prefix",
            redis_prefix,  # the fixture deletes the fleet's keys afterwards
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = run.stdout.splitlines()
    assert sorted(line for line in lines if "read" in line) == [
        "10.0.0.1: read 600 time entries",
        "10.0.0.2: read 600 time entries",
    ]
    # 2 workers x 12 pages of 50, plus each worker's /quota/ sync (which the day does not count)
    assert "the account's day: 24 of 6000 requests spent" in lines
    assert "the sandbox saw 26 requests, 0 refused for rate" in lines
