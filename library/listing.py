"""The library listing, built in one place: parse the URL, filter, sort, count facets.

The index page, the feeds and the benchmark all go through :func:`build_listing` /
:func:`filtered_queryset`. The reader's rights come from the access policy
(``visible_queryset``) before anything is counted, so members-only publications are absent
from results, counts and facets alike for anonymous readers.

Facet counts are computed over the current result set in one aggregate query over the
facet keys each listing entry carries (``library.facets``), so the number of queries
does not depend on how many publications match.
"""

import hashlib
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections, transaction
from django.db.models import Case, FloatField, Q, Sum, Value, When
from django.utils.translation import gettext_lazy as _

from library.facets import RELATIONS, parse
from library.matching import match, on_postgresql, rank, ranked, text_condition, title_condition
from library.models import (
    DocumentLanguage,
    DocumentType,
    DownloadCount,
    ListingCount,
    ListingEntry,
    Organisation,
    PublicationPage,
)
from portal.access import visible_queryset
from portal.labels import term_label
from portal.locales import default_locale
from portal.models import Country, Region, Theme
from portal.params import MAX_PAGE, int_param, text_list_param, text_param
from search.backends import LANGUAGE_ANALYSIS
from search.es_library import run_library_search
from search.text import parse_query

SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title (A–Z)"),
    "downloads": _("Most downloaded (90 days)"),
    "relevance": _("Relevance"),
}
MULTI_FILTERS = ("theme", "region", "country", "type", "language", "organisation")
# Filters a member may follow from the listing: filter name -> kind (library.following).
FOLLOWABLE = {"theme": "theme", "organisation": "organisation"}
YEARS = (1000, 2999)  # the years a publication may be filtered by


@dataclass
class LibraryQuery:
    """Everything the URL says about a listing: text query, filters, sort and page."""

    q: str = ""
    theme: list = field(default_factory=list)
    region: list = field(default_factory=list)
    country: list = field(default_factory=list)
    type: list = field(default_factory=list)
    language: list = field(default_factory=list)
    organisation: list = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params):
        """Read a QueryDict (or dict of lists); unknown or malformed values are ignored,
        numbers capped and control characters taken out of text (``portal.params``)."""
        query = cls(
            q=text_param(params, "q", max_length=200),
            year_from=int_param(params, "year_from", None, *YEARS),
            year_to=int_param(params, "year_to", None, *YEARS),
            page=int_param(params, "page", 1, 1, MAX_PAGE),
        )
        for name in MULTI_FILTERS:
            setattr(query, name, text_list_param(params, name))
        sort = params.get("sort") or ""
        if sort not in SORTS or (sort == "relevance" and not query.q):
            sort = ""
        query.sort = sort or ("relevance" if query.q else "newest")
        return query

    @property
    def has_filters(self):
        """Does the query have text, a year or any filter?"""
        return bool(
            self.q or self.year_from or self.year_to or any(getattr(self, n) for n in MULTI_FILTERS)
        )

    def params(self, *, without_page=True, **changes):
        """The query as a list of (name, value) pairs, with ``changes`` applied."""
        data = {
            "q": self.q,
            "year_from": self.year_from or "",
            "year_to": self.year_to or "",
            "sort": self.sort if self.sort != ("relevance" if self.q else "newest") else "",
        }
        for name in MULTI_FILTERS:
            data[name] = list(getattr(self, name))
        if not without_page:
            data["page"] = self.page
        data.update(changes)
        pairs = []
        for name, value in data.items():
            if isinstance(value, list):
                pairs.extend((name, v) for v in value)
            elif value not in ("", None):
                pairs.append((name, value))
        return pairs

    def is_whole_listing(self):
        """No text and no filter: every publication of the listing."""
        filtered = any(getattr(self, name) for name in MULTI_FILTERS)
        return not (self.q or filtered or self.year_from or self.year_to)

    def urlencode(self, **changes):
        """The query string of the query, with ``changes`` applied (no page)."""
        return urlencode(self.params(**changes))

    def toggle(self, name, value):
        """The query string with ``value`` added to or removed from filter ``name``."""
        current = list(getattr(self, name))
        if value in current:
            current.remove(value)
        else:
            current.append(value)
        return self.urlencode(**{name: sorted(current)})


