"""RSS of the news index, for the whole section or any filtered view.

A feed takes the same query string as the listing (``?theme=…&region=…``). Feeds are read by
feed readers that share and cache them, so they always show what an anonymous reader may
see. An item dates from the article's first publication, as every feed of the portal.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from portal.feeds import PortalFeed
from portal.labels import term_label
from portal.reader_urls import absolute_url, reader_path

from .listing import NewsFilters, newest_first, visible_articles

FEED_SIZE = 30


class NewsFeed(PortalFeed):
    """The newest articles of a news index (RSS 2.0), filtered as the listing is."""

    def source(self, request, page):
        """The feed's object: the index page and the filters from the URL."""
        return {"page": page, "filters": NewsFilters.from_params(request.GET)}

    def title(self, obj):
        """The index's title."""
        return obj["page"].title

    def link(self, obj):
        """The listing with the feed's filters, in the feed's language."""
        base = reader_path(obj["page"], obj["language"], translate=False)
        query = obj["filters"].urlencode()
        return absolute_url(f"{base}?{query}" if query else base)

    def description(self, obj):
        """The index's introduction, else a sentence saying what the feed holds."""
        return obj["page"].introduction or _("The latest news of the portal.")

    def items(self, obj):
        """The newest articles an anonymous reader may read that match the filters, at most
        ``FEED_SIZE``."""
        articles = visible_articles(AnonymousUser(), obj["page"].locale)
        articles = newest_first(obj["filters"].apply(articles))
        return articles.prefetch_related("themes")[:FEED_SIZE]

    def item_description(self, item):
        """The article's summary."""
        return item.summary

    def item_author_name(self, item):
        """The article's author (None if it names none)."""
        return item.author or None

    def item_categories(self, item):
        """The labels of the article's themes."""
        return [term_label(theme) for theme in item.themes.all()]
