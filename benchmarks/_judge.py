"""How the benchmarks judge a run from the sandbox's audit log (the window itself:
`intervals_async.sandbox.most_in_window`)."""

from __future__ import annotations

import statistics

__all__ = ["utilization"]


def utilization(arrivals: list[float], per_minute: int, window: float) -> float:
    """The slope of accepted-arrival index over time, middle 80%, as a fraction of N per W."""
    arrivals = sorted(arrivals)
    middle = arrivals[len(arrivals) // 10 : len(arrivals) * 9 // 10]
    if len(middle) < 2:
        return 0.0
    slope = statistics.linear_regression(middle, range(len(middle))).slope
    return slope * window / per_minute
