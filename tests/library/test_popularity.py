"""Most read: the home page's section, the library's "Most downloaded" order and a
publication's own count, from the robot-free download counts, public publications only."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale, Site

from library.models import DownloadCount, PublicationFile
from library.popularity import most_read
from library.wagtail_hooks import most_read_publications


@pytest.fixture
def downloaded(taxonomy, publish, pdf_document):
    """Three public publications and a members-only one, downloaded on chosen days."""

    def downloads(page, *counts_by_age):
        document = pdf_document(f"{page.title} file", filename=f"{page.slug}.pdf")
        PublicationFile.objects.create(page=page, document=document)
        for age, count in counts_by_age:
            day = timezone.localdate() - datetime.timedelta(days=age)
            DownloadCount.objects.create(publication=page, document=document, day=day, count=count)

    pages = {
        "pension": publish("Social pensions in Bolivia", year=2019),
        "grant": publish("The Child Support Grant at twenty", year=2018),
        "old": publish("A classic from long ago", year=2021),
        "never": publish("Nobody has read this yet", year=2024),
        "secret": publish("Members-only working paper", members_only=True, year=2020),
    }
    downloads(pages["pension"], (1, 5), (30, 7))  # 12 in the last 90 days
    downloads(pages["grant"], (2, 20))  # 20
    downloads(pages["old"], (400, 500), (3, 1))  # 1 recent, 501 in all
    downloads(pages["secret"], (1, 900))  # the most read of all, and never shown
    return pages


def test_most_read_lists_public_publications_by_recent_downloads(downloaded):
    english = Locale.objects.get(language_code="en")
    found = most_read(english, limit=5)
    assert [(p.title, p.recent_downloads) for p in found] == [
        ("The Child Support Grant at twenty", 20),
        ("Social pensions in Bolivia", 12),
        ("A classic from long ago", 1),
    ]


def test_home_section_shows_most_read_in_the_readers_language(
    client, downloaded, member, django_assert_num_queries
):
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    english = Locale.objects.get(language_code="en")
    Site.get_site_root_paths()  # cached for every request once read (Wagtail's own cache)
    # The library index, the reader's audiences (the access policy), the publications.
    with django_assert_num_queries(3):
        section = most_read_publications(request, english)
    assert section["url"] == "/en/library/?sort=downloads"
    assert section["items"][0]["meta"] == "20 downloads in the last 90 days"
    assert section["items"][2]["meta"] == "1 download in the last 90 days"

    client.force_login(member)  # a member sees the same public list: never the secret one
    body = client.get("/en/").content.decode()
    assert "Most read" in body and "The Child Support Grant at twenty" in body
    assert "Members-only working paper" not in body
    body = client.get("/es/").content.decode()
    assert "Lo más leído" in body and "20 descargas en los últimos 90 días" in body


def test_no_section_when_nothing_was_downloaded(publish):
    publish("Nobody has read this yet")
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    assert most_read_publications(request, Locale.objects.get(language_code="en")) is None


@pytest.mark.parametrize("q", ["", "Bolivia"])
def test_library_sorts_by_recent_downloads(client, downloaded, member, q):
    client.force_login(member)
    response = client.get("/en/library/", {"sort": "downloads", "q": q})
    titles = [p.title for p in response.context["results"]]
    if not q:  # a member may read the members-only paper: sorted with the rest, then newest
        assert titles[:4] == [
            "Members-only working paper",
            "The Child Support Grant at twenty",
            "Social pensions in Bolivia",
            "A classic from long ago",
        ]
        assert titles[4] == "Nobody has read this yet"
    else:
        assert titles == ["Social pensions in Bolivia"]
    labels = dict(response.context["sorts"])
    assert labels["downloads"] == "Most downloaded (90 days)"


def test_publication_page_shows_its_downloads_over_all_time(client, downloaded):
    body = client.get(downloaded["old"].url).content.decode()
    assert "Downloaded 501 times" in body
    assert "Downloaded" not in client.get(downloaded["never"].url).content.decode()
