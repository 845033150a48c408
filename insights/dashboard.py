"""The staff dashboard's figures, read from the rows the apps keep: page views
(``portal.PageView``), publication downloads (``library.DownloadCount``), members,
communities, webinar audiences and the library.

Each figure is one grouped query (or a few), whatever the number of pages, communities or
sessions: nothing is asked per row. Staff see every page's figures, members-only pages
included (they moderate them); the figures are never shown outside the admin.

*Active members* of a month are those who did something the portal records that month:
started a discussion, commented, or registered for a webinar. A log-in alone is not kept
month by month, so it does not count.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import TruncDay, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState

from community_pages.models import (
    AttachmentDownload,
    Comment,
    CommunityFileDownload,
    CommunityPage,
    Membership,
    Thread,
)
from library.models import DocumentType, DownloadCount, PublicationPage
from portal.charts import Chart, Series
from portal.forms import TermChoiceField
from portal.labels import term_label
from portal.models import Country, DocumentDownload, PageView, Theme
from webinars.models import Attendance, Registration, WebinarPage

TOP = 20
# A range up to this many days is drawn day by day, a longer one month by month.
DAILY_UP_TO = 92
LONGEST_RANGE_DAYS = 3 * 366
DEFAULT_RANGE_DAYS = 90
MONTHS_SHOWN = 12
WEBINARS_SHOWN = 50
# The sections of the site: the apps whose pages they are.
SECTIONS = [
    ("library", _("Library")),
    ("webinars", _("Webinars")),
    ("community_pages", _("Communities")),
    ("news", _("News")),
    ("events", _("Events")),
    ("programmes", _("Programmes and countries")),
    ("glossary", _("Glossary")),
    ("surveys", _("Surveys")),
    ("portal", _("Home and other pages")),
]


class DashboardForm(forms.Form):
    """The dashboard's filters: a date range, a language, a section, a theme, a country."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    theme = TermChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        empty_label=_("All themes"),
        help_text=_("Publications filed under the theme or one below it."),
    )
    country = TermChoiceField(
        label=_("Members' country"),
        required=False,
        queryset=Country.objects.none(),
        to_field_name="iso_code",
        empty_label=_("All countries"),
        help_text=_("Only what members who gave this country read or downloaded."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]
        self.fields["section"].choices = [("", _("All sections"))] + SECTIONS
        default = Locale.get_default()
        self.fields["theme"].queryset = Theme.objects.filter(locale=default).order_by("name")
        self.fields["country"].queryset = Country.objects.filter(locale=default).order_by("name")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(days=DEFAULT_RANGE_DAYS - 1)
        if "start" in self.errors or "end" in self.errors:
            return data
        if end < start:
            raise forms.ValidationError(_("The range must end on or after the day it starts."))
        if (end - start).days >= LONGEST_RANGE_DAYS:
            raise forms.ValidationError(_("Choose a range of at most three years."))
        data["start"], data["end"] = start, end
        return data

    def filters(self):
        """The :class:`Filters` chosen (the defaults when the form is not valid)."""
        if not self.is_bound or not self.is_valid():
            end = timezone.localdate()
            return Filters(start=end - datetime.timedelta(days=DEFAULT_RANGE_DAYS - 1), end=end)
        data = self.cleaned_data
        return Filters(
            start=data["start"],
            end=data["end"],
            language=data.get("language") or "",
            section=data.get("section") or "",
            theme=data.get("theme"),
            country=data["country"].iso_code.upper() if data.get("country") else "",
        )


@dataclass
class Filters:
    """What the figures are limited to."""

    start: datetime.date
    end: datetime.date
    language: str = ""
    section: str = ""
    theme: Theme = None
    country: str = ""

    @property
    def daily(self):
        return (self.end - self.start).days < DAILY_UP_TO


def themed_publications(theme):
    """The pages of the publications filed under ``theme`` or a theme below it (translations
    keep their source's themes)."""
    themes = Theme.objects.filter(
        Q(pk=theme.pk) | Q(parent=theme) | Q(parent__parent=theme) | Q(parent__parent__parent=theme)
    )
    return PublicationPage.objects.filter(themes__in=themes).values("pk")


def page_views(filters):
    """The ``PageView`` rows the filters keep."""
    rows = PageView.objects.filter(day__range=(filters.start, filters.end))
    if filters.language:
        rows = rows.filter(page__locale__language_code=filters.language)
    if filters.section:
        rows = rows.filter(page__content_type__app_label=filters.section)
    if filters.theme:
        rows = rows.filter(page__in=themed_publications(filters.theme))
    if filters.country:
        rows = rows.filter(country=filters.country)
    return rows


def downloads(filters):
    """The ``DownloadCount`` rows the filters keep (publications are the library's)."""
    rows = DownloadCount.objects.filter(day__range=(filters.start, filters.end))
    if filters.section and filters.section != "library":
        return rows.none()
    if filters.language:
        rows = rows.filter(publication__locale__language_code=filters.language)
    if filters.theme:
        rows = rows.filter(publication__in=themed_publications(filters.theme))
    if filters.country:
        rows = rows.filter(country=filters.country)
    return rows


def periods(filters):
    """The x axis: every day of the range, or every month it touches."""
    if filters.daily:
        count = (filters.end - filters.start).days + 1
        return [filters.start + datetime.timedelta(days=i) for i in range(count)]
    return months_between(filters.start, filters.end)


def months_between(start, end):
    """The first days of the months from ``start``'s to ``end``'s."""
    month = start.replace(day=1)
    months = []
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def as_date(value):
    """A truncated period as a date (databases give a date or a datetime)."""
    return value.date() if isinstance(value, datetime.datetime) else value


def period_label(day, daily):
    return format_date(day, "j M" if daily else "M Y")


def totals_by_period(rows, daily, field="day"):
    """``{period: sum of count}`` of ``rows``."""
    trunc = TruncDay(field) if daily else TruncMonth(field)
    grouped = rows.annotate(period=trunc).values("period").annotate(total=Sum("count"))
    return {as_date(row["period"]): row["total"] for row in grouped.order_by()}


def usage_over_time(filters):
    """Views, then downloads, over the range: two charts (downloads are far fewer, and would
    lie flat on the views' scale)."""
    axis = periods(filters)
    labels = [period_label(day, filters.daily) for day in axis]
    views = totals_by_period(page_views(filters), filters.daily)
    files = totals_by_period(downloads(filters), filters.daily)
    per = _("Page views per day") if filters.daily else _("Page views per month")
    per_file = (
        _("Publication downloads per day")
        if filters.daily
        else _("Publication downloads per month")
    )
    return [
        Chart(per, labels, [Series(_("Page views"), [views.get(day, 0) for day in axis])]),
        Chart(per_file, labels, [Series(_("Downloads"), [files.get(day, 0) for day in axis])]),
    ]


def top_pages(filters, limit=TOP):
    """The most viewed pages: ``[(page, views)]``."""
    rows = (
        page_views(filters)
        .values("page")
        .annotate(total=Sum("count"))
        .order_by("-total", "page")[:limit]
    )
    rows = list(rows)
    pages = Page.objects.select_related("locale", "content_type").in_bulk(
        [row["page"] for row in rows]
    )
    return [(pages[row["page"]], row["total"]) for row in rows if row["page"] in pages]


def top_downloads(filters, limit=TOP):
    """The most downloaded publications: ``[(publication, downloads)]``."""
    rows = list(
        downloads(filters)
        .values("publication")
        .annotate(total=Sum("count"))
        .order_by("-total", "publication")[:limit]
    )
    pages = PublicationPage.objects.select_related("locale").in_bulk(
        [row["publication"] for row in rows]
    )
    return [
        (pages[row["publication"]], row["total"]) for row in rows if row["publication"] in pages
    ]


@dataclass
class FileFigures:
    """A file other than a publication's, with its downloads."""

    title: str
    kind: str
    edit_url: str
    downloads: int


def top_files(filters, limit=TOP):
    """The most downloaded files that are not publications': documents (a session's slides,
    a hosted recording, a file linked from a page), community files and discussions'
    attachments. They have no
    language, section or theme: only the range and the country narrow them (``None`` when
    another filter is chosen, so the page can say so)."""
    if filters.language or filters.theme or filters.section:
        return None
    documents = DocumentDownload.objects.filter(day__range=(filters.start, filters.end))
    files = CommunityFileDownload.objects.filter(day__range=(filters.start, filters.end))
    attachments = AttachmentDownload.objects.filter(day__range=(filters.start, filters.end))
    if filters.country:
        documents = documents.filter(country=filters.country)
        files = files.filter(country=filters.country)
        attachments = attachments.filter(country=filters.country)
    rows = [
        FileFigures(
            row["document__title"],
            _("Document"),
            reverse("wagtaildocs:edit", args=[row["document"]]),
            row["total"],
        )
        for row in documents.values("document", "document__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "document")[:limit]
    ]
    rows += [
        FileFigures(
            row["file__title"],
            _("Community file"),
            reverse("wagtailadmin_pages:edit", args=[row["file__community"]]),
            row["total"],
        )
        for row in files.values("file", "file__title", "file__community")
        .annotate(total=Sum("count"))
        .order_by("-total", "file")[:limit]
    ]
    rows += [
        FileFigures(
            row["attachment__original_name"],
            _("Discussion attachment"),
            reverse("wagtailadmin_pages:edit", args=[row["attachment__thread__community"]]),
            row["total"],
        )
        for row in attachments.values(
            "attachment", "attachment__original_name", "attachment__thread__community"
        )
        .annotate(total=Sum("count"))
        .order_by("-total", "attachment")[:limit]
    ]
    rows.sort(key=lambda row: (-row.downloads, row.title))
    return rows[:limit]


def last_months(end, count=MONTHS_SHOWN):
    """The first days of the ``count`` months up to ``end``'s."""
    month = end.replace(day=1)
    months = [month]
    for _i in range(count - 1):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        months.append(month)
    return months[::-1]


def month_window(months):
    """The aware datetimes bounding ``months`` (from the first's start to the last's end)."""
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min))
    after = (months[-1] + datetime.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.datetime.combine(after, datetime.time.min))
    return start, end


