"""Figures the benchmarks print: the median and the 95th percentile of their timings."""

import statistics


def p50_p95(times):
    """``(p50, p95)`` of a list of timings (nearest-rank percentile)."""
    ordered = sorted(times)
    index = min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))
    return statistics.median(ordered), ordered[index]
