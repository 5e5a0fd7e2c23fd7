"""p50 and p95 of a list of timings, one definition for the benchmark scripts (nearest rank)."""

from __future__ import annotations

import statistics


def p50_p95(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
