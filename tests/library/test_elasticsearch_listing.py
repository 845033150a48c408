"""The library listing on Elasticsearch, without a cluster: what it asks and what it shows."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import translation
from elastic_transport import ConnectionError as TransportConnectionError

from library.listing import LibraryQuery, build_listing
from search.backends import cluster as cluster_state
from search.backends import elasticsearch as es_backend

pytestmark = pytest.mark.django_db


class FakeCluster:
    """Answers every search with ``hits`` (pks, best first) and ``aggregations``."""

    def __init__(self, hits=(), total=None, aggregations=None, error=None):
        self.requests = []
        self.hits = list(hits)
        self.total = len(self.hits) if total is None else total
        self.aggregations = aggregations or {}
        self.error = error

    def search(self, **kwargs):
        self.requests.append(kwargs)
        if self.error:
            raise self.error
        hits = [{"fields": {"pk": [str(pk)]}, "_score": 1.0} for pk in self.hits]
        aggregations = {
            name: {"buckets": [{"key": k, "doc_count": n} for k, n in counts.items()]}
            for name, counts in self.aggregations.items()
        }
        return {
            "hits": {"hits": hits, "total": {"value": self.total}},
            "aggregations": aggregations,
        }


@pytest.fixture
def cluster(monkeypatch):
    cluster_state.reset_fallback_state()
    backend = es_backend.PortalElasticsearchBackend(
        {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "site1_", "TIMEOUT": 1}
    )
    backend.es = FakeCluster()
    monkeypatch.setattr("search.es_library.get_search_backend", lambda *a, **k: backend)
    yield backend.es
    cluster_state.reset_fallback_state()


def listing(params, locale, user=None):
    with translation.override(locale.language_code):
        query = LibraryQuery.from_params(QueryDict(params))
        return build_listing(query, user or AnonymousUser(), locale)


def test_publication_documents_carry_facet_keys_with_theme_ancestors(taxonomy, publish):
    t = taxonomy
    page = publish(
        "Bolsa Familia",
        year=2019,
        themes=[t["cct"]],
        countries=[t["brazil"]],
        document_type=t["report"],
        languages=[t["spanish"]],
        organisations=[t["ipc"]],
    )
    facets = page.search_facets()
    assert facets["theme"] == ["cash-transfers", "cct", "social-assistance"]
    assert facets["country"] == ["br"] and facets["region"] == ["lac"]
    assert facets["type"] == ["report"] and facets["language"] == ["es"]
    assert facets["organisation"] == ["ipc-ig"] and facets["year"] == ["2019"]
    assert facets["listed"] == ["en", "es", "fr"]


def test_documents_of_many_publications_cost_no_query_each(taxonomy, publish):
    """Indexing in bulk reads the themes and their ancestors with the publications."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from library.models import PublicationPage

    t = taxonomy

    def queries_for_documents():
        with CaptureQueriesContext(connection) as ctx:
            documents = [p.search_facets() for p in PublicationPage.get_indexed_objects()]
        return len(ctx.captured_queries), documents

    publish("Bolsa Familia", themes=[t["cct"]])
    one, documents = queries_for_documents()
    assert documents[0]["theme"] == ["cash-transfers", "cct", "social-assistance"]
    for n in range(3):
        publish(f"Report {n}", themes=[t["cct"]], countries=[t["brazil"]])
    many, documents = queries_for_documents()
    assert len(documents) == 4
    assert all(d["theme"] == ["cash-transfers", "cct", "social-assistance"] for d in documents)
    assert many == one


def test_moving_a_theme_sends_its_publications_again_with_their_new_ancestors(
    taxonomy, publish, settings, monkeypatch, django_capture_on_commit_callbacks
):
    t = taxonomy
    page = publish("Bolsa Familia", themes=[t["cct"]])
    sent = []

    class Recorder:  # the Elasticsearch backend's index: kept while the cluster is down
        def get_index_for_model(self, model):
            return self

        def add_items_or_keep(self, model, objects):
            sent.extend((obj.pk, obj.search_facets()["theme"]) for obj in objects)

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "AUTO_UPDATE": True}
    }
    monkeypatch.setattr("library.indexing.get_search_backends", lambda *a, **k: [Recorder()])
    with django_capture_on_commit_callbacks(execute=True):
        t["cash"].parent = t["health"]
        t["cash"].save()
    assert sent == [(page.pk, ["cash-transfers", "cct", "health"])]


