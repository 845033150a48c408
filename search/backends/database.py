"""Wagtail's database search backend with the portal's language analysis.

* PostgreSQL: every document is analysed with the three language configurations
  (``portal_english``, ``portal_spanish``, ``portal_french``, created by migration 0001 with
  ``unaccent`` before the Snowball stemmer), its own language first. A query is parsed with
  the configuration of the reader's language (or all three OR-ed for "all languages"), so a
  Spanish query stemmed the Spanish way meets the Spanish stems of every document: Spanish
  text, and the Spanish taxonomy labels an English publication carries. Accents are folded
  in every language; autocomplete uses ``portal_simple`` (unaccent, no stemming).
* SQLite: FTS5's ``unicode61`` tokenizer folds accents; we add a light plural stemmer and
  prefix matching on every term, so ``proteccion social`` finds ``protecciones sociales``.
* Anything else: Wagtail's fallback database backend, unchanged.

Query text is reduced to word tokens before it reaches either engine, so quotes, operators
and markup in a query can never become query syntax.

Configure with ``"BACKEND": "search.backends.database"``.
"""

import copy
import re
import threading
from functools import reduce
from typing import NamedTuple

from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as wagtail_database_backend
from modelsearch.query import PlainText

from search.backends import LANGUAGE_ANALYSIS, PG_SIMPLE_CONFIG, language_of

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
RANK_CANDIDATES = 2000  # PostgreSQL: best title matches ranked by title and body
_INDEXER_LOCK = threading.Lock()
# PostgreSQL: a model may keep a copy of its match document (``title || body`` of its index
# entry, stripped of positions) in a column of its table, named by this attribute; a trigger
# on the index entries keeps it in step (see library migration 0007).
DOCUMENT_ATTRIBUTE = "search_document_column"


def query_terms(text):
    """Word tokens of a query (lower case, underscores dropped), at most ``MAX_TERMS``."""
    terms = [t.replace("_", "") for t in WORD_RE.findall((text or "").lower())]
    return [t for t in terms if t][:MAX_TERMS]


PIECE_RE = re.compile(r"\w+(?:[.\-/@]\w+)*", re.UNICODE)


def query_pieces(text):
    """The query's tokens as PostgreSQL's parser sees them: ``(whole, words)`` pairs, where a
    token joined by dots, hyphens, slashes or @ (``1.3``, ``www.who.int``, ``report.pdf``)
    keeps its whole form beside its words; at most ``MAX_TERMS`` words in all."""
    pieces, count = [], 0
    for match in PIECE_RE.finditer((text or "").lower()):
        words = [w.replace("_", "") for w in WORD_RE.findall(match.group())]
        words = [w for w in words if w]
        if not words or count + len(words) > MAX_TERMS:
            break
        count += len(words)
        whole = match.group().replace("_", "") if len(words) > 1 else words[0]
        pieces.append((whole, words))
    return pieces


def light_stem(term):
    """Strip the plural endings English, Spanish and French share (SQLite has no stemmer).

    Used with prefix matching: ``protecciones`` -> ``proteccion*`` matches ``protección``;
    ``sociales`` -> ``social*``; ``policies`` -> ``polic*``; ``sociaux`` -> ``socia*``.
    """
    if len(term) > 5 and term.endswith("aux"):
        return term[:-2]
    if len(term) > 4 and term.endswith("ies"):
        return term[:-3]
    if len(term) > 5 and term.endswith("es"):
        return term[:-2]
    if len(term) > 4 and term.endswith("y"):
        return term[:-1]
    if len(term) > 3 and term.endswith(("s", "x")):
        return term[:-1]
    return term