def reader_language(locale):
    """The listing a reader in ``locale`` browses (the default language's without one)."""
    return (locale or default_locale()).language_code


def entries_queryset(user, locale=None):
    """The entries of the listing of ``locale``'s language that ``user`` may read: one per
    publication, in the reader's language when it is translated into it
    (``library.indexing``)."""
    entries = ListingEntry.objects.filter(language=reader_language(locale))
    return visible_queryset(entries, user)


def base_queryset(user, locale=None):
    """Live publications ``user`` may read, one per translation key: the translations the
    listing of ``locale``'s language shows (every live translation without a locale)."""
    if locale is None:
        return visible_queryset(PublicationPage.objects.live(), user)
    listed = entries_queryset(user, locale).values("publication_id")
    return visible_queryset(PublicationPage.objects.filter(pk__in=listed), user)


class TaxonomyIndex:
    """Source-locale terms of each facet, loaded once per listing (a taxonomy is small)."""

    def __init__(self):
        self.models = {
            "theme": Theme,
            "region": Region,
            "country": Country,
            "type": DocumentType,
            "language": DocumentLanguage,
            "organisation": Organisation,
        }
        self._terms = {}
        self._locale = None

    def terms(self, name):
        """{slug: term} of the source-locale terms of facet ``name``."""
        if name not in self._terms:
            if self._locale is None:
                self._locale = default_locale()
            model = self.models[name]
            qs = model.objects.filter(locale=self._locale)
            key = {"country": "iso_code", "language": "code"}.get(name, "slug")
            self._terms[name] = {getattr(t, key).lower(): t for t in qs}
        return self._terms[name]

    def by_id(self, name):
        """{pk: (slug, term)} of the source-locale terms of facet ``name``."""
        return {t.pk: (slug, t) for slug, t in self.terms(name).items()}

    def theme_descendants(self, theme):
        """Primary keys of ``theme`` and every theme below it (in memory)."""
        children = {}
        for t in self.terms("theme").values():
            children.setdefault(t.parent_id, []).append(t.pk)
        ids, frontier = {theme.pk}, [theme.pk]
        while frontier:
            frontier = [c for pk in frontier for c in children.get(pk, [])]
            ids.update(frontier)
        return ids


def apply_filters(entries, query, taxonomy):
    """Restrict ``entries`` to the filters of ``query``: values of one facet are
    alternatives (OR), different facets combine (AND); a theme includes the themes below it.

    On PostgreSQL each facet is one test of the entries' facet keys, which a GIN index
    answers (a theme's key is on every entry below it); elsewhere the publications' relation
    tables are read.
    """
    by_keys = connections[entries.db].vendor == "postgresql"
    for name in MULTI_FILTERS:
        slugs = getattr(query, name)
        if not slugs:
            continue
        terms = taxonomy.terms(name)
        chosen = [terms[s.lower()] for s in slugs if s.lower() in terms]
        if not chosen:
            return entries.none()
        if by_keys:
            entries = entries.filter(facet_keys__overlap=[f"{name}:{t.pk}" for t in chosen])
        elif name == "type":
            entries = entries.filter(publication__document_type_id__in=[t.pk for t in chosen])
        else:
            ids = [t.pk for t in chosen]
            if name == "theme":
                ids = set().union(*(taxonomy.theme_descendants(t) for t in chosen))
            field_name, column = RELATIONS[name]
            through = getattr(PublicationPage, field_name).through
            filed = through.objects.filter(**{f"{column}__in": ids})
            entries = entries.filter(publication_id__in=filed.values("publicationpage_id"))
    if query.year_from:
        entries = entries.filter(year__gte=query.year_from)
    if query.year_to:
        entries = entries.filter(year__lte=query.year_to)
    return entries


