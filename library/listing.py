"""The library listing, built in one place: parse the URL, filter, sort, count facets.

The index page, the feeds and the benchmark all go through :func:`build_listing` /
:func:`filtered_queryset`. The reader's rights come from the access policy
(``visible_queryset``) before anything is counted, so members-only publications are absent
from results, counts and facets alike for anonymous readers.

Facet counts are computed over the current result set in one aggregate query over the
facet keys each publication's row carries (``library.facets``), so the number of queries
does not depend on how many publications match.
"""

import hashlib
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections, transaction
from django.db.models import CharField, F, Sum, Value
from django.db.models.functions import Cast, Concat, NullIf, StrIndex
from django.utils.translation import gettext_lazy as _

from community_pages.access import visible_queryset
from library.facets import RELATIONS
from portal.models import Country, Region, Theme
from portal.models.taxonomy import term_label
from portal.params import MAX_PAGE, int_param, text_list_param, text_param

SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title (A–Z)"),
    "relevance": _("Relevance"),
}
MULTI_FILTERS = ("theme", "region", "country", "type", "language", "organisation")
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

    def urlencode(self, **changes):
        return urlencode(self.params(**changes))

    def toggle(self, name, value):
        """The query string with ``value`` added to or removed from filter ``name``."""
        current = list(getattr(self, name))
        if value in current:
            current.remove(value)
        else:
            current.append(value)
        return self.urlencode(**{name: sorted(current)})


def base_queryset(user, locale=None):
    """Live publications ``user`` may read, one per translation (the reader's locale first).

    A publication translated into the reader's language is listed in that language; one that
    does not exist in it is listed once, in another language (``refresh_listing`` decides
    which and stores it in ``listed_in``, so this is a filter on one column).
    """
    from library.models import PublicationPage

    if locale is None:
        return visible_queryset(PublicationPage.objects.live(), user)
    qs = PublicationPage.objects.filter(listed_in__contains=f" {locale.language_code} ")
    return visible_queryset(qs, user)


class TaxonomyIndex:
    """Source-locale terms of each facet, loaded once per listing (a taxonomy is small)."""

    def __init__(self):
        from library.models import DocumentLanguage, DocumentType, Organisation

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
            from wagtail.models import Locale

            if self._locale is None:
                self._locale = Locale.get_default()
            model = self.models[name]
            qs = model.objects.filter(locale=self._locale)
            key = {"country": "iso_code", "language": "code"}.get(name, "slug")
            self._terms[name] = {getattr(t, key).lower(): t for t in qs}
        return self._terms[name]

    def by_id(self, name):
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


def apply_filters(qs, query, taxonomy):
    """Restrict ``qs`` to the filters of ``query``: values of one facet are alternatives
    (OR), different facets combine (AND); a theme includes the themes below it.

    On PostgreSQL each facet is one test of the publication's facet keys, which a GIN index
    answers (a theme's key is on every publication below it); elsewhere the relation tables
    are read.
    """
    by_keys = connections[qs.db].vendor == "postgresql"
    for name in MULTI_FILTERS:
        slugs = getattr(query, name)
        if not slugs:
            continue
        terms = taxonomy.terms(name)
        chosen = [terms[s.lower()] for s in slugs if s.lower() in terms]
        if not chosen:
            return qs.none()
        if by_keys:
            qs = qs.filter(facet_keys__overlap=[f"{name}:{t.pk}" for t in chosen])
        elif name == "theme":
            ids = set().union(*(taxonomy.theme_descendants(t) for t in chosen))
            through = qs.model.themes.through
            qs = qs.filter(
                pk__in=through.objects.filter(theme_id__in=ids).values("publicationpage_id")
            )
        elif name == "type":
            qs = qs.filter(document_type_id__in=[t.pk for t in chosen])
        else:
            field_name, column = RELATIONS[name]
            through = getattr(qs.model, field_name).through
            qs = qs.filter(
                pk__in=through.objects.filter(**{f"{column}__in": [t.pk for t in chosen]}).values(
                    "publicationpage_id"
                )
            )
    if query.year_from:
        qs = qs.filter(year__gte=query.year_from)
    if query.year_to:
        qs = qs.filter(year__lte=query.year_to)
    return qs


# Columns a listing never shows: not loaded with its rows.
UNLISTED_COLUMNS = ("extracted_text", "import_hash", "search_description", "facet_keys")
NEWEST = ["-year", "-publication_date", "-first_published_at", "pk"]
ORDERS = {
    "newest": NEWEST,
    "oldest": ["year", "publication_date", "first_published_at", "pk"],
    "title": ["title", "pk"],
}


