"""Template tags of the library."""

from django import template

from library.models import organisation_profiles
from portal.labels import term_label
from portal.reader_urls import reader_path

register = template.Library()


@register.simple_tag
def reader_url(page):
    """The URL of a listed page (the reader's translation already) under the reader's
    language prefix: ``portal.reader_urls.reader_path``."""
    return reader_path(page, translate=False)


@register.simple_tag
def organisation_profiles_of(*lists):
    """The profiles of the organisations of several lists (a page's sponsors and partners),
    in one query, for their ``organisation_links`` (``profiles=``)."""
    return organisation_profiles([row for rows in lists if rows for row in rows])


@register.inclusion_tag("library/includes/organisation_links.html")
def organisation_links(organisations, listing_url="", profiles=None):
    """``organisations`` (taxonomy rows) in the reader's language, each linked to its profile
    page when it has one (else to ``listing_url`` filtered by it, when given): the profiles
    of them all in one query, or from ``profiles`` (``organisation_profiles`` of a page's
    several lists of organisations, read together)."""
    rows = list(organisations)
    found = organisation_profiles(rows) if profiles is None else profiles
    return {
        "links": [
            {
                "label": term_label(row),
                "acronym": row.acronym,
                "url": _profile_path(found.get(row.pk))
                or (f"{listing_url}?organisation={row.slug}" if listing_url else ""),
            }
            for row in rows
        ]
    }


def _profile_path(page):
    # The profile in the reader's language, else in the language it was written in.
    return reader_path(page, page.locale.language_code, translate=False) if page else ""
