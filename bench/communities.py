"""Benchmark: a community with 5,000 members, 2,000 threads and 20,000 comments.

Prints p50/p95 server time and the query count of the community home, the discussion list
and a long thread, for a logged-in member. Uses its own database: SQLite in /tmp by default,
or DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench_communities).

Usage: python bench/communities.py [--runs N]
"""

import argparse
import os
import sys
from pathlib import Path

from _site import bench_home  # bench/ is first on sys.path when a benchmark runs
from _timing import measure_page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/bench_communities.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

MEMBERS, THREADS, COMMENTS, LONG_THREAD = 5000, 2000, 20000, 400


def build():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
    from community_pages.models import Comment, Membership, Thread

    home = bench_home()
    index = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(
        parent=index, title="Bench community", slug="bench", privacy="public"
    )
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org") for i in range(MEMBERS)],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
    Membership.objects.bulk_create(
        [
            Membership(community=community, user=u, role="admin" if i == 0 else "member")
            for i, u in enumerate(users)
        ],
        batch_size=1000,
    )
    now = timezone.now()
    audience = f"c{community.pk}"
    Thread.objects.bulk_create(
        [
            Thread(
                community=community,
                author=users[i % MEMBERS],
                title=f"Thread {i}",
                body="<p>Question</p>",
                audience=audience,
                created_at=now,
                last_activity_at=now - timezone.timedelta(minutes=i),
            )
            for i in range(THREADS)
        ],
        batch_size=1000,
    )
    threads = list(Thread.objects.order_by("pk").values_list("pk", flat=True))
    long_thread = threads[0]
    comments = [
        Comment(thread_id=long_thread, author=users[i % MEMBERS], body="<p>Reply</p>")
        for i in range(LONG_THREAD)
    ]
    rest = COMMENTS - LONG_THREAD
    comments += [
        Comment(
            thread_id=threads[1 + i % (THREADS - 1)],
            author=users[i % MEMBERS],
            body="<p>Comment</p>",
        )
        for i in range(rest)
    ]
    Comment.objects.bulk_create(comments, batch_size=2000)
    Thread.objects.filter(pk=long_thread).update(comment_count=LONG_THREAD)
    return community, users[1], long_thread


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--reuse", action="store_true", help="Measure the data built by the previous run."
    )
    args = parser.parse_args()
    default_db = os.environ["DATABASE_URL"] == f"sqlite:///{DEFAULT_DB}"
    if default_db and os.path.exists(DEFAULT_DB) and not args.reuse:
        os.remove(DEFAULT_DB)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    import logging

    logging.disable(logging.CRITICAL)
    from community_pages.models import CommunityPage, Thread

    existing = CommunityPage.objects.filter(slug="bench").first() if args.reuse else None
    if existing is None:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(f"building {MEMBERS} members, {THREADS} threads, {COMMENTS} comments…", flush=True)
        community, member, long_thread = build()
    else:
        from django.contrib.auth import get_user_model

        community = existing
        member = get_user_model().objects.get(username="bench1")
        long_thread = Thread.objects.order_by("pk").values_list("pk", flat=True).first()
    client = Client()
    client.force_login(member)
    base = community.url
    print(f"{'view':<28}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}")
    for label, url in [
        ("community home", base),
        ("discussion list", base + "discussions/"),
        ("discussion list, page 40", base + "discussions/?page=40"),
        (f"long thread ({LONG_THREAD} comments)", base + f"discussions/{long_thread}/"),
    ]:
        client.get(url)  # warm up
        p50, p95, queries = measure_page(client, url, args.runs)
        print(f"{label:<28}{p50:>10.1f}{p95:>10.1f}{queries:>10}")


if __name__ == "__main__":
    main()