def members_by_month(end):
    """Sign-ups and active members per month over the last twelve months, as a chart."""
    months = last_months(end)
    start, stop = month_window(months)
    users = get_user_model().objects.filter(date_joined__gte=start, date_joined__lt=stop)
    joined = {
        as_date(row["month"]): row["total"]
        for row in users.annotate(month=TruncMonth("date_joined"))
        .values("month")
        .annotate(total=Count("pk"))
        .order_by()
    }
    active = {month: set() for month in months}
    for model, field, who in (
        (Thread, "created_at", "author"),
        (Comment, "created_at", "author"),
        (Registration, "created_at", "user"),
    ):
        rows = (
            model.objects.filter(**{f"{field}__gte": start, f"{field}__lt": stop})
            .exclude(**{f"{who}__isnull": True})
            .annotate(month=TruncMonth(field))
            .values_list("month", who)
            .distinct()
        )
        for month, user in rows:
            active.setdefault(as_date(month), set()).add(user)
    return Chart(
        _("Members per month"),
        [period_label(month, False) for month in months],
        [
            Series(_("New members"), [joined.get(month, 0) for month in months]),
            Series(_("Active members"), [len(active.get(month, ())) for month in months]),
        ],
    )


@dataclass
class CommunityFigures:
    """One community's line on the dashboard."""

    community: CommunityPage
    members: int
    new_posts: int
    pending: int
    oldest_request: datetime.datetime = None

    @property
    def waiting_days(self):
        if self.oldest_request is None:
            return None
        return (timezone.now() - self.oldest_request).days


