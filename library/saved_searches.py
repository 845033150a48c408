"""The library listing as a saved search: its text, filters and language, with alerts of the
publications added since (``portal.saved_searches``)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from library.listing import LibraryQuery, TaxonomyIndex, active_filters, matching_entries
from library.models import PublicationPage, library_url
from portal.locales import locale_for
from portal.reader_urls import reader_path
from portal.saved_searches import NewResults, Result, SearchScope, query_dict


class LibrarySearch(SearchScope):
    """A search of the library's listing in one language; new results are the publications
    first published since the last alert that match it, read from the listing's read model
    (every engine answers alike: the feeds read it too)."""

    name = "library"
    label = _("Library searches")

    def normalise(self, params):
        """The listing's own query string (text, filters, years, sort), without the page."""
        query = LibraryQuery.from_params(params)
        return query.urlencode() if query.has_filters else ""

    def describe(self, params, language):
        """The filters' labels in ``language``, as the listing shows them."""
        query = LibraryQuery.from_params(params)
        active, _follow = active_filters(query, TaxonomyIndex())
        # The words first (the last of the listing's filters), then the filters in order.
        labels = [item["label"] for item in (active[-1:] + active[:-1] if query.q else active)]
        return " · ".join(labels) or gettext("Library")

    def path(self, params, language):
        """The listing in ``language`` with the search's query string."""
        query = LibraryQuery.from_params(params).urlencode()
        return library_url(language) + (f"?{query}" if query else "")

    def new_results(self, saved, user, limit):
        """Publications of the listing in the search's language first published after
        ``saved.new_since`` that match it and ``user`` may read, newest first."""
        query = LibraryQuery.from_params(query_dict(saved.params))
        entries, _taxonomy = matching_entries(query, user, locale_for(saved.language))
        entries = entries.filter(first_published_at__gt=saved.new_since)
        count = entries.count()
        if not count:
            return NewResults(0, [])
        newest = entries.order_by("-first_published_at", "publication_id")[:limit]
        rows = list(newest.values_list("publication_id", "title"))
        pages = PublicationPage.objects.filter(pk__in=[pk for pk, _title in rows]).only(
            "url_path", "locale_id"
        )
        paths = {page.pk: reader_path(page, saved.language, translate=False) for page in pages}
        what = _("Publication")  # lazy: the alert is written in the member's language
        return NewResults(
            count,
            [
                Result(key=f"publication:{pk}", title=title, url=paths[pk], what=what)
                for pk, title in rows
                if pk in paths
            ],
        )


def scopes():
    """The library's saved searches (``register_saved_search_scopes``)."""
    return [LibrarySearch()]
