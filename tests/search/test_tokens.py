"""Every token a page contains can be found, whatever characters it holds, on SQLite and
PostgreSQL alike (and on Elasticsearch in CI's third pass); ``or`` joins alternatives and is
never a word to find; results and counts agree, in the site search and in the API."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service
from tests.search.conftest import make_page

pytestmark = pytest.mark.django_db
anon = AnonymousUser()

TOKENS = {
    "SDG 1.3": "Progress on SDG 1.3",
    "2.5": "Coverage rose by 2.5 points",
    "www.who.int": "Figures from www.who.int",
    "report.pdf": "Download report.pdf for details",
    "cash_transfer": "The cash_transfer variable",
    "help@example.org": "Write to help@example.org",
}


@pytest.fixture
def token_pages(homes):
    from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory

    en = homes["en"]
    pages = {
        query: make_page(en, f"Note {n}", f"{sentence}. Nothing else.")
        for n, (query, sentence) in enumerate(TOKENS.items())
    }
    index = WebinarIndexPageFactory(parent=en, locale=en.locale)
    pages["webinar"] = WebinarSeriesPageFactory(
        parent=index,
        locale=en.locale,
        title="Series on registries",
        introduction="Slides at www.ilo.org and notes in slides_v2.pptx.",
    )
    return pages


def found(query, language="en"):
    return {hit.title for hit in service.search(query, anon, language).hits}


@pytest.mark.parametrize("query", list(TOKENS))
def test_tokens_with_dots_underscores_and_at_signs_are_found(token_pages, query):
    assert found(query) == {token_pages[query].title}


def test_tokens_of_a_webinar_series_are_found(token_pages):
    assert found("www.ilo.org") == {"Series on registries"}
    assert found("slides_v2.pptx") == {"Series on registries"}


def test_or_is_not_searched_as_a_word(homes):
    en = homes["en"]
    make_page(en, "Poverty lines", "Measuring poverty.")
    make_page(en, "Cash grants", "Paying cash.")
    make_page(en, "Pros or cons", "Weighing options.")
    assert found("cons") == {"Pros or cons"}  # the positive control: the page is indexed
    assert found("poverty OR cash") == {"Poverty lines", "Cash grants"}
    assert found("poverty or cash") == {"Poverty lines", "Cash grants"}
    assert found("OR") == set()


def test_a_quoted_phrase_is_a_phrase(homes):
    en = homes["en"]
    make_page(en, "Social protection floors", "Floors.")
    make_page(en, "Protection for social workers", "Workers.")
    assert found("social protection") == {
        "Social protection floors",
        "Protection for social workers",
    }
    assert found('"social protection"') == {"Social protection floors"}


def test_every_match_is_counted_and_reachable(homes):
    for n in range(23):
        make_page(homes["en"], f"Graduation note {n}", "Graduation approaches.")
    response = service.search("graduation", anon, "en")
    assert response.total == 23 and not response.total_capped
    reached = {
        hit.title
        for page in range(1, response.num_pages + 1)
        for hit in service.search("graduation", anon, "en", page=page).hits
    }
    assert len(reached) == 23


def test_api_total_count_equals_the_items(client, homes):
    for n in range(5):
        make_page(homes["en"], f"Zebrafish study {n}", "Zebrafish.")
    make_page(homes["en"], "Unrelated", "Nothing.")
    body = client.get("/api/v2/pages/", {"search": "zebrafish", "limit": 20}).json()
    assert body["meta"]["total_count"] == len(body["items"]) == 5
    body = client.get("/api/v2/pages/", {"search": "www.who.int", "limit": 20}).json()
    assert body["meta"]["total_count"] == len(body["items"]) == 0
    make_page(homes["en"], "Sources", "See www.who.int.")
    body = client.get("/api/v2/pages/", {"search": "www.who.int", "limit": 20}).json()
    assert body["meta"]["total_count"] == len(body["items"]) == 1
