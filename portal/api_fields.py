"""Serializer fields the page types use in their ``api_fields`` (Wagtail API v2): taxonomy
terms with their labels in the reader's language, lists written one item a line, rich text
as HTML, and absolute URLs at ``BASE_URL``.

Kept apart from :mod:`portal.api` (the endpoints, which ask the access policy) so that
models can declare their fields without importing the views.
"""

from django.utils.translation import get_language
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from portal.labels import term_label
from portal.reader_urls import absolute_url


def term_key(term):
    """What identifies a term in the API and its filters: a slug, or a country's ISO code."""
    for name in ("slug", "iso_code", "code"):
        if getattr(term, name, None):
            return getattr(term, name)
    return str(term.pk)


def term_data(term):
    """A term as the API gives it, ``{"key": …, "name": …}`` in the active language, or None."""
    if term is None:
        return None
    return {"key": term_key(term), "name": term_label(term, get_language())}


class TermField(serializers.Field):
    """A relation to one taxonomy term: ``{"key": …, "name": …}`` or null."""

    def to_representation(self, value):
        """The term's key and label."""
        return term_data(value)


class TermsField(serializers.Field):
    """A many-to-many relation to taxonomy terms, sorted by their label."""

    def to_representation(self, value):
        """The terms' keys and labels, sorted by label."""
        terms = [term_data(term) for term in value.all()]
        return sorted(terms, key=lambda term: term["name"].casefold())


class LinesField(serializers.Field):
    """Text written one item a line (authors): a list of strings."""

    def to_representation(self, value):
        """The non-blank lines, stripped."""
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class RichTextHTMLField(serializers.Field):
    """Rich text as the HTML readers see (links to pages and documents expanded)."""

    def to_representation(self, value):
        """The rich text with its page and document links expanded."""
        return expand_db_html(str(value)) if value else ""


class AbsoluteURLField(serializers.Field):
    """A path of the portal as an absolute URL at ``BASE_URL``."""

    def to_representation(self, value):
        """The path at ``BASE_URL`` (None if empty)."""
        return absolute_url(value) if value else None


class PageSummaryField(serializers.Field):
    """A related page (a session's series): its id and title, or null."""

    def to_representation(self, value):
        """The page's id and title (None if there is no page)."""
        return {"id": value.pk, "title": value.title} if value is not None else None
