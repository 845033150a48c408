"""Library search on Elasticsearch: one request for results, facet counts and highlights.

``build_library_search`` returns an elasticsearch-dsl ``Search`` (tests assert its body);
``run_library_search`` sends it and returns ``None`` when the cluster fails, so the caller
answers from the database engine (``library.listing``) instead.

Facets count the current result set, as the database engine's listing does: the chosen
values of one facet are alternatives, different facets combine, and every count is taken
after all of them. A publication's document carries its themes' ancestors
(``PublicationPage.search_facets``), so a parent theme counts and filters its children.
"""

import re

from elasticsearch_dsl import Q, Search
from wagtail.search.backends import get_search_backend

from portal.access import search_filters
from search.backends import LANGUAGE_ANALYSIS
from search.backends.cluster import ES_ERRORS, cluster_resting, record_failure
from search.backends.elasticsearch import (
    FACET_NAMES,
    PortalElasticsearchMapping,
    cluster_answered,
    refresh_written,
)

FACET_SIZE = 200
HIGHLIGHT_FIELDS = ("title", "*introduction", "*abstract")


def _filter_column(mapping, model, name):
    for field in model.get_search_fields():
        if getattr(field, "field_name", None) == name and type(field).__name__ == "FilterField":
            return mapping.get_field_column_name(field)
    return None


def text_fields(languages):
    """The fields a library query searches: the sub-fields of ``languages`` (every language if
    none is given or known) and the folded catch-all field at half weight."""
    codes = [c for c in (languages or []) if c in LANGUAGE_ANALYSIS] or list(LANGUAGE_ANALYSIS)
    return [f"_all_text.{code}" for code in codes] + ["_all_text^0.5"]


def build_library_search(
    model,
    index,
    query,
    user,
    language=None,
    locale_id=None,
    filters=None,
    facets=FACET_NAMES,
    page=1,
    per_page=20,
    listed_in=None,
    year_from=None,
    year_to=None,
    sort="relevance",
):
    """The Elasticsearch request for a library listing (``model``: the publication model).

    ``listed_in``: the reader's language, keeping the one translation of each publication
    listed for it; ``sort``: relevance, newest, oldest or title.
    """
    mapping = PortalElasticsearchMapping(model)
    search = Search(index=index).extra(stored_fields=["pk"], track_total_hits=True)
    search = search.source(False)
    if query:
        # Read as the database engine reads it (``search.text.parse_query``): every word
        # required, "quoted words" a phrase, ``or`` between alternatives, ``-word`` excluded.
        search = search.query(
            "simple_query_string",
            query=_OR_RE.sub("|", query),
            fields=text_fields([language] if language else None),
            default_operator="and",
            flags="OR|NOT|PHRASE|WHITESPACE",
        )
    # Column names contain "__", which elasticsearch-dsl keyword arguments would turn into
    # dots: every clause on a column is written as a dict.
    search = search.filter(Q({"match": {"_django_content_type": mapping.get_content_type()}}))
    live = _filter_column(mapping, model, "live")
    if live:
        search = search.filter(Q({"term": {live: True}}))
    audiences = search_filters(user).get("audience__in")
    audience_column = _filter_column(mapping, model, "audience")
    if audiences is not None and audience_column:
        search = search.filter(Q({"terms": {audience_column: list(audiences)}}))
    locale_column = _filter_column(mapping, model, "locale_id") or _filter_column(
        mapping, model, "locale"
    )
    if locale_id and locale_column:
        search = search.filter(Q({"term": {locale_column: locale_id}}))

    if listed_in:
        search = search.filter(Q({"term": {"_facets.listed": listed_in}}))
    for name, values in (filters or {}).items():
        if values and name in FACET_NAMES:
            search = search.filter(Q({"terms": {f"_facets.{name}": [str(v) for v in values]}}))
    # Years are four digits, so keyword order is numeric order.
    years = {key: str(value) for key, value in (("gte", year_from), ("lte", year_to)) if value}
    if years:
        search = search.filter(Q({"range": {"_facets.year": years}}))
    for name in facets:
        search.aggs.bucket(name, "terms", field=f"_facets.{name}", size=FACET_SIZE)
    title = _filter_column(mapping, model, "title")
    # Ties are broken by id, so that a page of results is the same every time it is asked
    # and no publication falls between two pages.
    order = {
        "newest": [{"_facets.year": "desc"}, "_score"],
        "oldest": [{"_facets.year": "asc"}, "_score"],
        "title": [{title: "asc"}] if title else ["_score"],
    }.get(sort, ["_score"])
    search = search.sort(*order, {"pk": "desc"})
    search = search.highlight(*HIGHLIGHT_FIELDS, fragment_size=180, number_of_fragments=1)
    search = search.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False
    )
    start = (max(1, page) - 1) * per_page
    return search[start : start + per_page]


_OR_RE = re.compile(r"(?i)(?<!\S)or(?!\S)")


def run_library_search(model, query, user, language=None, **kwargs):
    """Send the library request; ``None`` when Elasticsearch is not the engine or fails.

    Returns ``{"ids", "total", "facets": {name: {key: count}}, "highlights": {pk: html}}``.
    """

    backend = get_search_backend()
    if not hasattr(backend, "es") or cluster_resting():
        return None
    index = backend.get_index_for_model(model).name
    search = build_library_search(model, index, query, user, language, **kwargs)
    try:
        refresh_written(backend)
        response = backend.es.search(index=index, **search.to_dict())
    except ES_ERRORS as error:
        record_failure(error)
        return None
    cluster_answered()
    hits = response["hits"]["hits"]
    ids = [int(hit["fields"]["pk"][0]) for hit in hits]
    highlights = {
        int(hit["fields"]["pk"][0]): " … ".join(
            fragment for fragments in hit.get("highlight", {}).values() for fragment in fragments
        )
        for hit in hits
        if hit.get("highlight")
    }
    aggregations = response.get("aggregations", {})
    facets = {
        name: {b["key"]: b["doc_count"] for b in agg["buckets"]}
        for name, agg in aggregations.items()
    }
    return {
        "ids": ids,
        "total": response["hits"]["total"]["value"],
        "facets": facets,
        "highlights": highlights,
    }
