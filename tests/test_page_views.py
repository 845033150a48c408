"""Page views counted by the portal itself (portal.usage): one per reader and page within
COUNTER's double-click window, never a robot's, from the page cache too, written in
batches, with the member's country where known and nothing else about the reader."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from portal import usage
from portal.factories import CountryFactory, StandardPageFactory, UserFactory
from portal.models import DocumentDownload, MemberProfile, PageView

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/17.5"


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="About the portal", slug="about")


def views(page):
    return sum(PageView.objects.filter(page=page).values_list("count", flat=True))


@pytest.fixture(autouse=True)
def _fresh_visitors():
    cache.clear()
    yield
    cache.clear()


def test_a_reader_counts_once_within_the_double_click_window(client, page):
    assert views(page) == 0
    assert client.get(page.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert views(page) == 1
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert views(page) == 1, "the same visitor again within 30 s is the same view"
    client.get(page.url, HTTP_USER_AGENT=OTHER_BROWSER)
    assert views(page) == 2
    row = PageView.objects.get(page=page)
    assert row.country == "" and row.count == 2


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "python-requests/2.32.3",
    ],
)
def test_robots_and_clients_without_a_name_are_not_counted(client, page, agent):
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert views(page) == 1, "positive control: a browser counts"
    cache.clear()
    assert client.get(page.url, HTTP_USER_AGENT=agent).status_code == 200
    assert views(page) == 1


def test_only_pages_served_count(client, page):
    client.get("/en/no-such-page/", HTTP_USER_AGENT=BROWSER)
    client.post(page.url, HTTP_USER_AGENT=BROWSER)
    client.get("/en/search/?q=about", HTTP_USER_AGENT=BROWSER)
    assert PageView.objects.count() == 0
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert list(PageView.objects.values_list("page", flat=True)) == [page.pk]


def test_a_member_s_country_is_kept_and_nothing_else(client, page, member):
    MemberProfile.objects.update_or_create(
        user=member, defaults={"country": CountryFactory(name="Kenya", iso_code="KE")}
    )
    client.force_login(member)
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    row = PageView.objects.get(page=page)
    assert (row.country, row.count) == ("KE", 1)
    fields = {field.name for field in PageView._meta.get_fields()}
    assert fields == {"id", "page", "day", "country", "count"}


def test_pages_answered_from_the_page_cache_count_too(client, page, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(page.url, HTTP_USER_AGENT=OTHER_BROWSER)
    assert second["X-Page-Cache"] == "hit"
    assert views(page) == 2
    client.get(page.url, HTTP_USER_AGENT=OTHER_BROWSER)
    assert views(page) == 2, "a cached page's repeat is a repeat too"


def test_views_are_written_in_batches(client, page, settings, django_assert_num_queries):
    settings.USAGE_FLUSH_SECONDS = 3600
    usage.flush()
    for agent in (BROWSER, OTHER_BROWSER, BROWSER + " x"):
        client.get(page.url, HTTP_USER_AGENT=agent)
    assert views(page) == 0, "counted in memory, not yet written"
    # One batch: the pages' check, then one update for the one row (no row yet: an insert).
    assert usage.flush() == 1
    assert views(page) == 3
    assert usage.flush() == 0


def test_views_of_a_page_deleted_before_the_batch_are_dropped(client, page, settings):
    settings.USAGE_FLUSH_SECONDS = 3600
    usage.flush()
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    page.delete()
    assert usage.flush() == 1
    assert PageView.objects.count() == 0


def test_documents_count_as_downloads_once_per_reader(client, home):
    document = Document(title="Slides")
    document.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"), save=True)
    url = document.url
    # A staff-only document (no live content uses it): a refused reader downloads nothing.
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code in (302, 403)
    assert DocumentDownload.objects.count() == 0
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
    client.get(url, HTTP_USER_AGENT=BROWSER)
    client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert list(DocumentDownload.objects.values_list("document", "count")) == [(document.pk, 1)]
