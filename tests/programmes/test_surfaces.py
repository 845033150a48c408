"""Where programmes reach readers besides the index: their own page, the pages they link to
(backlinks), the site search, the API and the sitemap; a members-only programme reaches
none of them for anonymous readers."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser

from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from portal.reader_urls import absolute_url
from programmes.models import CoverageUnit, ProgrammeCoverage, ProgrammeLink, ProgrammeRelatedPage
from search import service
from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def backlink_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".page-backlinks li a")]


@pytest.fixture
def pages(home):
    """A publication, a webinar series and an open community."""
    library = LibraryIndexPageFactory(parent=home)
    webinars = WebinarIndexPageFactory(parent=home)
    directory = CommunityIndexPageFactory(parent=home)
    return {
        "publication": PublicationPageFactory(parent=library, title="Bolsa Família at twenty"),
        "series": WebinarSeriesPageFactory(parent=webinars, title="Cash transfers in practice"),
        "community": CommunityPageFactory(parent=directory, title="Cash transfers", privacy="open"),
    }


@pytest.fixture
def linked(programmes, pages):
    """Bolsa Família and the members-only pilot link to every page; so does Renta Dignidad
    to the publication."""
    for key in ("bolsa", "secret", "renta"):
        programme = programmes[key]
        targets = [pages["publication"]] if key == "renta" else list(pages.values())
        programme.related_pages = [ProgrammeRelatedPage(related_page=page) for page in targets]
        programme.save_revision().publish()
    return pages


@pytest.mark.parametrize("kind", ["publication", "series", "community"])
def test_pages_programmes_link_to_show_those_programmes_back(client, member, linked, kind):
    url = linked[kind].url
    client.force_login(member)
    titles = backlink_titles(client.get(url))
    assert "Bolsa Família" in titles and "Members' pilot" in titles  # positive control
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    titles = backlink_titles(response)
    assert "Bolsa Família" in titles
    assert "Members' pilot" not in titles
    section = soup(response).select_one(".page-backlinks")
    assert section.h2.get_text(strip=True) == "Programmes"


def test_backlinks_list_each_programme_once_in_the_readers_language(
    client, linked, programmes, translate
):
    bolsa = programmes["bolsa"]
    translate(bolsa, "es", {"Bolsa Família": "Programa Bolsa Família"})
    assert backlink_titles(client.get(linked["publication"].url)) == [
        "Bolsa Família",
        "Renta Dignidad",
    ]
    spanish = backlink_titles(client.get("/es/library/" + linked["publication"].slug + "/"))
    assert spanish == ["Programa Bolsa Família", "Renta Dignidad"]


def test_backlinks_take_a_constant_number_of_queries(
    client, linked, programme, django_assert_max_num_queries
):
    url = linked["publication"].url
    client.get(url)
    with django_assert_max_num_queries(200) as before:
        client.get(url)
    limit = len(before.captured_queries)  # read now: the next request empties the log
    for number in range(5):
        page = programme(f"Programme {number}")
        page.related_pages = [ProgrammeRelatedPage(related_page=linked["publication"])]
        page.save_revision().publish()
    client.get(url)  # the menus are resolved again after a change
    with django_assert_max_num_queries(limit):
        assert len(backlink_titles(client.get(url))) == 7


def test_programme_page_shows_coverage_links_and_related_pages_the_reader_may_see(
    client, programmes, home
):
    library = LibraryIndexPageFactory(parent=home)
    public = PublicationPageFactory(parent=library, title="Evaluation of Bolsa Família")
    secret = PublicationPageFactory(parent=library, title="Draft review", members_only=True)
    bolsa = programmes["bolsa"]
    bolsa.coverage_figures = [
        ProgrammeCoverage(
            figure=21_000_000,
            unit=CoverageUnit.FAMILIES,
            year=2023,
            source="Ministry of Social Development",
            source_url="https://www.gov.br/mds/",
        )
    ]
    bolsa.links = [ProgrammeLink(label="Official site", url="https://www.gov.br/mds/")]
    bolsa.related_pages = [
        ProgrammeRelatedPage(related_page=public),
        ProgrammeRelatedPage(related_page=secret),
    ]
    bolsa.save_revision().publish()
    page = soup(client.get(bolsa.url))
    table = page.select_one("table.coverage-table")
    assert table.caption and table.select('thead th[scope="col"]')
    assert table.select_one("tbody th[scope=row]").get_text() == "2023"
    assert "21,000,000 families" in table.get_text()
    assert page.select_one('a[href="https://www.gov.br/mds/"]')
    related = [a.get_text() for a in page.select("#related-publications ~ ul a")]
    assert related == ["Evaluation of Bolsa Família"]


def test_members_only_programme_page_is_not_served_to_anonymous_readers(client, member, programmes):
    secret = programmes["secret"]
    client.force_login(member)
    assert client.get(secret.url).status_code == 200
    client.logout()
    assert client.get(secret.url).status_code in (302, 403, 404)


def test_site_search_finds_programmes_in_the_readers_language(programmes, translate):
    renta = programmes["renta"]
    translate(renta, "es", {"Renta Dignidad": "Renta Dignidad"})
    anonymous = AnonymousUser()
    spanish = service.search("Renta Dignidad", anonymous, "es", types=["programmes"])
    assert [hit.title for hit in spanish.hits] == ["Renta Dignidad"]
    assert spanish.hits[0].url.startswith("/es/")
    english = service.search("CSG", anonymous, "en", types=["programmes"])
    assert [hit.title for hit in english.hits] == ["Child Support Grant"]
    assert service.search("pilot", AnonymousUser(), "en").total == 0


def test_site_search_finds_members_only_programmes_for_members_only(member, programmes):
    assert service.search("pilot", member, "en", types=["programmes"]).total == 1
    assert service.search("pilot", AnonymousUser(), "en", types=["programmes"]).total == 0


def test_api_lists_programmes_with_their_fields_and_not_members_only_ones(client, programmes):
    response = client.get("/api/v2/pages/?type=programmes.ProgrammePage&fields=*")
    assert response.status_code == 200, response.content
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {"Bolsa Família", "Renta Dignidad", "Child Support Grant"}
    bolsa = items["Bolsa Família"]
    assert bolsa["acronym"] == "PBF"
    assert bolsa["status"] == "ongoing"
    assert bolsa["programme_type"] == {"key": "cct", "name": "Conditional cash transfer"}
    assert bolsa["countries"] == [{"key": "BR", "name": "Brazil"}]
    assert bolsa["funding_institutions"] == [{"key": "world-bank", "name": "World Bank"}]


def test_sitemap_lists_public_programme_pages_only(client, programmes):
    xml = client.get("/sitemap.xml").content.decode()
    assert absolute_url("/en/programmes/") in xml
    assert absolute_url("/en/programmes/renta-dignidad/") in xml
    assert "members-pilot" not in xml
