"""iCalendar files: one webinar ("add to calendar"), a series feed, all upcoming webinars.

Events carry the host's time zone (``DTSTART;TZID=America/New_York``) with its VTIMEZONE
definition, so calendar programs show the right local time on both sides of a
daylight-saving change. Feeds list only what the requesting reader may see (subscriptions
are usually anonymous, so members-only sessions stay out of them).
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify

from portal.i18n import locale_for, localized_page, localized_pages
from portal.reader_urls import reader_url

from .timezones import zone


def _domain():
    from urllib.parse import urlsplit

    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "portal.local"


def webinar_event(webinar, language=None):
    tz = zone(webinar.time_zone)
    event = icalendar.Event()
    event.add("uid", f"webinar-{webinar.translation_key}@{_domain()}")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC).replace(microsecond=0))
    event.add("dtstart", webinar.starts_at.astimezone(tz).replace(microsecond=0))
    event.add("dtend", webinar.ends_at.astimezone(tz).replace(microsecond=0))
    event.add("summary", webinar.title)
    url = reader_url(webinar, language or webinar.locale.language_code)
    description = webinar.introduction or strip_tags(webinar.abstract or "")
    event.add("description", f"{description}\n\n{url}".strip())
    event.add("url", url)
    event.add("location", url)
    return event


def webinar_calendar(webinars, language=None, name=None):
    """An icalendar.Calendar holding ``webinars`` (pages with ``starts_at``), each under its
    title in ``language`` where it is translated."""
    locale = locale_for(language) if language else None
    if locale is not None:
        webinars = localized_pages(list(webinars), locale)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Social Protection Knowledge Portal//Webinars//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    for webinar in webinars:
        if webinar.starts_at:
            calendar.add_component(webinar_event(webinar, language))
    calendar.add_missing_timezones()
    return calendar


def _response(calendar, filename, attachment=True):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def webinar_calendar_response(webinar, request):
    # Page serving already asked the access policy for this page.
    language = translation.get_language()
    calendar = webinar_calendar([webinar], language)
    return _response(calendar, f"{slugify(webinar.slug) or 'webinar'}.ics")


def series_calendar_response(series, request):
    language = translation.get_language()
    from .listings import series_sessions

    sessions = series_sessions(series, request.user).filter(starts_at__isnull=False)
    sessions = sessions.order_by("starts_at")
    calendar = webinar_calendar(sessions, language, name=localized_page(series).title)
    return _response(calendar, f"{slugify(series.slug) or 'series'}.ics", attachment=False)


def index_calendar_response(index_page, request):
    from .listings import upcoming_webinars

    language = translation.get_language()
    webinars = upcoming_webinars(request.user, index_page.locale)
    calendar = webinar_calendar(webinars, language, name=index_page.title)
    return _response(calendar, "webinars.ics", attachment=False)
