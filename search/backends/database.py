"""Wagtail's database search backend with the portal's language analysis.

* PostgreSQL: every object is indexed with the text search configuration of its own
  language (``portal_spanish`` for Spanish pages...), created by this app's migration with
  ``unaccent`` before the Snowball stemmer, so accents are folded in every language. A
  query is parsed with the configurations of the languages it searches (one for "this
  language", all three OR-ed for "all languages"): this is MozillaFoundation's "one backend
  per language", with the index shared.
* SQLite: FTS5's ``unicode61`` tokenizer folds accents; we add a light plural stemmer and
  prefix matching on every term, so ``proteccion social`` finds ``protecciones sociales``.
* Anything else: Wagtail's fallback database backend, unchanged.

Configure with ``"BACKEND": "search.backends.database"``.
"""

import copy
from collections import defaultdict
from functools import reduce

from modelsearch.backends.database import SearchBackend as wagtail_database_backend
from modelsearch.query import PlainText

from search.backends import LANGUAGE_ANALYSIS, PG_SIMPLE_CONFIG, language_of


def light_stem(term):
    """Strip the plural endings English, Spanish and French share (SQLite has no stemmer).

    Used with prefix matching: ``protecciones`` -> ``proteccion*`` matches ``protección``;
    ``sociales`` -> ``social*``; ``policies`` -> ``polic*``.
    """
    if len(term) > 4 and term.endswith("ies"):
        return term[:-3]
    if len(term) > 5 and term.endswith("es"):
        return term[:-2]
    if len(term) > 3 and term.endswith(("s", "x")):
        return term[:-1]
    return term


class LanguageAwareBackendMixin:
    """``for_languages(codes)`` returns a copy of the backend that parses queries for them."""

    query_languages = ()

    def for_languages(self, languages):
        clone = copy.copy(self)
        clone.query_languages = tuple(code for code in languages if code in LANGUAGE_ANALYSIS)
        return clone


def _sqlite_classes():
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class PortalSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        """Every term is a (lightly stemmed) prefix; terms are AND-ed."""

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                terms = [light_stem(term) for term in query.query_string.lower().split()]
                terms = [term for term in terms if term]
                if not terms:
                    return None
                lexemes = [Lexeme(term, prefix=True) for term in terms]
                if query.operator.upper() == "AND":
                    combined = reduce(lambda a, b: a & b, lexemes)
                else:
                    combined = reduce(lambda a, b: a | b, lexemes)
                return SearchQueryExpression(combined, config=config)
            return super().build_search_query_content(query, config=config)

    class PortalSQLiteSearchBackend(LanguageAwareBackendMixin, SQLiteSearchBackend):
        query_compiler_class = PortalSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler

    return PortalSQLiteSearchBackend


def _postgres_classes():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class MultiConfigMixin:
        """Parse the query with several text search configurations and OR the results."""

        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(config, tuple):
                parsed = [
                    super(MultiConfigMixin, self).build_tsquery_content(query, one, invert)
                    for one in config
                ]
                parsed = [part for part in parsed if part is not None]
                return reduce(lambda a, b: a | b, parsed) if parsed else None
            return super().build_tsquery_content(query, config=config, invert=invert)

    class PortalPostgresSearchQueryCompiler(MultiConfigMixin, PostgresSearchQueryCompiler):
        pass

    class PortalPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
        pass

    class PortalPostgresIndex(PostgresIndex):
        """Index each object with the text search configuration of its language."""

        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                by_config[LANGUAGE_ANALYSIS[language_of(obj)]["pg_config"]].append(obj)
            for config, group in by_config.items():
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)

    class PortalPostgresSearchBackend(LanguageAwareBackendMixin, PostgresSearchBackend):
        query_compiler_class = PortalPostgresSearchQueryCompiler
        autocomplete_query_compiler_class = PortalPostgresAutocompleteQueryCompiler
        index_class = PortalPostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self.config = LANGUAGE_ANALYSIS["en"]["pg_config"]
            self.autocomplete_config = PG_SIMPLE_CONFIG

        def for_languages(self, languages):
            clone = super().for_languages(languages)
            configs = tuple(LANGUAGE_ANALYSIS[code]["pg_config"] for code in clone.query_languages)
            clone.config = configs[0] if len(configs) == 1 else (configs or self.config)
            return clone

    return PortalPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the factory up by this name)
    """Pick the portal's variant of Wagtail's database backend for the current database."""
    backend = wagtail_database_backend(params)
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        return _sqlite_classes()(params)
    if name == "PostgresSearchBackend":
        return _postgres_classes()(params)
    return backend
