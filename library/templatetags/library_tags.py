"""Template tags of the library."""

from django import template

from portal.reader_urls import reader_path

register = template.Library()


@register.simple_tag
def reader_url(page):
    """The URL of a listed page (the reader's translation already) under the reader's
    language prefix: ``portal.reader_urls.reader_path``."""
    return reader_path(page, translate=False)
