"""Template tags of the library."""

from django import template

register = template.Library()


@register.simple_tag
def reader_url(page):
    """The page's URL under the reader's language prefix (see ``models.reader_path``)."""
    from library.models import reader_path

    return reader_path(page)
