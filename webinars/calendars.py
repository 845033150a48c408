"""iCalendar files of webinars: one session ("add to calendar"), a series, all upcoming.

Built with :mod:`portal.calendars`: events carry the host's time zone with its VTIMEZONE
definition, UIDs follow the session's translation key, and each event reads in the reader's
language where the session is translated. Feeds list only what the requesting reader may see
(subscriptions are usually anonymous, so members-only sessions stay out of them).
"""

from django.utils import translation
from django.utils.html import strip_tags

from portal import calendars
from portal.i18n import localized_page, localized_pages
from portal.locales import locale_for
from portal.reader_urls import reader_url

from .listings import series_sessions, upcoming_webinars


def webinar_event(webinar, language=None):
    """The VEVENT of ``webinar`` (a page with ``starts_at``), linking to it for ``language``."""
    url = reader_url(webinar, language or webinar.locale.language_code, translate=False)
    description = webinar.introduction or strip_tags(webinar.abstract or "")
    return calendars.event(
        uid=calendars.uid("webinar", webinar.translation_key),
        start=webinar.starts_at,
        end=webinar.ends_at,
        time_zone=webinar.time_zone,
        summary=webinar.title,
        description=f"{description}\n\n{url}".strip(),
        url=url,
        location=url,
    )


def webinar_calendar(webinars, language=None, name=""):
    """An icalendar.Calendar holding ``webinars`` (pages with ``starts_at``), each under its
    title in ``language`` where it is translated."""
    locale = locale_for(language) if language else None
    if locale is not None:
        webinars = localized_pages(list(webinars), locale)
    events = [webinar_event(webinar, language) for webinar in webinars if webinar.starts_at]
    return calendars.calendar(events, name=name)


def webinar_calendar_response(webinar, request):
    """One session's iCalendar file, as a download."""
    # Page serving already asked the access policy for this page.
    calendar = webinar_calendar([webinar], translation.get_language())
    return calendars.calendar_response(calendar, calendars.filename(webinar.slug, "webinar"))


def series_calendar_response(series, request):
    """The iCalendar file of a series' scheduled sessions the reader may see (a
    subscription, not a download)."""
    sessions = series_sessions(series, request.user).filter(starts_at__isnull=False)
    calendar = webinar_calendar(
        sessions.order_by("starts_at"), translation.get_language(), localized_page(series).title
    )
    name = calendars.filename(series.slug, "series")
    return calendars.calendar_response(calendar, name, attachment=False)


def index_calendar_response(index_page, request):
    """The iCalendar file of the upcoming sessions the reader may see in the index's language
    (a subscription, not a download)."""
    webinars = upcoming_webinars(request.user, index_page.locale)
    calendar = webinar_calendar(webinars, translation.get_language(), index_page.title)
    return calendars.calendar_response(calendar, "webinars.ics", attachment=False)