def communities(filters):
    """Every community (its first translation) with its members, posts in the range, last
    activity and waiting requests: a few grouped queries."""
    firsts = CommunityPage.objects.values("translation_key").annotate(first=Min("pk")).order_by()
    pages = CommunityPage.objects.filter(pk__in=[row["first"] for row in firsts]).select_related(
        "locale"
    )
    start, stop = range_window(filters)
    members = grouped(
        Membership.objects.filter(status=Membership.Status.ACTIVE), "community", Count("pk")
    )
    pending = grouped(
        Membership.objects.filter(status=Membership.Status.PENDING), "community", Count("pk")
    )
    oldest = grouped(
        Membership.objects.filter(status=Membership.Status.PENDING),
        "community",
        Min("created_at"),
    )
    threads = grouped(
        Thread.objects.filter(created_at__gte=start, created_at__lt=stop), "community", Count("pk")
    )
    comments = grouped(
        Comment.objects.filter(created_at__gte=start, created_at__lt=stop),
        "thread__community",
        Count("pk"),
    )
    figures = [
        CommunityFigures(
            community=page,
            members=members.get(page.pk, 0),
            new_posts=threads.get(page.pk, 0) + comments.get(page.pk, 0),
            pending=pending.get(page.pk, 0),
            oldest_request=oldest.get(page.pk),
        )
        for page in pages
    ]
    figures.sort(key=lambda f: (-f.pending, f.oldest_request or timezone.now(), f.community.title))
    return figures


