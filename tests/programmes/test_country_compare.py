"""A country's page gathers what the portal holds on it; the comparison sets two or three
programmes side by side and answers bad choices with a message, never an error page."""

import pytest
from bs4 import BeautifulSoup

from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from programmes.models import ProgrammeRelatedPage
from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return soup(response).get_text()


def section_links(response, heading_id):
    section = soup(response).find(id=heading_id).find_parent(["section", "nav"])
    return [a.get_text(strip=True) for a in section.select("li a")]


@pytest.fixture
def linked(home, programmes, terms):
    """Publications on Bolivia (one members-only), and a webinar series and a community the
    Bolivian programme links to."""
    library = LibraryIndexPageFactory(parent=home)
    public = PublicationPageFactory(
        parent=library,
        title="Renta Dignidad and consumption",
        terms={"countries": [terms["bolivia"]]},
    )
    PublicationPageFactory(
        parent=library,
        title="Draft evaluation",
        members_only=True,
        terms={"countries": [terms["bolivia"]]},
    )
    webinars = WebinarIndexPageFactory(parent=home)
    series = WebinarSeriesPageFactory(parent=webinars, title="Pensions for all")
    directory = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(parent=directory, title="Ageing and income", privacy="open")
    renta = programmes["renta"]
    renta.related_pages = [
        ProgrammeRelatedPage(related_page=public),
        ProgrammeRelatedPage(related_page=series),
        ProgrammeRelatedPage(related_page=community),
    ]
    renta.save_revision().publish()
    return {"publication": public, "series": series, "community": community}


def test_country_page_gathers_programmes_publications_webinars_and_communities(client, linked):
    response = client.get("/en/programmes/country/bo/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Social protection in Bolivia"
    assert [a.get_text(strip=True) for a in page.select(".programme-list .card-title a")] == [
        "Renta Dignidad"
    ]
    assert section_links(response, "country-publications") == ["Renta Dignidad and consumption"]
    assert section_links(response, "country-webinars") == ["Pensions for all"]
    assert section_links(response, "country-communities") == ["Ageing and income"]
    assert section_links(response, "country-list") == ["Bolivia", "Brazil", "South Africa"]
    assert page.select_one('#country-list ~ ul a[aria-current="page"]').get_text() == "Bolivia"


def test_country_page_shows_members_only_items_to_members_only(client, member, linked):
    client.force_login(member)
    response = client.get("/en/programmes/country/br/")
    assert "Members' pilot" in text(response)  # positive control
    assert "Draft evaluation" in text(client.get("/en/programmes/country/bo/"))
    client.logout()
    assert "Members' pilot" not in text(client.get("/en/programmes/country/br/"))
    assert "Draft evaluation" not in text(client.get("/en/programmes/country/bo/"))


def test_an_unknown_country_is_not_found(client, programmes):
    assert client.get("/en/programmes/country/xx/").status_code == 404
    assert client.get("/en/programmes/country/bolivia/").status_code == 404


def test_index_and_programme_pages_link_to_country_pages(client, programmes):
    index = soup(client.get("/en/programmes/"))
    hrefs = [a["href"] for a in index.select(".country-list a")]
    assert "/en/programmes/country/bo/" in hrefs
    profile = soup(client.get(programmes["renta"].url))
    assert profile.select_one('a[href="/en/programmes/country/bo/"]').get_text() == "Bolivia"


def test_comparison_sets_programmes_side_by_side_in_an_accessible_table(client, programmes):
    bolsa, renta = programmes["bolsa"], programmes["renta"]
    response = client.get(f"/en/programmes/compare/?p={bolsa.pk}&p={renta.pk}")
    assert response.status_code == 200
    table = soup(response).select_one("table.compare-table")
    assert table.caption.get_text(strip=True)
    assert [th.get_text(" ", strip=True) for th in table.select('thead th[scope="col"]')] == [
        "Bolsa Família (PBF)",
        "Renta Dignidad",
    ]
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    }
    assert rows["Programme type"] == ["Conditional cash transfer", "Social pension"]
    assert rows["Countries"] == ["Brazil", "Bolivia"]
    assert rows["Years"] == ["2003–", "2008–"]
    assert all(th["scope"] == "row" for th in table.select("tbody th"))


@pytest.mark.parametrize(
    "query",
    ["", "p=1", "p=abc&p=2", "p=1.5&p=2", "p=-3&p=4", "p=1&p=2&p=3&p=4", "p=99999&p=99998"],
)
def test_comparison_answers_bad_choices_with_a_message(client, programmes, query):
    if query == "p=1":
        query = f"p={programmes['bolsa'].pk}"
    response = client.get(f"/en/programmes/compare/?{query}")
    assert response.status_code == 400
    alert = soup(response).select_one('[role="alert"]')
    assert alert is not None and alert.get_text(strip=True)
    assert soup(response).select_one("table") is None


def test_comparison_counts_repeats_once_and_accepts_three(client, programmes):
    ids = [programmes[key].pk for key in ("bolsa", "renta", "csg")]
    query = "&".join(f"p={pk}" for pk in ids)
    assert client.get(f"/en/programmes/compare/?{query}").status_code == 200
    repeated = f"p={ids[0]}&p={ids[0]}"
    assert client.get(f"/en/programmes/compare/?{repeated}").status_code == 400


def test_comparison_does_not_show_members_only_programmes_to_anonymous_readers(
    client, member, programmes
):
    query = f"p={programmes['bolsa'].pk}&p={programmes['secret'].pk}"
    client.force_login(member)
    assert "Members' pilot" in text(client.get(f"/en/programmes/compare/?{query}"))
    client.logout()
    response = client.get(f"/en/programmes/compare/?{query}")
    assert response.status_code == 400
    assert "Members' pilot" not in text(response)


def test_country_page_reads_in_the_readers_language(client, programmes, translate):
    bolsa = programmes["bolsa"]
    translate(bolsa, "es", {"Bolsa Família": "Bolsa Família"})
    response = client.get("/es/programas/country/br/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "La protección social en Brasil"
    assert [a.get_text(strip=True) for a in page.select(".programme-list .card-title a")] == [
        "Bolsa Família"
    ]
    assert page.select_one(".programme-list a")["href"].startswith("/es/programas/")
