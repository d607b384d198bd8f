"""How the benchmarks and the fleet tests judge a run from the sandbox's audit log."""

from __future__ import annotations

import statistics

__all__ = ["max_in_window", "utilization"]


def max_in_window(times: list[float], window: float) -> int:
    """The most arrivals in any half-open window of ``window`` seconds."""
    times = sorted(times)
    most, first = 0, 0
    for last, t in enumerate(times):
        while times[first] <= t - window:
            first += 1
        most = max(most, last - first + 1)
    return most


def utilization(arrivals: list[float], per_minute: int, window: float) -> float:
    """The slope of accepted-arrival index over time, middle 80%, as a fraction of N per W."""
    arrivals = sorted(arrivals)
    middle = arrivals[len(arrivals) // 10 : len(arrivals) * 9 // 10]
    if len(middle) < 2:
        return 0.0
    slope = statistics.linear_regression(middle, range(len(middle))).slope
    return slope * window / per_minute
