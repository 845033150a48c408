"""Sessions are scheduled on the host's wall clock; UTC follows, across DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from webinars.factories import WebinarPageFactory
from webinars.models import Status
from webinars.timezones import validate_timezone, wall_clock_to_utc, zone_label

UTC = dt.UTC


@pytest.mark.parametrize(
    ("day", "zone", "expected_utc"),
    [
        # New York: EST (UTC-5) until 8 March 2026 02:00, then EDT (UTC-4).
        (dt.date(2026, 3, 7), "America/New_York", dt.datetime(2026, 3, 7, 15, 0, tzinfo=UTC)),
        (dt.date(2026, 3, 9), "America/New_York", dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)),
        # ...and back to EST on 1 November 2026.
        (dt.date(2026, 10, 31), "America/New_York", dt.datetime(2026, 10, 31, 14, 0, tzinfo=UTC)),
        (dt.date(2026, 11, 2), "America/New_York", dt.datetime(2026, 11, 2, 15, 0, tzinfo=UTC)),
        # Paris: CET (UTC+1) until 29 March 2026, CEST (UTC+2) until 25 October 2026.
        (dt.date(2026, 3, 28), "Europe/Paris", dt.datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),
        (dt.date(2026, 3, 30), "Europe/Paris", dt.datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        (dt.date(2026, 10, 26), "Europe/Paris", dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)),
        # Bangkok and Nairobi never change.
        (dt.date(2026, 3, 30), "Asia/Bangkok", dt.datetime(2026, 3, 30, 3, 0, tzinfo=UTC)),
    ],
)
def test_ten_oclock_on_the_host_clock_maps_to_the_right_utc_instant(day, zone, expected_utc):
    assert wall_clock_to_utc(day, dt.time(10, 0), zone) == expected_utc


def test_a_time_skipped_by_spring_forward_is_refused():
    with pytest.raises(ValidationError):
        wall_clock_to_utc(dt.date(2026, 3, 8), dt.time(2, 30), "America/New_York")
    with pytest.raises(ValidationError):
        wall_clock_to_utc(dt.date(2026, 3, 29), dt.time(2, 15), "Europe/Paris")


def test_a_time_repeated_by_fall_back_is_its_first_occurrence():
    # 01:30 happens twice in New York on 1 November 2026: first in EDT (05:30 UTC).
    instant = wall_clock_to_utc(dt.date(2026, 11, 1), dt.time(1, 30), "America/New_York")
    assert instant == dt.datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", ["Paris", "GMT+3", "EST5", "", "Europe/Nowhere"])
def test_only_iana_zone_names_are_accepted(name):
    with pytest.raises(ValidationError):
        validate_timezone(name)


def test_zone_label_shows_the_offset_in_force_on_the_day():
    summer = dt.datetime(2026, 7, 1, 12, tzinfo=UTC)
    winter = dt.datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert zone_label(summer, "Europe/Paris", "en") == "Paris (UTC+02:00)"
    assert zone_label(winter, "Europe/Paris", "en") == "Paris (UTC+01:00)"
    assert zone_label(winter, "America/Sao_Paulo", "en") == "São Paulo (UTC-03:00)"


def test_zone_names_read_in_the_readers_language():
    winter = dt.datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert zone_label(winter, "America/New_York", "es") == "Nueva York (UTC-05:00)"
    assert zone_label(winter, "America/Mexico_City", "fr") == "Mexico (UTC-06:00)"
    assert zone_label(winter, "UTC", "fr") == "UTC (UTC+00:00)"


def test_saving_a_webinar_derives_utc_from_the_host_wall_clock(series):
    webinar = WebinarPageFactory(
        parent=series,
        start_date=dt.date(2026, 3, 9),
        start_time=dt.time(10, 0),
        time_zone="America/New_York",
    )
    webinar.refresh_from_db()
    assert webinar.starts_at == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert webinar.local_start.tzinfo == ZoneInfo("America/New_York")
    assert webinar.local_start.hour == 10
    # The editor moves it across the DST change: UTC moves by an hour more than the days.
    webinar.start_date = dt.date(2026, 3, 6)
    webinar.save_revision().publish()
    webinar.refresh_from_db()
    assert webinar.starts_at == dt.datetime(2026, 3, 6, 15, 0, tzinfo=UTC)


def test_the_page_form_refuses_a_nonexistent_host_time(series):
    webinar = WebinarPageFactory(parent=series, time_zone="Europe/Paris")
    webinar.start_date = dt.date(2026, 3, 29)
    webinar.start_time = dt.time(2, 30)
    with pytest.raises(ValidationError) as error:
        webinar.full_clean()
    assert "start_time" in error.value.message_dict


def test_status_follows_the_clock(upcoming):
    start = upcoming.starts_at
    assert upcoming.status(start - dt.timedelta(minutes=1)) == Status.UPCOMING
    assert upcoming.status(start) == Status.LIVE
    assert upcoming.status(start + dt.timedelta(minutes=89)) == Status.LIVE
    assert upcoming.status(start + dt.timedelta(minutes=90)) == Status.PAST


def test_webinar_page_shows_host_time_and_a_utc_instant_for_the_readers_zone(client, series):
    webinar = WebinarPageFactory(
        parent=series,
        slug="bangkok",
        start_date=dt.date(2030, 1, 15),
        start_time=dt.time(9, 0),
        time_zone="America/Sao_Paulo",
    )
    html = client.get(webinar.url).content.decode()
    assert "09:00" in html
    assert "São Paulo (UTC-03:00)" in html
    assert 'data-local datetime="2030-01-15T12:00:00+00:00"' in html
    # The series' reference zones: Bangkok is 19:00 the same day.
    assert "Bangkok (UTC+07:00)" in html
    spanish = client.get(webinar.url.replace("/en/", "/es/", 1)).content.decode()
    assert "São Paulo (UTC-03:00)" in spanish
    assert "19:00" in html