class LanguageAwareBackendMixin:
    """``for_languages(codes)`` returns a copy of the backend that parses queries for them.

    A plain-text query without a word (``!!!``, control characters) matches nothing: the
    compilers build their match from the words, and would have none to build it from.
    """

    query_languages = ()

    def for_languages(self, languages):
        clone = copy.copy(self)
        clone.query_languages = tuple(code for code in languages if code in LANGUAGE_ANALYSIS)
        return clone

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        text = query.query_string if isinstance(query, PlainText) else query
        if isinstance(text, str) and not query_terms(text):
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _sqlite_classes():
    from django.db import connections, router
    from django.db.models.expressions import RawSQL
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    def match_terms(query, stem):
        terms = [light_stem(term) if stem else term for term in query_terms(query.query_string)]
        return [term for term in terms if term]

    def build(query, config, stem):
        terms = match_terms(query, stem)
        if not terms:
            return None
        lexemes = [Lexeme(term, prefix=True) for term in terms]
        if query.operator.upper() == "AND":
            combined = reduce(lambda a, b: a & b, lexemes)
        else:
            combined = reduce(lambda a, b: a | b, lexemes)
        return SearchQueryExpression(combined, config=config)

    class FastPlan(NamedTuple):
        scores: dict  # {object id: bm25 score} of every match
        permitted: object  # the searched queryset's matches
        ids: object  # the matched ids as an SQL subquery

    class FastMatchMixin:
        """Rank with one FTS query instead of Wagtail's correlated subquery per row.

        Wagtail's SQLite compiler orders results by a scalar subquery that runs the full-text
        match again for every candidate row, and its ``IN`` subquery scans index entries
        before the FTS table: both grow with the square of the matches. For plain-text
        queries (all the portal makes) we read ``(object id, bm25 score)`` of every match in
        one query driven by the FTS table, filter the caller's queryset with it in SQL (the
        permission filters stay in the query), and order by score.
        """

        STEM = True

        def fast_matches(self):
            # Counting and fetching a page share one compiler: match once.
            if not hasattr(self, "_fast_matches"):
                self._fast_matches = self._compute_fast_matches()
            return self._fast_matches

        def _compute_fast_matches(self):
            query = self.query
            if not isinstance(query, PlainText) or self.fields:
                return None
            terms = match_terms(query, self.STEM)
            if not terms:
                return None
            joiner = " AND " if query.operator.upper() == "AND" else " OR "
            columns = " ".join(self.FTS_TABLE_FIELDS)
            expression = joiner.join(f'"{term}"*' for term in terms)
            match = f"{{{columns}}} : ({expression})"
            fts = SQLiteFTSIndexEntry._meta.db_table
            entries = IndexEntry._meta.db_table
            ct_ids = list(get_descendants_content_types_pks(self.queryset.model))
            placeholders = ", ".join(["%s"] * len(ct_ids))
            weight = "e.title_norm + 1.0" if "title" in self.FTS_TABLE_FIELDS else "1.0"
            base_sql = (
                f"FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid "
                f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders})"
            )
            params = [match, *ct_ids]
            connection = connections[router.db_for_read(IndexEntry)]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT CAST(e.object_id AS INTEGER), bm25({fts}) * ({weight}) {base_sql}",
                    params,
                )
                scores = dict(cursor.fetchall())
            ids = RawSQL(f"SELECT CAST(e.object_id AS INTEGER) {base_sql}", params)
            return FastPlan(scores, self.queryset.filter(pk__in=ids), ids)

    class PortalSQLiteSearchQueryCompiler(FastMatchMixin, SQLiteSearchQueryCompiler):
        """Every term is a (lightly stemmed) prefix; terms are AND-ed."""

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                return build(query, config, stem=True)
            return super().build_search_query_content(query, config=config)

    class PortalSQLiteAutocompleteQueryCompiler(FastMatchMixin, SQLiteAutocompleteQueryCompiler):
        STEM = False

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                return build(query, config, stem=False)
            return super().build_search_query_content(query, config=config)

    class PortalSQLiteSearchResults(SQLiteSearchResults):
        def _fast(self):
            fast = getattr(self.query_compiler, "fast_matches", None)
            return fast() if fast else None

        def _ranked(self, scores, permitted):
            """Every permitted match's id, best first."""
            ids = permitted.values_list("pk", flat=True)
            return sorted(ids, key=lambda pk: (scores[pk], -pk))

        def ranked_ids(self, limit):
            """The ids of the first ``limit`` results, without loading the objects."""
            plan = self._fast()
            if plan is None:
                return [obj.pk for obj in self[:limit]]
            scores, permitted, _ids = plan
            if not scores:
                return []
            if self.query_compiler.order_by_relevance:
                return self._ranked(scores, permitted)[:limit]
            ordered = permitted if permitted.query.order_by else permitted.order_by("-pk")
            return list(ordered.values_list("pk", flat=True)[:limit])

        def _do_search(self):
            plan = self._fast()
            if plan is None:
                return super()._do_search()
            scores, permitted, _ids = plan
            compiler = self.query_compiler
            if not scores:
                return []
            if compiler.order_by_relevance:
                page = self._ranked(scores, permitted)[self.start : self.stop]
                objects = permitted.in_bulk(page)
                results = [objects[pk] for pk in page if pk in objects]
            else:
                ordered = permitted if permitted.query.order_by else permitted.order_by("-pk")
                results = list(ordered[self.start : self.stop])
            if self._score_field:
                for obj in results:
                    setattr(obj, self._score_field, scores.get(obj.pk))
            return results

        def _do_count(self):
            plan = self._fast()
            if plan is None:
                return super()._do_count()
            scores, permitted, _ids = plan
            # A slice counts in SQL (``LIMIT``): counting up to a bound stops early.
            return permitted.order_by()[self.start : self.stop].count() if scores else 0

    class PortalSQLiteSearchBackend(LanguageAwareBackendMixin, SQLiteSearchBackend):
        query_compiler_class = PortalSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = PortalSQLiteAutocompleteQueryCompiler
        results_class = PortalSQLiteSearchResults

    return PortalSQLiteSearchBackend


