"""Wagtail's elasticsearch8 backend with the portal's language analysis and a safety net.

Analysis:

* every document carries its language (``_language``, from its locale) and its text goes
  to Wagtail's catch-all fields (``_all_text``, ``_all_text_boost_*``), which we map with a
  folding analyser (``portal_folding``: lowercase + asciifolding) and one sub-field per
  language (``.en``, ``.es``, ``.fr``) analysed with that language's stemmer after
  ``asciifolding``. So a Spanish query is analysed the Spanish way and meets the Spanish
  stems of every document, including the Spanish taxonomy labels of English publications;
* a query searches the sub-fields of the reader's language (``for_languages``), or of every
  language, plus the folded field at a lower boost.

Index names carry ``INDEX_PREFIX`` (settings ``SEARCH_INDEX_PREFIX``) so several sites can
share a cluster.

Resilience: when Elasticsearch cannot be reached or answers with an error, searches are
answered by the database engine (``WAGTAILSEARCH_BACKENDS["database"]``, kept up to date
alongside) and the failure is logged once per ``SEARCH_FALLBACK_LOG_INTERVAL`` seconds (60);
for ``SEARCH_FALLBACK_RETRY_AFTER`` seconds (30) after a failure the cluster is not asked.

Configure with ``"BACKEND": "search.backends.elasticsearch"``.
"""

import copy
import logging
import threading

from django.conf import settings
from django.db import transaction
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

from search import pending
from search.backends import LANGUAGE_ANALYSIS, SEARCH_CONFIG, language_of
from search.backends.cluster import (
    ES_ERRORS,
    cluster_resting,
    record_failure,
    take_missed,
    writes_missed,
)
from search.tasks import replay_index_updates

logger = logging.getLogger("search")

# Per-language analysers: accents folded before stemming, so "proteccion" == "protección".
ANALYSIS = {
    "filter": {
        "portal_english_stemmer": {"type": "stemmer", "language": "english"},
        "portal_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "portal_spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
        "portal_french_stemmer": {"type": "stemmer", "language": "light_french"},
        # After the Spanish and French stemmers: the plural -s they leave on words of other
        # languages ("pensions" in an English abstract), so "pensiones" meets "pensions" as
        # the database engines' light plural stemming lets it.
        "portal_plural": {"type": "stemmer", "language": "minimal_english"},
        "portal_french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": [
                "l",
                "m",
                "t",
                "qu",
                "n",
                "s",
                "j",
                "d",
                "c",
                "jusqu",
                "quoiqu",
                "lorsqu",
                "puisqu",
            ],
        },
    },
    "analyzer": {
        "portal_folding": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
        "portal_english": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "portal_english_possessive",
                "lowercase",
                "asciifolding",
                "portal_english_stemmer",
            ],
        },
        "portal_spanish": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "portal_spanish_stemmer", "portal_plural"],
        },
        "portal_french": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "portal_french_elision",
                "lowercase",
                "asciifolding",
                "portal_french_stemmer",
                "portal_plural",
            ],
        },
    },
}


# Facet values a model may add to its documents with a ``search_facets()`` method returning
# ``{name: [keys]}`` (the library: theme/region/country slugs, document type, language,
# organisation, year); aggregated by ``search.es_library``. "listed" (the languages whose
# readers see this translation in listings) is a filter, not a facet.
FACET_NAMES = ("theme", "region", "country", "type", "language", "organisation", "year")


def language_subfields():
    """The mapping of the catch-all fields' sub-fields: one per language, with its analyser."""
    return {
        code: {"type": "text", "analyzer": spec["es_analyzer"]}
        for code, spec in LANGUAGE_ANALYSIS.items()
    }


