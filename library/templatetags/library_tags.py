"""Template tags of the library."""

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.simple_tag
def reader_url(page):
    """The page's URL under the reader's language prefix, without a query.

    Listings put the reader's translation of a publication first, so a publication in
    another language has no translation in the reader's: its path under the reader's prefix
    is served by the portal's fallback (the original page, with a notice), and the reader
    keeps their interface language.
    """
    code = translation.get_language() or settings.LANGUAGE_CODE
    parts = page.url_path.strip("/").split("/", 1)
    relative = parts[1] + "/" if len(parts) > 1 else ""
    return f"/{code}/{relative}"
