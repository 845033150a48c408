"""The portal's four pillars on the home page and in the main menu: sections grouped under
Discover, Connect, Learn and Share, the latest discussions each reader may read, and menu
groups that open without JavaScript and follow the reader's language."""

import pytest
from bs4 import BeautifulSoup

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from portal.factories import StandardPageFactory, UserFactory
from portal.models import NavigationMenu


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def communities(home):
    directory = CommunityIndexPageFactory(parent=home)
    public = CommunityPageFactory(parent=directory, title="Open circle", privacy="open")
    private = CommunityPageFactory(parent=directory, title="Closed circle", privacy="private")
    author = UserFactory(username="author")
    ThreadFactory(community_id=public.pk, author=author, title="Registries: how often to update?")
    ThreadFactory(
        community_id=private.pk,
        author=author,
        title="Draft letter to the ministry",
        body="<p>x</p>",
    )
    return {"public": public, "private": private}


def test_home_groups_the_sections_under_their_pillars(client, home, communities):
    library = LibraryIndexPageFactory(parent=home)
    PublicationPageFactory(parent=library, title="Cadastro Único review")
    page = soup(client.get("/en/"))
    pillars = [section.h2.get_text(strip=True) for section in page.select("section.pillar")]
    assert pillars == ["Discover", "Connect", "Share"]  # Learn has no section here
    discover = page.select_one("#pillar-discover")
    assert [h.get_text(strip=True) for h in discover.select("h3")] == ["Latest publications"]
    assert "Cadastro Único review" in discover.get_text()
    share = page.select_one("#pillar-share")
    assert [h.get_text(strip=True) for h in share.select("h3")] == [
        "Latest discussions",
        "Share your work",
    ]
    assert share.find("a", string="Propose a publication")["href"] == "/en/library/submit/"
    # The pillars' own navigation leads to each of them on the page.
    assert [a["href"] for a in page.select(".home-pillars a")] == [
        "#pillar-discover",
        "#pillar-connect",
        "#pillar-share",
    ]


def test_spanish_home_names_the_pillars_in_spanish(client, home, locales, communities):
    directory = communities["public"].get_parent()
    directory.copy_for_translation(locales["es"]).save_revision().publish()
    page = soup(client.get("/es/"))
    # No community is translated into Spanish yet: Connect has nothing to show.
    assert [s.h2.get_text(strip=True) for s in page.select("section.pillar")] == ["Compartir"]
    assert "Últimos debates" in page.get_text()


def test_latest_discussions_are_those_the_reader_may_read(client, home, communities):
    def discussions():
        page = soup(client.get("/en/"))
        section = next(s for s in page.select(".home-section") if "Latest discussions" in s.h3)
        return [a.get_text(strip=True) for a in section.select(".card a")]

    assert discussions() == ["Registries: how often to update?"]
    member = UserFactory(username="insider")
    MembershipFactory(community=communities["private"], user=member)
    client.force_login(member)
    assert set(discussions()) == {
        "Registries: how often to update?",
        "Draft letter to the ministry",
    }
    # A summary is text: the discussion's HTML is not shown as markup.
    assert "<p>" not in soup(client.get("/en/")).select_one("#pillar-share").get_text()


def test_menu_groups_open_as_lists_and_follow_the_reader_s_language(client, home, locales):
    about = StandardPageFactory(parent=home, slug="about", title="About")
    library = LibraryIndexPageFactory(parent=home)
    NavigationMenu.objects.create(
        locale=locales["en"],
        slot="main",
        items=[
            (
                "group",
                {
                    "label": "Discover",
                    "links": [{"label": "Library", "page": library, "view": "", "url": ""}],
                },
            ),
            ("link", {"label": "About", "page": about, "view": "", "url": ""}),
        ],
    )
    page = soup(client.get("/es/"))
    group = page.select_one(".main-nav details")
    assert group.summary.get_text(strip=True) == "Discover"  # the menu is not translated yet
    assert [a["href"] for a in group.select("a")] == ["/es/library/"]
    assert [a["href"] for a in page.select(".main-nav > .container > ul > li > a")] == [
        "/es/about/"
    ]
