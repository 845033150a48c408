"""The site search as a saved search: its words, content language and types, with alerts of
the results that were not there before (``portal.saved_searches``)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.params import text_list_param
from portal.saved_searches import NewResults, Result, SearchScope, query_dict
from search import service

WINDOW = 100  # the best results an alert compares with those seen before


def result_key(hit):
    """A result's key: the same whatever its rank or language."""
    return f"{hit.object._meta.label_lower}:{hit.object.pk}"


class SiteSearch(SearchScope):
    """A search of the whole site. Its results come from every kind of content, not all of
    them dated, so new results are those among the best ``WINDOW`` the member may read that
    no earlier alert listed: a result that becomes readable to them later is new to them
    too."""

    name = "site"
    label = _("Site searches")

    def normalise(self, params):
        """``q``, ``lang`` (always named: the language the results are in) and ``type``."""
        query = service.clean_query(params.get("q", ""))
        if service.engine_query(query) is None:
            return ""
        current = (get_language() or "en")[:2]
        language = service.content_language(params.get("lang", ""), current)
        types = sorted(set(text_list_param(params, "type", max_items=10, max_length=40)))
        return urlencode([("q", query), ("lang", language), *[("type", t) for t in types]])

    def describe(self, params, language):
        """The words searched."""
        return params.get("q", "")

    def path(self, params, language):
        """The search page in ``language`` with the search's query string."""
        with translation.override(language):
            return reverse("search:search") + "?" + params.urlencode()

    def _hits(self, params, user):
        response = service.search(
            params.get("q", ""),
            user,
            params.get("lang", ""),
            types=params.getlist("type"),
            per_page=WINDOW,
        )
        return response.hits

    def seen_now(self, params, user, language):
        """The keys of the best results ``user`` finds now."""
        return [result_key(hit) for hit in self._hits(params, user)]

    def new_results(self, saved, user, limit):
        """The best results ``user`` may read that are not among those seen before."""
        hits = self._hits(query_dict(saved.params), user)
        seen = set(saved.seen)
        new = [hit for hit in hits if result_key(hit) not in seen]
        return NewResults(
            len(new),
            [
                # The type's label stays lazy: the alert is in the member's language.
                Result(key=result_key(hit), title=hit.title, url=hit.url, what=hit.type_label)
                for hit in new[:limit]
            ],
            seen=[result_key(hit) for hit in hits],
        )


def scopes():
    """The site search as a saved search (``register_saved_search_scopes``)."""
    return [SiteSearch()]
