"""Benchmark the webinar pages on a database with the demo content (run by hand).

    DATABASE_URL=sqlite:////tmp/webinars-dev.sqlite3 .venv/bin/python bench/webinars.py

Prints p50/p95 response times and the query count of each surface.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from _timing import p50_p95  # noqa: E402 (bench/ is first on sys.path)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from webinars.models import WebinarPage, WebinarSeriesPage  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "20"))


def measure(client, url):
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    p50, p95 = p50_p95(timings)
    return p50, p95, len(queries)


def main():
    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_HOST="127.0.0.1")
    series = WebinarSeriesPage.objects.filter(locale__language_code="en").first()
    webinar = (
        WebinarPage.objects.filter(
            locale__language_code="en", slug="social-protection-in-mena-since-the-arab-uprisings"
        ).first()
        or WebinarPage.objects.first()
    )
    urls = [
        "/en/webinars/",
        "/es/webinars/",
        series.url,
        webinar.url,
        webinar.url + "calendar/",
        "/en/webinars/calendar/",
        "/en/webinars/feed/",
    ]
    print(f"{'surface':<90} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for url in urls:
        p50, p95, count = measure(client, url)
        print(f"{url:<90} {p50:8.1f} {p95:8.1f} {count:8d}")


if __name__ == "__main__":
    main()
