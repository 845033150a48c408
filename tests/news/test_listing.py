"""The news index: newest first, paginated, filtered by theme and region with counts, in a
constant number of queries, and only what the reader may read."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail_factories import ImageFactory

from news.factories import NewsArticlePageFactory


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".news-list .card-title a")]


def facet_links(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(" ", strip=True): a["href"] for a in soup.select(f".facet-{name} a")}


def test_index_lists_public_articles_newest_first(client, articles):
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert titles(response) == [
        "Ethiopia's PSNP in its fifth phase",
        "Renta Dignidad reaches every older person",
        "Bolsa Família turns twenty",
    ]


def test_members_see_members_only_articles_anonymous_readers_do_not(client, member, articles):
    client.force_login(member)
    assert titles(client.get("/en/news/"))[0] == "Members' briefing"
    client.logout()
    assert "Members' briefing" not in titles(client.get("/en/news/"))


def test_an_article_without_a_date_takes_the_day_it_is_first_published(news_index):
    page = NewsArticlePageFactory(parent=news_index, date=None)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.date == timezone.localdate(page.first_published_at)
    assert page.display_date == page.date


def test_index_is_paginated(client, news_index, article):
    news_index.per_page = 2
    news_index.save_revision().publish()
    for day in range(1, 6):
        article(f"Day {day}", datetime.date(2024, 1, day))
    assert titles(client.get("/en/news/")) == ["Day 5", "Day 4"]
    page3 = client.get("/en/news/?page=3")
    assert titles(page3) == ["Day 1"]
    assert "Page 3 of 3" in page3.content.decode()
    assert titles(client.get("/en/news/?page=99")) == ["Day 5", "Day 4"]


def test_facets_show_counts_and_filter_without_javascript(client, articles):
    themes = facet_links(client.get("/en/news/"), "theme")
    assert themes == {
        "Cash transfers (2)": "?theme=cash-transfers",
        "Social pensions (1)": "?theme=pensions",
    }
    regions = facet_links(client.get("/en/news/"), "region")
    assert regions["Latin America and the Caribbean (2)"] == "?region=latin-america"
    filtered = client.get("/en/news/?theme=cash-transfers")
    assert titles(filtered) == ["Ethiopia's PSNP in its fifth phase", "Bolsa Família turns twenty"]
    # Region counts are those of the chosen theme; the chosen theme's link clears it.
    regions = facet_links(filtered, "region")
    assert regions == {
        "Latin America and the Caribbean (1)": "?theme=cash-transfers&region=latin-america",
        "Sub-Saharan Africa (1)": "?theme=cash-transfers&region=sub-saharan-africa",
    }
    assert facet_links(filtered, "theme")["Cash transfers (2)"] == "?"
    both = client.get("/en/news/?theme=cash-transfers&region=latin-america")
    assert titles(both) == ["Bolsa Família turns twenty"]


def test_facet_labels_follow_the_readers_language(client, articles, translate):
    source = articles[0]
    source.save_revision().publish()  # as editors do: a translation starts from a revision
    translate(source, "es", {source.title: "Bolsa Família cumple veinte años"})
    response = client.get("/es/noticias/")
    assert titles(response) == ["Bolsa Família cumple veinte años"]
    assert "Transferencias monetarias (1)" in facet_links(response, "theme")


def test_index_advertises_its_feed_with_the_filters(client, articles):
    soup = BeautifulSoup(client.get("/en/news/?theme=pensions").content, "html.parser")
    link = soup.select_one('link[rel="alternate"][type="application/rss+xml"]')
    assert link["href"] == "/en/news/feed/?theme=pensions"


def test_article_image_is_a_lazy_rendition_with_its_size(client, articles):
    soup = BeautifulSoup(client.get("/en/news/").content, "html.parser")
    img = soup.select_one(".news-card img")
    assert img["loading"] == "lazy" and img["width"] and img["height"]
    page = soup.select_one(".news-card img")
    assert "original_images" not in page["src"]


# The whole page, its frame included (menus, languages, the reader): the same for 3 articles
# and for a full screen of them.
QUERIES = 21


@pytest.mark.parametrize("count", [3, 12])
def test_index_queries_do_not_grow_with_the_number_of_articles(
    client, news_index, article, themes, regions, django_assert_num_queries, count
):
    for number in range(count):
        article(
            f"Article {number}",
            datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            themes=[themes["cash"], themes["pensions"]],
            regions=[regions["latam"]],
            image=ImageFactory(),
        )
    client.get("/en/news/")  # renditions are made once, on the first view
    with django_assert_num_queries(QUERIES):
        assert client.get("/en/news/").status_code == 200


def test_article_page_shows_its_date_author_image_and_terms(client, articles):
    psnp = articles[2]
    soup = BeautifulSoup(client.get(psnp.url).content, "html.parser")
    assert soup.select_one("article time")["datetime"] == "2024-06-05"
    assert "By Portal team" in soup.select_one("article .meta").get_text()
    img = soup.select_one("article figure img")
    assert img["loading"] == "lazy" and img["width"] and img["height"]
    assert [li.get_text() for li in soup.select(".tag-list li")] == [
        "Cash transfers",
        "Sub-Saharan Africa",
    ]


def test_members_only_article_is_not_served_to_anonymous_readers(client, member, articles):
    briefing = articles[3]
    client.force_login(member)
    assert client.get(briefing.url).status_code == 200
    client.logout()
    assert client.get(briefing.url).status_code in (302, 403, 404)