class PortalElasticsearchMapping(Elasticsearch8Mapping):
    """Wagtail's mapping with folded catch-all fields, per-language sub-fields, the document's
    language and its facets."""

    # Autocomplete queries fold accents too ("Mexico" finds "México" and the reverse).
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "portal_folding",
    }

    def get_mapping(self):
        """Maps the catch-all fields with the folding analyser and the language sub-fields, and adds
        the ``_language`` and ``_facets`` keyword fields."""
        mapping = super().get_mapping()
        properties = mapping["properties"]
        for name in list(properties):
            if name == "_all_text" or name.startswith("_all_text_boost_"):
                properties[name] = {
                    "type": "text",
                    "analyzer": "portal_folding",
                    "fields": language_subfields(),
                }
        properties["_language"] = {"type": "keyword"}
        properties["_facets"] = {
            "type": "object",
            "properties": {name: {"type": "keyword"} for name in (*FACET_NAMES, "listed")},
        }
        return mapping

    def get_document(self, obj):
        """Adds the object's language and, if it has ``search_facets()``, its facet values."""
        document = super().get_document(obj)
        document["_language"] = language_of(obj)
        facets = getattr(obj, "search_facets", None)
        if callable(facets):
            document["_facets"] = facets()
        return document


class LanguageFieldsMixin:
    """Search the catch-all fields' sub-fields of the query languages."""

    query_languages = tuple(LANGUAGE_ANALYSIS)

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if fields:
            return remapped
        out = []
        for field in remapped:
            for code in self.query_languages:
                out.append(Field(f"{field.field_name}.{code}", field.boost))
            out.append(Field(field.field_name, field.boost * 0.5))
        return out


class PortalSearchQueryCompiler(LanguageFieldsMixin, Elasticsearch8SearchQueryCompiler):
    """Wagtail's query compiler searching the sub-fields of the query languages."""

    mapping_class = PortalElasticsearchMapping


class PortalAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    """Wagtail's autocomplete compiler with the portal's mapping (folded edge n-grams)."""

    mapping_class = PortalElasticsearchMapping


# --- falling back to the database engine ---------------------------------------------------------


def cluster_answered():
    """The cluster answered: if this process kept changes meanwhile, queue their replay."""
    if take_missed():
        transaction.on_commit(replay_index_updates.enqueue)


def database_backend():
    """The database engine that answers while the cluster cannot: the one configured as
    ``"database"`` beside it (kept up to date alongside), else Wagtail's with our config."""

    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        return get_search_backend("database")
    return get_search_backend("wagtail.search.backends.database", SEARCH_CONFIG=SEARCH_CONFIG)


class PortalSearchResults(Elasticsearch8SearchResults):
    """Wagtail's results, answered by the database engine while the cluster is resting or
    when it fails (the failure is recorded)."""

    def _fallback_results(self):
        compiler = self.query_compiler
        backend = database_backend()
        method = (
            backend.autocomplete
            if isinstance(compiler, PortalAutocompleteQueryCompiler)
            else backend.search
        )
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _do_search(self):
        if cluster_resting():
            return list(self._fallback_results())
        try:
            refresh_written(self.backend)
            results = list(super()._do_search())
            cluster_answered()
            return results
        except ES_ERRORS as error:
            record_failure(error)
            return list(self._fallback_results())

    def _do_count(self):
        if cluster_resting():
            return self._fallback_results().count()
        try:
            refresh_written(self.backend)
            return super()._do_count()
        except ES_ERRORS as error:
            record_failure(error)
            return self._fallback_results().count()

    def facet(self, field_name):
        """Counts per value of ``field_name``, from the database engine if the cluster cannot
        answer."""
        if cluster_resting():
            return self._fallback_results().facet(field_name)
        try:
            refresh_written(self.backend)
            return super().facet(field_name)
        except ES_ERRORS as error:
            record_failure(error)
            return self._fallback_results().facet(field_name)


# Indexes written since their last refresh, when the backend says ``REFRESH_WRITES``.
_unrefreshed = set()
_unrefreshed_lock = threading.Lock()