# Columns a listing never shows: not loaded with its rows.
UNLISTED_COLUMNS = ("extracted_text", "import_hash")  # long, and no result shows them
NEWEST = ["-year", "-publication_date", "-first_published_at", "publication_id"]
ORDERS = {
    "newest": NEWEST,
    "oldest": ["year", "publication_date", "first_published_at", "publication_id"],
    "title": ["title", "publication_id"],
}


def matching_entries(query, user, locale, taxonomy=None):
    """``(entries, taxonomy)``: the entries of the listing that match ``query`` (filters
    and text), as ``user`` may see them, sorted as the query asks (``library.matching``
    matches and ranks the text)."""
    taxonomy = taxonomy or TaxonomyIndex()
    entries = apply_filters(entries_queryset(user, locale), query, taxonomy)
    if query.q:
        entries = match(entries, query.q, reader_language(locale))
    if query.q and query.sort == "relevance":
        return ranked(entries, query.q, reader_language(locale), then=NEWEST), taxonomy
    if query.sort == "downloads":
        downloads = DownloadCount.total_for(
            "publication__translation_key", DownloadCount.RECENT_DAYS
        )
        entries = entries.annotate(recent_downloads=downloads)
        return entries.order_by("-recent_downloads", *NEWEST), taxonomy
    return entries.order_by(*ORDERS.get(query.sort, NEWEST)), taxonomy


def filtered_queryset(query, user, locale, taxonomy=None):
    """The publications of the listing for ``query`` as seen by ``user`` (the feeds read
    it): ``(queryset, taxonomy)``, newest first."""
    entries, taxonomy = matching_entries(query, user, locale, taxonomy)
    found = PublicationPage.objects.filter(pk__in=entries.order_by().values("publication_id"))
    return visible_queryset(found, user).order_by("-year", "-first_published_at", "pk"), taxonomy


class ResultWindow:
    """A result list a ``Paginator`` can page through without counting it again: its length
    is known (``total``) and a slice fetches only that page."""

    def __init__(self, total):
        self.total = total

    def count(self):
        """The known total (what ``Paginator`` asks for)."""
        return self.total

    def __len__(self):
        return self.total


class ListingRows(ResultWindow):
    """The listing's sorted entries as publications: a page is a slice of the entries
    (their order, their limit), whose publications are then read by id in one query."""

    def __init__(self, entries, total, user):
        super().__init__(total)
        self.entries, self.user = entries, user

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.entries[index].values_list("publication_id", flat=True)
        return publications_in_order(ids, self.user)


