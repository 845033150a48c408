"""The programmes the programme pages list, each list built in one place and filtered by the
access policy: the index's screen with its facets, a country's page, a comparison, a
programme's related pages and the backlinks on the pages programmes point to.

Programmes point at source-language terms and organisations, so every filter is one join on
one row and every count is the same in every language; labels come from
``portal.labels.term_label``. Facets are counted among the programmes the reader may see, so
a members-only programme is absent from counts as it is from results.
"""

from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from community_pages.models import CommunityPage
from library.listing import base_queryset as publications_queryset
from library.models import Organisation, PublicationPage
from portal.access import public_pages, visible_pages
from portal.i18n import localized_pages
from portal.labels import term_label
from portal.locales import active_locale
from portal.models import Country, Region
from portal.params import MAX_PAGE, int_param, text_param
from portal.reader_urls import annotate, reader_path
from webinars.models import WebinarSeriesPage

from .models import ProgrammePage, ProgrammeRelatedPage, ProgrammeType, TargetGroup

# Facet name: (the programme's relation, the term model, the term's key in URLs).
TERM_FACETS = {
    "country": ("countries", Country, "iso_code"),
    "region": ("regions", Region, "slug"),
    "type": ("programme_type", ProgrammeType, "slug"),
    "target": ("target_groups", TargetGroup, "slug"),
}
INSTITUTION_RELATIONS = ("implementing_institutions", "funding_institutions")
STATUSES = {"ongoing": _("Ongoing"), "ended": _("Ended")}
# Related pages of a programme, by kind: (model, heading), in the order a profile shows them.
RELATED_KINDS = [
    ("publications", PublicationPage, _("Publications")),
    ("webinars", WebinarSeriesPage, _("Webinar series")),
    ("communities", CommunityPage, _("Communities")),
]


def term_key(term, key):
    """A term's value in URLs: its slug, or a country's ISO code in lower case."""
    value = getattr(term, key)
    return value.lower() if key == "iso_code" else value


