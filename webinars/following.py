"""Webinar series in the portal's following: the series follows (kept in ``SeriesFollow``,
which the follow emails read) listed and changed from the Following page, and the timeline's
sessions of followed series."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.access import public_pages, visible_pages
from portal.following import Entry, FollowKind
from portal.i18n import locale_codes
from portal.reader_urls import reader_path

from .listings import visible_webinars, with_fallback
from .models import SeriesFollow, WebinarSeriesPage


class SeriesKind(FollowKind):
    """A webinar series; its follows are ``SeriesFollow`` rows (the series' emails)."""

    name = "series"
    label = _("Webinar series")

    def followed(self, user):
        """The translation keys of the series ``user`` follows."""
        if not user.is_authenticated:
            return set()
        keys = SeriesFollow.objects.filter(user=user).values_list("series_key", flat=True)
        return {str(key) for key in keys}

    def set(self, user, key, following):
        """Follow a series (its page in any language) or stop."""
        if not following:
            SeriesFollow.objects.filter(user=user, series_key=key).delete()
            return
        series = WebinarSeriesPage.objects.filter(translation_key=key).order_by("pk").first()
        if series is not None:
            SeriesFollow.objects.get_or_create(
                user=user, series_key=series.translation_key, defaults={"series": series}
            )

    def resolve(self, keys, user, locale):
        """The series of ``keys`` the reader may see, in their language where translated."""
        series = public_pages(WebinarSeriesPage.objects.live()).filter(translation_key__in=keys)
        return {
            str(page.translation_key): {
                "title": page.title,
                "url": reader_path(page, locale.language_code, translate=False),
            }
            for page in visible_pages(with_fallback(series, locale), user)
        }


def _other_language(code, locale):
    """``code`` when it is not the reader's language (an untranslated session), else ""."""
    return "" if code == locale.language_code else code


def kinds():
    """The webinars' kinds (``register_follow_kinds``)."""
    return [SeriesKind()]


def series_sessions(user, follows, locale, limit):
    """The timeline's sessions of followed series, newest published first (a recording
    says so); two queries (the series, their sessions)."""
    keys = follows.get("series", set())
    if not keys:
        return []
    series = {
        page.path: page
        for page in WebinarSeriesPage.objects.filter(translation_key__in=keys).only(
            "path", "depth", "title"
        )
    }
    if not series:
        return []
    condition = Q(pk__in=[])
    for page in series.values():
        condition |= Q(path__startswith=page.path, depth=page.depth + 1)
    sessions = visible_webinars(user, locale).filter(condition)
    codes = locale_codes(None)
    entries = []
    for session in sessions.order_by("-last_published_at", "pk")[:limit]:
        recorded = bool(session.recording_url or session.recording_file_id)
        parent = series.get(session.path[: -WebinarSeriesPage.steplen])
        at = session.last_published_at if recorded else session.first_published_at
        at = at or session.last_published_at or session.first_published_at
        if at is None:
            continue  # live without ever being published (made by code): no moment to show
        entries.append(
            Entry(
                at=at,
                title=session.title,
                url=reader_path(session, locale.language_code, translate=False),
                what=str(_("Recording available") if recorded else _("New session")),
                why=parent.title if parent else "",
                summary=session.listing_summary,
                language=_other_language(codes.get(session.locale_id, ""), locale),
                key=f"webinar:{session.pk}",
            )
        )
    return entries
