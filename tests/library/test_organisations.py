"""Organisation profiles: the directory and its filters, a profile's lists of what links to
its organisation (as each reader may see it), the links to profiles from publications and
webinar series, the rules editors meet, search, the API and the sitemap."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from library.factories import (
    OrganisationFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    PublicationPageFactory,
)
from portal.demo_utils import translate_instance
from portal.factories import CountryFactory
from portal.reader_urls import absolute_url
from search import service
from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    def run(instance, code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_instance(instance, code, strings)

    return run


@pytest.fixture
def directory(home, locales, translate):
    """The organisations directory in English and Spanish with three profiles: two UN
    agencies (one translated into Spanish) and a Brazilian research centre."""
    index = OrganisationIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, "es", {"Organisations": "Organizaciones"})
    brazil = CountryFactory(name="Brazil", iso_code="BR")
    translate(brazil, "es", {"Brazil": "Brasil"})
    rows = {
        "ipc": OrganisationFactory(
            name="International Policy Centre for Inclusive Growth", slug="ipc-ig", acronym="IPC-IG"
        ),
        "ilo": OrganisationFactory(
            name="International Labour Organization", slug="ilo", acronym="ILO"
        ),
        "unicef": OrganisationFactory(
            name="United Nations Children's Fund", slug="unicef", acronym="UNICEF"
        ),
    }
    translate(rows["unicef"], "es", {"United Nations Children's Fund": "Fondo para la Infancia"})
    profiles = {
        "ipc": OrganisationPageFactory(
            parent=index,
            title=rows["ipc"].name,
            slug="ipc-ig",
            organisation=rows["ipc"],
            kind="research",
            country=brazil,
            description="South-South learning on social policy.",
        ),
        "ilo": OrganisationPageFactory(
            parent=index,
            title=rows["ilo"].name,
            slug="ilo",
            organisation=rows["ilo"],
            kind="un_agency",
            description="Sets the standards of social security.",
        ),
        "unicef": OrganisationPageFactory(
            parent=index,
            title=rows["unicef"].name,
            slug="unicef",
            organisation=rows["unicef"],
            kind="un_agency",
            description="Child grants and family benefits.",
        ),
    }
    profiles["unicef"].save_revision().publish()
    translate(
        profiles["unicef"],
        "es",
        {
            rows["unicef"].name: "Fondo de las Naciones Unidas para la Infancia",
            "Child grants and family benefits.": "Asignaciones por hijo y prestaciones familiares.",
        },
    )
    return {"index": index, "rows": rows, "profiles": profiles, "brazil": brazil}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def listed(page):
    return [a.get_text(strip=True) for a in page.select(".organisation-list h3 a")]


def facet(page, name):
    return {
        a.get_text(" ", strip=True): a.get("aria-current") == "true"
        for a in page.select(f".facet-{name} a")
    }


def test_directory_lists_profiles_by_name_with_type_and_country_counts(client, directory):
    page = soup(client.get("/en/organisations/"))
    assert listed(page) == [
        "International Labour Organization",
        "International Policy Centre for Inclusive Growth",
        "United Nations Children's Fund",
    ]
    assert facet(page, "kind") == {"UN agency (2)": False, "Research institution (1)": False}
    assert facet(page, "country") == {"Brazil (1)": False}


def test_directory_filters_combine_and_count_within_each_other(client, directory):
    page = soup(client.get("/en/organisations/?kind=un_agency"))
    assert listed(page) == ["International Labour Organization", "United Nations Children's Fund"]
    assert facet(page, "kind")["UN agency (2)"] is True
    # Countries are counted among the UN agencies: none is based in Brazil.
    assert facet(page, "country") == {}
    page = soup(client.get("/en/organisations/?country=br"))
    assert listed(page) == ["International Policy Centre for Inclusive Growth"]
    page = soup(client.get("/en/organisations/?q=unicef"))
    assert listed(page) == ["United Nations Children's Fund"]


def test_directory_ignores_unknown_filters_and_says_when_nothing_matches(client, directory):
    page = soup(client.get("/en/organisations/?kind=%00nonsense&country=zz9"))
    assert len(listed(page)) == 0
    assert "No organisation matches your choice." in page.get_text()
    page = soup(client.get("/en/organisations/?kind=spaceship"))
    assert len(listed(page)) == 3  # an unknown type is no filter at all


def test_spanish_directory_lists_spanish_profiles_with_spanish_labels(client, directory, locales):
    page = soup(client.get("/es/organizaciones/"))
    assert listed(page) == ["Fondo de las Naciones Unidas para la Infancia"]
    assert facet(page, "kind") == {"Agencia de la ONU (1)": False}
    profile = soup(client.get("/es/organizaciones/fondo-de-las-naciones-unidas-para-la-infancia/"))
    assert "Asignaciones por hijo y prestaciones familiares." in profile.get_text()
    # The translation describes the same taxonomy row, not a copy of it.
    translation = directory["profiles"]["unicef"].get_translation(locales["es"])
    assert translation.organisation_id == directory["rows"]["unicef"].pk


def test_profile_lists_the_publications_each_reader_may_read(client, member, home, directory):
    from library.factories import LibraryIndexPageFactory

    library = LibraryIndexPageFactory(parent=home)
    ipc = directory["rows"]["ipc"]
    PublicationPageFactory(
        parent=library, title="Cadastro Único review", year=2019, terms={"organisations": [ipc]}
    )
    PublicationPageFactory(
        parent=library,
        title="Draft for members",
        year=2024,
        members_only=True,
        terms={"organisations": [ipc]},
    )
    PublicationPageFactory(parent=library, title="Someone else's", year=2020)

    def titles(response):
        return [a.get_text(strip=True) for a in soup(response).select(".item-list a")]

    assert titles(client.get("/en/organisations/ipc-ig/")) == ["Cadastro Único review"]
    client.force_login(member)
    assert titles(client.get("/en/organisations/ipc-ig/")) == [
        "Draft for members",
        "Cadastro Único review",
    ]


def test_profile_lists_the_series_it_organises_or_partners(client, home, directory):
    webinars = WebinarIndexPageFactory(parent=home)
    rows = directory["rows"]
    organised = WebinarSeriesPageFactory(parent=webinars, title="Gender and social protection")
    organised.organisations = [rows["ipc"]]
    organised.save_revision().publish()
    partnered = WebinarSeriesPageFactory(parent=webinars, title="Children first")
    partnered.partner_organisations = [rows["ipc"]]
    partnered.save_revision().publish()
    hidden = WebinarSeriesPageFactory(parent=webinars, title="Members' series", members_only=True)
    hidden.organisations = [rows["ipc"]]
    hidden.save_revision().publish()
    page = soup(client.get("/en/organisations/ipc-ig/"))
    items = [li.get_text(" ", strip=True) for li in page.select(".item-list li")]
    assert items == ["Children first · Partner", "Gender and social protection · Organiser"]
    # The series page links its organisers to their profiles.
    series = soup(client.get(organised.url))
    link = series.find("a", string="International Policy Centre for Inclusive Growth")
    assert link["href"] == "/en/organisations/ipc-ig/"


def test_publication_links_its_organisations_to_profiles_else_to_the_library(
    client, home, directory
):
    from library.factories import LibraryIndexPageFactory

    library = LibraryIndexPageFactory(parent=home)
    no_profile = OrganisationFactory(name="Transfer Project", slug="transfer-project")
    publication = PublicationPageFactory(
        parent=library, terms={"organisations": [directory["rows"]["ilo"], no_profile]}
    )
    page = soup(client.get(publication.url))
    assert page.find("a", string="International Labour Organization")["href"] == (
        "/en/organisations/ilo/"
    )
    assert page.find("a", string="Transfer Project")["href"] == (
        "/en/library/?organisation=transfer-project"
    )


def test_one_profile_per_organisation_and_language_of_a_source_row(directory, locales):
    duplicate = OrganisationPageFactory.build(
        organisation=directory["rows"]["ilo"], kind="un_agency", locale=locales["en"]
    )
    with pytest.raises(ValidationError) as refused:
        duplicate.clean()
    assert "already has a profile" in str(refused.value)
    spanish_row = directory["rows"]["unicef"].get_translation(locales["es"])
    wrong = OrganisationPageFactory.build(organisation=spanish_row, kind="un_agency")
    with pytest.raises(ValidationError) as refused:
        wrong.clean()
    assert "main language" in str(refused.value)


def test_site_search_finds_profiles_in_the_reader_s_language(directory):
    anonymous = AnonymousUser()
    english = service.search("ILO", anonymous, "en", types=["organisation"])
    assert [hit.title for hit in english.hits] == ["International Labour Organization"]
    spanish = service.search("Asignaciones", anonymous, "es", types=["organisation"])
    assert [hit.title for hit in spanish.hits] == ["Fondo de las Naciones Unidas para la Infancia"]


def test_api_and_sitemap_carry_profiles(client, directory):
    response = client.get("/api/v2/pages/?type=library.OrganisationPage&fields=*&slug=ipc-ig")
    assert response.status_code == 200, response.content
    [item] = response.json()["items"]
    assert item["acronym"] == "IPC-IG" and item["kind"] == "research"
    assert item["organisation"] == {
        "key": "ipc-ig",
        "name": "International Policy Centre for Inclusive Growth",
    }
    assert item["country"] == {"key": "BR", "name": "Brazil"}
    xml = client.get("/sitemap.xml").content.decode()
    assert absolute_url("/en/organisations/ipc-ig/") in xml
    assert absolute_url("/es/organizaciones/fondo-de-las-naciones-unidas-para-la-infancia/") in xml


def test_directory_costs_the_same_queries_however_many_profiles(client, directory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page = soup(client.get("/en/organisations/"))
        return len(listed(page)), len(captured)

    queries()  # warm the per-process label maps
    shown, few = queries()
    for n in range(6):
        OrganisationPageFactory(
            parent=directory["index"], kind="ngo", country=directory["brazil"], slug=f"ngo-{n}"
        )
    queries()  # the menus are resolved again after a change
    assert queries() == (shown + 6, few)


def test_profile_lists_the_programmes_and_events_of_its_organisation(
    client, member, home, directory
):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    ipc = directory["rows"]["ipc"]
    programmes = ProgrammeIndexPageFactory(parent=home)
    ProgrammePageFactory(
        parent=programmes, title="Bolsa Família", terms={"implementing_institutions": [ipc]}
    )
    ProgrammePageFactory(
        parent=programmes, title="Renta Dignidad", terms={"funding_institutions": [ipc]}
    )
    ProgrammePageFactory(
        parent=programmes,
        title="Pilot for members",
        members_only=True,
        terms={"implementing_institutions": [ipc]},
    )
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Forum in Brasília", terms={"organisers": [ipc]})
    EventPageFactory(
        parent=events, title="Members' retreat", members_only=True, terms={"organisers": [ipc]}
    )

    def sections(response):
        return {
            section.h2.get_text(strip=True): [
                li.get_text(" ", strip=True) for li in section.select(".item-list li")
            ]
            for section in soup(response).select("article section")
        }

    found = sections(client.get("/en/organisations/ipc-ig/"))
    assert found["Programmes"] == ["Bolsa Família · Implements it", "Renta Dignidad · Funds it"]
    assert [item.split(" · ")[0] for item in found["Upcoming events"]] == ["Forum in Brasília"]
    client.force_login(member)
    found = sections(client.get("/en/organisations/ipc-ig/"))
    assert "Pilot for members · Implements it" in found["Programmes"]
    assert len(found["Upcoming events"]) == 2


def test_profile_lists_the_communities_it_sponsors_or_partners(client, member, home, directory):
    from community_pages.factories import (
        CommunityIndexPageFactory,
        CommunityPageFactory,
        MembershipFactory,
    )

    ipc = directory["rows"]["ipc"]
    communities = CommunityIndexPageFactory(parent=home)
    sponsored = CommunityPageFactory(parent=communities, title="South-South for Children")
    sponsored.sponsor_organisations = [ipc]
    sponsored.save_revision().publish()
    partnered = CommunityPageFactory(parent=communities, title="Gender and protection")
    partnered.partner_organisations = [ipc]
    partnered.save_revision().publish()
    hidden = CommunityPageFactory(parent=communities, title="Ambassadors", privacy="hidden")
    hidden.sponsor_organisations = [ipc]
    hidden.save_revision().publish()

    def communities_section(response):
        [section] = [
            s
            for s in soup(response).select("article section")
            if s.h2.get_text(strip=True) == "Online communities"
        ]
        return [li.get_text(" ", strip=True) for li in section.select(".item-list li")]

    assert communities_section(client.get("/en/organisations/ipc-ig/")) == [
        "Gender and protection · Partner",
        "South-South for Children · Sponsor",
    ]
    MembershipFactory(community=hidden, user=member)
    client.force_login(member)
    assert "Ambassadors · Sponsor" in communities_section(client.get("/en/organisations/ipc-ig/"))
    # The community page names its sponsors, linked to their profiles.
    page = soup(client.get(sponsored.url))
    [item] = page.select(".community-partners li")
    assert item.get_text(" ", strip=True).startswith("Sponsors:")
    assert item.a["href"] == "/en/organisations/ipc-ig/"
