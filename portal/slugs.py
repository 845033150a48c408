"""The slug of a page the portal creates outside the admin (member submissions, community
pages): one rule, Wagtail's.

Slugs keep the title's own letters ("protección-social", not "proteccion-social") where
Wagtail allows Unicode slugs (``WAGTAIL_ALLOW_UNICODE_SLUGS``, on by default), as the admin's
slug field does, and are made unique among the page's siblings by Wagtail's
``find_available_slug`` ("informe", "informe-1", ...).
"""

from django.conf import settings
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

# Long enough for a title's first words, short enough for a readable address.
MAX_LENGTH = 80


def slug_for(title, fallback):
    """The slug a page titled ``title`` gets, cut at a whole word within ``MAX_LENGTH``
    characters (``fallback`` when the title has no letter or digit a slug can keep). Also
    what a translation's slug segment is given (wagtail-localize makes it free)."""
    allow_unicode = settings.WAGTAIL_ALLOW_UNICODE_SLUGS
    slug = slugify(title, allow_unicode=allow_unicode)
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH + 1].rsplit("-", 1)[0]
    return slug.strip("-") or fallback


def page_slug(parent, title, fallback):
    """A free slug under ``parent`` for a page titled ``title``."""
    return find_available_slug(parent, slug_for(title, fallback))