def filtered_queryset(query, user, locale, taxonomy=None, language=None):
    """The listing's results for ``query`` as seen by ``user``, sorted.

    Returns ``(queryset, taxonomy)``; with a text query the search service ranks the ids.
    """
    qs, taxonomy, ranked = _filtered(query, user, locale, taxonomy, language)
    if ranked is not None:
        # The position of a publication's id in the ranked list, as one SQL expression
        # (a CASE per id would cost more to build than the query costs to run).
        positions = Value("," + ",".join(str(pk) for pk in ranked) + ",")
        key = Concat(Value(","), Cast("pk", CharField()), Value(","))
        rank = NullIf(StrIndex(positions, key), Value(0))
        return qs.alias(_rank=rank).order_by(F("_rank").asc(nulls_last=True), *NEWEST), taxonomy
    return qs.order_by(*ORDERS.get(query.sort, NEWEST)), taxonomy


def _filtered(query, user, locale, taxonomy=None, language=None):
    """``(unordered results, taxonomy, ranked ids or None)``: the ids best first when the
    results are to be sorted by relevance."""
    from search.service import ranks_in_sql, search_matches

    taxonomy = taxonomy or TaxonomyIndex()
    qs = apply_filters(base_queryset(user, locale), query, taxonomy)
    if not query.q:
        return qs, taxonomy, None
    from library.models import PublicationPage

    language = language or (locale.language_code if locale else None)
    ranked_order = query.sort == "relevance"
    if ranks_in_sql():
        # The database engines rank within the filtered listing itself, so the best ids are
        # exactly the first results, and the matches are the results: one query holds both.
        matches, ranked = search_matches(qs, query.q, language)
        return matches, taxonomy, (ranked if ranked_order else None)
    # Elasticsearch ranks within what the reader may see (filters it has indexed); the
    # taxonomy filters then intersect in SQL.
    searchable = visible_queryset(PublicationPage.objects.live(), user)
    matches, ranked = search_matches(searchable, query.q, language)
    return qs.filter(pk__in=matches.values("pk")), taxonomy, (ranked if ranked_order else None)


class ResultWindow:
    """A result list a ``Paginator`` can page through without counting it again: its length
    is known (``total``) and a slice fetches only that page."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total


class RankedRows(ResultWindow):
    """Results in relevance order: the engine's ranked ids first (fetched by id, so a page
    costs the same however many publications match), then the other matches, newest first."""

    def __init__(self, qs, ranked, total):
        super().__init__(total)
        self.qs, self.ranked = qs, ranked

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.total
        head = self.ranked[start:stop]
        found = self.qs.in_bulk(head) if head else {}
        rows = [found[pk] for pk in head if pk in found]
        if stop > len(self.ranked):
            rest = self.qs.exclude(pk__in=self.ranked).order_by(*NEWEST)
            rows += list(rest[max(0, start - len(self.ranked)) : stop - len(self.ranked)])
        return rows


def facet_counts(qs, query, taxonomy, whole=None):
    """For each facet, the terms present in the result set with their counts.

    One SQL query for every facet: each publication's row carries the keys of everything it
    is filed under (``library.facets``: its themes with their ancestors, regions, countries,
    languages, organisations, type and year), so the result set is read once and its keys
    counted, whatever the number of facets or relation rows.

    ``whole`` returns the ``WholeListing`` the text query searched (or ``None``); it is
    called only when the counts are not cached. When the planner expects most of that
    listing to match, the counts are its totals minus the counts of the publications that do
    not match, which reads a small part of the keys.
    """
    from library.facets import parse

    connection = connections[qs.db]
    try:
        result_sql, params = qs.order_by().values("facet_keys").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (an unknown term)
        return facet_entries({}, query, taxonomy)
    keys = _keys_of_r(connection)
    sql = f"WITH r AS ({result_sql}) SELECT k.value, COUNT(*) FROM {keys} GROUP BY k.value"

    def count():
        listing = whole() if whole is not None else None
        rows = _counts_by_difference(connection, qs, listing) if listing is not None else None
        if rows is None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
        return rows

    counts = {}
    for key, n in _cached_counts(connection, sql, params, count):
        parsed = parse(key)
        if parsed:
            counts.setdefault(parsed[0], {})[parsed[1]] = n
    return facet_entries(counts, query, taxonomy)


def _keys_of_r(connection):
    """A FROM clause listing the facet keys (``k.value``) of the rows of ``r`` (a CTE)."""
    if connection.vendor == "postgresql":  # a text[] (``FacetKeysField``)
        return "(SELECT unnest(r.facet_keys) AS value FROM r) AS k"
    # SQLite's JSON1 (and MySQL-likes would need JSON_TABLE)
    return "r CROSS JOIN json_each(r.facet_keys) AS k"


@dataclass
class WholeListing:
    """A listing a text query searched: its facet totals (``FacetTotal``, as the reader may
    see them) and its publications that do not match the query."""

    totals: object
    misses: object


def whole_listing(query, user, locale):
    """The ``WholeListing`` of a text query with no other filter, where the database keeps
    facet totals (PostgreSQL); ``None`` otherwise."""
    from library.models import FacetTotal
    from search.service import search_misses

    filtered = query.year_from or query.year_to or any(getattr(query, n) for n in MULTI_FILTERS)
    if not query.q or filtered or locale is None:
        return None
    listing = base_queryset(user, locale)
    if connections[listing.db].vendor != "postgresql":
        return None
    misses = search_misses(listing, query.q, locale.language_code)
    if misses is None:
        return None
    totals = visible_queryset(FacetTotal.objects.filter(language=locale.language_code), user)
    return WholeListing(totals, misses)


def _counts_by_difference(connection, matches, whole):
    """The facet counts of ``matches`` as the listing's totals minus the counts of its
    publications that do not match, in one statement (one snapshot); ``None`` when the
    planner expects no more than half the listing to match (counting the matches is then
    the cheaper way)."""
    listed = whole.totals.filter(key__startswith="year:").aggregate(n=Sum("n"))["n"]
    if not listed or _estimated_rows(matches) * 2 <= listed:
        return None
    totals_sql, totals_params = whole.totals.values_list("key", "n").query.sql_with_params()
    misses_sql, misses_params = whole.misses.order_by().values("facet_keys").query.sql_with_params()
    missed = f"SELECT k.value, -COUNT(*) FROM {_keys_of_r(connection)} GROUP BY k.value"
    sql = (
        f"WITH r AS ({misses_sql}) SELECT t.key, CAST(SUM(t.n) AS bigint) "
        f"FROM ({totals_sql} UNION ALL {missed}) AS t (key, n) GROUP BY t.key HAVING SUM(t.n) > 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*misses_params, *totals_params))
        return cursor.fetchall()


def _estimated_rows(queryset):
    """How many rows the database's planner expects ``queryset`` to hold (no rows are read)."""
    plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


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


