"""The calendar's entries: event pages, webinar sessions and community events as one list.

Each source is asked through its own app's access-aware querysets: event pages through
``portal.access.visible_pages``, webinars through the webinars app's listing functions
(``visible_webinars``, ``webinars_with_theme``), community events through
``portal.access.visible_queryset`` on the community app's model (whose audiences the community
app registers). Nothing here decides who may see what.

Every source gives :class:`Entry` rows, so the views, the home section and the calendar file
list, filter, count and sort them alike. A filter is a source-language term (themes include
the themes below them, as the webinars' filter does) or a kind: an event type's slug,
``webinar`` or ``community-event``.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community_pages.models import CommunityEvent
from portal.access import public_pages, visible_pages, visible_queryset
from portal.datetimes import time_zone
from portal.i18n import localized_pages
from portal.labels import term_label
from portal.locales import default_locale
from portal.models import Region, Theme
from portal.params import text_param
from portal.reader_urls import reader_path
from webinars.listings import visible_webinars, with_fallback
from webinars.models import webinars_with_theme
from webinars.timezones import zone_label

from .models import AttendanceMode, EventPage, EventType

EVENT = "event"
WEBINAR = "webinar"
COMMUNITY = "community-event"
KIND_LABELS = {EVENT: _("Event"), WEBINAR: _("Webinar"), COMMUNITY: _("Community event")}
# A webinar's end is computed from its start and duration: look this far back for sessions
# that started before a window opened and are still running.
LONGEST_WEBINAR = dt.timedelta(hours=12)
# The archive reads at most this many past entries of each source.
ARCHIVE_LIMIT = 500


@dataclass
class Entry:
    """One date of the calendar, whatever its source: what a listing, the home page and a
    calendar file show of it. ``source`` is the page or row it comes from."""

    title: str
    url: str
    start: dt.datetime
    end: dt.datetime
    time_zone: str
    kind: str
    mode: str
    type_key: str = ""
    type_label: str = ""
    location: str = ""
    organiser: str = ""
    summary: str = ""
    themes: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    language: str = ""
    source: object = field(default=None, repr=False)

    @property
    def kind_label(self):
        """ "Webinar", "Community event", or the event's type ("Conference")."""
        return self.type_label or KIND_LABELS[self.kind]

    @property
    def mode_label(self):
        """How people take part, in the reader's language."""
        return AttendanceMode(self.mode).label

    @property
    def zone(self):
        """The organiser's time zone (UTC for an unknown name)."""
        return time_zone(self.time_zone) or dt.UTC

    @property
    def local_start(self):
        """The start on the organiser's clock."""
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        """The end on the organiser's clock."""
        return self.end.astimezone(self.zone)

    @property
    def zone_label(self):
        """The organiser's zone as the reader names it, with its offset at the start."""
        return zone_label(self.start, self.time_zone)

    @property
    def same_day(self):
        """Whether the entry starts and ends on the same day of the organiser's clock."""
        return self.local_start.date() == self.local_end.date()

    def days(self):
        """The days of the organiser's clock the entry covers, first to last."""
        day, last = self.local_start.date(), self.local_end.date()
        if self.local_end.time() == dt.time(0) and last > day:
            last -= dt.timedelta(days=1)  # ending at midnight: the day before is the last
        while day <= last:
            yield day
            day += dt.timedelta(days=1)


@dataclass
class CalendarFilters:
    """The filters of the calendar (``?theme=<slug>&region=<slug>&type=<slug>``), one value
    each, looked up among source-language terms; values that name nothing are dropped and
    listed in ``ignored`` so the page can say so."""

    theme: Theme | None = None
    region: Region | None = None
    type: str = ""
    ignored: list = field(default_factory=list)

    NAMES = ("theme", "region", "type")

    @classmethod
    def from_params(cls, params):
        """The filters of a query string; unknown or malformed values are ignored."""
        source = default_locale()
        result = cls()
        theme = text_param(params, "theme", max_length=120)
        if theme:
            result.theme = Theme.objects.filter(locale=source, slug=theme).first()
            if result.theme is None:
                result.ignored.append(("theme", theme))
        region = text_param(params, "region", max_length=120)
        if region:
            result.region = Region.objects.filter(locale=source, slug=region).first()
            if result.region is None:
                result.ignored.append(("region", region))
        kind = text_param(params, "type", max_length=120)
        if kind:
            known = kind in (WEBINAR, COMMUNITY)
            if not known:
                known = EventType.objects.filter(locale=source, slug=kind).exists()
            if known:
                result.type = kind
            else:
                result.ignored.append(("type", kind))
        return result

    def params(self, **changes):
        """The filters as query parameters, with ``changes`` applied (empty drops one)."""
        values = {
            "theme": self.theme.slug if self.theme else "",
            "region": self.region.slug if self.region else "",
            "type": self.type,
        } | changes
        return {name: value for name, value in values.items() if value}

    def urlencode(self, **changes):
        """The filters as a query string, with ``changes`` applied."""
        return urlencode(self.params(**changes))

    def matches_type(self, entry):
        """Whether ``entry`` is of the chosen kind or event type (any without one)."""
        if not self.type:
            return True
        if self.type in (WEBINAR, COMMUNITY):
            return entry.kind == self.type
        return entry.kind == EVENT and entry.type_key == self.type

    def theme_ids(self):
        """The source-language rows of the chosen theme and the themes below it."""
        keys = self.theme.descendant_keys()
        return Theme.objects.filter(translation_key__in=keys, locale_id=self.theme.locale_id)