def grouped(rows, field, aggregate):
    """``{value of field: aggregate}`` over ``rows``."""
    return {
        row[field]: row["value"] for row in rows.values(field).annotate(value=aggregate).order_by()
    }


def range_window(filters):
    """The aware datetimes bounding the range's days."""
    start = timezone.make_aware(datetime.datetime.combine(filters.start, datetime.time.min))
    stop = timezone.make_aware(
        datetime.datetime.combine(filters.end + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, stop


@dataclass
class WebinarFigures:
    """One session's audience."""

    webinar: WebinarPage
    registrants: int
    attendees: int
    walk_ins: int
    countries: int

    @property
    def rate(self):
        """Registered attendees over registrants, in percent (None when nobody registered)."""
        if not self.registrants:
            return None
        return round(100 * (self.attendees - self.walk_ins) / self.registrants)


def webinars(filters, limit=WEBINARS_SHOWN):
    """The sessions held in the range, and those coming up when the range runs to today
    (one per translation group, in the filter's language where there is one), latest first,
    with their audiences: a few grouped queries."""
    start, stop = range_window(filters)
    sessions = WebinarPage.objects.filter(starts_at__gte=start)
    if filters.end < timezone.localdate():
        sessions = sessions.filter(starts_at__lt=stop)
    if filters.language:
        sessions = sessions.filter(locale__language_code=filters.language)
    firsts = sessions.values("translation_key").annotate(first=Min("pk")).order_by()
    pages = list(
        WebinarPage.objects.filter(pk__in=[row["first"] for row in firsts])
        .select_related("locale")
        .order_by("-starts_at")[:limit]
    )
    keys = [page.translation_key for page in pages]
    registrants = grouped(
        Registration.objects.filter(webinar_key__in=keys), "webinar_key", Count("pk")
    )
    attendance = Attendance.objects.filter(webinar_key__in=keys)
    attendees = grouped(attendance, "webinar_key", Count("pk"))
    walk_ins = grouped(attendance.filter(registration__isnull=True), "webinar_key", Count("pk"))
    countries = grouped(
        Registration.objects.filter(webinar_key__in=keys, country__isnull=False),
        "webinar_key",
        Count("country__iso_code", distinct=True),
    )
    return [
        WebinarFigures(
            webinar=page,
            registrants=registrants.get(page.translation_key, 0),
            attendees=attendees.get(page.translation_key, 0),
            walk_ins=walk_ins.get(page.translation_key, 0),
            countries=countries.get(page.translation_key, 0),
        )
        for page in pages
    ]


def publications_by_month(end):
    """Publications first published per month and language over twelve months, as a chart."""
    months = last_months(end)
    start, stop = month_window(months)
    rows = (
        PublicationPage.objects.filter(first_published_at__gte=start, first_published_at__lt=stop)
        .annotate(month=TruncMonth("first_published_at"))
        .values("month", "locale__language_code")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = {(as_date(row["month"]), row["locale__language_code"]): row["total"] for row in rows}
    return Chart(
        _("Publications added per month"),
        [period_label(month, False) for month in months],
        [
            Series(str(name), [counts.get((month, code), 0) for month in months])
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ],
    )


def publications_by_type(filters):
    """Publications first published in the range, by document type and language:
    ``(languages, [(type name, [count per language], total)])``."""
    start, stop = range_window(filters)
    rows = (
        PublicationPage.objects.filter(first_published_at__gte=start, first_published_at__lt=stop)
        .values("document_type", "locale__language_code")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        counts.setdefault(row["document_type"], {})[row["locale__language_code"]] = row["total"]
    names = DocumentType.objects.in_bulk([key for key in counts if key is not None])
    languages = settings.WAGTAIL_CONTENT_LANGUAGES
    table = []
    for key, by_language in counts.items():
        name = term_label(names[key]) if key in names else _("No type")
        values = [by_language.get(code, 0) for code, _name in languages]
        table.append((name, values, sum(values)))
    table.sort(key=lambda row: (-row[2], str(row[0])))
    return [name for _code, name in languages], table


def submissions_waiting():
    """How many publications wait in a moderation workflow."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        WorkflowState.objects.active()
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return PublicationPage.objects.filter(pk__in=[int(pk) for pk in ids]).count()
