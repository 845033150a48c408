"""Benchmark: a survey of a 5,000-member community answered by every member.

Prints p50/p95 server time, the query count and the peak memory the view allocates
(tracemalloc) for the survey's results (charts of four questions, one of them free text) and
its CSV of 5,000 rows, as its creator reads them; and the surveys listing of a member with 200
surveys to see. Uses its own database: SQLite in /tmp by default, or DATABASE_URL (e.g.
postgres://postgres@127.0.0.1:5432/bench_surveys).

Usage: python bench/surveys.py [--runs N] [--reuse]
"""

import argparse
import os
import sys
import tracemalloc
from pathlib import Path

from _site import bench_home  # bench/ is first on sys.path when a benchmark runs
from _timing import measure_page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/bench_surveys.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

MEMBERS, SURVEYS = 5000, 200
SECTIONS = ["Library", "Communities", "Webinars"]
TOPICS = ["Pensions", "Cash transfers", "Public works"]


def build():
    from django.contrib.auth import get_user_model

    from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
    from community_pages.models import Membership
    from surveys.factories import SurveyIndexPageFactory, make_survey
    from surveys.models import SurveyRespondent, SurveyResponse

    home = bench_home()
    community = CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home), slug="bench", privacy="private"
    )
    User = get_user_model()
    User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org") for i in range(MEMBERS)],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
    Membership.objects.bulk_create(
        [
            Membership(community=community, user=user, role="admin" if i == 0 else "member")
            for i, user in enumerate(users)
        ],
        batch_size=1000,
    )
    index = SurveyIndexPageFactory(parent=home)
    survey = make_survey(index, users[0], title="Bench survey", community=community)
    for number in range(SURVEYS - 1):
        make_survey(
            index, users[0], title=f"Survey {number}", community=community if number % 2 else None
        )
    SurveyRespondent.objects.bulk_create(
        [SurveyRespondent(survey=survey, user=user) for user in users], batch_size=1000
    )
    SurveyResponse.objects.bulk_create(
        [
            SurveyResponse(
                page=survey,
                form_data={
                    "q1": 1 + i % 5,
                    "q2": SECTIONS[i % 3],
                    "q3": TOPICS[: 1 + i % 3],
                    "q4": f"Answer number {i}: more evaluations, please." if i % 4 else "",
                },
            )
            for i in range(MEMBERS)
        ],
        batch_size=1000,
    )
    return survey, users[0], users[1]


def measure(client, url, runs):
    """Timings and queries (``bench/_timing.measure_page``), and apart the peak memory one
    more call allocates: tracing every allocation slows the view down several times."""
    p50, p95, queries = measure_page(client, url, runs)
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return p50, p95, queries, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
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

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    logging.disable(logging.CRITICAL)
    from django.contrib.auth import get_user_model

    from surveys.models import SurveyPage

    existing = SurveyPage.objects.filter(title="Bench survey").first() if args.reuse else None
    if existing is None:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(f"building a survey answered by {MEMBERS} members, {SURVEYS} surveys…", flush=True)
        survey, creator, member = build()
    else:
        survey = existing
        creator = get_user_model().objects.get(username="bench0")
        member = get_user_model().objects.get(username="bench1")
    creators, members = Client(), Client()
    creators.force_login(creator)
    members.force_login(member)
    print(f"{'view':<36}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}{'peak MB':>10}")
    for label, client, url in [
        (f"results ({MEMBERS} answers)", creators, survey.url + "results/"),
        (f"results CSV ({MEMBERS} rows)", creators, survey.url + "results/csv/"),
        (f"surveys listing ({SURVEYS} surveys)", members, survey.get_parent().url),
        ("the survey, answered", members, survey.url),
    ]:
        client.get(url)  # warm up
        p50, p95, queries, peak = measure(client, url, args.runs)
        print(f"{label:<36}{p50:>10.1f}{p95:>10.1f}{queries:>10}{peak:>10.1f}")


if __name__ == "__main__":
    main()
