"""RSS of the webinars index and of each series: the newest sessions the reader may see.

Items date from the session's publication, not from the session itself (a feed reader would
otherwise file next month's session in the future); the session's date and time, on the
host's clock and named in the reader's language, lead its description.
"""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.feeds import PortalFeed
from portal.reader_urls import absolute_url, reader_path

from .listings import series_sessions, visible_webinars
from .timezones import zone_label

FEED_SIZE = 30


def session_time(webinar, language=None):
    """``When: 10 de julio de 2026 a las 10:00, Nueva York (UTC-04:00)``: the session's start
    on its host's clock, formatted for ``language`` (the active one by default)."""
    language = language or translation.get_language()
    with translation.override(language):
        return _("When: %(time)s, %(zone)s") % {
            "time": date_format(webinar.local_start, "DATETIME_FORMAT"),
            "zone": zone_label(webinar.starts_at, webinar.time_zone, language),
        }


class WebinarFeed(PortalFeed):
    """The sessions of the webinars index the requesting reader may see, newest first."""

    def source(self, request, page):
        """The feed's object: the index (or series) page and the reader."""
        return {"page": page, "user": request.user}

    def title(self, obj):
        """The page's title."""
        return obj["page"].title

    def link(self, obj):
        """The page's address for a reader of the feed's language."""
        return absolute_url(reader_path(obj["page"], obj["language"], translate=False))

    def description(self, obj):
        """The page's introduction, else its title."""
        return obj["page"].introduction or obj["page"].title

    def sessions(self, obj):
        """The sessions the reader may see in the page's language."""
        return visible_webinars(obj["user"], obj["page"].locale)

    def items(self, obj):
        """The scheduled sessions, newest published first, at most ``FEED_SIZE``."""
        sessions = self.sessions(obj).filter(starts_at__isnull=False)
        return sessions.order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_description(self, item):
        """The session's date and time on the host's clock, then its introduction or abstract."""
        text = item.introduction or strip_tags(item.abstract or "")
        return f"{session_time(item)}\n\n{text}".strip()


class SeriesFeed(WebinarFeed):
    """The scheduled sessions of one series the requesting reader may see, newest first."""

    def sessions(self, obj):
        """The series' sessions the reader may see."""
        return series_sessions(obj["page"], obj["user"])