@dataclass
class ProgrammeFilters:
    """The filters of the programme listing, one value each, combinable:
    ``?q=&country=br&region=&type=&target=&institution=&status=ongoing``."""

    q: str = ""
    country: str = ""
    region: str = ""
    type: str = ""
    target: str = ""
    institution: str = ""
    status: str = ""

    @classmethod
    def from_params(cls, params):
        """The filters of a query string (unknown or malformed values are dropped)."""
        values = {f.name: text_param(params, f.name, max_length=160) for f in fields(cls)}
        values["country"] = values["country"].lower()
        if values["status"] not in STATUSES:
            values["status"] = ""
        return cls(**values)

    def params(self, **changes):
        """The filters as query parameters, with ``changes`` applied (an empty value drops one)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)} | changes
        return {name: value for name, value in values.items() if value}

    def urlencode(self, **changes):
        """The filters as a query string, with ``changes`` applied."""
        return urlencode(self.params(**changes))

    def apply(self, queryset, leave_out=None):
        """``queryset`` cut down to the programmes matching every filter but ``leave_out``."""
        for name, (relation, _model, key) in TERM_FACETS.items():
            value = getattr(self, name)
            if value and name != leave_out:
                lookup = "iexact" if key == "iso_code" else "exact"
                queryset = queryset.filter(**{f"{relation}__{key}__{lookup}": value})
        if self.institution and leave_out != "institution":
            either = Q()
            for relation in INSTITUTION_RELATIONS:
                either |= Q(**{f"{relation}__slug": self.institution})
            queryset = queryset.filter(pk__in=ProgrammePage.objects.filter(either).values("pk"))
        if self.status and leave_out != "status":
            queryset = queryset.filter(year_ended__isnull=self.status == "ongoing")
        if self.q and leave_out != "q":
            queryset = queryset.filter(Q(title__icontains=self.q) | Q(acronym__icontains=self.q))
        return queryset


def visible_programmes(user, locale):
    """Live programmes of ``locale`` that ``user`` may read."""
    queryset = public_pages(ProgrammePage.objects.live()).filter(locale=locale)
    return visible_pages(queryset, user)


def for_listing(queryset):
    """``queryset`` by name with what a listed programme shows loaded in bulk: its type,
    countries and target groups (a constant number of queries per screen)."""
    return (
        queryset.order_by("title", "pk")
        .select_related("programme_type")
        .prefetch_related("countries", "target_groups")
    )


def _facet_items(name, counts, terms, chosen, filters):
    items = []
    for term_id, count in counts.items():
        term, key = terms[term_id]
        selected = key == chosen
        items.append(
            {
                "key": key,
                "label": term_label(term),
                "count": count,
                "selected": selected,
                "query": filters.urlencode(**{name: "" if selected else key}),
            }
        )
    return sorted(items, key=lambda item: item["label"].casefold())


def facets(queryset, filters):
    """Each facet's values with the number of programmes under each, counted among the
    programmes the other filters leave: ``{"country": [{"key", "label", "count",
    "selected", "query"}], …}``. One query per facet (the terms with their counts),
    whatever the number of programmes."""
    result = {}
    for name, (relation, model, key) in TERM_FACETS.items():
        # The terms under the programmes the other filters leave, each counting them (the
        # filter before the count: only those programmes are counted).
        programmes = ProgrammePage._meta.get_field(relation).related_query_name()
        others = filters.apply(queryset, leave_out=name).order_by().values("pk")
        found = model.objects.filter(**{f"{programmes}__in": others}).annotate(
            count=Count(programmes, distinct=True)
        )
        counts = {term.pk: term.count for term in found}
        terms = {term.pk: (term, term_key(term, key)) for term in found}
        result[name] = _facet_items(name, counts, terms, getattr(filters, name), filters)

    # An institution counts a programme it runs or funds once.
    programmes_by_org = {}
    others = filters.apply(queryset, leave_out="institution").order_by()
    for relation in INSTITUTION_RELATIONS:
        for programme_id, org_id in others.values_list("pk", relation):
            if org_id is not None:
                programmes_by_org.setdefault(org_id, set()).add(programme_id)
    counts = {pk: len(ids) for pk, ids in programmes_by_org.items()}
    terms = {o.pk: (o, o.slug) for o in Organisation.objects.filter(pk__in=counts)}
    result["institution"] = _facet_items("institution", counts, terms, filters.institution, filters)

    totals = (
        filters.apply(queryset, leave_out="status")
        .order_by()
        .aggregate(
            ongoing=Count("pk", filter=Q(year_ended__isnull=True)),
            ended=Count("pk", filter=Q(year_ended__isnull=False)),
        )
    )
    result["status"] = [
        {
            "key": status,
            "label": str(label),
            "count": totals[status],
            "selected": filters.status == status,
            "query": filters.urlencode(status="" if filters.status == status else status),
        }
        for status, label in STATUSES.items()
        if totals[status]
    ]
    return result


def index_context(index_page, request):
    """The programme index's context: one screen of the filtered programmes by name, the
    facets with counts, the query string of the filters and the countries with programmes."""
    filters = ProgrammeFilters.from_params(request.GET)
    programmes = visible_programmes(request.user, index_page.locale)
    paginator = Paginator(for_listing(filters.apply(programmes)), max(index_page.per_page, 1))
    try:
        page_obj = paginator.page(int_param(request.GET, "page", 1, 1, MAX_PAGE))
    except (EmptyPage, PageNotAnInteger):
        page_obj = paginator.page(1)
    annotate(page_obj.object_list, index_page.locale.language_code)
    return {
        "programmes": page_obj,
        "facets": facets(programmes, filters),
        "filters": filters,
        "query_string": filters.urlencode(),
        "countries": countries_with_programmes(request.user, index_page.locale),
    }


def countries_with_programmes(user, locale):
    """The source-language countries the reader's visible programmes of ``locale`` run in,
    each with ``programme_count``, sorted by label in the active language."""
    countries = (
        Country.objects.filter(programmes__in=visible_programmes(user, locale))
        .annotate(programme_count=Count("programmes", distinct=True))
        .order_by()
    )
    return sorted(countries, key=lambda country: term_label(country).casefold())


def readable_pages(ids, user, locale=None):
    """The live pages of ``ids`` that ``user`` may read, each in the reader's language where
    it is translated (and that translation readable too), in the order of ``ids``.

    Their own types' fields are deferred: the lists show titles and links (the base page's
    fields), so no query per page type is made for them."""
    ids = list(dict.fromkeys(ids))
    readable = visible_pages(public_pages(Page.objects.live()).filter(pk__in=ids), user)
    by_id = {page.pk: page for page in readable.specific(defer=True)}
    pages = localized_pages([by_id[pk] for pk in ids if pk in by_id], locale)
    # A translation is a page of its own: ask the policy again about those put in place of
    # a page already allowed (none when the reader reads the pages' own language).
    translations = [page.pk for page in pages if page.pk not in by_id]
    allowed = set(by_id)
    if translations:
        allowed |= set(
            visible_pages(
                public_pages(Page.objects.live()).filter(pk__in=translations), user
            ).values_list("pk", flat=True)
        )
    return [page for page in pages if page.pk in allowed]


def group_related(pages):
    """``pages`` grouped by kind: ``[{"key", "title", "items"}]`` (empty kinds left out)."""
    sections = []
    for key, model, title in RELATED_KINDS:
        items = [page for page in pages if isinstance(page, model)]
        if items:
            sections.append({"key": key, "title": title, "items": items})
    return sections


def related_sections(programme, user):
    """The publications, webinar series and communities ``programme`` points to that
    ``user`` may read, by kind, in the reader's language and the editor's order."""
    ids = [link.related_page_id for link in programme.related_pages.all()]
    return group_related(readable_pages(ids, user))


def country_context(index_page, request, country):
    """What a country's page shows: its programmes, the library's publications on it, and
    the webinar series and communities its programmes link to, all that the reader may
    see; and every country with programmes, for the list of country pages."""
    user, locale = request.user, index_page.locale
    programmes = list(for_listing(visible_programmes(user, locale).filter(countries=country)))
    annotate(programmes, locale.language_code)
    publications = list(
        public_pages(publications_queryset(user, locale).live())
        .filter(countries=country)
        .order_by("-year", "title")[:20]
    )
    linked = ProgrammeRelatedPage.objects.filter(page__in=[p.pk for p in programmes])
    related = readable_pages(
        linked.order_by("page__title", "sort_order").values_list("related_page_id", flat=True),
        user,
        locale,
    )
    return {
        "country": country,
        "country_label": term_label(country),
        "programmes": programmes,
        "publications": publications,
        "webinar_series": [p for p in related if isinstance(p, WebinarSeriesPage)],
        "communities": [p for p in related if isinstance(p, CommunityPage)],
        "countries": countries_with_programmes(user, locale),
    }


def compared_programmes(user, locale, ids):
    """The programmes of ``ids`` the reader may see in ``locale``, in the order asked, with
    every field the comparison table shows loaded in bulk."""
    found = (
        visible_programmes(user, locale)
        .filter(pk__in=ids)
        .select_related("programme_type")
        .prefetch_related(
            "countries",
            "target_groups",
            "implementing_institutions",
            "funding_institutions",
            "coverage_figures",
        )
    )
    by_id = {programme.pk: programme for programme in found}
    programmes = [by_id[pk] for pk in ids if pk in by_id]
    annotate(programmes, locale.language_code)
    return programmes


def backlinks(request, page):
    """The programmes that link to ``page`` (any translation of it) the reader may see,
    each once, in the reader's language where translated: a ``portal_page_backlinks``
    section, or None for pages programmes do not link to."""
    page = page.specific if type(page) is Page else page
    if not isinstance(page, tuple(model for _key, model, _title in RELATED_KINDS)):
        return None
    linking = ProgrammeRelatedPage.objects.filter(
        related_page__translation_key=page.translation_key
    ).values("page_id")
    programmes = visible_pages(
        public_pages(ProgrammePage.objects.live()).filter(pk__in=linking), request.user
    ).only("pk", "title", "url_path", "locale_id", "translation_key")
    locale = active_locale()
    chosen = {}
    for programme in programmes.order_by("title", "pk"):
        current = chosen.get(programme.translation_key)
        # The reader's language first, then the source (the default language).
        if current is None or programme.locale_id == locale.pk:
            chosen[programme.translation_key] = programme
    code = locale.language_code
    items = [
        {"title": programme.title, "url": reader_path(programme, code, translate=False)}
        for programme in sorted(chosen.values(), key=lambda p: p.title.casefold())
    ]
    return {"title": _("Programmes"), "items": items}
