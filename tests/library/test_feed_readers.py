"""The library's RSS and Atom feeds as feed readers read them, in en/es/fr (feedparser)."""

import time

import feedparser
import pytest

from portal.demo_utils import translate_instance
from portal.reader_urls import absolute_url

LANGUAGES = ["en", "es", "fr"]


@pytest.fixture
def publications(publish, django_capture_on_commit_callbacks):
    """A public publication translated into Spanish (not French), and a members-only one."""
    public = publish("Social pensions in Bolivia", slug="social-pensions")
    public.save_revision().publish()  # as editors do: the page has a publication date
    with django_capture_on_commit_callbacks(execute=True):  # the translation is listed
        translate_instance(
            public,
            "es",
            {public.title: "Pensiones sociales en Bolivia", public.slug: "pensiones-sociales"},
        )
    publish("Secret draft", members_only=True)
    return public


# Where each language's reader is sent: the Spanish translation, the English page under /fr/.
LINKS = {
    "en": "/en/library/social-pensions/",
    "es": "/es/library/pensiones-sociales/",
    "fr": "/fr/library/social-pensions/",
}


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_library_feeds_read_cleanly_and_link_in_the_readers_language(
    client, member, publications, language, kind
):
    client.force_login(member)  # feeds are shared: what anonymous readers see, whoever asks
    response = client.get(f"/{language}/library/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.language == language
    assert feed.feed.link == absolute_url(f"/{language}/library/")
    now = time.gmtime()
    assert feed.feed.updated_parsed <= now
    assert [entry.link for entry in feed.entries] == [absolute_url(LINKS[language])]
    [entry] = feed.entries
    assert entry.published_parsed <= now
    assert "Secret draft" not in response.content.decode()
