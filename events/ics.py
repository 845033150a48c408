"""iCalendar files of the calendar: the subscription of any filtered view, and one event's
"add to calendar" file.

Built only through :mod:`portal.calendars`. An event page's UID follows its translation key
(``event-<key>@host``), so a subscriber who switches language keeps one event; webinars and
community events come as their own apps write them (``webinars.calendars.webinar_event``,
``community_pages.calendar.events_calendar``), with the UIDs those apps give them, so a
session in this calendar and in the webinars' calendar is one event, not two.

A subscription is fetched by calendar programs, shared and cached: like every feed of the
portal it holds what an anonymous reader may see, whoever asks.
"""

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from community_pages.calendar import events_calendar
from portal import calendars
from portal.labels import term_label
from portal.reader_urls import reader_url
from webinars.calendars import webinar_event

from .entries import COMMUNITY, EVENT, WEBINAR, CalendarFilters, Window, calendar_entries, of_type

# A subscription keeps what ended this recently, so a calendar program does not drop an
# event the day after it happened.
KEEP_PAST = dt.timedelta(days=30)


def event_page_event(page, language):
    """The VEVENT of an event page, linking to it for a reader of ``language``."""
    url = reader_url(page, language, translate=False)
    place = ", ".join(
        part for part in (page.venue, page.city, term_label(page.country, language)) if part
    )
    return calendars.event(
        uid=calendars.uid("event", page.translation_key),
        start=page.start,
        end=page.end,
        time_zone=page.time_zone,
        summary=page.title,
        description=f"{page.summary}\n\n{url}".strip(),
        url=url,
        location=place or url,
    )


def entries_calendar(entries, language, name=""):
    """An icalendar.Calendar of calendar ``entries`` (what the caller's reader may see)."""
    components = [event_page_event(e.source, language) for e in entries if e.kind == EVENT]
    components += [webinar_event(e.source, language) for e in entries if e.kind == WEBINAR]
    community = [e.source for e in entries if e.kind == COMMUNITY]
    if community:
        components += events_calendar(community, language).walk("VEVENT")
    return calendars.calendar(components, name=name)


def calendar_name(index_page, filters, language):
    """The subscription's name: the calendar's title and the chosen filters' labels."""
    parts = [index_page.title]
    parts += [term_label(term, language) for term in (filters.theme, filters.region) if term]
    return " · ".join(parts)


def index_calendar_response(index_page, request, now=None):
    """The calendar file of the filters in the query string: entries not over a month ago,
    as an anonymous reader sees them (a subscription, read in place)."""
    now = now or timezone.now()
    language = translation.get_language() or index_page.locale.language_code
    filters = CalendarFilters.from_params(request.GET)
    window = Window(ends_after=now - KEEP_PAST)
    entries = calendar_entries(AnonymousUser(), index_page.locale, filters, window)
    calendar = entries_calendar(
        of_type(entries, filters), language, calendar_name(index_page, filters, language)
    )
    return calendars.calendar_response(calendar, "events.ics", attachment=False)


def event_calendar_response(page, request):
    """One event's calendar file, as a download ("add to calendar")."""
    # Page serving already asked the access policy for this page.
    language = translation.get_language() or page.locale.language_code
    calendar = calendars.calendar([event_page_event(page, language)], name=page.title)
    return calendars.calendar_response(calendar, calendars.filename(page.slug, "event"))
