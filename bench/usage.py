"""Benchmark: what counting page views costs a request, and the staff dashboard over a year
of figures.

Prints, p50/p95:
* a page through the test client with page views counted and with the counting middleware
  taken out (each request from a new visitor, so each one is counted);
* counting alone (``portal.usage.count_view``: the double-click check in the cache and the
  count in memory), and the batch write per view counted (``portal.usage.flush``);
* the dashboard (``/admin/insights/usage/``) over 90 days and over a year, with ``--pages``
  pages read every day for a year (one row per page and day, a fifth with a country).

The cache is the settings' (local memory unless REDIS_URL is set: set it to measure the
double-click check against Redis). Uses its own database: SQLite in /tmp by default, or
DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench_usage).

Usage: python bench/usage.py [--pages N] [--runs N] [--reuse]
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

from _site import bench_home  # bench/ is first on sys.path when a benchmark runs
from _timing import measure_page, p50_p95

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/bench_usage.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
COUNTRIES = ["KE", "BR", "MX", "PH", "SN"]


def build(pages):
    from django.utils import timezone

    from portal.factories import StandardPageFactory, UserFactory
    from portal.models import PageView

    home = bench_home()
    made = [StandardPageFactory(parent=home, title=f"Page {n}") for n in range(pages)]
    today = timezone.localdate()
    rows = []
    for age in range(365):
        day = today - datetime.timedelta(days=age)
        for n, page in enumerate(made):
            country = COUNTRIES[(n + age) % 5] if (n + age) % 5 == 0 else ""
            rows.append(PageView(page=page, day=day, country=country, count=1 + (n * age) % 40))
    PageView.objects.bulk_create(rows, batch_size=5000)
    UserFactory(username="bench-staff", email="staff@example.org", is_staff=True, is_superuser=True)
    return made[0]


class Visitors:
    """A test client whose every request comes from a new browser (so each one counts)."""

    def __init__(self, client):
        self.client, self.number = client, 0

    def get(self, url):
        self.number += 1
        agent = f"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 bench/{self.number}"
        return self.client.get(url, HTTP_USER_AGENT=agent)


def time_calls(call, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return p50_p95(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="Measure the previous run's data.")
    args = parser.parse_args()
    default_db = os.environ["DATABASE_URL"] == f"sqlite:///{DEFAULT_DB}"
    if default_db and os.path.exists(DEFAULT_DB) and not args.reuse:
        os.remove(DEFAULT_DB)
    import django

    django.setup()
    import logging

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client, RequestFactory
    from django.test.utils import override_settings, setup_test_environment
    from django.utils import timezone

    from portal import usage
    from portal.models import PageView
    from portal.models.pages import StandardPage

    setup_test_environment()
    logging.disable(logging.CRITICAL)
    page = StandardPage.objects.filter(title="Page 0").first() if args.reuse else None
    if page is None:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(f"building {args.pages} pages with a year of daily views…", flush=True)
        started = time.perf_counter()
        page = build(args.pages)
        print(f"built {PageView.objects.count()} rows in {time.perf_counter() - started:.0f} s")

    print(f"{'measure':<48}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}")
    visitors = Visitors(Client())
    visitors.get(page.url)
    with override_settings(USAGE_FLUSH_SECONDS=3600):
        p50, p95, queries = measure_page(visitors, page.url, args.runs)
        print(f"{'page, views counted (written later)':<48}{p50:>10.2f}{p95:>10.2f}{queries:>10}")
        usage.flush()
        without = [m for m in settings.MIDDLEWARE if m != "portal.usage.PageViewMiddleware"]
        with override_settings(MIDDLEWARE=without):
            p50, p95, queries = measure_page(visitors, page.url, args.runs)
        print(f"{'page, counting middleware taken out':<48}{p50:>10.2f}{p95:>10.2f}{queries:>10}")

        factory = RequestFactory()
        response = type("Response", (), {"status_code": 200, "usage_page": page.pk})()
        number = iter(range(10**9))

        def count_one():
            request = factory.get(page.url, HTTP_USER_AGENT=f"Mozilla/5.0 bench/{next(number)}")
            request.user = type("Anonymous", (), {"is_authenticated": False})()
            usage.count_view(request, response)

        p50, p95 = time_calls(count_one, args.runs * 10)
        print(
            f"{'counting one view (with building its request)':<48}{p50:>10.3f}{p95:>10.3f}{0:>10}"
        )
        # The batch write: 200 views of 50 pages, divided by the views.
        others = list(StandardPage.objects.order_by("pk").values_list("pk", flat=True)[:50])
        times = []
        for _ in range(5):
            for n in range(200):
                usage.add_pending(others[n % len(others)], timezone.localdate(), "")
            start = time.perf_counter()
            usage.flush()
            times.append((time.perf_counter() - start) * 1000 / 200)
        p50, p95 = p50_p95(times)
        print(f"{'batch write, per view (200 views, 50 rows)':<48}{p50:>10.3f}{p95:>10.3f}{'':>10}")

    staff = Client()
    from django.contrib.auth import get_user_model

    staff.force_login(get_user_model().objects.get(username="bench-staff"))
    year = (timezone.localdate() - datetime.timedelta(days=364)).isoformat()
    for label, url in [
        ("dashboard, 90 days", "/admin/insights/usage/"),
        ("dashboard, a year", f"/admin/insights/usage/?start={year}"),
        ("dashboard, a year, one country", f"/admin/insights/usage/?start={year}&country=KE"),
    ]:
        staff.get(url)
        p50, p95, queries = measure_page(staff, url, max(5, args.runs // 3))
        print(f"{label:<48}{p50:>10.1f}{p95:>10.1f}{queries:>10}")


if __name__ == "__main__":
    main()