@dataclass
class Window:
    """Which entries a view wants: ending after ``ends_after``, starting before
    ``starts_before``, ended by ``ended_by`` (any of them may be None)."""

    ends_after: dt.datetime | None = None
    starts_before: dt.datetime | None = None
    ended_by: dt.datetime | None = None

    def keeps(self, start, end):
        """Whether an entry from ``start`` to ``end`` falls in the window."""
        return (
            (self.ends_after is None or end > self.ends_after)
            and (self.starts_before is None or start < self.starts_before)
            and (self.ended_by is None or end <= self.ended_by)
        )


def upcoming_window(now=None):
    """Entries not yet over (running ones included)."""
    return Window(ends_after=now or timezone.now())


def past_window(now=None):
    """Entries that are over."""
    return Window(ended_by=now or timezone.now())


# --- The sources --------------------------------------------------------------------------


def visible_event_pages(user, locale):
    """Live event pages ``user`` may see, in ``locale`` with source-language fallback."""
    queryset = with_fallback(public_pages(EventPage.objects.live()), locale)
    return visible_pages(queryset, user)


def event_page_entry(page, code, relations=True):
    """The entry of an event page, for a reader of language ``code`` (the page is the
    reader's version already; its terms and organisers are labelled in ``code``; without
    ``relations``, none of them: the page's relations are not read)."""
    place = ", ".join(part for part in (page.city, term_label(page.country, code)) if part)
    return Entry(
        title=page.title,
        url=reader_path(page, code, translate=False),
        start=page.start,
        end=page.end,
        time_zone=page.time_zone,
        kind=EVENT,
        mode=page.attendance_mode,
        type_key=page.event_type.slug if page.event_type else "",
        type_label=term_label(page.event_type, code) if page.event_type else "",
        location=place,
        organiser=", ".join(term_label(o, code) for o in page.organisers.all())
        if relations
        else "",
        summary=page.listing_summary,
        themes=[term_label(t, code) for t in page.themes.all()] if relations else [],
        regions=[term_label(r, code) for r in page.regions.all()] if relations else [],
        language=page.locale.language_code,
        source=page,
    )


def _event_pages(user, locale, filters, window, newest_first, relations):
    queryset = visible_event_pages(user, locale)
    if filters.theme is not None:
        queryset = queryset.filter(themes__in=filters.theme_ids()).distinct()
    if filters.region is not None:
        queryset = queryset.filter(regions=filters.region)
    if window.ends_after is not None:
        queryset = queryset.filter(end__gt=window.ends_after)
    if window.starts_before is not None:
        queryset = queryset.filter(start__lt=window.starts_before)
    if window.ended_by is not None:
        queryset = queryset.filter(end__lte=window.ended_by)
    queryset = queryset.order_by("-start" if newest_first else "start", "pk")
    queryset = queryset.select_related("event_type", "country", "locale")
    if relations:
        queryset = queryset.prefetch_related("themes", "regions", "organisers")
    code = locale.language_code
    pages = queryset[:ARCHIVE_LIMIT] if window.ended_by else queryset
    return [event_page_entry(page, code, relations) for page in pages]


def _webinars(user, locale, filters, window, newest_first, relations):
    if filters.region is not None:
        return []  # sessions are not filed under regions
    queryset = visible_webinars(user, locale)
    if filters.theme is not None:
        queryset = webinars_with_theme(queryset, filters.theme)
    if window.ends_after is not None:
        queryset = queryset.filter(starts_at__gt=window.ends_after - LONGEST_WEBINAR)
    if window.starts_before is not None:
        queryset = queryset.filter(starts_at__lt=window.starts_before)
    if window.ended_by is not None:
        queryset = queryset.filter(starts_at__lt=window.ended_by)
    queryset = queryset.order_by("-starts_at" if newest_first else "starts_at", "pk")
    queryset = queryset.select_related("locale")
    if relations:
        queryset = queryset.prefetch_related("themes")
    code = locale.language_code
    entries = []
    for webinar in queryset[:ARCHIVE_LIMIT] if window.ended_by else queryset:
        if not window.keeps(webinar.starts_at, webinar.ends_at):
            continue
        entries.append(
            Entry(
                title=webinar.title,
                url=reader_path(webinar, code, translate=False),
                start=webinar.starts_at,
                end=webinar.ends_at,
                time_zone=webinar.time_zone,
                kind=WEBINAR,
                mode=AttendanceMode.ONLINE,
                summary=webinar.listing_summary,
                themes=[term_label(t, code) for t in webinar.themes.all()] if relations else [],
                language=webinar.locale.language_code,
                source=webinar,
            )
        )
    return entries


