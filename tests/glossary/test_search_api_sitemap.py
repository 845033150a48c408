"""Glossary terms in the site search and autocomplete (in their language), in the API with
their fields, and in the sitemap; their translatable fields declared."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail_localize.fields import SynchronizedField, TranslatableField

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from portal.reader_urls import reader_url
from search import service

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


@pytest.fixture
def terms(term):
    return {
        "es": term(
            "es",
            "Focalización",
            synonyms="selección de beneficiarios",
            definition="<p>Reglas con que un programa dirige sus prestaciones.</p>",
        ),
        "en": term(
            "en",
            "Proxy means test",
            abbreviation="PMT",
            definition="<p>An estimate of a household's welfare from what is easy to see.</p>",
        ),
        "fr": term("fr", "Ciblage", definition="<p>Les règles d'un programme.</p>"),
    }


def glossary_hits(query, language):
    response = service.search(query, anon, language, types=["glossary_term"])
    return [hit.title for hit in response.hits]


def test_search_finds_a_term_by_its_word_in_its_language(terms):
    assert glossary_hits("focalizacion", "es") == ["Focalización"]
    assert glossary_hits("focalización", "es") == ["Focalización"]
    assert glossary_hits("focalizacion", "en") == []  # Spanish only
    assert glossary_hits("beneficiarios", "es") == ["Focalización"]  # a synonym
    assert glossary_hits("household welfare", "en") == ["Proxy means test"]  # the definition


def test_a_result_shows_the_definition_as_text(terms):
    (hit,) = service.search("focalizacion", anon, "es", types=["glossary_term"]).hits
    assert "Reglas con que un programa dirige sus prestaciones." in str(hit.snippet)
    assert "<p>" not in str(hit.snippet)


def test_search_finds_a_term_by_its_abbreviation(terms):
    assert glossary_hits("PMT", "en") == ["Proxy means test"]
    counts = {c["type"]: c["count"] for c in service.search("pmt", anon, "en").type_counts}
    assert counts["glossary_term"] == 1


def test_autocomplete_offers_terms(terms):
    labels = [item["label"] for item in service.autocomplete("focaliz", anon, "es")]
    assert "Focalización" in labels


def test_the_api_lists_glossary_terms_with_their_fields(client, terms):
    response = client.get("/api/v2/pages/?type=glossary.GlossaryTermPage&fields=*")
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {"Focalización", "Proxy means test", "Ciblage"}
    pmt = items["Proxy means test"]
    assert pmt["abbreviation"] == "PMT"
    assert pmt["definition"].startswith("<p>An estimate")
    assert pmt["related_terms"] == [] and pmt["themes"] == [] and pmt["synonym_list"] == []
    assert items["Focalización"]["synonym_list"] == ["selección de beneficiarios"]


def test_the_sitemap_lists_glossary_pages(client, terms):
    xml = client.get("/sitemap.xml").content.decode()
    for page in (*terms.values(), *GlossaryIndexPage.objects.all()):
        assert f"<loc>{reader_url(page, page.locale.language_code)}</loc>" in xml


def test_translatable_fields_are_declared():
    def names(model, kind):
        return {f.field_name for f in model.translatable_fields if isinstance(f, kind)}

    term = GlossaryTermPage
    assert {"title", "abbreviation", "synonyms", "definition", "sources"} <= names(
        term, TranslatableField
    )
    assert {"related_terms", "themes"} <= names(term, SynchronizedField)
    assert "title" in names(GlossaryIndexPage, TranslatableField)
