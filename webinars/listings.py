"""The querysets webinar pages list, each built in one place and filtered by the access policy."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from portal.access import can_view_page, public_pages, visible_pages
from portal.i18n import localized_page
from portal.locales import default_locale
from portal.models import Theme
from portal.params import MAX_PAGE, int_param, text_param
from portal.reader_urls import annotate

from .models import (
    SESSION_LANGUAGES,
    SeriesFollow,
    WebinarPage,
    WebinarSeriesPage,
    webinars_with_theme,
)
from .stats import audience_figures, can_see_audience_data
from .timezones import utc_to_wall_clock, zone_label


def with_fallback(queryset, locale):
    """Pages in ``locale``, plus source-language pages not translated into it yet.

    A Spanish reader lists the Spanish version where one exists and the English one (shown
    with the untranslated notice) where not, instead of a shorter list.
    """
    default = default_locale()
    if locale is None:
        return queryset
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )


def visible_webinars(user, locale=None):
    """Live webinars ``user`` may see, in ``locale`` with fallback (all locales when None)."""
    qs = public_pages(WebinarPage.objects.live()).filter(starts_at__isnull=False)
    return visible_pages(with_fallback(qs, locale), user)


def children_in_any_language(model, parent):
    """Live public ``model`` pages below any language version of ``parent``."""
    condition = Q(pk__in=[])
    for version in parent.get_translations(inclusive=True):
        condition |= Q(path__startswith=version.path, depth=version.depth + 1)
    return public_pages(model.objects.live()).filter(condition)


def series_sessions(series, user):
    """Sessions of ``series`` in its language, with source-language fallback."""
    qs = children_in_any_language(WebinarPage, series)
    return visible_pages(with_fallback(qs, series.locale), user)


def upcoming_webinars(user, locale=None, now=None):
    """Sessions not yet over (live ones included), soonest first."""
    now = now or timezone.now()
    qs = visible_webinars(user, locale)
    # A session is upcoming or live until it ends; ends_at is computed, so take a margin of
    # the longest plausible session and refine in Python.
    candidates = qs.filter(starts_at__gte=now - timezone.timedelta(hours=12)).order_by("starts_at")
    return [w for w in candidates if w.ends_at > now]


def index_context(index_page, request):
    """The webinars index's context: upcoming sessions, a page of past ones and the series the
    reader may see, filtered by ``theme`` and ``language`` from the query string."""
    user = request.user
    locale = index_page.locale
    qs = visible_webinars(user, locale)
    theme = language = None
    theme_slug = text_param(request.GET, "theme", max_length=100)
    if theme_slug:
        theme = Theme.objects.filter(slug=theme_slug, locale=_source_locale()).first()
        if theme is not None:
            qs = webinars_with_theme(qs, theme)
    language = text_param(request.GET, "language", max_length=10)
    if language in dict(SESSION_LANGUAGES):
        qs = qs.filter(languages__contains=language)
    else:
        language = ""
    now = timezone.now()
    upcoming = [
        w
        for w in qs.filter(starts_at__gte=now - timezone.timedelta(hours=12)).order_by("starts_at")
        if w.ends_at > now
    ]
    upcoming_ids = {w.pk for w in upcoming}
    past = qs.exclude(pk__in=upcoming_ids).order_by("-starts_at")
    paginator = Paginator(past, max(index_page.per_page, 1))
    try:
        past_page = paginator.page(int_param(request.GET, "page", 1, 1, MAX_PAGE))
    except (EmptyPage, PageNotAnInteger):
        past_page = paginator.page(1)
    annotate(upcoming)
    annotate(past_page.object_list)
    all_series = children_in_any_language(WebinarSeriesPage, index_page)
    series = annotate(list(visible_pages(with_fallback(all_series, locale), user)))
    query = "&".join(
        f"{key}={value}"
        for key, value in (("theme", theme_slug if theme else ""), ("language", language))
        if value
    )
    theme_choices = Theme.objects.filter(locale=_source_locale(), parent__isnull=True)
    return {
        "upcoming": upcoming,
        "past": past_page,
        "series_list": series,
        "theme_choices": theme_choices,
        "language_choices": SESSION_LANGUAGES,
        "selected_theme": theme.slug if theme else "",
        "selected_language": language,
        "query": query,
    }


def _source_locale():
    return default_locale()


def series_context(series, request):
    """A series page's context: its sessions the reader may see (upcoming first, then past,
    newest first) with their times in the reference zones, whether the reader follows the
    series, a link to its community if the reader may see it, and audience figures for staff."""
    user = request.user
    now = timezone.now()
    sessions = list(series_sessions(series, user).order_by("starts_at"))
    upcoming = [s for s in sessions if s.starts_at and s.ends_at > now]
    past = sorted(
        (s for s in sessions if s not in upcoming), key=lambda s: s.starts_at or now, reverse=True
    )
    zones = series.reference_zone_list
    annotate(sessions)
    rows = []
    for session in upcoming + past:
        rows.append(
            {
                "page": session,
                "status": session.status(now),
                "reference_times": reference_times(session, zones),
            }
        )
    following = (
        user.is_authenticated
        and SeriesFollow.objects.filter(user=user, series_key=series.translation_key).exists()
    )
    context = {
        "session_rows": rows,
        "upcoming_count": len(upcoming),
        "reference_zones": zones,
        "following": following,
        "community_link": localized_page(series.community)
        if series.community and series.community.live and can_view_page(user, series.community)
        else None,
    }
    if can_see_audience_data(user):
        context["figures"] = audience_figures([s.translation_key for s in sessions])
    return context


def reference_times(session, zones):
    """The session's start on the clocks of each reference zone."""
    if not session.starts_at:
        return []
    return [
        {
            "zone": name,
            "label": zone_label(session.starts_at, name),
            "local": utc_to_wall_clock(session.starts_at, name),
        }
        for name in zones
    ]


def organisation_series(organisation, user, locale):
    """Live series ``organisation`` (a source-language taxonomy row) runs or partners, in
    ``locale`` with source-language fallback, as ``user`` may see them: ``[(series,
    role)]`` by title, ``role`` "organiser" or "partner"."""
    qs = visible_pages(
        with_fallback(
            public_pages(WebinarSeriesPage.objects.live())
            .filter(Q(organisations=organisation) | Q(partner_organisations=organisation))
            .distinct(),
            locale,
        ),
        user,
    )
    organisers = WebinarSeriesPage.organisations.through.objects.filter(
        webinarseriespage_id=OuterRef("pk"), organisation=organisation
    )
    return [
        (series, "organiser" if series.organises_it else "partner")
        for series in qs.annotate(organises_it=Exists(organisers)).order_by("title")
    ]
