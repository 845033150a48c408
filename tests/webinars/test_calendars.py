"""Calendar files parse back with icalendar and carry the host's time zone; feeds obey access."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
from django.utils import timezone

from webinars.factories import WebinarPageFactory


def _events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_add_to_calendar_has_the_host_tzid_and_the_right_instant(client, upcoming):
    response = client.get(upcoming.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar, events = _events(response)
    assert len(events) == 1
    event = events[0]
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART") == upcoming.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "Financial inclusion"
    assert str(event["UID"]).startswith(f"webinar-{upcoming.translation_key}@")
    zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["America/New_York"]


def test_calendar_across_a_dst_change_keeps_the_wall_clock(client, series):
    # 10:00 in Paris the day after the clocks go back (26 Oct 2026): 09:00 UTC.
    webinar = WebinarPageFactory(
        parent=series,
        slug="after-dst",
        start_date=dt.date(2026, 10, 26),
        start_time=dt.time(10, 0),
        time_zone="Europe/Paris",
    )
    _calendar, [event] = _events(client.get(webinar.url + "calendar/"))
    start = event.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=1)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 10, 26, 9, 0, tzinfo=dt.UTC)


def test_series_feed_lists_its_sessions_but_not_members_only_ones_for_anonymous(
    client, member, series, upcoming, past
):
    WebinarPageFactory(parent=series, slug="internal", title="Internal", members_only=True)
    _c, events = _events(client.get(series.url + "calendar/"))
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Financial inclusion", "Overview"]
    client.force_login(member)
    _c, events = _events(client.get(series.url + "calendar/"))
    assert "Internal" in [str(e["SUMMARY"]) for e in events]


def test_upcoming_feed_holds_only_sessions_not_over(client, webinar_index, upcoming, past):
    _c, events = _events(client.get(webinar_index.url + "calendar/"))
    assert [str(e["SUMMARY"]) for e in events] == ["Financial inclusion"]


def test_members_only_webinar_page_and_calendar_are_refused_to_anonymous(client, series):
    hidden = WebinarPageFactory(parent=series, slug="hidden", members_only=True)
    assert hidden.audience == "members"
    assert client.get(hidden.url + "calendar/").status_code == 302
    assert client.get(hidden.url).status_code == 302


def test_rss_feed_lists_visible_webinars(client, webinar_index, upcoming, past, series):
    WebinarPageFactory(parent=series, slug="hidden", title="Hidden", members_only=True)
    response = client.get(webinar_index.url + "feed/")
    assert response.status_code == 200
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert sorted(titles) == ["Financial inclusion", "Overview"]


def test_index_lists_upcoming_and_past_and_filters_by_language(client, webinar_index, series):
    soon = timezone.now() + dt.timedelta(days=3)
    WebinarPageFactory(parent=series, slug="es", title="Sesión", languages="es", starts_at=soon)
    WebinarPageFactory(parent=series, slug="en", title="Session", languages="en,fr", starts_at=soon)
    html = client.get(webinar_index.url).content.decode()
    assert "Sesión" in html and "Session" in html
    html = client.get(webinar_index.url + "?language=fr").content.decode()
    assert "Session" in html and "Sesión" not in html


def test_index_filters_by_theme_through_the_series(client, webinar_index, series, upcoming):
    from portal.factories import ThemeFactory

    gender = ThemeFactory(name="Gender", slug="gender")
    other_series = series.__class__.objects.get(pk=series.pk)
    other = WebinarPageFactory(parent=webinar_index, slug="loose", title="Loose session")
    series.themes.add(gender)
    series.save()
    html = client.get(webinar_index.url + "?theme=gender").content.decode()
    assert "Financial inclusion" in html
    assert other.title not in html
    assert other_series.pk == series.pk


def test_sessions_of_a_members_only_series_are_members_only(client, member, webinar_index):
    from webinars.factories import WebinarSeriesPageFactory

    closed = WebinarSeriesPageFactory(parent=webinar_index, slug="closed", members_only=True)
    session = WebinarPageFactory(parent=closed, slug="inside", title="Inside")
    session.refresh_from_db()
    assert session.audience == "members"
    _c, events = _events(client.get(webinar_index.url + "calendar/"))
    assert "Inside" not in [str(e["SUMMARY"]) for e in events]
    # The series' own calendar and feed are the series page's: refused to anonymous readers.
    assert client.get(closed.url + "calendar/").status_code == 302
    assert client.get(closed.url + "feed/").status_code == 302
    rss = ET.fromstring(client.get(webinar_index.url + "feed/").content)
    assert "Inside" not in [item.findtext("title") for item in rss.iter("item")]
    client.force_login(member)  # the positive control: a member finds it in the series feed
    assert client.get(closed.url + "feed/").status_code == 200
    rss = ET.fromstring(client.get(closed.url + "feed/").content)
    assert [item.findtext("title") for item in rss.iter("item")] == ["Inside"]
