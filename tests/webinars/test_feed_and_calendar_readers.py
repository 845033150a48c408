"""Webinar feeds and calendars as feed readers and calendar programs read them, in en/es/fr.

feedparser reads the RSS; vobject and ics (two independent parsers) read the calendars and
must find each session at the instant the page shows, in summer and in winter time.
"""

import datetime as dt
import time

import feedparser
import ics
import pytest
import vobject

from portal.calendars import uid
from portal.reader_urls import absolute_url
from webinars.factories import WebinarPageFactory

LANGUAGES = ["en", "es", "fr"]


@pytest.fixture
def sessions(series):
    """Sessions on both sides of the clock changes in New York and Paris, two of them past."""
    schedule = {
        "ny-summer": (dt.date(2026, 7, 9), dt.time(10, 0), "America/New_York"),
        "paris-summer": (dt.date(2026, 6, 18), dt.time(14, 30), "Europe/Paris"),
        "ny-winter": (dt.date(2027, 1, 14), dt.time(10, 0), "America/New_York"),
        "paris-winter": (dt.date(2027, 2, 11), dt.time(14, 30), "Europe/Paris"),
        "ny-next-summer": (dt.date(2027, 7, 8), dt.time(9, 0), "America/New_York"),
    }
    pages = {}
    for slug, (date, start, zone) in schedule.items():
        page = WebinarPageFactory(
            parent=series,
            slug=slug,
            title=f"Session {slug}",
            start_date=date,
            start_time=start,
            time_zone=zone,
        )
        page.save_revision().publish()  # as editors do: the page has a publication date
        page.refresh_from_db()
        pages[slug] = page
    return pages


def vobject_starts(content):
    calendar = vobject.readOne(content.decode())
    assert calendar.method.value == "PUBLISH"
    return {str(event.uid.value): event.dtstart.value for event in calendar.vevent_list}


def ics_starts(content):
    return {event.uid: event.begin.datetime for event in ics.Calendar(content.decode()).events}


def assert_instants(response, expected):
    """Both parsers find each of ``expected`` ({uid: aware start}) at its instant."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    for starts in (vobject_starts(response.content), ics_starts(response.content)):
        assert {key: start.astimezone(dt.UTC) for key, start in starts.items()} == {
            key: start.astimezone(dt.UTC) for key, start in expected.items()
        }


def uid_of(webinar):
    return uid("webinar", webinar.translation_key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_series_calendar_reads_the_same_instants_in_vobject_and_ics(
    client, series, sessions, language
):
    response = client.get(f"/{language}/webinars/{series.slug}/calendar/")
    assert 'filename="gender.ics"' in response["Content-Disposition"]
    assert_instants(response, {uid_of(w): w.starts_at for w in sessions.values()})
    # The page's clock: 10:00 in New York in July is 14:00 UTC, in January 15:00 UTC.
    assert sessions["ny-summer"].starts_at == dt.datetime(2026, 7, 9, 14, 0, tzinfo=dt.UTC)
    assert sessions["ny-winter"].starts_at == dt.datetime(2027, 1, 14, 15, 0, tzinfo=dt.UTC)
    assert sessions["paris-summer"].starts_at == dt.datetime(2026, 6, 18, 12, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_calendar_lists_upcoming_sessions_at_their_instants(
    client, webinar_index, sessions, language
):
    response = client.get(f"/{language}/webinars/calendar/")
    upcoming = ("ny-winter", "paris-winter", "ny-next-summer")
    assert_instants(response, {uid_of(sessions[s]): sessions[s].starts_at for s in upcoming})


@pytest.mark.parametrize("slug", ["ny-summer", "paris-summer", "ny-winter", "paris-winter"])
def test_one_session_calendar_has_its_zone_and_the_same_uid_in_every_language(
    client, series, sessions, slug
):
    webinar = sessions[slug]
    uids = set()
    for language in LANGUAGES:
        response = client.get(f"/{language}/webinars/{series.slug}/{slug}/calendar/")
        assert f'attachment; filename="{slug}.ics"' == response["Content-Disposition"]
        assert_instants(response, {uid_of(webinar): webinar.starts_at})
        assert f"DTSTART;TZID={webinar.time_zone}:".encode() in response.content
        assert f"BEGIN:VTIMEZONE\r\nTZID:{webinar.time_zone}".encode() in response.content
        event = vobject.readOne(response.content.decode()).vevent
        assert event.url.value == absolute_url(f"/{language}/webinars/{series.slug}/{slug}/")
        uids.add(event.uid.value)
    assert uids == {uid_of(webinar)}


# 10:00 on 9 July 2026 in New York, as each language writes it.
WHEN = {
    "en": "When: July 9, 2026, 10 a.m., New York (UTC-04:00)",
    "es": "Cuándo: 9 de julio de 2026 a las 10:00, Nueva York (UTC-04:00)",
    "fr": "Quand : 9 juillet 2026 10:00, New York (UTC-04:00)",
}


@pytest.mark.parametrize("section", ["", "gender/"], ids=["index", "series"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_feeds_read_cleanly_link_in_the_readers_language_and_say_when(
    client, webinar_index, series, sessions, language, section
):
    WebinarPageFactory(parent=series, slug="internal", title="Internal", members_only=True)
    response = client.get(f"/{language}/webinars/{section}feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.language == language
    assert feed.feed.link == absolute_url(f"/{language}/webinars/{section}")
    now = time.gmtime()
    assert feed.feed.updated_parsed <= now  # lastBuildDate: never in the future
    entries = {entry.title: entry for entry in feed.entries}
    assert "Internal" not in entries  # members only
    assert set(entries) == {f"Session {slug}" for slug in sessions}
    for slug, entry in ((s, entries[f"Session {s}"]) for s in sessions):
        assert entry.link == absolute_url(f"/{language}/webinars/{series.slug}/{slug}/")
        assert entry.published_parsed <= now  # published, not the session's date
    assert entries["Session ny-summer"].summary.startswith(WHEN[language])


def test_series_feed_shows_members_only_sessions_to_members_only(
    client, member, webinar_index, series, sessions
):
    WebinarPageFactory(parent=series, slug="internal", title="Internal", members_only=True)
    client.force_login(member)
    titles = [
        e.title for e in feedparser.parse(client.get("/en/webinars/gender/feed/").content).entries
    ]
    assert "Internal" in titles  # positive control
    client.logout()
    titles = [
        e.title for e in feedparser.parse(client.get("/en/webinars/gender/feed/").content).entries
    ]
    assert "Internal" not in titles and "Session ny-summer" in titles