class PortalElasticsearchIndex(Elasticsearch8Index):
    """Wagtail's index, which keeps the changes the cluster misses, and refreshes for tests.

    A save or delete while the cluster is down (or answers errors) is recorded in
    ``search.pending`` instead of being lost, the failure is logged once per interval, and
    the change is replayed when the cluster answers again. ``write_item``/``erase_item``
    send a change as it is (the replay calls them); ``add_item``/``delete_item``, which
    Wagtail's signals call, keep it if it cannot be sent.

    With ``REFRESH_WRITES`` (the test suite) the index remembers that it was written, so that
    the next search refreshes it first and sees the writes just made, as the database
    engine's does (``refresh_written``); a site leaves it off and Elasticsearch refreshes
    every second.
    """

    def write_item(self, item):
        """Sends one object's document to the cluster (raises if it cannot)."""
        super().add_item(item)
        self._written()

    def erase_item(self, item):
        """Deletes one object's document from the cluster (raises if it cannot)."""
        super().delete_item(item)
        self._written()

    def add_item(self, item):
        """Indexes an object, or keeps it for the replay if the cluster cannot be reached."""
        self._kept(lambda: self.write_item(item), [item])

    def delete_item(self, item):
        """Unindexes an object, or keeps it for the replay if the cluster cannot be reached."""
        self._kept(lambda: self.erase_item(item), [item])

    def add_items(self, model, items):
        """Wagtail's bulk indexing, remembered for the next refresh (``REFRESH_WRITES``)."""
        super().add_items(model, items)
        self._written()

    def add_items_or_keep(self, model, items):
        """``add_items`` for changes made outside ``update_index`` (the library's reindexing
        of publications whose facets changed): while the cluster is down the items are kept
        for the replay, as a save's are, instead of failing the caller."""
        items = list(items)
        self._kept(lambda: self.add_items(model, items), items)

    def _kept(self, send, items):
        """``send()``, or keep ``items`` for the replay if the cluster is resting or fails."""
        if not cluster_resting():
            try:
                send()
            except ES_ERRORS as error:
                record_failure(error)
            else:
                cluster_answered()
                return
        pending.remember(items)
        writes_missed()

    def _written(self):
        if self.backend.refresh_writes:
            with _unrefreshed_lock:
                _unrefreshed.add(self.name)


def refresh_written(backend):
    """Refresh the indexes written since their last refresh (``REFRESH_WRITES`` only)."""
    if not getattr(backend, "refresh_writes", False) or not _unrefreshed:
        return
    with _unrefreshed_lock:
        names = sorted(_unrefreshed)
        _unrefreshed.clear()
    backend.es.indices.refresh(index=",".join(names), ignore_unavailable=True)


class PortalElasticsearchBackend(Elasticsearch8SearchBackend):
    """The backend: prefixed index names, the portal's analysers, mapping, index and results.

    ``REFRESH_WRITES`` in its params makes searches refresh the indexes written first (tests)."""

    mapping_class = PortalElasticsearchMapping
    index_class = PortalElasticsearchIndex
    query_compiler_class = PortalSearchQueryCompiler
    autocomplete_query_compiler_class = PortalAutocompleteQueryCompiler
    results_class = PortalSearchResults
    query_languages = tuple(LANGUAGE_ANALYSIS)

    def __init__(self, params):
        params = dict(params)
        params.setdefault("INDEX_PREFIX", settings.SEARCH_INDEX_PREFIX)
        self.refresh_writes = bool(params.pop("REFRESH_WRITES", False))
        super().__init__(params)
        self.settings = deep_update(
            self.settings, {"settings": {"analysis": copy.deepcopy(ANALYSIS)}}
        )

    def for_languages(self, languages):
        """A copy of the backend whose queries search the sub-fields of ``languages`` (of every
        language if none of them is analysed)."""
        codes = tuple(code for code in languages if code in LANGUAGE_ANALYSIS)
        clone = copy.copy(self)
        clone.query_languages = codes or tuple(LANGUAGE_ANALYSIS)
        clone.query_compiler_class = type(
            "PortalSearchQueryCompiler_" + "_".join(clone.query_languages),
            (PortalSearchQueryCompiler,),
            {"query_languages": clone.query_languages},
        )
        return clone


SearchBackend = PortalElasticsearchBackend
