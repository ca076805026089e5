"""Helpers shared by the benchmark scripts (run as ``python scripts/bench_*.py``)."""

from __future__ import annotations

import json
import statistics


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def report(result: dict, as_json: bool) -> None:
    """Print the result as JSON or as aligned ``name value`` lines."""
    if as_json:
        print(json.dumps(result, indent=2))
        return
    width = max(len(k) for k in result) + 2
    for k, v in result.items():
        print(f"{k:{width}} {v}")
