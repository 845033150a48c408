"""The organisations directory and an organisation's profile, as a reader sees them.

A profile lists what links to its organisation: the library's publications here, and the
sections the apps above the library add through the ``library_organisation_sections`` hook
(webinar series as organiser or partner, programmes as implementing or funding institution,
events as organiser…). A hook is called as ``fn(request, profile)`` and returns ``None`` or a
section ``{"title", "items": [{"title", "url", "meta"}], "more_url", "more_label"}`` holding
only what the reader may see.
"""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail import hooks

from portal.access import public_pages, visible_pages
from portal.labels import term_label
from portal.models import Country
from portal.params import text_param
from portal.reader_urls import annotate, reader_path

from .models import ORGANISATION_KINDS, OrganisationPage, PublicationPage, library_url

SECTIONS_HOOK = "library_organisation_sections"
PUBLICATIONS_SHOWN = 8
KIND_LABELS = dict(ORGANISATION_KINDS)


def profiles(locale):
    """The live profiles of ``locale`` anyone may read, by name."""
    return (
        public_pages(OrganisationPage.objects.live())
        .filter(locale=locale)
        .select_related("organisation", "country", "logo")
        .order_by("title")
    )


def _filtered(queryset, kind, country, q, leave_out=None):
    if kind and leave_out != "kind":
        queryset = queryset.filter(kind=kind)
    if country and leave_out != "country":
        queryset = queryset.filter(country__iso_code__iexact=country)
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(organisation__acronym__icontains=q))
    return queryset


def _query(**params):
    return urlencode({name: value for name, value in params.items() if value})


def directory_context(index_page, request):
    """The directory's context: the profiles the filters keep (type, country, ``q``), each
    filter's values with their counts among the profiles the other filters keep."""
    kind = text_param(request.GET, "kind", max_length=30)
    kind = kind if kind in KIND_LABELS else ""
    country = text_param(request.GET, "country", max_length=3).lower()
    q = text_param(request.GET, "q", max_length=100)
    every = profiles(index_page.locale)
    kinds = []
    kind_counts = dict(
        _filtered(every, kind, country, q, leave_out="kind")
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
    )
    for key, label in ORGANISATION_KINDS:
        if kind_counts.get(key):
            selected = key == kind
            kinds.append(
                {
                    "key": key,
                    "label": label,
                    "count": kind_counts[key],
                    "selected": selected,
                    "query": _query(kind="" if selected else key, country=country, q=q),
                }
            )
    country_counts = dict(
        _filtered(every, kind, country, q, leave_out="country")
        .exclude(country=None)
        .order_by()
        .values_list("country")
        .annotate(n=Count("pk"))
    )
    countries = []
    for term in Country.objects.filter(pk__in=country_counts):
        key = term.iso_code.lower()
        selected = key == country
        countries.append(
            {
                "key": key,
                "label": term_label(term),
                "count": country_counts[term.pk],
                "selected": selected,
                "query": _query(kind=kind, country="" if selected else key, q=q),
            }
        )
    countries.sort(key=lambda item: item["label"].casefold())
    shown = annotate(list(_filtered(every, kind, country, q)), index_page.locale.language_code)
    return {
        "profiles": shown,
        "kinds": kinds,
        "countries": countries,
        "filters": {"kind": kind, "country": country, "q": q},
        "filtered": bool(kind or country or q),
        "kind_labels": KIND_LABELS,
    }


def publications(profile, user):
    """The publications of ``profile``'s organisation in its language ``user`` may read,
    newest first, and how many there are."""
    queryset = visible_pages(
        public_pages(PublicationPage.objects.live()).filter(
            locale_id=profile.locale_id, organisations=profile.organisation_id
        ),
        user,
    ).order_by("-year", "title")
    return list(queryset[:PUBLICATIONS_SHOWN]), queryset.count()


def publications_section(profile, request):
    """The profile's section of publications, linking to the library filtered by the
    organisation when there are more than it shows."""
    items, total = publications(profile, request.user)
    if not items:
        return None
    code = profile.locale.language_code
    return {
        "title": _("Publications"),
        "items": [
            {
                "title": page.title,
                "url": reader_path(page, code, translate=False),
                "meta": str(page.year),
            }
            for page in items
        ],
        "more_url": (
            f"{library_url(code)}?organisation={profile.organisation.slug}"
            if total > len(items)
            else ""
        ),
        "more_label": _("All %(count)s publications") % {"count": total},
    }


def profile_context(profile, request):
    """A profile's context: its kind's label and the sections of what links to it."""
    sections = [publications_section(profile, request)]
    sections.extend(fn(request, profile) for fn in hooks.get_hooks(SECTIONS_HOOK))
    return {
        "kind_label": KIND_LABELS.get(profile.kind, ""),
        "country_label": term_label(profile.country) if profile.country_id else "",
        "sections": [section for section in sections if section and section["items"]],
    }
