"""RSS 2.0 and Atom feeds of the portal: one base on Django's syndication framework.

Every feed (the library, the webinars index, a community's public and personal feeds) is a
:class:`PortalFeed`, so feed readers meet the same rules everywhere:

* The feed's ``language`` is the reader's (the active language of the ``/<lang>/`` URL), and
  every link (the channel's, each item's, the feed's own) is absolute from ``BASE_URL`` and
  under that language's prefix (:mod:`portal.reader_urls`), so a Spanish feed opens Spanish
  pages, or the source page under ``/es/`` where there is no translation yet.
* An item's ``pubDate`` is when it was published (``first_published_at`` for a page), never a
  date it announces: a session next month is news today. The channel's ``lastBuildDate``
  (Atom's ``updated``) is the newest item's date, so it is never in the future.
* Items are what the feed's reader may read, asked of the access policy by each feed.

A feed implements :meth:`PortalFeed.source` (the feed's object: a dict) and ``items``; it
is served by calling an instance, ``MyFeed()(request, **kwargs)``, as Django's feeds are.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from portal.reader_urls import absolute_url, reader_url


@dataclass(frozen=True)
class FeedEntry:
    """An item that is not a page (an announcement, a discussion): what a feed shows of it."""

    title: str
    link: str
    description: str
    published: datetime


class PortalFeed(Feed):
    """An RSS 2.0 feed in the reader's language whose links follow that language.

    Page items link to their reader URL and date from ``first_published_at``;
    :class:`FeedEntry` items carry their own link and date.
    """

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        """``source(request, ...)`` with the feed's own address and the reader's language."""
        obj = self.source(request, *args, **kwargs)
        obj.setdefault("feed_path", request.get_full_path())
        obj.setdefault("language", translation.get_language())
        return obj

    def source(self, request, *args, **kwargs):
        """The feed's object (a dict) for ``request``: the subclass's own job."""
        return {}

    def feed_url(self, obj):
        """The feed's own absolute address."""
        return absolute_url(obj["feed_path"])

    def item_title(self, item):
        """The item's title."""
        return item.title

    def item_link(self, item):
        """The entry's link, or the page's address for a reader of the active language."""
        if isinstance(item, FeedEntry):
            return item.link
        return reader_url(item, translation.get_language(), translate=False)

    def item_pubdate(self, item):
        """The entry's date, or the page's first publication."""
        if isinstance(item, FeedEntry):
            return item.published
        return item.first_published_at


class PortalAtomFeed(PortalFeed):
    """The Atom version of a :class:`PortalFeed`: subclass both, Atom second.

    ``class LibraryAtomFeed(PortalAtomFeed, LibraryFeed)`` serves the same items as Atom 1.0,
    the feed's description as its subtitle.
    """

    feed_type = Atom1Feed

    def subtitle(self, obj):
        """The feed's description."""
        return self.description(obj)
