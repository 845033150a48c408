"""The one search service: every search surface of the portal asks it.

The engine is Wagtail's configured search backend (``WAGTAILSEARCH_BACKENDS``): the
database engine by default, Elasticsearch when ``ELASTICSEARCH_URL`` is set.
"""

from wagtail.search.backends import get_search_backend


def search_ids(queryset, query, language=None):
    """Primary keys of the objects of ``queryset`` that match ``query``, best first.

    ``queryset`` must already be restricted to what the reader may see (the access policy);
    the engine only ranks within it.
    """
    query = (query or "").strip()
    if not query:
        return []
    backend = get_search_backend()
    if language and hasattr(backend, "for_languages"):
        backend = backend.for_languages([language])
    results = backend.search(query, queryset, operator="and")
    return [obj.pk for obj in results]
