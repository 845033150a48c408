"""Dates and times people type: within the years the portal plans for, on clocks that exist.

Events and webinars are entered on their organiser's wall clock and stored in UTC. A date
far from today (a typo such as 0001-01-01 or 9999-12-31) can fall outside what Python or the
database can hold once shifted to UTC (the year 0, before 0001, or after 9999), so dates are
kept to ``EARLIEST_YEAR``–``LATEST_YEAR``. A wall-clock time that a daylight-saving change
skips does not exist: it is refused, not silently moved.
"""

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def validate_portal_date(value, zone_name=None):
    """Refuse a date (or datetime) outside ``EARLIEST_YEAR``–``LATEST_YEAR``; an aware
    datetime is judged on the clocks of ``zone_name`` (where its organiser entered it)."""
    if value is None:
        return
    if zone_name and isinstance(value, dt.datetime) and value.tzinfo is not None:
        try:
            value = value.astimezone(time_zone(zone_name) or dt.UTC)
        except OverflowError:  # past the calendar's first or last day there: out of range
            pass
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(earliest)s and %(latest)s."),
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            code="date_out_of_range",
        )


def time_zone(name):
    """The ``ZoneInfo`` called ``name``, or ``None`` when there is no such zone (a name too
    long for a file name raises ``OSError`` in ``zoneinfo``)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        return None


def wall_clock_to_utc(naive, zone_name):
    """The UTC instant shown as ``naive`` (a datetime without time zone) on the clocks of
    ``zone_name``.

    Raises ValidationError for a date outside the portal's years and for a time that does
    not exist there (skipped by a spring-forward change). An ambiguous time (repeated by a
    fall-back change) is its first occurrence.
    """
    validate_portal_date(naive)
    tz = time_zone(zone_name) or dt.UTC
    local = naive.replace(tzinfo=tz, fold=0)
    instant = local.astimezone(dt.UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != naive.replace(fold=0):
        raise ValidationError(
            _("%(time)s does not exist in %(zone)s on that day (the clocks change)."),
            params={"time": naive.strftime("%H:%M"), "zone": zone_name},
            code="nonexistent_time",
        )
    return instant
