"""The anonymous page cache (portal/page_cache.py): anonymous readers get kept pages, never
an old or restricted one; members and anything personal never go through it.

Shown on the library's pages (a publication, the listing, its facets, search), which show
other content (taxonomy labels, translations); the permission matrix
(tests/communities/test_permission_matrix.py) runs every role × surface with the cache on.
"""

import pytest
from django.contrib.auth.models import update_last_login
from django.core.cache import cache

from portal import page_cache
from portal.factories import UserFactory
from portal.page_cache import HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


def twice(client, url):
    """The first and second anonymous answers for ``url``."""
    return client.get(url), client.get(url)


def test_an_anonymous_reader_gets_the_kept_page_with_headers_a_proxy_can_use(client, publish):
    page = publish("Social pensions in Bolivia")
    first, second = twice(client, page.url)
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert "Social pensions in Bolivia" in second.content.decode()
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=300"} <= cache_control
    assert "Cookie" in second["Vary"] and "Accept-Language" not in second["Vary"]
    # The browser checks back with the ETag and gets a 304 without the page.
    again = client.get(page.url, HTTP_IF_NONE_MATCH=second["ETag"])
    assert again.status_code == 304 and not again.content
    # A security header is on every answer, kept or not.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize(
    "address", ["/en/library/", "/en/library/?theme=cash-transfers", "/en/search/?q=pensions"]
)
def test_listings_facets_and_search_results_are_kept_per_address(
    client, publish, taxonomy, address
):
    publish("Social pensions in Bolivia", themes=[taxonomy["cash"]])
    first, second = twice(client, address)
    assert (first.status_code, first[HEADER], second[HEADER]) == (200, "miss", "hit")
    assert client.get(address + ("&" if "?" in address else "?") + "page=1")[HEADER] == "miss"


def test_publishing_editing_and_unpublishing_reach_the_next_anonymous_reader(client, publish):
    page = publish("Social pensions in Bolivia")
    twice(client, page.url)
    twice(client, "/en/library/")
    page.title = "Non-contributory pensions in Bolivia"
    page.save_revision().publish()
    shown = client.get(page.url)
    assert shown[HEADER] == "miss" and "Non-contributory pensions" in shown.content.decode()
    assert "Non-contributory pensions" in client.get("/en/library/").content.decode()
    other = publish("Child grants in South Africa")
    assert "Child grants in South Africa" in client.get("/en/library/").content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert "Non-contributory pensions" not in client.get("/en/library/").content.decode()
    other.delete()
    assert "Child grants" not in client.get("/en/library/").content.decode()


def test_a_publication_turned_members_only_leaves_the_cache_at_once(client, publish):
    page = publish("Internal review of the pension pilot", abstract="members-only-canary")
    assert "members-only-canary" in twice(client, page.url)[1].content.decode()
    twice(client, "/en/search/?q=pension")
    page.members_only = True
    page.save_revision().publish()
    assert "members-only-canary" not in client.get(page.url).content.decode()
    assert "Internal review" not in client.get("/en/search/?q=pension").content.decode()
    assert "Internal review" not in client.get("/en/library/").content.decode()


def test_a_translation_and_a_taxonomy_label_reach_the_kept_pages(
    client, publish, taxonomy, locales, library
):
    page = publish("Social pensions in Bolivia", themes=[taxonomy["cash"]])
    spanish_listing = library["es"].url
    assert "Social pensions in Bolivia" in twice(client, spanish_listing)[1].content.decode()
    copy = page.copy_for_translation(locales["es"], copy_parents=False)
    copy.title = "Pensiones sociales en Bolivia"
    copy.save_revision().publish()
    listing = client.get(spanish_listing).content.decode()
    assert "Pensiones sociales en Bolivia" in listing and "Social pensions" not in listing
    twice(client, page.url)
    theme = taxonomy["cash"]
    theme.name = "Cash benefits"
    theme.save()
    assert "Cash benefits" in client.get(page.url).content.decode()


def test_members_are_never_answered_from_or_written_to_the_cache(client, publish):
    member = UserFactory(username="ana", first_name="Ana", last_name="Silva")
    page = publish("Social pensions in Bolivia")
    twice(client, page.url)
    client.force_login(member)
    seen = client.get(page.url)
    assert HEADER not in seen and "private" in seen["Cache-Control"]
    client.logout()
    anonymous = client.get(page.url)
    assert anonymous[HEADER] == "hit" and "Ana Silva" not in anonymous.content.decode()


def test_a_member_s_login_does_not_move_the_site_on(client, publish):
    member = UserFactory(username="ana")
    page = publish("Social pensions in Bolivia")
    twice(client, page.url)
    update_last_login(None, member)
    assert client.get(page.url)[HEADER] == "hit"


def test_forms_with_a_csrf_token_and_readers_with_messages_are_never_kept(client, home):
    login, again = twice(client, "/en/accounts/login/")
    assert login.status_code == 200 and HEADER not in login and HEADER not in again
    client.cookies["messages"] = "anything"
    assert HEADER not in client.get("/en/")


def test_a_new_release_does_not_read_the_pages_the_last_one_kept(client, publish, monkeypatch):
    page = publish("Social pensions in Bolivia")
    assert twice(client, page.url)[1][HEADER] == "hit"
    digest = page_cache.release()
    assert len(digest) == 16 and digest == page_cache.release()
    monkeypatch.setattr(page_cache, "release", lambda: "the-next-deploy")
    assert client.get(page.url)[HEADER] == "miss"
