"""iCalendar files of the portal: one way to write an event, a calendar and its HTTP answer.

Every calendar the portal gives out (a webinar's "add to calendar", a series or the webinars
index as a subscription, community events, the file attached to a registration email) is
built here on icalendar, so every calendar program reads the same instants:

* ``DTSTART``/``DTEND`` carry the organiser's zone (``DTSTART;TZID=Europe/Paris``), and the
  calendar holds one VTIMEZONE per zone used, covering the years of its events.
* Each VTIMEZONE observance lists its transitions as one ``RDATE`` property per date. The
  comma-separated list icalendar writes by default is valid iCalendar, but vobject (through
  dateutil) keeps only its first date, so summer-time events after the first year read one
  hour off there; one date per line reads the same in icalendar, vobject and ``ics``.
* UIDs are built from what stays the same in every language (a page's translation key), so a
  subscriber who switches language keeps one event, not two.
* ``METHOD:PUBLISH``, a PRODID and ``text/calendar; charset=utf-8`` (with ``method=PUBLISH``
  on an email attachment, as mail programs expect).
"""

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from portal import datetimes

PRODID = "-//Social Protection Knowledge Portal//Calendars//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
EMAIL_CONTENT_TYPE = "text/calendar; charset=utf-8; method=PUBLISH"


def uid(kind, key):
    """A UID for ``kind`` (``webinar``) and ``key`` (a translation key or a row id) that
    names the portal's host: the same in every language and on every fetch."""
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "portal.local"
    return f"{kind}-{key}@{domain}"


def _zone(name):
    return datetimes.time_zone(name or "UTC") or dt.UTC


def event(*, uid, start, end, time_zone, summary, description="", url="", location=""):
    """A VEVENT from ``start`` to ``end`` (aware datetimes) on the clocks of ``time_zone``
    (an IANA name; UTC for an unknown one)."""
    tz = _zone(time_zone)
    item = icalendar.Event()
    item.add("uid", uid)
    item.add("dtstamp", timezone.now().astimezone(dt.UTC).replace(microsecond=0))
    item.add("dtstart", start.astimezone(tz).replace(microsecond=0))
    item.add("dtend", end.astimezone(tz).replace(microsecond=0))
    item.add("summary", summary)
    if description:
        item.add("description", description)
    if url:
        item.add("url", url)
    if location:
        item.add("location", location)
    return item


def calendar(events, name=""):
    """A VCALENDAR (``METHOD:PUBLISH``) holding ``events`` and the VTIMEZONE of each zone
    they use, with the transitions of every year they fall in."""
    result = icalendar.Calendar()
    result.add("prodid", PRODID)
    result.add("version", "2.0")
    result.add("calscale", "GREGORIAN")
    result.add("method", "PUBLISH")
    if name:
        result.add("x-wr-calname", name)
    for item in events:
        result.add_component(item)
    for component in time_zones(result.events):
        result.add_component(component)
    return result


def time_zones(events):
    """One VTIMEZONE per zone ``events`` name in a TZID, covering from the first January
    before the earliest to two years after the latest of its events, one RDATE a line."""
    years = {}
    for item in events:
        for name in ("DTSTART", "DTEND"):
            value = item.get(name)
            tzid = value.params.get("TZID") if value is not None else None
            if tzid:
                years.setdefault(tzid, set()).add(value.dt.year)
    components = []
    for tzid, seen in sorted(years.items()):
        tz = datetimes.time_zone(tzid)
        if tz is None:
            continue
        first = dt.date(max(min(seen) - 1, datetimes.EARLIEST_YEAR), 1, 1)
        last = dt.date(min(max(seen) + 2, datetimes.LATEST_YEAR), 1, 1)
        component = icalendar.Timezone.from_tzinfo(tz, tzid, first_date=first, last_date=last)
        for observance in component.subcomponents:
            dates = observance.pop("RDATE", None)
            if dates is not None:
                for date in dates.dts:
                    observance.add("RDATE", date.dt)
        components.append(component)
    return components


def filename(slug, default):
    """``<slug>.ics``, a safe file name; ``<default>.ics`` for an empty slug."""
    return f"{slugify(slug or '') or default}.ics"


def calendar_response(cal, name, *, attachment=True, private=False):
    """The HTTP answer carrying ``cal`` as ``name``: a download (``attachment``) or a
    subscription read in place; ``private`` for per-reader feeds no cache may keep."""
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


def email_attachment(cal, name):
    """``(name, bytes, content type)`` for an email carrying ``cal``."""
    return (name, cal.to_ical(), EMAIL_CONTENT_TYPE)
