"""The same answers from every engine, and Elasticsearch's own guarantees.

The engine-neutral cases run on whichever engine the run has (SQLite, PostgreSQL, or
Elasticsearch when ELASTICSEARCH_URL is set: .ci/run's third pass). The cases that
need the live cluster say so and are skipped elsewhere: they compare it with the database
engine, which the settings keep up to date alongside, or break it on purpose.
"""

import logging
import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import translation

from library.listing import LibraryQuery, build_listing
from search import service
from search.backends import cluster
from tests.conftest import _on_elasticsearch

pytestmark = pytest.mark.django_db
anon = AnonymousUser()

HOSTILE = [
    '"',
    '"social protection',
    "social OR pensions",
    "AND OR NOT",
    "*",
    "pens*",
    "pension~",
    "~2",
    "\\",
    "a\\b",
    "(",
    ")",
    "[1 TO 5]",
    "{!}",
    "title:pension",
    "+cash -health",
    "/regex/",
    "<script>alert(1)</script>",
    "<b>cash</b>",
    "&amp;",
    "x" * 5000,
    "cash " * 400,
    "SDG 1.3",
    "www.who.int",
    "report.pdf",
    "ñ",
    "\u200b",
    "🙂",
]


@pytest.fixture
def tokens(publish):
    """Publications whose text holds tokens with dots and digits."""
    publish("Progress on SDG 1.3 social protection floors", abstract="Target SDG 1.3.")
    publish("Guidance from www.who.int on health coverage", abstract="See www.who.int.")
    publish("Annex report.pdf for cash transfers", abstract="The file report.pdf.")


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(tokens, query, client):
    for language in ("en", "es", "all"):
        service.search(query, anon, language)
        service.autocomplete(query, anon, language if language != "all" else "en")
    assert client.get("/es/library/", {"q": query}).status_code == 200
    assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    "query, title",
    [
        ("SDG 1.3", "Progress on SDG 1.3 social protection floors"),
        ("www.who.int", "Guidance from www.who.int on health coverage"),
        ("report.pdf", "Annex report.pdf for cash transfers"),
    ],
)
def test_tokens_with_dots_are_found(tokens, query, title):
    found = {hit.title for hit in service.search(query, anon, "en").hits}
    assert title in found
    with translation.override("en"):
        listing = build_listing(
            LibraryQuery.from_params(QueryDict(f"q={query}")), anon, _locale("en")
        )
    assert title in {p.title for p in listing["results"]}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


# --- Elasticsearch against the database engine --------------------------------------------


def _listing(params, code, user):
    with translation.override(code):
        # One page holds every result: the engines rank differently, so only the whole
        # result set can be compared.
        context = build_listing(
            LibraryQuery.from_params(QueryDict(params)), user, _locale(code), per_page=100
        )
    return (
        [p.title for p in context["results"]],
        context["result_count"],
        {
            name: dict(entries)
            if name == "year"
            else {entry["slug"]: entry["count"] for entry in entries}
            for name, entries in context["facets"].items()
        },
    )


@pytest.fixture
def catalogue(taxonomy, publish, library, locales):
    """Sixty publications in three languages, filed at random (seeded) under the taxonomy,
    a sixth of them members-only."""
    from portal.demo_utils import translate_instance

    t = taxonomy
    rng = random.Random(2026)
    words = {
        "en": ["cash transfers", "pensions", "health insurance", "social protection"],
        "es": ["transferencias monetarias", "pensiones", "seguro de salud", "protección social"],
        "fr": ["transferts monétaires", "retraites", "assurance maladie", "protection sociale"],
    }
    themes = [t["cash"], t["cct"], t["health"], t["social"]]
    countries = [t["brazil"], t["mexico"], t["kenya"]]
    made = []
    for n in range(60):
        code = ("en", "es", "fr")[n % 3]
        topic = rng.randrange(4)
        page = publish(
            f"{words[code][topic].capitalize()} {n}",
            parent=library[code],
            locale=locales[code],
            abstract=f"{words[code][topic]} {words[code][rng.randrange(4)]}",
            year=2015 + rng.randrange(10),
            members_only=(n % 6 == 5),
            themes=[themes[topic]],
            countries=[rng.choice(countries)],
            document_type=rng.choice([t["report"], t["brief"]]),
        )
        made.append(page)
    translate_instance(t["health"], "es", {"Health": "Salud"})
    return made


CASES = [
    ("q=cash", "en"),
    ("q=pension", "en"),
    ("q=social+protection", "en"),
    ("q=transferencias", "es"),
    ("q=proteccion+social", "es"),
    ("q=pensiones&theme=social-assistance", "es"),
    ("q=cash&country=br&country=mx", "en"),
    ("q=retraites", "fr"),
    ("q=transferts+monetaires", "fr"),
    ("q=health&year_from=2018&year_to=2022", "en"),
    ("q=cash&type=report", "en"),
]


