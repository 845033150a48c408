"""Figures the benchmarks print: the median and the 95th percentile of their timings, and
the timing of a page through the test client."""

import statistics
import time


def p50_p95(times):
    """``(p50, p95)`` of a list of timings (nearest-rank percentile)."""
    ordered = sorted(times)
    index = min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))
    return statistics.median(ordered), ordered[index]


def measure_page(client, url, runs):
    """``(p50 ms, p95 ms, most queries)`` of ``runs`` GETs of ``url`` through ``client``
    (each must answer 200)."""
    from django.db import connection  # noqa: PLC0415 - called after django.setup()
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415 - likewise

    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(ctx.captured_queries))
    p50, p95 = p50_p95(times)
    return p50, p95, max(queries)
