"""Benchmark: the timeline ("My portal") at 5,000 members following 50 things each, with
100,000 events (discussions and replies) in 50 communities.

Each member belongs to 5 communities (of every privacy setting) and follows 50 things: 20
discussions, 20 other members, 5 communities, 3 themes and 2 countries. Prints p50/p95
server time and the query count of ``/en/my-portal/`` (its first page and its fifth) for a
sample of members, logged in, and the same for the saved searches page. Uses its own
database: PostgreSQL by default (``postgres://postgres@127.0.0.1:5432/bench_timeline``,
created if missing; ``scripts/services postgres`` starts the server), or DATABASE_URL.

Usage: python bench/timeline.py [--runs N] [--members K] [--reuse]
"""

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

from _site import bench_home  # bench/ is first on sys.path when a benchmark runs
from _timing import p50_p95

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/bench_timeline"
os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

MEMBERS, COMMUNITIES, PER_MEMBER = 5000, 50, 5
THREADS, COMMENTS = 20_000, 80_000  # 100,000 events
FOLLOWS = {"thread": 20, "member": 20, "community": 5, "theme": 3, "country": 2}
PRIVACY = ["public", "open", "semi-private", "private", "hidden"]


def ensure_database(url, fresh):
    """Create the database of ``url`` when it is missing (afresh with ``fresh``)."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if fresh and path.exists():
            path.unlink()
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def build(rng):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
    from community_pages.models import Comment, Membership, Thread
    from portal.models import Follow, MemberProfile

    home = bench_home()
    index = CommunityIndexPageFactory(parent=home)
    communities = [
        CommunityPageFactory(
            parent=index,
            title=f"Community {number}",
            slug=f"bench-{number}",
            privacy=PRIVACY[number % len(PRIVACY)],
        )
        for number in range(COMMUNITIES)
    ]
    User = get_user_model()
    User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org") for i in range(MEMBERS)],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
    MemberProfile.objects.bulk_create(
        [MemberProfile(user=user, show_in_directory=True) for user in users],
        batch_size=1000,
        ignore_conflicts=True,
    )
    member_of = {user.pk: rng.sample(communities, PER_MEMBER) for user in users}
    Membership.objects.bulk_create(
        [
            Membership(community=community, user=user, role="admin" if i % 97 == 0 else "member")
            for i, user in enumerate(users)
            for community in member_of[user.pk]
        ],
        batch_size=2000,
    )
    now = timezone.now()
    threads = []
    for number in range(THREADS):
        author = users[rng.randrange(MEMBERS)]
        community = rng.choice(member_of[author.pk])
        threads.append(
            Thread(
                community=community,
                author=author,
                title=f"Discussion {number}",
                body="<p>How do we reach older people in rural areas?</p>",
                audience=f"c{community.pk}",
                created_at=now - timezone.timedelta(minutes=3 * number),
                last_activity_at=now - timezone.timedelta(minutes=3 * number),
            )
        )
    Thread.objects.bulk_create(threads, batch_size=2000)
    thread_ids = list(Thread.objects.order_by("pk").values_list("pk", flat=True))
    Comment.objects.bulk_create(
        [
            Comment(
                thread_id=rng.choice(thread_ids),
                author=users[rng.randrange(MEMBERS)],
                body="<p>In our programme, mobile payments helped.</p>",
                created_at=now - timezone.timedelta(seconds=45 * number),
            )
            for number in range(COMMENTS)
        ],
        batch_size=5000,
    )
    follows = []
    for user in users:
        keys = {
            "thread": [str(pk) for pk in rng.sample(thread_ids, FOLLOWS["thread"])],
            "member": [str(u.pk) for u in rng.sample(users, FOLLOWS["member"])],
            "community": [
                str(c.translation_key) for c in rng.sample(communities, FOLLOWS["community"])
            ],
            "theme": [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(FOLLOWS["theme"])],
            "country": [
                str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(FOLLOWS["country"])
            ],
        }
        follows += [
            Follow(user=user, kind=kind, key=key) for kind, values in keys.items() for key in values
        ]
    Follow.objects.bulk_create(follows, batch_size=5000, ignore_conflicts=True)
    return users


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    # Timeline entries, or the Following page's stop buttons.
    shown = response.content.count(b'class="timeline-entry"')
    shown += response.content.count(b'value="unfollow"')
    return elapsed, len(ctx.captured_queries), shown


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Views of each page per member.")
    parser.add_argument("--members", type=int, default=40, help="Members sampled.")
    parser.add_argument("--reuse", action="store_true", help="Measure the previous data.")
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"], fresh=not args.reuse)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    import logging

    logging.disable(logging.CRITICAL)
    from community_pages.models import Comment, Thread
    from portal.models import Follow

    rng = random.Random(2026)
    User = get_user_model()
    if not args.reuse:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(
            f"building {MEMBERS} members, {COMMUNITIES} communities, {THREADS} discussions, "
            f"{COMMENTS} replies, {sum(FOLLOWS.values())} follows each…",
            flush=True,
        )
        started = time.perf_counter()
        build(rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    print(
        f"{User.objects.count()} accounts, {Thread.objects.count()} discussions, "
        f"{Comment.objects.count()} replies, {Follow.objects.count()} follows"
    )
    sample = list(User.objects.filter(username__startswith="bench").order_by("?")[: args.members])
    print(f"{'view':<22}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}{'items shown':>14}")
    for label, url in [
        ("My portal, page 1", "/en/my-portal/"),
        ("My portal, page 5", "/en/my-portal/?page=5"),
        ("Following", "/en/profile/following/"),
    ]:
        times, queries, shown = [], [], []
        for user in sample:
            client = Client()
            client.force_login(user)
            client.get(url)  # warm up: this member's session, the templates
            for _ in range(args.runs):
                elapsed, count, items = measure(client, url)
                times.append(elapsed)
                queries.append(count)
                shown.append(items)
        p50, p95 = p50_p95(times)
        counts = f"{min(queries)}–{max(queries)}"
        items = f"{min(shown)}–{max(shown)}"
        print(f"{label:<22}{p50:>10.1f}{p95:>10.1f}{counts:>10}{items:>14}")


if __name__ == "__main__":
    main()
