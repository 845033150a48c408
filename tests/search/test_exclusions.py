"""``-word`` in the site search excludes the results holding the word, on every engine (SQLite,
PostgreSQL, and Elasticsearch in CI's third pass), in every source: pages, webinars and
publications; counts and pages agree with the results shown; a query of excluded words only
finds nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service
from tests.conftest import skip_on_elasticsearch
from tests.search.conftest import make_page

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


def found(query, language="en", **kwargs):
    return {hit.title for hit in service.search(query, anon, language, **kwargs).hits}


@pytest.fixture
def pension_pages(homes):
    en = homes["en"]
    return {
        "plain": make_page(en, "Pension reform in Chile", "Contributions and benefits."),
        # The excluded word in the body only: the title alone matches "pension".
        "body": make_page(en, "Pension design notes", "Benefits for disability and old age."),
        "title": make_page(en, "Disability pension rules", "Eligibility."),
        "phrase": make_page(en, "Pension floors", "Social protection floors for all."),
        "other": make_page(en, "Cash grants", "Paying cash to families."),
    }


def test_a_word_with_a_leading_minus_excludes_the_results_holding_it(pension_pages):
    # The positive control: every pension page is indexed and found.
    assert found("pension") == {
        "Pension reform in Chile",
        "Pension design notes",
        "Disability pension rules",
        "Pension floors",
    }
    assert found("disability") == {"Pension design notes", "Disability pension rules"}
    assert found("pension -disability") == {"Pension reform in Chile", "Pension floors"}
    assert found("-disability pension") == {"Pension reform in Chile", "Pension floors"}
    assert found("pension -disability -chile") == {"Pension floors"}
    # Folded as the documents are: accents and case do not let a word through.
    assert found("pension -DISABILITY") == {"Pension reform in Chile", "Pension floors"}
    assert found("pension -chilé") == {
        "Pension design notes",
        "Disability pension rules",
        "Pension floors",
    }


def test_a_phrase_with_a_leading_minus_excludes_the_phrase(pension_pages):
    assert found('pension "social protection"') == {"Pension floors"}  # positive control
    assert found('pension -"social protection"') == {
        "Pension reform in Chile",
        "Pension design notes",
        "Disability pension rules",
    }
    # Only the phrase is excluded, not its words apart.
    assert found('pension -"protection social"') == found("pension")


def test_an_excluded_token_leaves_out_what_the_token_finds(homes):
    """``-www.who.int`` or ``-e-mail`` leave out exactly what ``www.who.int`` or ``e-mail``
    find, each engine splitting the token as it splits documents."""
    en = homes["en"]
    make_page(en, "Figures note", "Figures from www.who.int by e-mail.")
    make_page(en, "Figures list", "Figures from who and int, e and mail.")
    make_page(en, "Figures table", "Figures.")
    everything = {"Figures note", "Figures list", "Figures table"}
    assert found("figures") == everything  # the positive control
    for token in ("www.who.int", "e-mail"):
        assert "Figures note" in found(token), token
        assert found(f"figures -{token}") == everything - found(token), token
    assert found("figures -www.who.int") == {"Figures list", "Figures table"}
    assert found("figures -e-mail -mail") == {"Figures table"}


def test_exclusions_hold_for_every_alternative(pension_pages):
    assert found("pension or cash") == found("pension") | {"Cash grants"}
    assert found("pension or cash -disability") == {
        "Pension reform in Chile",
        "Pension floors",
        "Cash grants",
    }


def test_a_query_of_excluded_words_only_finds_nothing(pension_pages):
    for query in ("-disability", "-disability -chile", '-"social protection"', "- -"):
        response = service.search(query, anon, "en")
        assert response.total == 0 and not response.hits, query
        assert not response.type_counts, query
    assert service.engine_query("-disability") is None


def test_counts_and_pages_agree_with_the_results(homes):
    en = homes["en"]
    for n in range(13):
        make_page(en, f"Graduation note {n}", "Graduation approaches.")
    for n in range(9):
        make_page(en, f"Graduation and disability {n}", "Graduation approaches.")
    assert service.search("graduation", anon, "en").total == 22  # positive control
    response = service.search("graduation -disability", anon, "en")
    assert response.total == 13 and response.num_pages == 2
    assert sum(c["count"] for c in response.type_counts) == 13
    reached = [
        hit.title
        for page in (1, 2)
        for hit in service.search("graduation -disability", anon, "en", page=page).hits
    ]
    assert len(reached) == len(set(reached)) == 13
    assert not any("disability" in title for title in reached)


def test_excluded_words_are_excluded_from_webinars(homes):
    from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory

    index = WebinarIndexPageFactory(parent=homes["en"], locale=homes["en"].locale)
    for title, introduction in (
        ("Registries series", "Talks on social registries."),
        ("Registries and disability", "Talks on registries."),
    ):
        WebinarSeriesPageFactory(
            parent=index, locale=index.locale, title=title, introduction=introduction
        )
    response = service.search("registries", anon, "en")
    assert {"Registries series", "Registries and disability"} <= {h.title for h in response.hits}
    response = service.search("registries -disability", anon, "en", types=["webinar_series"])
    assert [hit.title for hit in response.hits] == ["Registries series"]
    assert response.total == 1


def test_excluded_words_are_excluded_from_publications(home, locales):
    """Publications answer for themselves on the database engine (``library.matching``,
    which reads ``-word`` itself): the site search hands them the query as typed."""
    from library.factories import LibraryIndexPageFactory, PublicationPageFactory

    library = LibraryIndexPageFactory(parent=home, locale=locales["en"])
    for title, abstract in (
        ("Pension coverage in Kenya", "Contributory schemes."),
        ("Pension and disability benefits", "Disability grants."),
    ):
        PublicationPageFactory(parent=library, locale=locales["en"], title=title, abstract=abstract)
    response = service.search("pension", anon, "en", types=["publication"])
    assert {hit.title for hit in response.hits} == {
        "Pension coverage in Kenya",
        "Pension and disability benefits",
    }
    response = service.search("pension -disability", anon, "en", types=["publication"])
    assert [hit.title for hit in response.hits] == ["Pension coverage in Kenya"]
    assert response.total == 1
    assert {c["type"]: c["count"] for c in response.type_counts}["publication"] == 1
    assert service.search("-disability", anon, "en").total == 0


def test_the_query_reaches_source_functions_as_typed(homes):
    from wagtail import hooks

    from portal.models import Country

    skip_on_elasticsearch("Elasticsearch searches every source's index itself")

    calls = []

    def search(query, user, language, limit):
        calls.append(query)
        return 0, []

    def register():
        return {"model": Country, "label": "Fakes", "type": "fake", "search": search}

    with hooks.register_temporarily("register_search_model", register):
        service.search('pension -disability -"old age"', anon, "en")
    assert calls == ['pension -disability -"old age"']


def test_did_you_mean_keeps_the_excluded_words(pension_pages):
    response = service.search("pensoin -disability", anon, "en")
    assert response.total == 0
    assert response.suggestion == "pension -disability"
    assert service.search(response.suggestion, anon, "en").total == 2


def test_excluded_words_are_read_apart_from_the_required_ones():
    assert service.parse('pension -disability -"old age" or cash') == (
        [[("pension",)], [("cash",)]],
        [("disability",), ("old", "age")],
    )
    assert service.query_groups("pension -disability") == [[("pension",)]]
    assert service.query_words("pension -disability") == ["pension"]
    assert service.parse("e-mail -www.who.int") == ([[("e-mail",)]], [("www.who.int",)])
    # Highlighting marks the required words only.
    assert "<mark>" not in service.highlight("disability", "pension -disability")
