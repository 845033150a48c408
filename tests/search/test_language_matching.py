"""Matching on the configured engine (SQLite or PostgreSQL, and Elasticsearch in CI's third
pass).

The database engine is Wagtail's, with one analysis for every language (accents and case
folded, no stemming: ``search.backends.SEARCH_CONFIG``), the same on SQLite and PostgreSQL.
So a plural does not find its singular there any more, nor a Spanish stem a Spanish label:
the tests that asserted such stemming now assert the folding both databases share.
"""

import pytest
from wagtail.models import Page
from wagtail.search.query import And, Or, Phrase, PlainText

from search.service import engine_query, query_groups, search_ids

pytestmark = pytest.mark.django_db


def titles(ids):
    return {page.title for page in Page.objects.filter(pk__in=ids)}


def test_spanish_query_without_accents_finds_accented_words(pages):
    found = titles(search_ids(Page.objects.live(), "proteccion social", "es"))
    assert "Protección social en América Latina" in found


def test_accented_query_finds_the_same_words_unaccented(pages):
    found = titles(search_ids(Page.objects.live(), "protecciónes sociales", "es"))
    assert "Sistemas de pensiones" in found  # "protecciones sociales"


def test_english_words_are_matched_whole(pages):
    """No stemming on the database engine (whole words, as SQLite's FTS5 has them): the
    plural typed finds the plural written."""
    assert "Social protection policies" in titles(search_ids(Page.objects.live(), "policies", "en"))
    assert "Cash transfers in Brazil" in titles(search_ids(Page.objects.live(), "transfers", "en"))


def test_french_accents_are_folded(pages):
    found = titles(search_ids(Page.objects.live(), "systemes senegal", "fr"))
    assert found == {"Les systèmes de protection sociale"}


def test_taxonomy_labels_in_other_languages_match(pages):
    """An English page carrying the Spanish label of its theme is found by its words."""
    found = titles(search_ids(Page.objects.live(), "transferencias", "es"))
    assert "Cash transfers in Brazil" in found
    found = titles(search_ids(Page.objects.live(), "transferencias monetarias", "es"))
    assert "Cash transfers in Brazil" in found
    found = titles(search_ids(Page.objects.live(), "transferts monetaires", "fr"))
    assert "Cash transfers in Brazil" in found


def test_all_languages_when_no_language(pages):
    found = titles(search_ids(Page.objects.live(), "social"))
    assert {"Protección social en América Latina", "Social protection policies"} <= found


def test_queryset_restriction_is_kept(pages):
    """search_ids ranks within the queryset it is given: drafts excluded by the caller stay out."""
    assert "Sistemas de pensiones" in titles(search_ids(Page.objects.live(), "pensiones", "es"))
    found = titles(search_ids(Page.objects.live(), "pensiones", "es"))
    assert "Draft about pensions" not in found
    assert search_ids(Page.objects.none(), "pensiones", "es") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"proteccion',
        "AND OR NOT",
        "social*",
        "NEAR(a b)",
        "col:value",
        "-x",
        "()",
        "<script>alert(1)</script>",
        "a\x00b",
        "x" * 10_000,
        "proteccion " * 500,
        "\\",
        "%_",
        'a"b',
        "'proteccion'",
        "or or",
        '""',
        "x:*",
        "a & !b | c",
    ],
)
def test_hostile_queries_do_not_crash(pages, query):
    assert isinstance(search_ids(Page.objects.live(), query, "es"), list)


def test_queries_are_read_as_a_web_search_box_reads_them():
    assert query_groups('"social protection" AND prot*') == [
        [("social", "protection"), ("AND",), ("prot",)]
    ]
    assert query_groups("<b>x</b>") == [[("b",), ("x",), ("b",)]]
    assert query_groups("SDG 1.3 or www.who.int") == [[("SDG",), ("1.3",)], [("www.who.int",)]]
    assert query_groups("OR cash_transfer OR") == [[("cash_transfer",)]]
    assert sum(len(clause) for clause in query_groups("a " * 100)[0]) <= 16
    assert engine_query("!!! ()") is None


def test_engine_queries_are_wagtail_query_objects():
    query = engine_query('pension reform "social protection" or report.pdf')
    assert isinstance(query, Or)
    words_and_phrase, alternative = query.subqueries
    assert isinstance(words_and_phrase, And)
    plain, phrase = words_and_phrase.subqueries
    assert isinstance(plain, PlainText) and plain.query_string == "pension reform"
    assert isinstance(phrase, Phrase) and phrase.query_string == "social protection"
    assert isinstance(alternative, PlainText) and alternative.query_string == "report.pdf"
