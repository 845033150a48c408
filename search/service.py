"""The one search service: every search surface of the portal asks it.

The engine is Wagtail's configured search backend (``WAGTAILSEARCH_BACKENDS``): the
database engine by default, Elasticsearch when ``ELASTICSEARCH_URL`` is set.
"""

import re
import unicodedata

from wagtail.search.backends import get_search_backend

from search.backends import LANGUAGE_ANALYSIS

MAX_QUERY_LENGTH = 200
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD_RE = re.compile(r"[^\W_]", re.UNICODE)


def clean_query(query):
    """A query safe to hand to any engine: no control characters, at most 200 characters."""
    query = unicodedata.normalize("NFC", str(query or ""))
    query = _CONTROL_RE.sub(" ", query)
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    return query.strip()


def has_words(query):
    return bool(_WORD_RE.search(query or ""))


def backend_for(language=None):
    """The configured backend, narrowed to ``language`` (None: every language)."""
    backend = get_search_backend()
    if hasattr(backend, "for_languages"):
        codes = [language] if language in LANGUAGE_ANALYSIS else list(LANGUAGE_ANALYSIS)
        backend = backend.for_languages(codes)
    return backend


def search_ids(queryset, query, language=None):
    """Primary keys of the objects of ``queryset`` that match ``query``, best first.

    ``queryset`` must already be restricted to what the reader may see (the access policy);
    the engine only ranks within it.
    """
    query = clean_query(query)
    if not has_words(query):
        return []
    results = backend_for(language).search(query, queryset, operator="and")
    return [obj.pk for obj in results]
