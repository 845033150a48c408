"""The contexts of the calendar's views: upcoming entries (the default), one month
(``?month=YYYY-MM``), the archive of past entries, and one event's page.

Every view takes the same filters (``theme``, ``region``, ``type``) from the query string,
links to the others with them, and offers the calendar file of the same filters. A parameter
that names nothing (an unknown slug, the month 2026-13) is left out and the page says so.
"""

import datetime as dt
import re

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.datetimes import EARLIEST_YEAR, LATEST_YEAR
from portal.models import Region, Theme
from portal.params import MAX_PAGE, int_param, text_param
from portal.reader_urls import absolute_url

from .entries import (
    CalendarFilters,
    Window,
    calendar_entries,
    event_page_entry,
    of_type,
    past_window,
    term_choices,
    type_choices,
    upcoming_window,
)

MONTH = re.compile(r"(\d{4})-(\d{2})")
# Entries are placed on the days of their organiser's clock, which runs up to 14 hours
# ahead of UTC or 12 behind: a month's window is read that much wider, then refined.
ZONE_MARGIN = dt.timedelta(hours=14)


def parse_month(value):
    """The first day of the month ``YYYY-MM``, or None for anything else."""
    match = MONTH.fullmatch(value or "")
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and EARLIEST_YEAR <= year <= LATEST_YEAR):
        return None
    return dt.date(year, month, 1)


def next_month(first):
    """The first day of the month after ``first``'s."""
    return (first + dt.timedelta(days=32)).replace(day=1)


def previous_month(first):
    """The first day of the month before ``first``'s."""
    return (first - dt.timedelta(days=1)).replace(day=1)


def _notices(filters):
    messages = {
        "theme": _("No theme is called “%(value)s”: that filter was ignored."),
        "region": _("No region is called “%(value)s”: that filter was ignored."),
        "type": _("No type of event is called “%(value)s”: that filter was ignored."),
    }
    return [messages[name] % {"value": value} for name, value in filters.ignored]


def _paths(index_page, filters):
    base = index_page.url
    query = filters.urlencode()
    suffix = f"?{query}" if query else ""
    calendar_path = base + index_page.reverse_subpage("calendar_file")
    https = absolute_url(calendar_path) + suffix
    return {
        "base_url": base,
        "archive_base_url": base + index_page.reverse_subpage("archive"),
        "list_url": base + suffix,
        "archive_url": base + index_page.reverse_subpage("archive") + suffix,
        "ics_url": https,
        "webcal_url": re.sub(r"^https?://", "webcal://", https),
    }


def _screen(entries, request, per_page):
    paginator = Paginator(entries, max(per_page, 1))
    number = int_param(request.GET, "page", 1, 1, MAX_PAGE)
    return paginator.page(min(number, paginator.num_pages))


def _common(index_page, request, filters, counted):
    language = index_page.locale.language_code
    return {
        "filters": filters,
        "query_string": filters.urlencode(),
        "theme_choices": term_choices(Theme, filters.theme, language),
        "region_choices": term_choices(Region, filters.region, language),
        "type_choices": type_choices(counted, filters, language),
        "notices": _notices(filters),
        **_paths(index_page, filters),
    }


def calendar_context(index_page, request, now=None):
    """The default view: upcoming entries a screen at a time, or with ``?month=YYYY-MM``
    the entries of that month day by day, with links to the months before and after."""
    now = now or timezone.now()
    filters = CalendarFilters.from_params(request.GET)
    locale = index_page.locale
    month_param = text_param(request.GET, "month", max_length=20)
    month = parse_month(month_param)
    if month is None:
        counted = calendar_entries(request.user, locale, filters, upcoming_window(now))
        context = _common(index_page, request, filters, counted)
        context.update(
            view="upcoming",
            entries=_screen(of_type(counted, filters), request, index_page.per_page),
            month_url=context["base_url"]
            + "?"
            + filters.urlencode(month=timezone.localdate(now).strftime("%Y-%m")),
        )
        if month_param:
            context["notices"].append(
                _("“%(value)s” is not a month (write it as 2027-01): upcoming events are shown.")
                % {"value": month_param}
            )
        return context
    after = next_month(month)
    window = Window(
        ends_after=dt.datetime.combine(month, dt.time(0), dt.UTC) - ZONE_MARGIN,
        starts_before=dt.datetime.combine(after, dt.time(0), dt.UTC) + ZONE_MARGIN,
    )
    counted = [
        entry
        for entry in calendar_entries(request.user, locale, filters, window)
        if any(month <= day < after for day in entry.days())
    ]
    days = {}
    for entry in of_type(counted, filters):
        for day in entry.days():
            if month <= day < after:
                days.setdefault(day, []).append(entry)
    context = _common(index_page, request, filters, counted)
    base = context["base_url"]
    before = previous_month(month)
    context.update(
        view="month",
        month=month,
        month_label=date_format(month, "YEAR_MONTH_FORMAT"),
        days=[{"date": day, "entries": days[day]} for day in sorted(days)],
        previous_month_url=base + "?" + filters.urlencode(month=before.strftime("%Y-%m")),
        previous_month_label=date_format(before, "YEAR_MONTH_FORMAT"),
        next_month_url=base + "?" + filters.urlencode(month=after.strftime("%Y-%m")),
        next_month_label=date_format(after, "YEAR_MONTH_FORMAT"),
        month_url=base + "?" + filters.urlencode(month=month.strftime("%Y-%m")),
        month_query=filters.urlencode(month=month.strftime("%Y-%m")),
    )
    return context


def archive_context(index_page, request, now=None):
    """The archive: entries that are over, newest first, a screen at a time."""
    now = now or timezone.now()
    filters = CalendarFilters.from_params(request.GET)
    counted = calendar_entries(
        request.user, index_page.locale, filters, past_window(now), newest_first=True
    )
    context = _common(index_page, request, filters, counted)
    base = context["base_url"]
    context.update(
        view="archive",
        entries=_screen(of_type(counted, filters), request, index_page.per_page),
        month_url=base + "?" + filters.urlencode(month=timezone.localdate(now).strftime("%Y-%m")),
    )
    return context


def event_context(page, request):
    """An event page's context: the event as a calendar entry and its calendar file."""
    entry = event_page_entry(page, page.locale.language_code)
    return {
        "entry": entry,
        "organisers": list(page.organisers.all()),
        "event_ics_url": page.url + page.reverse_subpage("calendar_file"),
        "is_past": page.end <= timezone.now(),
    }
