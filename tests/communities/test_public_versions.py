"""An announcement's public version: administrators give the address of a page anyone can
read (a news article); members see it under the announcement and in its email, in their
language; an address of a restricted or unknown page is refused and nothing is sent; a
version unpublished since is no longer shown. And the address reader it relies on."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from community_pages.models import Announcement
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from portal.demo_utils import translate_instance
from portal.reader_urls import page_at


@pytest.fixture
def article(home, django_capture_on_commit_callbacks):
    news = NewsIndexPageFactory(parent=home)
    article = NewsArticlePageFactory(
        parent=news, title="Cash transfers reach 2 million households", slug="cash"
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(article, "es", {article.title: "Las transferencias llegan a 2 millones"})
    return article


def test_page_at_reads_the_addresses_readers_are_given(article, locales, settings):
    spanish = article.get_translation(locales["es"])
    assert page_at("/en/news/cash/") == article
    assert page_at(f"{settings.WAGTAILADMIN_BASE_URL}/en/news/cash/?utm=x#top") == article
    assert page_at(spanish.url) == spanish
    # A fallback path (a source page under another language's prefix) names the source page.
    assert page_at("/fr/news/cash/") == article
    assert page_at("/en/").depth == 2
    for address in (
        "https://elsewhere.example.org/en/news/cash/",
        "/de/news/cash/",
        "/en/news/cash/calendar/",
        "/en/news/nothing/",
        "javascript:alert(1)",
        "",
    ):
        assert page_at(address) is None, address


def send(client, community, **data):
    return client.post(
        community.url + "announcements/",
        {"title": "Our news", "body": "<p>We are in the news.</p>", **data},
    )


def test_members_get_the_public_version_under_the_announcement_and_in_the_email(
    client, community, people, article, locales, django_capture_on_commit_callbacks
):
    people["member"].profile.preferred_language = "es"
    people["member"].profile.save()
    client.force_login(people["admin"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, community, public_address="/en/news/cash/")
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.public_page.pk == article.pk
    emails = {message.to[0]: message.body for message in mail.outbox}
    assert "/en/news/cash/" in emails[people["admin"].email]
    # The Spanish member gets the Spanish translation's address.
    spanish = article.get_translation(locales["es"])
    assert spanish.url in emails[people["member"].email]
    client.force_login(people["member"])
    page = BeautifulSoup(
        client.get(community.url + f"announcements/{announcement.pk}/").content, "html.parser"
    )
    link = page.select_one(".public-version a")
    assert link["href"] == "/en/news/cash/"
    assert link.get_text(strip=True) == article.title


def test_a_restricted_or_unknown_address_is_refused_and_nothing_is_sent(
    client, community, people, article
):
    article.members_only = True
    article.save_revision().publish()
    client.force_login(people["admin"])
    mail.outbox.clear()
    for address in ("/en/news/cash/", "https://elsewhere.example.org/x/", "/en/nothing/"):
        response = send(client, community, public_address=address)
        assert response.status_code == 200
        assert "not the address of a page of the portal that anyone can read" in (
            response.content.decode()
        )
        # What the administrator wrote is still in the form.
        assert "We are in the news." in response.content.decode()
    assert not Announcement.objects.exists()
    assert mail.outbox == []


def test_a_version_unpublished_since_is_no_longer_shown(client, community, people, article):
    client.force_login(people["admin"])
    send(client, community, public_address="/en/news/cash/")
    announcement = Announcement.objects.get()
    article.unpublish()
    page = client.get(community.url + f"announcements/{announcement.pk}/").content.decode()
    assert "public-version" not in page
