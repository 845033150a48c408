"""The programme index: facets with counts that combine, a text filter, pagination, labels
in the reader's language, a constant number of queries, and only what the reader may see."""

import pytest
from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".programme-list .card-title a")]


def facet_links(response, name):
    return {
        a.get_text(" ", strip=True): a["href"] for a in soup(response).select(f".facet-{name} a")
    }


def test_index_lists_public_programmes_by_name(client, programmes):
    response = client.get("/en/programmes/")
    assert response.status_code == 200
    assert titles(response) == ["Bolsa Família", "Child Support Grant", "Renta Dignidad"]


def test_facets_count_each_value_and_link_to_the_filtered_listing(client, programmes):
    response = client.get("/en/programmes/")
    assert facet_links(response, "country") == {
        "Bolivia (1)": "?country=bo",
        "Brazil (1)": "?country=br",
        "South Africa (1)": "?country=za",
    }
    assert facet_links(response, "region") == {
        "Latin America and the Caribbean (2)": "?region=latin-america",
        "Sub-Saharan Africa (1)": "?region=sub-saharan-africa",
    }
    assert facet_links(response, "type") == {
        "Conditional cash transfer (1)": "?type=cct",
        "Social pension (1)": "?type=social-pension",
    }
    assert facet_links(response, "target") == {
        "Children (2)": "?target=children",
        "Older persons (1)": "?target=older-persons",
    }
    assert facet_links(response, "status") == {"Ongoing (3)": "?status=ongoing"}
    # An institution counts a programme it runs or funds once.
    assert facet_links(response, "institution") == {
        "Ministry of Social Development (1)": "?institution=mds",
        "South African Social Security Agency (1)": "?institution=sassa",
        "World Bank (2)": "?institution=world-bank",
    }


def test_filters_combine_and_each_facet_counts_within_the_others(client, programmes):
    response = client.get("/en/programmes/?target=children")
    assert titles(response) == ["Bolsa Família", "Child Support Grant"]
    assert facet_links(response, "region") == {
        "Latin America and the Caribbean (1)": "?region=latin-america&target=children",
        "Sub-Saharan Africa (1)": "?region=sub-saharan-africa&target=children",
    }
    # The chosen value's link takes the filter off.
    assert facet_links(response, "target")["Children (2)"] == "?"
    both = client.get("/en/programmes/?target=children&region=sub-saharan-africa")
    assert titles(both) == ["Child Support Grant"]
    assert titles(client.get("/en/programmes/?institution=world-bank&country=br")) == [
        "Bolsa Família"
    ]
    assert titles(client.get("/en/programmes/?type=social-pension&status=ongoing")) == [
        "Renta Dignidad"
    ]
    assert titles(client.get("/en/programmes/?status=ended")) == []


def test_status_ended_is_derived_from_the_end_year(client, programme, programmes):
    programme("Prospera", year_started=1997, year_ended=2019)
    response = client.get("/en/programmes/?status=ended")
    assert titles(response) == ["Prospera"]
    assert "Ended (1)" in facet_links(client.get("/en/programmes/"), "status")


def test_text_filter_matches_name_or_acronym(client, programmes):
    assert titles(client.get("/en/programmes/?q=dignidad")) == ["Renta Dignidad"]
    assert titles(client.get("/en/programmes/?q=CSG")) == ["Child Support Grant"]
    label = soup(client.get("/en/programmes/")).select_one('label[for="programme-q"]')
    assert label is not None


def test_malformed_filters_are_ignored(client, programmes):
    response = client.get("/en/programmes/?status=maybe&page=abc&country=" + "x" * 500)
    assert response.status_code == 200


def test_members_only_programme_is_left_out_of_results_and_counts_for_anonymous_readers(
    client, member, programmes
):
    client.force_login(member)
    response = client.get("/en/programmes/")
    assert "Members' pilot" in titles(response)  # positive control
    assert facet_links(response, "country")["Brazil (2)"] == "?country=br"
    assert "Ended (1)" in facet_links(response, "status")
    client.logout()
    response = client.get("/en/programmes/")
    assert "Members' pilot" not in titles(response)
    assert "Brazil (1)" in facet_links(response, "country")
    assert "Ended (1)" not in facet_links(response, "status")
    assert "Ministry of Social Development (1)" in facet_links(response, "institution")


def test_index_is_paginated(client, programme_index, programme):
    programme_index.per_page = 2
    programme_index.save_revision().publish()
    for letter in "ABCDE":
        programme(f"Programme {letter}")
    assert titles(client.get("/en/programmes/")) == ["Programme A", "Programme B"]
    last = client.get("/en/programmes/?page=3")
    assert titles(last) == ["Programme E"]
    assert "Page 3 of 3" in last.content.decode()


def test_labels_follow_the_readers_language_and_terms_stay_english(
    client, programmes, translate, locales
):
    bolsa = programmes["bolsa"]
    spanish = translate(bolsa, "es", {"Bolsa Família": "Bolsa Família (es)"})
    spanish = spanish.specific
    assert spanish.programme_type == bolsa.programme_type
    assert spanish.programme_type.locale == locales["en"]
    assert [c.locale_id for c in spanish.countries.all()] == [locales["en"].pk]
    response = client.get("/es/programas/")
    assert titles(response) == ["Bolsa Família (es)"]
    assert "Transferencia monetaria condicionada (1)" in facet_links(response, "type")
    assert "Brasil (1)" in facet_links(response, "country")
    assert "Niñas y niños (1)" in facet_links(response, "target")
    assert (
        "Transferencia monetaria condicionada"
        in soup(response).select_one(".programme-card").get_text()
    )


def test_listing_offers_a_comparison_form_that_works_without_javascript(client, programmes):
    form = soup(client.get("/en/programmes/")).select_one("form.compare-form")
    assert form["method"] == "get" and form["action"] == "/en/programmes/compare/"
    boxes = form.select('input[type="checkbox"][name="p"]')
    assert len(boxes) == 3
    for box in boxes:
        assert form.select_one(f'label[for="{box["id"]}"]') is not None


# The whole page with its frame (menus, languages, the reader): the same for 3 programmes and
# for a full screen of them.
QUERIES = 43


@pytest.mark.parametrize("count", [3, 15])
def test_index_queries_do_not_grow_with_the_number_of_programmes(
    client, programme, terms, django_assert_max_num_queries, count
):
    for number in range(count):
        programme(
            f"Programme {number:02}",
            programme_type=terms["cct"],
            terms={
                "countries": [terms["brazil"], terms["bolivia"]],
                "target_groups": [terms["children"], terms["older"]],
                "implementing_institutions": [terms["mds"]],
                "funding_institutions": [terms["world_bank"]],
            },
        )
    client.get("/en/programmes/")
    with django_assert_max_num_queries(QUERIES):
        assert client.get("/en/programmes/").status_code == 200