def publications_in_order(ids, user):
    """The publications of ``ids`` that ``user`` may read, in the order of ``ids``, read in
    one query with what a result shows (type, language, organisations)."""
    ids = list(ids)
    found = (
        visible_queryset(PublicationPage.objects.filter(pk__in=ids), user)
        .select_related("document_type", "locale")
        .prefetch_related("organisations", "languages")
        .defer(*UNLISTED_COLUMNS)
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


TOTAL = ""  # the key under which the counting query also counts the entries themselves


def facet_counts(entries, query, taxonomy, whole=None):
    """``(facets, total)``: for each facet, the terms present in the result set with their
    counts; and how many entries the result set holds.

    One SQL query for every facet: each entry carries the keys of everything its publication
    is filed under (``library.facets``: its themes with their ancestors, regions, countries,
    languages, organisations, type and year), so the result set is read once and its keys
    counted in one ``GROUP BY``, whatever the number of facets or relation rows. The answer
    is cached until a publication changes (``listing_changed``).

    ``whole``: ``(language, user)`` when ``entries`` is a whole listing (no text, no filter).
    Its counts are then read from the counts view (``ListingCount``, PostgreSQL) as long as
    the view is as new as the entries: a few hundred rows instead of every entry.
    """
    connection = connections[entries.db]
    if whole is not None and _counts_view_is_current(connection):
        sql, params, count = _counts_from_view(whole, connection)
    else:
        try:
            result_sql, params = entries.order_by().values("facet_keys").query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (an unknown term)
            return facet_entries({}, query, taxonomy), 0
        sql = (
            f"WITH r AS ({result_sql}) SELECT k.value, COUNT(*) FROM {_keys_of_r(connection)} "
            f"GROUP BY k.value UNION ALL SELECT '{TOTAL}', COUNT(*) FROM r"
        )

        def count():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

    counts, total = {}, 0
    for key, n in _cached_counts(connection, sql, params, count):
        if key == TOTAL:
            total = n
        elif parsed := parse(key):
            counts.setdefault(parsed[0], {})[parsed[1]] = n
    return facet_entries(counts, query, taxonomy), total


def _counts_view_is_current(connection):
    return connection.vendor == "postgresql" and counts_generation() == listing_generation()


def _counts_from_view(whole, connection):
    """``(sql, params, count)`` of the whole listing's counts from the counts view, for the
    reader's audiences (the access policy filters the view's rows as it filters entries)."""
    language, user = whole
    rows = visible_queryset(ListingCount.objects.using(connection.alias), user)
    rows = rows.filter(language=language).values("key").annotate(n=Sum("entries"))
    rows = rows.order_by().values_list("key", "n")
    sql, params = rows.query.sql_with_params()
    return sql, params, lambda: list(rows)


def _keys_of_r(connection):
    """A FROM clause listing the facet keys (``k.value``) of the rows of ``r`` (a CTE)."""
    if connection.vendor == "postgresql":  # a text[] (``FacetKeysField``)
        return "(SELECT unnest(r.facet_keys) AS value FROM r) AS k"
    # SQLite's JSON1 (and MySQL-likes would need JSON_TABLE)
    return "r CROSS JOIN json_each(r.facet_keys) AS k"


def facet_entries(counts, query, taxonomy):
    """The template's facets from ``counts`` ({facet: {term pk or year: count}}; a parent
    theme counts the distinct publications under it)."""

    def entries(name, found):
        items = []
        chosen = {s.lower() for s in getattr(query, name)}
        for pk, (slug, term) in taxonomy.by_id(name).items():
            n = found.get(pk, 0)
            if n or slug in chosen:
                items.append(
                    {
                        "slug": slug,
                        "label": term_label(term),
                        "count": n,
                        "selected": slug in chosen,
                        "toggle": query.toggle(name, slug),
                        "term": term,
                    }
                )
        items.sort(key=lambda e: (-e["count"], e["label"]))
        return items

    facets = {name: entries(name, counts.get(name, {})) for name in RELATIONS if name != "theme"}
    facets["type"] = entries("type", counts.get("type", {}))
    facets["theme"] = theme_tree(entries("theme", counts.get("theme", {})), taxonomy)
    facets["year"] = sorted(counts.get("year", {}).items(), reverse=True)
    return facets


FACET_CACHE_SECONDS = 600
GENERATION_KEY = "library:listing:generation"


COUNTS_GENERATION_KEY = "library:listing:counts-generation"


def listing_changed():
    """Forget every cached facet count (a publication, or what its text matches, changed).

    The generation moves on now and again when the transaction commits: a count made in
    between, from entries without the change, is not kept under the new generation."""

    def bump():
        cache.set(GENERATION_KEY, time.time_ns(), None)

    bump()
    transaction.on_commit(bump)


def listing_generation():
    """The listing's generation: it moves on with every change to the entries."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def counts_refreshed(generation):
    """The counts view (``ListingCount``) holds the entries of ``generation``."""
    cache.set(COUNTS_GENERATION_KEY, generation, None)


def counts_generation():
    """The generation the counts view was last refreshed at (``None``: unknown)."""
    return cache.get(COUNTS_GENERATION_KEY)


def _cached_counts(connection, sql, params, count):
    """Count (``count()``) the facets of the query ``sql``, or reuse the answer while no
    publication has changed since.

    Counting a large result set (the unfiltered library) reads every row of it, so the
    answer is cached per query text and parameters (which include the reader's audiences and
    language, the text query and the theme tree); saving or deleting a publication, or
    extracting its files' text, moves the generation on. Counts are keyed by term, so a
    renamed term needs nothing; a deleted one is no longer listed.
    """
    generation = listing_generation()
    digest = hashlib.sha256(repr((connection.alias, sql, list(params))).encode()).hexdigest()
    key = f"library:facets:{generation}:{digest}"
    rows = cache.get(key)
    if rows is None:
        rows = count()
        cache.set(key, rows, FACET_CACHE_SECONDS)
    return rows


def theme_tree(items, taxonomy):
    """Order theme entries as a tree (parents before their children) with a depth."""
    by_pk = {e["term"].pk: e for e in items}
    children = {}
    for e in items:
        parent = e["term"].parent_id
        while parent is not None and parent not in by_pk:
            parent = taxonomy.by_id("theme").get(parent, (None, None))[1]
            parent = parent.parent_id if parent else None
        children.setdefault(parent, []).append(e)
    ordered = []

    def walk(parent, depth):
        for e in sorted(children.get(parent, []), key=lambda e: (-e["count"], e["label"])):
            e["depth"] = depth
            ordered.append(e)
            walk(e["term"].pk, depth + 1)

    walk(None, 0)
    return ordered


class EngineWindow(ResultWindow):
    """One page of an external engine's answer, standing for the whole result list."""

    def __init__(self, total, objects):
        super().__init__(total)
        self.objects = objects

    def __getitem__(self, index):
        return self.objects if isinstance(index, slice) else self.objects[index]


def _elasticsearch_page(query, user, locale, per_page):
    """``(page_obj, facets, taxonomy)`` from Elasticsearch for a text query, or ``None``
    when it is not the engine or does not answer (the database engine answers then)."""
    taxonomy = TaxonomyIndex()
    filters = {name: [s.lower() for s in getattr(query, name)] for name in MULTI_FILTERS}
    number = query.page
    code = locale.language_code if locale else None
    arguments = dict(
        language=code,
        listed_in=code,
        filters=filters,
        year_from=query.year_from,
        year_to=query.year_to,
        sort=query.sort,
        per_page=per_page,
    )
    answer = run_library_search(PublicationPage, query.q, user, page=number, **arguments)
    if answer is not None and not answer["ids"] and answer["total"] and number > 1:
        number = 1  # past the last page: show the first, as the database listing does
        answer = run_library_search(PublicationPage, query.q, user, page=1, **arguments)
    if answer is None:
        return None
    # The engine filtered by audience already; the access policy is asked again in SQL.
    found = visible_queryset(PublicationPage.objects.live(), user).filter(pk__in=answer["ids"])
    found = found.select_related("document_type", "locale").prefetch_related(
        "organisations", "languages"
    )
    by_pk = {p.pk: p for p in found.defer(*UNLISTED_COLUMNS)}
    objects = [by_pk[pk] for pk in answer["ids"] if pk in by_pk]
    for publication in objects:
        publication.search_highlight = answer["highlights"].get(publication.pk, "")
    counts = {}
    for name, keys in answer["facets"].items():
        if name == "year":
            counts["year"] = {int(k): n for k, n in keys.items() if str(k).isdigit()}
            continue
        terms = taxonomy.terms(name)
        counts[name] = {terms[k].pk: n for k, n in keys.items() if k in terms}
    facets = facet_entries(counts, query, taxonomy)
    paginator = Paginator(EngineWindow(answer["total"], objects), max(per_page, 1))
    return paginator.page(min(number, paginator.num_pages)), facets, taxonomy


def build_listing(query, user, locale, per_page=20):
    """Template context of the listing: the page of results, facets and active filters.

    A text query goes to Elasticsearch when it is the engine (results, counts and facets in
    one request); everything else, and every query when it is down, is answered from the
    listing's read model in SQL.
    """
    # Download counts live in the database only: that order is always the database's.
    by_engine = query.q and query.sort != "downloads"
    engine = _elasticsearch_page(query, user, locale, per_page) if by_engine else None
    if engine is not None:
        page_obj, facets, taxonomy = engine
        paginator = page_obj.paginator
    else:
        entries, taxonomy = matching_entries(query, user, locale)
        whole = (reader_language(locale), user) if query.is_whole_listing() else None
        facets, total = facet_counts(entries, query, taxonomy, whole)
        # The counting query counted the results too: the paginator need not count again.
        paginator = Paginator(ListingRows(entries, total, user), max(per_page, 1))
        try:
            page_obj = paginator.page(query.page)
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
    active, follow = active_filters(query, taxonomy)
    return {
        "query": query,
        "results": page_obj,
        "result_count": paginator.count,
        "facets": facets,
        "active_filters": active,
        "follow_filters": follow,
        "sorts": [(k, v) for k, v in SORTS.items() if k != "relevance" or query.q],
        "query_string": query.urlencode(),
    }


def active_filters(query, taxonomy):
    """``(active, follow)``: the query's filters as the listing shows them (a label in the
    reader's language and the query string without it), and those a member may follow."""
    active, follow = [], []
    for name in MULTI_FILTERS:
        terms = taxonomy.terms(name)
        for slug in getattr(query, name):
            term = terms.get(slug.lower())
            if term is not None:
                active.append({"label": term_label(term), "remove": query.toggle(name, slug)})
                if name in FOLLOWABLE:
                    follow.append(
                        {"kind": FOLLOWABLE[name], "term": term, "label": term_label(term)}
                    )
    if query.year_from or query.year_to:
        active.append(
            {
                "label": f"{query.year_from or '…'}–{query.year_to or '…'}",
                "remove": query.urlencode(year_from="", year_to=""),
            }
        )
    if query.q:
        active.append({"label": f"“{query.q}”", "remove": query.urlencode(q="")})
    return active, follow


# --- the site search's publications (``register_search_model`` in wagtail_hooks) ----------


def _written_in(user, language):
    """The entries of publications as written (each translation once, in its own language)
    that ``user`` may read, and the languages to search: ``language``, or every one."""
    entries = visible_queryset(ListingEntry.objects.filter(in_own_language=True), user)
    if language in LANGUAGE_ANALYSIS:
        return entries.filter(language=language), [language]
    return entries, list(LANGUAGE_ANALYSIS)


def search_publications(query, user, language, limit):
    """The site search's publications: ``(count, [(score, publication)])``, the count of
    every match ``user`` may read, the ``limit`` best matches first."""
    entries, languages = _written_in(user, language)
    postgresql = on_postgresql(entries)
    condition, ranks = Q(pk__in=[]), []
    for code in languages:
        if parse_query(query, code):
            condition |= Q(language=code) & text_condition(query, code, postgresql)
            ranks.append(When(language=code, then=rank(query, code, postgresql)))
    if not ranks:
        return 0, []
    found = entries.filter(condition)
    score = Case(*ranks, default=Value(0.0), output_field=FloatField())
    best = dict(
        found.annotate(score=score)
        .order_by("-score", *NEWEST)[:limit]
        .values_list("publication_id", "score")
    )
    return found.count(), [(best[p.pk], p) for p in publications_in_order(best, user)]


def autocomplete_publications(query, user, language, limit):
    """Publications whose title holds the words typed (the last one as a prefix), newest
    first, for the header box."""
    entries, languages = _written_in(user, language)
    postgresql = on_postgresql(entries)
    condition = Q(pk__in=[])
    for code in languages:
        title = title_condition(query, code, postgresql)
        if title is not None:
            condition |= Q(language=code) & title
    ids = (
        entries.filter(condition).order_by(*NEWEST)[:limit].values_list("publication_id", flat=True)
    )
    return publications_in_order(ids, user)
