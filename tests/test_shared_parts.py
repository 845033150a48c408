"""The parts every page shares, read once: menus and index pages kept per language until
content changes, locales and view restrictions read once per request (``portal.menus``, ``portal.locales``,
``portal.request_memo``, ``portal.access.public_pages``)."""

import pytest
from bs4 import BeautifulSoup
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from community_pages.access import open_communities
from library.factories import LibraryIndexPageFactory
from library.models import LibraryIndexPage
from news.models import NewsIndexPage
from portal import locales as site_locales
from portal.access import public_pages
from portal.factories import StandardPageFactory
from portal.index_pages import index_page
from portal.models import NavigationMenu
from portal.request_memo import remember

pytestmark = pytest.mark.django_db


def menu_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(), a["href"]) for a in html.select(".main-nav a")]


@pytest.fixture
def about(home, locales):
    page = StandardPageFactory(parent=home, slug="about", title="About")
    spanish = page.copy_for_translation(locales["es"])
    spanish.title, spanish.slug = "Acerca", "acerca-de"
    spanish.save_revision().publish()
    return page


@pytest.fixture
def menu(about, locales):
    return NavigationMenu.objects.create(
        locale=locales["en"],
        slot="main",
        items=[("link", {"label": "About us", "page": about, "url": ""})],
    )


def test_a_menu_change_shows_at_the_next_request(client, menu, about, locales):
    assert menu_links(client.get("/en/")) == [("About us", "/en/about/")]
    assert menu_links(client.get("/es/")) == [("About us", "/es/acerca-de/")]

    menu.items = [("link", {"label": "Who we are", "page": about, "url": ""})]
    menu.save()
    assert menu_links(client.get("/en/")) == [("Who we are", "/en/about/")]

    spanish = about.get_translation(locales["es"])
    spanish.slug = "quienes-somos"
    spanish.save_revision().publish()  # a linked page's address changes: the menu follows
    assert menu_links(client.get("/es/")) == [("Who we are", "/es/quienes-somos/")]


def test_a_kept_menu_costs_no_query(client, menu):
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        assert menu_links(client.get("/en/about/")) == [("About us", "/en/about/")]
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "portal_navigationmenu" not in tables


def test_locales_are_read_once_per_request(client, menu, about):
    client.get("/es/acerca-de/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/es/acerca-de/").status_code == 200
    locale_reads = [q for q in queries.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    # Wagtail's routing asks once for the request's language; the portal reads them all once.
    assert len(locale_reads) <= 3, [q["sql"] for q in locale_reads]


def send(signal):
    """Send a request's signal as Django's test client does: without closing the test's
    database connection (Django closes old connections on these signals)."""
    signal.disconnect(close_old_connections)
    try:
        signal.send(sender=None)
    finally:
        signal.connect(close_old_connections)


def in_a_request(function):
    """Run ``function`` between the signals a request sends."""
    send(request_started)
    try:
        return function()
    finally:
        send(request_finished)


def test_an_answer_is_kept_within_a_request_only():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remember("test", compute) == 1 and remember("test", compute) == 2  # no request
    assert in_a_request(lambda: [remember("test", compute), remember("test", compute)]) == [3, 3]
    assert remember("test", compute) == 4  # the request ended: nothing kept


def test_a_locale_added_during_a_request_is_seen(locales):
    def codes():
        return set(site_locales.locale_codes().values())

    def add_and_read():
        before = codes()
        Locale.objects.create(language_code="pt")
        return before, codes()

    before, after = in_a_request(add_and_read)
    assert "pt" not in before and "pt" in after


def test_public_pages_leave_out_view_restricted_sections_as_wagtail_does(home):
    open_page = StandardPageFactory(parent=home, title="Open")
    closed = StandardPageFactory(parent=home, title="Closed")
    below = StandardPageFactory(parent=closed, title="Below the closed one")

    def titles():
        return set(public_pages(Page.objects.live()).values_list("title", flat=True))

    def restrict_and_read():
        first = titles()
        PageViewRestriction.objects.create(page=closed, restriction_type="login")
        return first, titles()

    first, then = in_a_request(restrict_and_read)
    assert {open_page.title, closed.title, below.title} <= first
    assert open_page.title in then and not {closed.title, below.title} & then
    assert then == set(Page.objects.live().public().values_list("title", flat=True))


def test_index_pages_are_kept_per_language_until_content_changes(home, locales):
    library = LibraryIndexPageFactory(parent=home, slug="library")
    assert index_page(None, LibraryIndexPage, locales["en"]).url == "/en/library/"
    assert index_page(None, NewsIndexPage, locales["en"]) is None  # no news section yet
    with CaptureQueriesContext(connection) as queries:
        assert index_page(None, LibraryIndexPage, locales["en"]).pk == library.pk
        assert index_page(None, NewsIndexPage, locales["en"]) is None
    assert queries.captured_queries == []
    assert index_page(None, LibraryIndexPage, locales["es"]) is None  # each language its own

    library.slug = "publications"
    library.save_revision().publish()  # content changed: the next read finds the new address
    assert index_page(None, LibraryIndexPage, locales["en"]).url == "/en/publications/"
    library.unpublish()
    assert index_page(None, LibraryIndexPage, locales["en"]) is None


def test_who_reads_what_is_kept_in_the_cache_only_where_every_worker_shares_it(settings, home):
    """With a cache of each worker's own (local memory under several gunicorn workers), a
    privacy change made in one worker would not move the others' generation: the open
    communities and the view restrictions are then read every time."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            open_communities()
            list(public_pages(Page.objects.all()))
        return len(captured.captured_queries)

    settings.ACCESS_KEPT_IN_CACHE = True  # Redis, or one process (this suite, runserver)
    queries()
    assert queries() == 1, "only the pages themselves"
    settings.ACCESS_KEPT_IN_CACHE = False
    assert queries() == 3, "the open communities and the view restrictions, read again"
