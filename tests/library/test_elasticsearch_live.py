"""The library listing against a live Elasticsearch (only when ELASTICSEARCH_URL is set):
the same results and counts as the database engine.

Run: ``ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/library -m elasticsearch``
"""

import os

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import translation

from library.listing import LibraryQuery, build_listing

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="ELASTICSEARCH_URL is not set"),
]


def listing(params, locale):
    with translation.override(locale.language_code):
        query = LibraryQuery.from_params(QueryDict(params))
        context = build_listing(query, AnonymousUser(), locale)
    return (
        sorted(p.title for p in context["results"]),
        context["result_count"],
        {
            name: {e["slug"]: e["count"] for e in entries}
            for name, entries in context["facets"].items()
            if name != "year"
        },
    )


def test_elasticsearch_and_the_database_list_the_same(
    live_elasticsearch, taxonomy, publish, locales
):
    t = taxonomy
    publish("Cash transfers in Brazil", themes=[t["cct"]], countries=[t["brazil"]])
    publish("Transferencias en México", themes=[t["cash"]], countries=[t["mexico"]])
    publish("Health insurance in Kenya", themes=[t["health"]], countries=[t["kenya"]])
    publish("Cash note", themes=[t["cct"]], abstract="members-only-canary", members_only=True)
    cases = [
        ("q=cash", "en"),
        ("q=transferencias&theme=social-assistance", "es"),
        ("q=canary", "en"),
    ]
    expected = {case: listing(case[0], locales[case[1]]) for case in cases}
    live_elasticsearch()
    for case in cases:
        assert listing(case[0], locales[case[1]]) == expected[case], case
    assert expected[("q=canary", "en")][1] == 0
