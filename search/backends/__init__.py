"""Search backends of the portal and the analysis they share.

The database engine is Wagtail's own (``wagtail.search.backends.database``: SQLite FTS5 or
PostgreSQL full-text search), configured in settings with ``SEARCH_CONFIG``;
``search.backends.elasticsearch`` wraps Wagtail's elasticsearch8 backend with per-language
analysers and can be narrowed to the languages of one query with ``for_languages()``.
"""

from search.locales import language_code_for_locale_id

# Languages with their own analysis, and the PostgreSQL text search configuration and
# Elasticsearch analyser used for each (created by migrations 0001 and 0006 / the index
# settings). The PostgreSQL configurations serve the library's read model, which stores
# one vector per language; the site search uses ``SEARCH_CONFIG``.
LANGUAGE_ANALYSIS = {
    "en": {"pg_config": "portal_english", "es_analyzer": "portal_english"},
    "es": {"pg_config": "portal_spanish", "es_analyzer": "portal_spanish"},
    "fr": {"pg_config": "portal_french", "es_analyzer": "portal_french"},
}
DEFAULT_LANGUAGE = "en"

# The site search's one PostgreSQL configuration for every language: accents folded, no
# stemming, no stop words. Wagtail's database engine keeps one index entry per object in a
# table every database backend shares (``wagtailsearch_indexentry``, unique by content type
# and object), and indexes every object into every backend configured, so one backend per
# language would overwrite the other languages' vectors of each object: one configuration
# it is. Unstemmed and folded is also what SQLite's FTS5 ``unicode61`` tokenizer does, so the
# quick start and production find the same pages for the same query.
SEARCH_CONFIG = "portal_simple"


def language_of(obj):
    """The language code an object is written in (its locale), or the default language."""

    locale_id = getattr(obj, "locale_id", None)
    code = language_code_for_locale_id(locale_id) if locale_id else None
    return code if code in LANGUAGE_ANALYSIS else DEFAULT_LANGUAGE
