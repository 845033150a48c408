"""Benchmark: the members export of 10,000 members (each with a profile, a country, an area of
expertise and a community membership) as CSV and as XLSX, through the admin view.

Prints the time to the last byte, the query count and the peak memory the export allocates
(tracemalloc, in a separate run: tracing slows the view down). Uses its own database: SQLite
in /tmp by default, or DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench_exports).

Usage: python bench/exports.py [--runs N] [--reuse]
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

from _site import bench_home  # bench/ is first on sys.path when a benchmark runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/bench_exports.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

MEMBERS = 10_000


def build():
    """The members, their profiles and memberships (bulk_create); returns a staff account
    holding the members export permission."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
    from community_pages.models import Membership
    from portal.factories import CountryFactory, ThemeFactory
    from portal.models import MemberProfile

    home = bench_home()
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home), slug="bench")
    country, theme = CountryFactory(), ThemeFactory(name="Pensions")
    User = get_user_model()
    User.objects.bulk_create(
        [
            User(username=f"bench{i}", email=f"bench{i}@example.org", first_name=f"Name {i}")
            for i in range(MEMBERS)
        ],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
    MemberProfile.objects.bulk_create(
        [MemberProfile(user=u, organisation="Ministry", country=country) for u in users],
        batch_size=1000,
    )
    Expertise = MemberProfile.expertise.through
    Expertise.objects.bulk_create(
        [Expertise(memberprofile=p, theme=theme) for p in MemberProfile.objects.all()],
        batch_size=1000,
    )
    Membership.objects.bulk_create(
        [Membership(community=community, user=u) for u in users], batch_size=1000
    )
    staff = User.objects.create(username="bench-staff", email="staff@example.org", is_staff=True)
    staff.groups.add(Group.objects.get(name="Editors"))
    staff.user_permissions.add(Permission.objects.get(codename="export_members"))
    return staff


def download(client, url):
    """``(seconds, bytes, queries)`` of one download of ``url``, read to its last byte."""
    from django.db import connection  # noqa: PLC0415 - called after django.setup()
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415 - likewise

    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        size = sum(len(piece) for piece in response.streaming_content)
        seconds = time.perf_counter() - start
    return seconds, size, len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--reuse", action="store_true", help="Measure the data built by the previous run."
    )
    args = parser.parse_args()
    default_db = os.environ["DATABASE_URL"] == f"sqlite:///{DEFAULT_DB}"
    if default_db and os.path.exists(DEFAULT_DB) and not args.reuse:
        os.remove(DEFAULT_DB)
    import django

    django.setup()
    import logging

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    logging.disable(logging.CRITICAL)
    staff = get_user_model().objects.filter(username="bench-staff").first() if args.reuse else None
    if staff is None:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(f"building {MEMBERS} members with profiles and memberships…", flush=True)
        staff = build()
    client = Client()
    client.force_login(staff)
    print(
        f"{'export':<28}{'best s':>10}{'worst s':>10}{'MB sent':>10}{'queries':>10}{'peak MB':>10}"
    )
    for label, url in [
        (f"members CSV ({MEMBERS})", "/admin/exports/members/?format=csv"),
        (f"members XLSX ({MEMBERS})", "/admin/exports/members/?format=xlsx"),
    ]:
        timings = [download(client, url) for _ in range(args.runs)]
        seconds = [t[0] for t in timings]
        tracemalloc.start()
        download(client, url)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        size, queries = timings[0][1] / 2**20, timings[0][2]
        print(
            f"{label:<28}{min(seconds):>10.2f}{max(seconds):>10.2f}{size:>10.1f}"
            f"{queries:>10}{peak:>10.1f}"
        )


if __name__ == "__main__":
    main()
