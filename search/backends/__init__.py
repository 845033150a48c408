"""Search backends of the portal: Wagtail's engines taught our languages.

``search.backends.database`` wraps Wagtail's database backend (SQLite FTS5 or PostgreSQL
full-text search) and ``search.backends.elasticsearch`` wraps its elasticsearch8 backend.
Both can be narrowed to the languages of one query with ``for_languages()``; the search
service (``search.service``) is the only caller.
"""

# Languages with their own analysis, and the PostgreSQL text search configuration and
# Elasticsearch analyser used for each (created by migration 0001 / the index settings).
LANGUAGE_ANALYSIS = {
    "en": {"pg_config": "portal_english", "es_analyzer": "portal_english"},
    "es": {"pg_config": "portal_spanish", "es_analyzer": "portal_spanish"},
    "fr": {"pg_config": "portal_french", "es_analyzer": "portal_french"},
}
DEFAULT_LANGUAGE = "en"
# Accent-folded, unstemmed: for autocomplete and for text in a language we do not stem.
PG_SIMPLE_CONFIG = "portal_simple"


def language_of(obj):
    """The language code an object is written in (its locale), or the default language."""
    from search.locales import language_code_for_locale_id

    locale_id = getattr(obj, "locale_id", None)
    code = language_code_for_locale_id(locale_id) if locale_id else None
    return code if code in LANGUAGE_ANALYSIS else DEFAULT_LANGUAGE
