"""Community feeds and calendars as feed readers and calendar programs read them, in en/es/fr.

feedparser reads the public and the personal RSS; vobject and ics read the event files and
the member's calendar feed, which must give each event at its instant on its organiser's
clock (summer and winter time in New York and Paris) under one UID in every language.
"""

import datetime as dt
import time

import feedparser
import ics
import pytest
import vobject
from django.utils import timezone, translation

from community_pages.calendar import feed_url
from community_pages.factories import CommunityPageFactory, MembershipFactory
from community_pages.feeds import personal_feed_url
from community_pages.models import Announcement, CommunityEvent, Thread
from portal.calendars import uid
from portal.datetimes import wall_clock_to_utc
from portal.reader_urls import absolute_url

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "fr"]
SCHEDULE = {
    "ny summer": (dt.datetime(2026, 7, 9, 10, 0), "America/New_York"),
    "ny winter": (dt.datetime(2027, 1, 14, 10, 0), "America/New_York"),
    "paris summer": (dt.datetime(2027, 6, 17, 14, 30), "Europe/Paris"),
    "paris winter": (dt.datetime(2026, 12, 10, 14, 30), "Europe/Paris"),
}


def add_events(community, author):
    events = {}
    for title, (wall_clock, zone) in SCHEDULE.items():
        start = wall_clock_to_utc(wall_clock, zone)
        events[title] = CommunityEvent.objects.create(
            community_id=community.pk,
            author=author,
            title=title,
            start=start,
            end=start + dt.timedelta(hours=1),
            time_zone=zone,
        )
    return events


@pytest.fixture
def open_community(directory, people):
    community = CommunityPageFactory(parent=directory, privacy="open", slug="readers")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    Announcement.objects.create(community_id=community.pk, title="news", body="b")
    Thread.objects.create(community_id=community.pk, author=people["admin"], title="talk")
    add_events(community, people["admin"])
    return community


@pytest.fixture
def private_community(directory, people):
    community = CommunityPageFactory(parent=directory, privacy="private", slug="inner")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    MembershipFactory(community=community, user=people["member"])
    Thread.objects.create(community_id=community.pk, author=people["admin"], title="secret")
    return community


def read_feed(response, language):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.language == language
    now = time.gmtime()
    assert feed.feed.updated_parsed <= now
    for entry in feed.entries:
        assert entry.link.startswith(absolute_url(f"/{language}/")), entry.link
        assert entry.published_parsed <= now  # when it was posted, not when it happens
    return feed


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_feed_reads_cleanly_in_the_readers_language(client, open_community, language):
    response = client.get(f"/{language}/communities/readers/feed/")
    feed = read_feed(response, language)
    assert feed.feed.link == absolute_url(f"/{language}/communities/readers/")
    titles = {entry.title: entry.link for entry in feed.entries}
    assert set(titles) == {"news", "talk", *SCHEDULE}
    event = CommunityEvent.objects.get(title="ny winter")
    assert titles["ny winter"] == absolute_url(
        f"/{language}/communities/readers/calendar/{event.pk}/"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_personal_feed_reads_cleanly_in_the_readers_language(
    client, private_community, people, language
):
    with translation.override(language):  # the link as the member's page in it gives it
        path = personal_feed_url(private_community, people["member"])
    assert f"/{language}/community/" in path
    feed = read_feed(client.get(path), language)
    assert [entry.title for entry in feed.entries] == ["secret"]
    assert client.get(f"/{language}/communities/inner/feed/").status_code == 404


def starts(content):
    """{uid: start} as vobject reads ``content``, checked against what ics reads."""
    calendar = vobject.readOne(content.decode())
    assert calendar.method.value == "PUBLISH"
    read = {str(event.uid.value): event.dtstart.value for event in calendar.vevent_list}
    other = {event.uid: event.begin.datetime for event in ics.Calendar(content.decode()).events}
    assert {key: start.astimezone(dt.UTC) for key, start in other.items()} == {
        key: start.astimezone(dt.UTC) for key, start in read.items()
    }
    return read


@pytest.mark.parametrize("title", list(SCHEDULE))
def test_event_file_gives_the_organisers_zone_and_instant_in_every_language(
    client, open_community, title
):
    event = CommunityEvent.objects.get(title=title)
    uids = set()
    for language in LANGUAGES:
        response = client.get(f"/{language}/communities/readers/calendar/{event.pk}/ics/")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
        assert f"DTSTART;TZID={event.time_zone}:".encode() in response.content
        [(event_uid, start)] = starts(response.content).items()
        assert start.astimezone(dt.UTC) == event.start
        wall_clock, _zone = SCHEDULE[title]
        assert start.replace(tzinfo=None) == wall_clock  # the organiser's clock
        vevent = vobject.readOne(response.content.decode()).vevent
        assert vevent.url.value == absolute_url(
            f"/{language}/communities/readers/calendar/{event.pk}/"
        )
        uids.add(event_uid)
    assert uids == {uid("community-event", event.pk)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_calendar_feed_reads_every_event_at_its_instant(
    client, open_community, people, language
):
    with translation.override(language):
        path = feed_url(people["member"])
    assert f"/{language}/community/calendar/" in path
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    found = starts(response.content)
    events = CommunityEvent.objects.filter(community_id=open_community.pk)
    assert {key: start.astimezone(dt.UTC) for key, start in found.items()} == {
        uid("community-event", event.pk): event.start for event in events
    }
    assert timezone.now() < max(found.values())  # positive control: upcoming events are in
