"""RSS and Atom feeds of the library listing, for the whole library or any filtered view.

A feed takes the same query string as the listing. Feeds are read by feed readers that
share and cache them, so they always show what an anonymous reader may see.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from library.listing import LibraryQuery, filtered_queryset
from library.models import LibraryIndexPage
from portal.feeds import PortalAtomFeed, PortalFeed
from portal.labels import term_label
from portal.reader_urls import absolute_url, reader_path

FEED_SIZE = 30


class LibraryFeed(PortalFeed):
    """The library's newest publications (RSS 2.0), filtered as the listing is."""

    def source(self, request):
        """The feed's object: the listing query from the URL (relevance sorted as newest), the
        reader's locale and its library index page."""
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
        query = LibraryQuery.from_params(request.GET)
        if query.sort == "relevance":
            query.sort = "newest"
        index = LibraryIndexPage.objects.live().filter(locale=locale).first()
        return {"query": query, "locale": locale, "index": index}

    def title(self, obj):
        """The library's name."""
        return _("Library of the Social Protection Knowledge Portal")

    def link(self, obj):
        """The listing with the feed's filters, in the feed's language."""
        index, language = obj["index"], obj["language"]
        base = reader_path(index, language, translate=False) if index else f"/{language}/"
        qs = obj["query"].urlencode()
        return absolute_url(f"{base}?{qs}" if qs else base)

    def description(self, obj):
        """New publications in the library."""
        return _("New publications in the library.")

    def items(self, obj):
        """The newest publications an anonymous reader may read that match the filters, at most
        ``FEED_SIZE``."""
        query = obj["query"]
        query.sort = "newest" if not query.q else query.sort
        qs, _taxonomy = filtered_queryset(query, AnonymousUser(), obj["locale"])
        qs = qs.order_by("-first_published_at", "-pk").select_related("document_type")
        return qs.prefetch_related("themes")[:FEED_SIZE]

    def item_description(self, item):
        """The publication's abstract."""
        return item.abstract

    def item_author_name(self, item):
        """The authors, comma-separated (None if there are none)."""
        return ", ".join(item.author_list()) or None

    def item_categories(self, item):
        """The labels of the publication's themes and document type."""
        labels = [term_label(t) for t in item.themes.all()]
        if item.document_type_id:
            labels.append(term_label(item.document_type))
        return labels


class LibraryAtomFeed(PortalAtomFeed, LibraryFeed):
    """The same feed as Atom 1.0."""
