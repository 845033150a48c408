"""Where news reaches readers besides its index: the RSS feed (read back with feedparser, in
each language), the home page's latest news, the site search, the sitemap and the API."""

import calendar
import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser

from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from news.models import NewsRelatedPage
from portal.reader_urls import absolute_url
from search import service

LANGUAGES = {"en": "news", "es": "noticias", "fr": "actualites"}
TRANSLATED_SLUGS = {"es": "bolsa-familia-cumple-veinte-anos", "fr": "bolsa-familia-a-vingt-ans"}
SPANISH_TITLE = "Bolsa Família cumple veinte años"


@pytest.fixture
def translated(articles, translate):
    """The articles, the oldest translated into Spanish and French."""
    source = articles[0]
    source.save_revision().publish()
    translate(source, "es", {source.title: SPANISH_TITLE})
    translate(source, "fr", {source.title: "Bolsa Família a vingt ans"})
    return articles


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_feed_reads_cleanly_in_the_readers_language_with_absolute_links_and_dates(
    client, member, translated, language
):
    client.force_login(member)  # feeds are shared: what anonymous readers see, whoever asks
    slug = LANGUAGES[language]
    feed = read_feed(client, f"/{language}/{slug}/feed/")
    assert feed.feed.language == language
    assert feed.feed.link == absolute_url(f"/{language}/{slug}/")
    links = [entry.link for entry in feed.entries]
    assert all(link.startswith(absolute_url(f"/{language}/{slug}/")) for link in links)
    if language == "en":
        assert len(links) == 3  # the members-only article is left out
        assert "Members' briefing" not in str(feed.entries)
    else:
        [entry] = feed.entries  # only this language's articles
        assert entry.link == absolute_url(f"/{language}/{slug}/{TRANSLATED_SLUGS[language]}/")
    now = datetime.datetime.now(datetime.UTC).timestamp()
    for entry in feed.entries:
        assert calendar.timegm(entry.published_parsed) <= now


def test_feed_of_a_filter_holds_only_its_articles_and_links_to_the_filtered_listing(
    client, articles
):
    feed = read_feed(client, "/en/news/feed/?theme=pensions")
    assert feed.feed.link == absolute_url("/en/news/?theme=pensions")
    assert [entry.title for entry in feed.entries] == ["Renta Dignidad reaches every older person"]
    [entry] = feed.entries
    assert entry.author == "Portal team"
    assert [tag.term for tag in entry.tags] == ["Social pensions"]
    assert entry.summary == articles[1].summary


def test_home_page_shows_the_three_latest_articles_of_its_language(client, article, translated):
    article("Prospera's successor", datetime.date(2024, 8, 1))
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    [section] = [s for s in soup.select(".home-section") if "Latest news" in s.get_text()]
    assert [a.get_text(strip=True) for a in section.select(".card a")] == [
        "Prospera's successor",
        "Ethiopia's PSNP in its fifth phase",
        "Renta Dignidad reaches every older person",
    ]
    assert section.select_one(".more-link")["href"] == "/en/news/"
    spanish = client.get("/es/").content.decode()
    assert "Últimas noticias" in spanish and SPANISH_TITLE in spanish
    assert "Prospera's successor" not in spanish


def test_site_search_finds_an_article_in_its_language(translated):
    anonymous = AnonymousUser()
    english = service.search("Bolsa", anonymous, "en", types=["news"])
    assert [hit.title for hit in english.hits] == ["Bolsa Família turns twenty"]
    spanish = service.search("veinte", anonymous, "es")
    assert SPANISH_TITLE in [hit.title for hit in spanish.hits]
    assert service.search("veinte", anonymous, "en").total == 0
    # Positive control above; the members-only article is not found anonymously.
    assert service.search("briefing", anonymous, "en").total == 0


def test_sitemap_lists_the_news_pages_anonymous_readers_may_read(client, translated):
    xml = client.get("/sitemap.xml").content.decode()
    assert absolute_url("/en/news/") in xml
    assert absolute_url("/es/noticias/bolsa-familia-cumple-veinte-anos/") in xml
    assert "members-briefing" not in xml


def test_api_lists_articles_with_their_fields(client, articles):
    response = client.get("/api/v2/pages/?type=news.NewsArticlePage&fields=*")
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert {item["title"] for item in items} == {a.title for a in articles[:3]}
    psnp = next(item for item in items if item["title"].startswith("Ethiopia"))
    assert psnp["date"] == "2024-06-05"
    assert psnp["author"] == "Portal team"
    assert psnp["themes"] == [{"key": "cash-transfers", "name": "Cash transfers"}]
    assert psnp["regions"] == [{"key": "sub-saharan-africa", "name": "Sub-Saharan Africa"}]


def test_article_shows_its_related_pages_the_reader_may_read(client, home, article):
    library = LibraryIndexPageFactory(parent=home)
    public = PublicationPageFactory(parent=library, title="Bolsa Família evaluation")
    secret = PublicationPageFactory(parent=library, title="Draft review", members_only=True)
    page = article("Bolsa Família at twenty", datetime.date(2024, 1, 1))
    page.related_pages = [
        NewsRelatedPage(related_page=public),
        NewsRelatedPage(related_page=secret),
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Bolsa Família evaluation" in html
    assert "Draft review" not in html
