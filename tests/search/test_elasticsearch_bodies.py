"""The Elasticsearch engine without a cluster: the request bodies it sends, and its fallback."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from elastic_transport import ConnectionError as TransportConnectionError
from wagtail.models import Page

from search.backends import cluster
from search.backends import elasticsearch as es_backend
from search.es_library import build_library_search

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


class FakeIndices:
    def __init__(self, calls):
        self.calls = calls

    def create(self, **kwargs):
        self.calls.append(("indices.create", kwargs))

    def put_mapping(self, **kwargs):
        self.calls.append(("indices.put_mapping", kwargs))

    def exists(self, **kwargs):
        return False

    def refresh(self, **kwargs):
        pass


class FakeES:
    """Records every request; answers with ``hits`` (a list of pks) or raises ``error``."""

    def __init__(self, hits=(), error=None):
        self.calls = []
        self.hits = list(hits)
        self.error = error
        self.indices = FakeIndices(self.calls)

    def _answer(self, kind, kwargs):
        self.calls.append((kind, kwargs))
        if self.error:
            raise self.error

    def search(self, **kwargs):
        self._answer("search", kwargs)
        hits = [{"fields": {"pk": [str(pk)]}, "_score": 1.0} for pk in self.hits]
        return {"hits": {"hits": hits, "total": {"value": len(hits)}}, "aggregations": {}}

    def count(self, **kwargs):
        self._answer("count", kwargs)
        return {"count": len(self.hits)}

    def index(self, **kwargs):
        self._answer("index", kwargs)


@pytest.fixture
def backend(settings):
    cluster.reset_fallback_state()
    backend = es_backend.PortalElasticsearchBackend(
        {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "site1_", "TIMEOUT": 1}
    )
    backend.es = FakeES()
    yield backend
    cluster.reset_fallback_state()


def test_index_settings_define_language_analysers(backend):
    analysis = backend.settings["settings"]["analysis"]
    spanish = analysis["analyzer"]["portal_spanish"]
    assert spanish["filter"] == [
        "lowercase",
        "asciifolding",
        "portal_spanish_stemmer",
        "portal_plural",
    ]
    assert analysis["filter"]["portal_spanish_stemmer"]["language"] == "light_spanish"
    assert "asciifolding" in analysis["analyzer"]["portal_french"]["filter"]
    assert "portal_english_stemmer" in analysis["analyzer"]["portal_english"]["filter"]
    # Wagtail's own analysers are kept (autocomplete).
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_index_names_carry_the_prefix(backend):
    assert backend.get_index_for_model(Page).name == "site1_wagtailcore_page"


def test_mapping_has_language_subfields_and_document_language(backend, pages):
    from portal.models import StandardPage

    mapping = es_backend.PortalElasticsearchMapping(StandardPage)
    properties = mapping.get_mapping()["properties"]
    all_text = properties["_all_text"]
    assert all_text["analyzer"] == "portal_folding"
    assert all_text["fields"]["es"] == {"type": "text", "analyzer": "portal_spanish"}
    assert all_text["fields"]["fr"]["analyzer"] == "portal_french"
    assert properties["_language"] == {"type": "keyword"}
    assert properties["_facets"]["properties"]["theme"] == {"type": "keyword"}
    assert mapping.get_document(pages["es_proteccion"])["_language"] == "es"
    assert mapping.get_document(pages["fr_protection"])["_language"] == "fr"


def test_index_creation_sends_settings_and_mapping(backend):
    from portal.models import StandardPage

    index = backend.get_index_for_model(StandardPage)
    index.put()
    index.add_model(StandardPage)
    create = dict(backend.es.calls)["indices.create"]
    assert create["index"] == "site1_wagtailcore_page"
    assert "portal_spanish" in create["settings"]["analysis"]["analyzer"]
    put_mapping = dict(backend.es.calls)["indices.put_mapping"]
    assert put_mapping["properties"]["_all_text"]["fields"]["en"]["analyzer"] == "portal_english"


def _search_body(backend):
    kind, kwargs = [c for c in backend.es.calls if c[0] == "search"][-1]
    return kwargs


def test_query_uses_the_readers_language_fields(backend, pages):
    spanish = backend.for_languages(["es"])
    spanish.es = backend.es
    backend.es.hits = [pages["es_proteccion"].pk]
    results = list(spanish.search("proteccion social", Page.objects.live(), operator="and"))
    assert results == [pages["es_proteccion"].page_ptr]
    body = _search_body(backend)
    fields = body["query"]["bool"]["must"]["multi_match"]["fields"]
    assert "_all_text.es" in fields and "_all_text.en" not in fields
    assert any(f.startswith("_all_text^") for f in fields)
    assert body["query"]["bool"]["must"]["multi_match"]["operator"] == "and"
    assert body["index"] == "site1_wagtailcore_page"


def test_all_languages_query_every_language_field(backend, pages):
    list(backend.search("social", Page.objects.live()))
    fields = _search_body(backend)["query"]["bool"]["must"]["multi_match"]["fields"]
    assert {"_all_text.en", "_all_text.es", "_all_text.fr"} <= set(fields)


def test_permission_filter_on_audience_is_in_the_request(backend, restricted):
    from portal.access import search_filters
    from webinars.models import WebinarSeriesPage

    qs = WebinarSeriesPage.objects.live().filter(**search_filters(anon))
    list(backend.search("pensions", qs))
    filters = _search_body(backend)["query"]["bool"]["filter"]
    assert {"terms": {"webinars_webinarseriespage__audience_filter": ["public"]}} in filters[1][
        "bool"
    ]["must"] or "audience_filter" in str(filters)
    assert "'public'" in str(filters) and "members" not in str(filters)


def test_library_request_has_facets_permissions_and_highlighting(restricted):
    from webinars.models import WebinarSeriesPage

    search = build_library_search(
        WebinarSeriesPage,
        "site1_wagtailcore_page",
        "transferencias",
        anon,
        language="es",
        locale_id=3,
        filters={"theme": ["cash-transfers"], "country": ["br", "mx"], "bogus": ["x"]},
        page=2,
        per_page=20,
        listed_in="es",
        year_from=2010,
        year_to=2020,
        sort="newest",
    )
    body = search.to_dict()
    text_query = body["query"]["bool"]["must"][0]["simple_query_string"]
    assert text_query["fields"][0] == "_all_text.es"
    assert text_query["default_operator"] == "and"  # every word, as on the database engine
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"webinars_webinarseriespage__audience_filter": ["public"]}} in filters
    assert {"term": {"live_filter": True}} in filters
    assert {"term": {"locale_id_filter": 3}} in filters or {"term": {"locale_filter": 3}} in filters
    # The reader's translation of each publication, the chosen terms and the years narrow
    # the results and every count alike (counts of the current result set).
    assert {"term": {"_facets.listed": "es"}} in filters
    assert {"terms": {"_facets.theme": ["cash-transfers"]}} in filters
    assert {"terms": {"_facets.country": ["br", "mx"]}} in filters
    assert {"range": {"_facets.year": {"gte": "2010", "lte": "2020"}}} in filters
    assert "post_filter" not in body
    assert "bogus" not in str(body)
    assert body["aggs"]["theme"] == {"terms": {"field": "_facets.theme", "size": 200}}
    assert set(body["aggs"]) >= {"theme", "region", "country", "type", "language", "year"}
    assert body["sort"][0] == {"_facets.year": "desc"}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert "title" in body["highlight"]["fields"]
    assert body["from"] == 20 and body["size"] == 20


def test_members_see_members_audience_in_library_request(restricted, member):
    from webinars.models import WebinarSeriesPage

    body = build_library_search(WebinarSeriesPage, "i", "", member).to_dict()
    assert {
        "terms": {"webinars_webinarseriespage__audience_filter": ["public", "members"]}
    } in body["query"]["bool"]["filter"]


def test_falls_back_to_the_database_and_logs_once(backend, pages, locales, caplog):
    """The database engine answers (whole words, accents folded: one page, since it does
    not stem "protecciones sociales" as Elasticsearch's Spanish analyser does)."""
    backend.es.error = TransportConnectionError("connection refused")
    caplog.set_level(logging.ERROR, logger="search")
    spanish = backend.for_languages(["es"])
    spanish.es = backend.es
    for _ in range(3):
        qs = Page.objects.live().filter(locale_id=locales["es"].pk)
        results = spanish.search("proteccion social", qs)
        titles = {page.title for page in results}
        assert "Protección social en América Latina" in titles
        assert results.count() == 1
    records = [r for r in caplog.records if "Elasticsearch failed" in r.getMessage()]
    assert len(records) == 1
    # While the cluster rests, it is not asked again.
    calls = len(backend.es.calls)
    list(spanish.search("social", Page.objects.live()))
    assert len(backend.es.calls) == calls


def test_service_answers_when_elasticsearch_is_down(settings, pages, caplog):
    from search import service

    cluster.reset_fallback_state()
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "AUTO_UPDATE": False,
        },
        "database": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "portal_simple",
            "AUTO_UPDATE": True,
        },
    }
    caplog.set_level(logging.ERROR, logger="search")
    response = service.search("proteccion social or pensiones", anon, "es")
    assert {hit.title for hit in response.hits} == {
        "Protección social en América Latina",
        "Sistemas de pensiones",
    }
    assert len([r for r in caplog.records if "Elasticsearch failed" in r.getMessage()]) == 1
    cluster.reset_fallback_state()