def listing_changed():
    """Forget every cached facet count (a publication, or what its text matches, changed),
    and fold the facet totals' changes once the change is committed."""
    from django.core.cache import cache

    from library.facets import compact_totals, on_totals

    cache.set(GENERATION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: on_totals(compact_totals))


def _cached_counts(connection, sql, params, count):
    """Count (``count()``) the facets of the query ``sql``, or reuse the answer while no
    publication has changed since.

    Counting a large result set (the unfiltered library) reads every row of it, so the
    answer is cached per query text and parameters (which include the reader's audiences and
    language, the text query and the theme tree); saving or deleting a publication, or
    extracting its files' text, moves the generation on. Counts are keyed by term, so a
    renamed term needs nothing; a deleted one is no longer listed.
    """
    from django.core.cache import cache

    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
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
    from library.models import PublicationPage
    from search.es_library import run_library_search

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
    one request); everything else, and every query when it is down, is answered in SQL.
    """
    engine = _elasticsearch_page(query, user, locale, per_page) if query.q else None
    if engine is not None:
        page_obj, facets, taxonomy = engine
        paginator = page_obj.paginator
    else:
        qs, taxonomy, ranked = _filtered(query, user, locale)
        facets = facet_counts(qs, query, taxonomy, lambda: whole_listing(query, user, locale))
        # Every publication has a year, so the year facet already counted the results:
        # the paginator need not run its own COUNT.
        total = sum(n for _year, n in facets["year"])
        rows = (
            qs.select_related("document_type", "locale")
            .prefetch_related("organisations", "languages")
            .defer(*UNLISTED_COLUMNS)
        )
        if ranked is not None:
            rows = RankedRows(rows, ranked, total)
        else:
            rows = rows.order_by(*ORDERS.get(query.sort, NEWEST))
        paginator = Paginator(rows, max(per_page, 1))
        paginator.__dict__["count"] = total
        try:
            page_obj = paginator.page(query.page)
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
    active = []
    for name in MULTI_FILTERS:
        terms = taxonomy.terms(name)
        for slug in getattr(query, name):
            term = terms.get(slug.lower())
            if term is not None:
                active.append({"label": term_label(term), "remove": query.toggle(name, slug)})
    if query.year_from or query.year_to:
        active.append(
            {
                "label": f"{query.year_from or '…'}–{query.year_to or '…'}",
                "remove": query.urlencode(year_from="", year_to=""),
            }
        )
    if query.q:
        active.append({"label": f"“{query.q}”", "remove": query.urlencode(q="")})
    return {
        "query": query,
        "results": page_obj,
        "result_count": paginator.count,
        "facets": facets,
        "active_filters": active,
        "sorts": [(k, v) for k, v in SORTS.items() if k != "relevance" or query.q],
        "query_string": query.urlencode(),
    }
