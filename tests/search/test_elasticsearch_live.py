"""The behavioural cases against a live Elasticsearch (only when ELASTICSEARCH_URL is set).

Run: ``ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/search -m elasticsearch``
"""

import os

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="ELASTICSEARCH_URL is not set"),
]
anon = AnonymousUser()


@pytest.fixture
def es(live_elasticsearch, pages, restricted):
    return live_elasticsearch()


def titles(response):
    return {hit.title for hit in response.hits}


def test_spanish_without_accents(es):
    found = titles(service.search("proteccion social", anon, "es"))
    assert {"Protección social en América Latina", "Sistemas de pensiones"} <= found


def test_taxonomy_labels_in_other_languages(es):
    assert "Cash transfers in Brazil" in titles(service.search("transferencias", anon, "all"))


def test_members_only_never_leak(es, member):
    assert not service.search("canary", anon, "all").total
    assert service.search("canary", member, "all").total == 1


def test_drafts_never_found(es):
    assert "Draft about pensions" not in titles(service.search("draft", anon, "all"))