def visible_community_events(user):
    """Events of live communities that ``user`` may see (public ones of open communities for
    anonymous readers; members also those of their communities)."""
    return visible_queryset(CommunityEvent.objects.filter(community__live=True), user)


def _community_events(user, locale, filters, window, newest_first, relations):
    queryset = visible_community_events(user)
    if filters.theme is not None:
        queryset = queryset.filter(community__themes__in=filters.theme_ids()).distinct()
    if filters.region is not None:
        queryset = queryset.filter(community__regions=filters.region)
    if window.ends_after is not None:
        queryset = queryset.filter(end__gt=window.ends_after)
    if window.starts_before is not None:
        queryset = queryset.filter(start__lt=window.starts_before)
    if window.ended_by is not None:
        queryset = queryset.filter(end__lte=window.ended_by)
    queryset = queryset.order_by("-start" if newest_first else "start", "pk")
    queryset = queryset.select_related("community")
    if relations:
        queryset = queryset.prefetch_related("community__themes", "community__regions")
    rows = list(queryset[:ARCHIVE_LIMIT] if window.ended_by else queryset)
    communities = {row.community_id: row.community for row in rows}
    localized = dict(
        zip(communities, localized_pages(list(communities.values()), locale), strict=True)
    )
    code = locale.language_code
    entries = []
    for row in rows:
        community = localized[row.community_id]
        suffix = community.reverse_subpage("event", args=[row.pk])
        entries.append(
            Entry(
                title=row.title,
                url=reader_path(community, code, translate=False) + suffix,
                start=row.start,
                end=row.end,
                time_zone=row.time_zone,
                kind=COMMUNITY,
                mode=AttendanceMode.ONLINE if row.online else AttendanceMode.IN_PERSON,
                location="" if row.online else row.location,
                organiser=community.title,
                summary=row.description,
                themes=[term_label(t, code) for t in row.community.themes.all()]
                if relations
                else [],
                regions=[term_label(r, code) for r in row.community.regions.all()]
                if relations
                else [],
                source=row,
            )
        )
    return entries


SOURCES = (_event_pages, _webinars, _community_events)


def calendar_entries(user, locale, filters, window, *, newest_first=False, relations=True):
    """Every entry ``user`` may see in ``locale`` that the theme and region ``filters`` and
    the ``window`` keep, all kinds (the type filter is applied by :func:`of_type`, so that
    the kinds can be counted), sorted by start (``newest_first`` for the archive). Without
    ``relations``, entries carry no themes, regions or organisers (and cost no query for
    them): for a list that shows none, such as the home page's."""
    entries = []
    for source in SOURCES:
        entries.extend(source(user, locale, filters, window, newest_first, relations))
    entries.sort(key=lambda e: (e.start, e.title), reverse=newest_first)
    return entries


def of_type(entries, filters):
    """``entries`` of the chosen type (all of them without one)."""
    return [entry for entry in entries if filters.matches_type(entry)]


def upcoming_entries(user, locale, filters=None, count=None, now=None, relations=True):
    """The next entries ``user`` may see (running ones first), at most ``count`` (see
    :func:`calendar_entries` for ``relations``)."""
    filters = filters or CalendarFilters()
    window = upcoming_window(now)
    entries = of_type(calendar_entries(user, locale, filters, window, relations=relations), filters)
    return entries[:count] if count else entries


def type_choices(entries, filters, language=None):
    """The type filter's options with the number of ``entries`` of each: the event types
    (source rows, labelled in ``language``), then webinars and community events.
    ``[{"key", "label", "count", "selected"}]``; options without entries are kept only when
    chosen."""
    counts = {}
    for entry in entries:
        key = entry.type_key if entry.kind == EVENT else entry.kind
        if key:
            counts[key] = counts.get(key, 0) + 1
    options = [
        (t.slug, term_label(t, language)) for t in EventType.objects.filter(locale=default_locale())
    ]
    options.sort(key=lambda option: option[1].casefold())
    options += [(WEBINAR, str(KIND_LABELS[WEBINAR])), (COMMUNITY, str(KIND_LABELS[COMMUNITY]))]
    return [
        {"key": key, "label": label, "count": counts.get(key, 0), "selected": key == filters.type}
        for key, label in options
        if counts.get(key) or key == filters.type
    ]


def term_choices(model, selected, language=None):
    """Every source-language ``model`` term as a filter option, labelled in ``language``."""
    terms = model.objects.filter(locale=default_locale())
    options = [
        {
            "key": term.slug,
            "label": term_label(term, language),
            "selected": selected is not None and term.pk == selected.pk,
        }
        for term in terms
    ]
    return sorted(options, key=lambda option: option["label"].casefold())