def _postgres_classes():
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        SearchVectorField,
    )
    from django.db.models import AutoField, BigIntegerField, F, IntegerField, Q, TextField, Value
    from django.db.models.expressions import Func, RawSQL
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres import postgres as pg
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.utils import ADD, get_descendants_content_types_pks

    from search.models import TitleEntry  # the entries' titles, in a narrow table

    class PortalObjectIndexer(pg.ObjectIndexer):
        """Analyse text with every language configuration, the object's own first."""

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            own = LANGUAGE_ANALYSIS[language_of(obj)]["pg_config"]
            others = [v["pg_config"] for v in LANGUAGE_ANALYSIS.values() if v["pg_config"] != own]
            self.configs = [own, *others]

        def as_vector(self, texts, for_autocomplete=False):
            texts = [(text.strip(), weight) for text, weight in texts]
            texts = [(text, weight) for text, weight in texts if text]
            if not texts:
                return pg.EMPTY_VECTOR
            configs = [self.autocomplete_config] if for_autocomplete else self.configs
            return ADD(
                [
                    SearchVector(Value(text, output_field=TextField()), weight=weight, config=cfg)
                    for cfg in configs
                    for text, weight in texts
                ]
            )

    class PortalPostgresIndex(pg.PostgresIndex):
        def add_items(self, model, objs):
            # Wagtail's add_items builds ``ObjectIndexer`` from its module; swap ours in for
            # the duration of the call (module attribute lookup happens at call time).
            # A lock keeps concurrent saves in one process from seeing each other's swap.
            with _INDEXER_LOCK:
                original = pg.ObjectIndexer
                pg.ObjectIndexer = PortalObjectIndexer
                try:
                    return super().add_items(model, objs)
                finally:
                    pg.ObjectIndexer = original

    class PortalQueryMixin:
        """Word tokens only; several configurations OR-ed for several languages."""

        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(config, tuple):
                parsed = [self.build_tsquery_content(query, one, invert) for one in config]
                parsed = [part for part in parsed if part is not None]
                return reduce(lambda a, b: a | b, parsed) if parsed else None
            if isinstance(query, PlainText):
                pieces = query_pieces(query.query_string)
                if not pieces:
                    return None
                combine = (lambda a, b: a & b) if query.operator == "and" else (lambda a, b: a | b)
                lexemes = None
                for number, (whole, words) in enumerate(pieces):
                    last = number == len(pieces) - 1
                    if len(words) == 1:
                        piece = Lexeme(
                            whole, invert=invert, prefix=last and self.LAST_TERM_IS_PREFIX
                        )
                    else:
                        # PostgreSQL's parser keeps "1.3", "www.who.int" and "report.pdf" as
                        # one token (and also splits "cash-transfer" into its parts): the
                        # whole token, or every part.
                        parts = reduce(
                            lambda a, b: a & b, (Lexeme(w, invert=invert) for w in words)
                        )
                        piece = Lexeme(whole, invert=invert) | parts
                    lexemes = piece if lexemes is None else combine(lexemes, piece)
                return SearchQuery(lexemes, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class PortalPostgresSearchQueryCompiler(PortalQueryMixin, pg.PostgresSearchQueryCompiler):
        """Match through the index's own GIN indexes; rank the best title matches only.

        Wagtail joins every object of the queryset to its index entry and tests
        ``title || body`` row by row, then ranks every match by title and body. On a large
        library a broad query (tens of thousands of matches) spends most of its time reading
        body vectors. Here, for plain-text queries on every indexed field:

        * the matches are the objects whose index entry the GIN index on
          ``portal_document(title, body)`` (``title || body``, migration 0003) finds
          (``matches``: a subquery of object ids, so counts and facets may hash it); a
          model that keeps a copy of that document in its own row (``own_document``: the
          publications) is matched on the copy, without reading the index;
        * the candidates for ranking are the objects whose *title* matches, found through
          the title index of the entries' titles (``TitleEntry``, a narrow copy) and
          ordered by title rank, at most ``RANK_CANDIDATES``; when
          fewer titles match, the newest other matches make up the number;
        * the candidates are ranked by title and body as Wagtail ranks every match.

        A query with no more matches than ``RANK_CANDIDATES`` is ranked exactly as before.
        """

        def _plain_vectors(self, config):
            if not self.order_by_relevance or self.fields is not None:
                return None
            if not isinstance(self.query, PlainText):
                return None
            search_query = self.build_tsquery(self.query, config=config)
            if search_query is None:
                return None
            vectors = self.get_search_vectors(search_query)
            return (search_query, vectors) if len(vectors) == 2 else None

        def _entries(self, model=None):
            """Index entries (or ``model``: their titles) of the queryset's model and its
            subclasses."""
            content_types = get_descendants_content_types_pks(self.queryset.model)
            model = model or pg.IndexEntry
            return model._default_manager.filter(content_type_id__in=content_types)

        def _integer_pk(self):
            """Is the queryset's primary key an integer (a page type's link to its page
            included)?"""
            pk_field = self.queryset.model._meta.pk
            while pk_field.remote_field is not None:
                pk_field = pk_field.target_field
            return isinstance(pk_field, (AutoField, IntegerField))  # big and small ones too

        def _pk_in(self, ids):
            """A filter value for ``pk__in``: integer ids go as one array parameter (a list
            of two thousand placeholders costs more to build than the query to run)."""
            if self._integer_pk():
                return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
            return ids

        def _within(self, entries):
            """``entries`` of objects of the queryset. Index entries hold ids as text: an
            integer key is compared as an integer, so the queryset's primary key index can
            check a few entries one by one."""
            object_ids = self.queryset.order_by().values("pk")
            if self._integer_pk():
                entries = entries.alias(_entry_pk=Cast("object_id", BigIntegerField()))
                return entries.filter(_entry_pk__in=object_ids)
            object_ids = object_ids.values(_entry_key=Cast("pk", TextField()))
            return entries.filter(object_id__in=object_ids)

        def matches(self, config, queryset=None):
            """Every object of the queryset that matches, unordered (for counts and
            filters), as a filter of ``queryset`` (by default the searched one)."""
            queryset = self.queryset if queryset is None else queryset
            search_query = self.build_tsquery(self.query, config=config)
            own = self._own_document(queryset)
            if own is not None:
                # The model's copy of its document, in its own (indexed) row.
                return own.filter(_document_=search_query)
            if self.fields is None and isinstance(self.query, PlainText):
                # ``title || body`` through the function migration 0003 indexes.
                document = Func(
                    F("title"),
                    F("body"),
                    function="portal_document",
                    output_field=SearchVectorField(),
                )
                entries = self._entries().alias(_document_=document).filter(_document_=search_query)
                return queryset.alias(_entry_key=Cast("pk", TextField())).filter(
                    _entry_key__in=entries.values("object_id")
                )
            vectors = self.get_search_vectors(search_query)
            combined = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined = combined._combine(vector, "||", False)
            matching = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
            if queryset is self.queryset:
                return matching
            return queryset.filter(pk__in=matching.order_by().values("pk"))

        def _own_document(self, queryset):
            """``queryset`` with its model's copy of its document as ``_document_``, for a
            plain-text query on every field (``None`` when the model keeps no copy)."""
            own = own_document(queryset.model)
            if own is None or self.fields is not None or not isinstance(self.query, PlainText):
                return None
            return queryset.alias(_document_=own)

        def misses(self, config, queryset):
            """Every object of ``queryset`` that does not match, as a filter of its own rows,
            when its model keeps a copy of its document (``None`` otherwise)."""
            own = self._own_document(queryset)
            search_query = self.build_tsquery(self.query, config=config)
            if own is None or search_query is None:
                return None
            # An object not indexed yet has no copy: it matches nothing.
            return own.filter(Q(_document_=None) | ~Q(_document_=search_query))

        def candidates(self, config):
            """Primary keys of the matches to rank: best titles first, then the newest."""
            search_query = self.build_tsquery(self.query, config=config)
            title_rank = SearchRank(F("title"), search_query, weights=self.sql_weights)
            newest = "-_entry_pk" if self._integer_pk() else "-object_id"  # ties: as Wagtail
            titles = (
                self._within(self._entries(TitleEntry).filter(title=search_query))
                .order_by((title_rank * F("title_norm")).desc(), newest)
                .values_list("object_id", flat=True)[:RANK_CANDIDATES]
            )
            pk_field = self.queryset.model._meta.pk
            ids = [pk_field.to_python(object_id) for object_id in titles]
            if len(ids) < RANK_CANDIDATES:
                others = self.matches(config).exclude(pk__in=self._pk_in(ids)).order_by("-pk")
                ids += list(others.values_list("pk", flat=True)[: RANK_CANDIDATES - len(ids)])
            return ids

        def search(self, config, start, stop, score_field=None, backend=None):
            plan = self._plain_vectors(config)
            if plan is None:
                return super().search(config, start, stop, score_field, backend)
            _search_query, vectors = plan
            queryset = self.queryset.filter(pk__in=self._pk_in(self.candidates(config)))
            rank_expression = self._build_rank_expression(vectors, config)
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

    class PortalPostgresAutocompleteQueryCompiler(
        PortalQueryMixin, pg.PostgresAutocompleteQueryCompiler
    ):
        pass

    class PortalPostgresSearchResults(pg.PostgresSearchResults):
        def _ranks_candidates(self):
            compiler = self.query_compiler
            plain = getattr(compiler, "_plain_vectors", None)
            return plain is not None and plain(compiler.get_config(self.backend)) is not None

        def matches(self, queryset=None):
            """Every match, unordered and unranked, as a filter of ``queryset`` (by default
            the searched one)."""
            compiler = self.query_compiler
            if not self._ranks_candidates():  # Wagtail's own query (autocomplete, fuzzy…)
                matching = self.get_queryset().order_by()
                if queryset is None:
                    return matching
                return queryset.filter(pk__in=matching.values("pk"))
            return compiler.matches(compiler.get_config(self.backend), queryset)

        def misses(self, queryset):
            """Every object of ``queryset`` that does not match, or ``None`` when that cannot
            be said from its own rows."""
            compiler = self.query_compiler
            return compiler.misses(compiler.get_config(self.backend), queryset)

        def ranked_ids(self, limit):
            """The ids of the first ``limit`` results, without loading the objects."""
            return list(self[:limit].get_queryset().values_list("pk", flat=True))

        def _do_count(self):
            if not self._ranks_candidates():
                return super()._do_count()
            # Wagtail counts its ranked queryset; ours holds the ranked candidates only. A
            # slice counts in SQL (``LIMIT``): counting up to a bound stops early.
            return self.matches().order_by()[self.start : self.stop].count()

    class PortalPostgresSearchBackend(LanguageAwareBackendMixin, pg.PostgresSearchBackend):
        query_compiler_class = PortalPostgresSearchQueryCompiler
        results_class = PortalPostgresSearchResults
        autocomplete_query_compiler_class = PortalPostgresAutocompleteQueryCompiler
        index_class = PortalPostgresIndex

        def __init__(self, params):
            super().__init__(params)
            # All languages by default; ``for_languages`` narrows to the reader's.
            self.config = tuple(v["pg_config"] for v in LANGUAGE_ANALYSIS.values())
            self.autocomplete_config = PG_SIMPLE_CONFIG

        def for_languages(self, languages):
            clone = super().for_languages(languages)
            configs = tuple(LANGUAGE_ANALYSIS[code]["pg_config"] for code in clone.query_languages)
            if configs:
                clone.config = configs[0] if len(configs) == 1 else configs
            return clone

    return PortalPostgresSearchBackend


def own_document(model):
    """The column holding ``model``'s copy of its match document, as an expression of a
    queryset of ``model`` (``None`` when the model keeps no copy)."""
    if DOCUMENT_ATTRIBUTE not in vars(model):
        return None
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import Col

    field = SearchVectorField()
    field.set_attributes_from_name(getattr(model, DOCUMENT_ATTRIBUTE))
    field.model = model  # unbound: the column is the trigger's, not a model field
    return Col(model._meta.db_table, field)


def SearchBackend(params):  # noqa: N802 (Wagtail looks the factory up by this name)
    """Pick the portal's variant of Wagtail's database backend for the current database."""
    backend = wagtail_database_backend(params)
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        return _sqlite_classes()(params)
    if name == "PostgresSearchBackend":
        return _postgres_classes()(params)
    return backend
