"""The library listing against a live Elasticsearch (only when ELASTICSEARCH_URL is set):
the same results and counts as the database engine.

Run: ``ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/library -m elasticsearch``
"""

import os
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
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


def test_elasticsearch_and_the_database_list_the_same(settings, taxonomy, publish, locales):
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
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [u.strip() for u in URL.split(",")],
            "INDEX_PREFIX": prefix,
            "AUTO_UPDATE": True,
        },
        "database": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True},
    }
    from wagtail.search.backends import get_search_backend

    call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
    backend = get_search_backend()
    backend.es.indices.refresh(index=f"{prefix}*")
    try:
        for case in cases:
            assert listing(case[0], locales[case[1]]) == expected[case], case
        assert expected[("q=canary", "en")][1] == 0
    finally:
        backend.es.indices.delete(index=f"{prefix}*")