def test_a_text_query_is_answered_by_elasticsearch_in_one_request(
    cluster, taxonomy, publish, locales
):
    t = taxonomy
    brazil = publish("Bolsa Familia", themes=[t["cct"]], document_type=t["report"])
    mexico = publish("Prospera", themes=[t["cash"]], document_type=t["report"])
    secret = publish("Members note", abstract="members-only-canary", members_only=True)
    cluster.hits = [mexico.pk, secret.pk, brazil.pk]  # as if the cluster leaked one
    cluster.total = 3
    cluster.aggregations = {
        "theme": {"social-assistance": 2, "cash-transfers": 2, "cct": 1},
        "type": {"report": 2},
        "year": {"2020": 2},
        "country": {"zz": 4},  # a key the taxonomy does not know is left out
    }
    context = listing("q=transferencias&theme=cash-transfers&sort=relevance", locales["es"])
    assert len(cluster.requests) == 1
    body = cluster.requests[0]
    assert {"term": {"_facets.listed": "es"}} in body["query"]["bool"]["filter"]
    assert {"terms": {"_facets.theme": ["cash-transfers"]}} in body["query"]["bool"]["filter"]
    # The engine's order, and the access policy asked again: no members-only publication.
    assert [p.title for p in context["results"]] == ["Prospera", "Bolsa Familia"]
    assert "members-only-canary" not in str([p.abstract for p in context["results"]])
    theme_counts = {e["slug"]: e["count"] for e in context["facets"]["theme"]}
    assert theme_counts == {"social-assistance": 2, "cash-transfers": 2, "cct": 1}
    assert [e["label"] for e in context["facets"]["type"]] == ["Informe"]
    assert context["facets"]["country"] == []
    assert context["result_count"] == 3


def test_the_database_answers_when_elasticsearch_fails(cluster, taxonomy, publish, locales):
    t = taxonomy
    publish("Cash transfers in Brazil", themes=[t["cct"]], document_type=t["report"])
    publish("Health insurance in Kenya", themes=[t["health"]], document_type=t["report"])
    cluster.error = TransportConnectionError("connection refused")
    context = listing("q=cash&type=report", locales["en"])
    assert len(cluster.requests) == 1
    assert [p.title for p in context["results"]] == ["Cash transfers in Brazil"]
    assert {e["slug"]: e["count"] for e in context["facets"]["type"]} == {"report": 1}


def test_the_library_page_renders_an_elasticsearch_answer(
    client, cluster, taxonomy, publish, library
):
    t = taxonomy
    pages = [publish(f"Cash transfers {i}", themes=[t["cct"]]) for i in range(3)]
    cluster.hits = [pages[2].pk]
    cluster.total = 41  # page 3 of 3 at 20 a page
    cluster.aggregations = {"theme": {"cct": 41, "cash-transfers": 41, "social-assistance": 41}}
    response = client.get("/en/library/?q=cash&page=3")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cash transfers 2" in html and "Cash transfers 0" not in html
    assert "page=2" in html and "page=4" not in html
    assert cluster.requests[0]["from"] == 40


def test_past_the_last_page_of_an_elasticsearch_answer_the_first_is_shown(
    cluster, taxonomy, publish, locales
):
    """Asked for a page past the end, the engine answers no hits but a total: the first page
    is asked for and shown, as the database listing does."""
    pages = [publish(f"Cash transfers {i}", themes=[taxonomy["cct"]]) for i in range(3)]
    search = cluster.search

    def first_page_only(**kwargs):
        answer = search(**kwargs)
        if kwargs.get("from", 0):
            answer["hits"]["hits"] = []
        return answer

    cluster.search = first_page_only
    cluster.hits = [pages[1].pk, pages[0].pk]
    cluster.total = 2
    context = listing("q=cash&page=3", locales["en"])
    assert [r.get("from", 0) for r in cluster.requests] == [40, 0]
    assert context["results"].number == 1
    assert [p.title for p in context["results"]] == ["Cash transfers 1", "Cash transfers 0"]
    assert context["result_count"] == 2
