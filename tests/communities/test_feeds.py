"""Community RSS: newest first, every kind of content, constant queries, per-user links."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community_pages.factories import CommunityPageFactory, MembershipFactory
from community_pages.models import Announcement, CommunityEvent, Membership, Thread
from portal.reader_urls import absolute_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_community(directory, people):
    page = CommunityPageFactory(parent=directory, privacy="open", slug="open-feed")
    MembershipFactory(community=page, user=people["admin"], role="admin")
    return page


def titles(response):
    root = ElementTree.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_feed_lists_every_kind_of_content_newest_first(client, open_community, people):
    now = timezone.now()
    c = open_community.pk
    Announcement.objects.create(
        community_id=c,
        author=people["admin"],
        title="old news",
        body="b",
        created_at=now - timedelta(days=3),
    )
    Thread.objects.create(
        community_id=c,
        author=people["admin"],
        title="new thread",
        body="b",
        created_at=now - timedelta(hours=1),
    )
    Thread.objects.create(
        community_id=c, author=people["admin"], title="removed thread", body="b", removed=True
    )
    CommunityEvent.objects.create(
        community_id=c,
        author=people["admin"],
        title="meeting",
        created_at=now - timedelta(days=1),
        start=now + timedelta(days=2),
        end=now + timedelta(days=2, hours=1),
    )
    response = client.get(open_community.url + "feed/")
    assert response.status_code == 200
    assert titles(response) == ["new thread", "meeting", "old news"]
    # Links name the portal's public address (BASE_URL), not the host the request came to.
    assert absolute_url(f"{open_community.url}discussions/") in response.content.decode()


def test_feed_queries_do_not_grow_with_length(client, open_community, people):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(open_community.url + "feed/").status_code == 200
        return len(ctx.captured_queries)

    Thread.objects.create(community_id=open_community.pk, author=people["admin"], title="t")
    count()  # caches (site, locales) warm up
    before = count()
    for i in range(10):
        Thread.objects.create(community_id=open_community.pk, author=people["admin"], title=f"{i}")
        Announcement.objects.create(community_id=open_community.pk, title=f"a{i}", body="b")
    count()  # content changed: what is kept under the content generation is read again once
    assert count() == before


def test_leaving_the_community_closes_the_personal_feed(client, directory, people):
    from community_pages import services
    from community_pages.feeds import personal_feed_url

    community = CommunityPageFactory(parent=directory, privacy="private", slug="priv-feed")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    MembershipFactory(community=community, user=people["member"])
    Thread.objects.create(community_id=community.pk, author=people["admin"], title="secret")
    url = personal_feed_url(community, people["member"])
    assert titles(client.get(url)) == ["secret"]
    assert client.get(community.url + "feed/").status_code == 404
    services.leave(people["member"], community)
    assert not Membership.objects.filter(user=people["member"]).exists()
    assert client.get(url).status_code == 404
