"""Time zones of webinars: validation and conversion between a host's wall clock and UTC.

A webinar is scheduled the way its host thinks of it (a date, a time and the host's IANA
zone, for example 10:00 in America/Sao_Paulo); the UTC instant is derived from that, so a
daylight-saving change between scheduling and the session never moves it.
"""

import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal import datetimes
from portal.time_zones import zone_city

# Reference zones offered to series editors by default: where the portal's audiences are.
DEFAULT_REFERENCE_ZONES = ["Africa/Nairobi", "America/Sao_Paulo", "Asia/Bangkok"]


def validate_timezone(value):
    """Accept IANA zone names only (``Europe/Paris``), never abbreviations or offsets."""
    if not value or value not in _zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Paris or Asia/Bangkok."),
            params={"value": value},
            code="invalid_timezone",
        )


def validate_timezone_list(value):
    """A comma-separated list of IANA zone names."""
    for name in split_zones(value):
        validate_timezone(name)


def split_zones(value):
    """The zone names of a comma-separated list (blanks dropped)."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


_names_cache = []


def _zone_names():
    if not _names_cache:
        _names_cache.append(frozenset(available_timezones()) | {"UTC"})
    return _names_cache[0]


def zone(name):
    """The zone called ``name``; UTC for a name that is not a zone."""
    return datetimes.time_zone(name) or ZoneInfo("UTC")


def wall_clock_to_utc(date, time, zone_name):
    """The UTC instant of ``date`` at ``time`` on the wall clocks of ``zone_name``.

    Raises ValidationError for a date outside the portal's years and for a time that does
    not exist there (skipped by a spring-forward change). An ambiguous time (repeated by a
    fall-back change) is the first occurrence.
    """
    return datetimes.wall_clock_to_utc(dt.datetime.combine(date, time), zone_name)


def utc_to_wall_clock(instant, zone_name):
    """``instant`` (aware) as an aware datetime in ``zone_name``."""
    return instant.astimezone(zone(zone_name))


def zone_label(instant, zone_name, language=None):
    """The zone's city in the reader's language (``language``, the active one by default)
    and the offset in force at ``instant``: ``Nueva York (UTC-04:00)``, from CLDR through
    Babel; the IANA name where CLDR has no city for it."""
    local = utc_to_wall_clock(instant, zone_name)
    offset = local.utcoffset() or dt.timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{zone_city(zone_name, language)} (UTC{sign}{hours:02d}:{minutes:02d})"