def test_elasticsearch_lists_and_counts_as_the_database_engine(
    catalogue, settings, member, django_user_model
):
    """Query by query, for every reader: the same results, total and facet counts."""
    if not _on_elasticsearch():
        pytest.skip("needs a live Elasticsearch")
    readers = {
        "anonymous": anon,
        "member": member,
        "superuser": django_user_model.objects.create_superuser("root", "root@example.org", "x"),
    }
    on_elasticsearch = {
        (case, reader): _listing(*case, user) for case in CASES for reader, user in readers.items()
    }
    backends = dict(settings.WAGTAILSEARCH_BACKENDS)
    settings.WAGTAILSEARCH_BACKENDS = {"default": backends["database"]}
    for (case, reader), (titles, total, facets) in on_elasticsearch.items():
        expected_titles, expected_total, expected_facets = _listing(*case, readers[reader])
        # Relevance order differs between engines: the results are compared as sets.
        assert sorted(titles) == sorted(expected_titles), (case, reader)
        assert total == expected_total, (case, reader)
        assert facets == expected_facets, (case, reader)
        assert expected_total > 0, (case, reader)


def test_members_only_publications_leave_no_trace_for_anonymous_readers(catalogue):
    secret = [p for p in catalogue if p.members_only]
    listing = _listing("q=cash", "en", anon)
    assert not {p.title for p in secret} & set(listing[0])
    total = sum(listing[2]["year"].values())
    assert total == listing[1]


def test_highlights_are_shown_in_the_readers_language(catalogue, client):
    if not _on_elasticsearch():
        pytest.skip("highlights come from Elasticsearch")
    html = client.get("/es/library/", {"q": "pensiones"}).content.decode()
    assert "<mark>pensiones</mark>" in html.lower()
    assert "<script" not in html.split("<mark>")[1][:200]


# --- faults ---------------------------------------------------------------------------------


def _as_set(listing):
    titles, total, facets = listing
    return sorted(titles), total, facets


def _broken(settings, **changes):
    backends = {name: dict(value) for name, value in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"].update(changes)
    settings.WAGTAILSEARCH_BACKENDS = backends


@pytest.mark.parametrize(
    "fault",
    [
        {"URLS": ["http://127.0.0.1:9"]},  # a stopped cluster: the connection is refused
        {"INDEX_PREFIX": "missing_"},  # a cluster that answers errors: no such index
    ],
    ids=["stopped", "no-index"],
)
def test_a_failing_cluster_is_answered_by_the_database_engine_and_logged_once(
    catalogue, settings, client, caplog, fault
):
    if not _on_elasticsearch():
        pytest.skip("needs a live Elasticsearch")
    working = settings.WAGTAILSEARCH_BACKENDS
    expected = _as_set(_listing("q=transferencias", "es", anon))
    search_expected = {h.title for h in service.search("pensiones", anon, "es").hits}
    settings.SEARCH_FALLBACK_RETRY_AFTER = 0
    _broken(settings, TIMEOUT=2, **fault)
    with caplog.at_level(logging.ERROR, logger="search"):
        for _ in range(3):
            # The database engine ranks differently: the same results, counts and facets.
            assert _as_set(_listing("q=transferencias", "es", anon)) == expected
            assert {h.title for h in service.search("pensiones", anon, "es").hits} == (
                search_expected
            )
            assert client.get("/es/search/autocomplete/", {"q": "pens"}).status_code == 200
            assert client.get("/es/library/", {"q": "pensiones"}).status_code == 200
    failures = [r for r in caplog.records if "Elasticsearch failed" in r.getMessage()]
    assert len(failures) == 1
    assert cluster.last_failure()
    # The cluster answers again: the next search goes back to it.
    cluster.reset_fallback_state()
    settings.WAGTAILSEARCH_BACKENDS = working
    assert _as_set(_listing("q=transferencias", "es", anon)) == expected
    assert not cluster.last_failure()


def test_update_index_rebuilds_behind_an_alias_while_searches_answer(catalogue):
    """Wagtail's atomic rebuild: a new index is built under a new name, then the alias the
    site reads moves to it; searches answer from the old index until then."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from library.models import PublicationPage

    if not _on_elasticsearch():
        pytest.skip("needs a live Elasticsearch")
    backend = get_search_backend()
    index = backend.get_index_for_model(PublicationPage)
    assert index.name.startswith(backend.index_prefix)
    assert index.is_alias()
    before = set(backend.es.indices.get_alias(index=index.name))
    found = _as_set(_listing("q=transferencias", "es", anon))
    out = StringIO()
    call_command("update_index", backend_name="default", stdout=out)
    after = set(backend.es.indices.get_alias(index=index.name))
    assert before != after and len(after) == 1
    assert not backend.es.indices.exists(index=",".join(before))  # the old one is dropped
    assert "indexed" in out.getvalue()
    assert _as_set(_listing("q=transferencias", "es", anon)) == found
