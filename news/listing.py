"""The articles the news pages list, each list built in one place and filtered by the access
policy: the index's screen and its filters, the feed's items and the home page's latest."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F
from wagtail.models import Page

from portal.access import public_pages, visible_pages
from portal.i18n import localized_pages
from portal.labels import term_label
from portal.models import Region, Theme
from portal.params import MAX_PAGE, int_param, text_param
from portal.reader_urls import annotate

from .models import NewsArticlePage

# Filter name: (the article's relation, the term model, the term's key in URLs).
FILTERS = {"theme": ("themes", Theme, "slug"), "region": ("regions", Region, "slug")}


@dataclass
class NewsFilters:
    """The filters of a news listing (``?theme=<slug>&region=<slug>``), one term each."""

    theme: str = ""
    region: str = ""

    @classmethod
    def from_params(cls, params):
        """The filters of a query string (unknown or malformed values are dropped)."""
        return cls(**{name: text_param(params, name, max_length=160) for name in FILTERS})

    def params(self, **changes):
        """The filters as query parameters, with ``changes`` applied (an empty value drops one)."""
        values = {name: getattr(self, name) for name in FILTERS} | changes
        return {name: value for name, value in values.items() if value}

    def urlencode(self, **changes):
        """The filters as a query string, with ``changes`` applied."""
        return urlencode(self.params(**changes))

    def apply(self, queryset, leave_out=None):
        """``queryset`` cut down to the articles filed under every chosen term (but
        ``leave_out``'s)."""
        for name, (relation, _model, key) in FILTERS.items():
            value = getattr(self, name)
            if value and name != leave_out:
                # Articles point at source-language terms: one term has the slug, one join.
                queryset = queryset.filter(**{f"{relation}__{key}": value})
        return queryset


def visible_articles(user, locale):
    """Live articles of ``locale`` that ``user`` may read."""
    queryset = public_pages(NewsArticlePage.objects.live()).filter(locale=locale)
    return visible_pages(queryset, user)


def newest_first(queryset):
    """``queryset`` newest first: by date, then by first publication."""
    return queryset.order_by(F("date").desc(nulls_last=True), "-first_published_at", "-pk")


def for_listing(queryset):
    """``queryset`` with what a listed article shows loaded in bulk: its image and the image's
    renditions, its themes and regions (a constant number of queries per screen)."""
    return queryset.select_related("image").prefetch_related(
        "image__renditions", "themes", "regions"
    )


def facets(queryset, filters):
    """Each filter's terms with the number of articles under each, counted among the articles
    the other filters leave: ``{"theme": [{"key", "label", "count", "selected", "query"}]}``."""
    result = {}
    for name, (relation, model, key) in FILTERS.items():
        rows = (
            filters.apply(queryset, leave_out=name)
            .order_by()
            .values(relation)
            .annotate(count=Count("pk"))
            .values_list(relation, "count")
        )
        counts = {pk: count for pk, count in rows if pk is not None}
        chosen = getattr(filters, name)
        items = []
        for term in model.objects.filter(pk__in=counts):
            term_key = getattr(term, key)
            selected = term_key == chosen
            items.append(
                {
                    "key": term_key,
                    "label": term_label(term),
                    "count": counts[term.pk],
                    "selected": selected,
                    "query": filters.urlencode(**{name: "" if selected else term_key}),
                }
            )
        result[name] = sorted(items, key=lambda item: item["label"].casefold())
    return result


def index_context(index_page, request):
    """The news index's context: one screen of the filtered articles newest first, the filters'
    terms with counts, and the query string of the filters (for the pages and the feed)."""
    filters = NewsFilters.from_params(request.GET)
    articles = visible_articles(request.user, index_page.locale)
    paginator = Paginator(
        for_listing(newest_first(filters.apply(articles))), max(index_page.per_page, 1)
    )
    try:
        page_obj = paginator.page(int_param(request.GET, "page", 1, 1, MAX_PAGE))
    except (EmptyPage, PageNotAnInteger):
        page_obj = paginator.page(1)
    annotate(page_obj.object_list, index_page.locale.language_code)
    return {
        "articles": page_obj,
        "facets": facets(articles, filters),
        "filters": filters,
        "query_string": filters.urlencode(),
    }


def latest_articles(user, locale, count=3):
    """The ``count`` newest articles of ``locale`` that ``user`` may read."""
    return list(newest_first(visible_articles(user, locale))[:count])


def related_pages(article, user):
    """The related pages of ``article`` that ``user`` may read, each in the reader's language
    where it is translated, in the editor's order."""
    ids = [link.related_page_id for link in article.related_pages.all()]
    readable = visible_pages(public_pages(Page.objects.live()).filter(pk__in=ids), user)
    by_id = {page.pk: page for page in readable.specific()}
    pages = localized_pages([by_id[pk] for pk in ids if pk in by_id])
    # A translation is a page of its own: ask the policy again.
    allowed = set(
        visible_pages(Page.objects.filter(pk__in=[p.pk for p in pages]), user).values_list(
            "pk", flat=True
        )
    )
    return [page for page in pages if page.pk in allowed]
