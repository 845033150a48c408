"""What search engines and link previews read of a page: its canonical address, a
description, and the Open Graph and Twitter card tags with an image.

Every page shows one canonical URL (its own address in its language at ``BASE_URL``; a
fallback, shown in its source language under another language's URL, names its source
page). The description is the page's search description, else its introduction or
summary; the image is the page's own (``social_image_field``) where it has one, else the
portal's card.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext

from portal.reader_urls import absolute_url, reader_url
from portal.text import plain

DESCRIPTION_LENGTH = 200
# Open Graph locales (language_TERRITORY): most Spanish-speaking readers are in Latin America.
OG_LOCALES = {"en": "en_US", "es": "es_LA", "fr": "fr_FR"}
DEFAULT_IMAGE = "portal/img/social-card.png"
DEFAULT_IMAGE_SIZE = (1200, 630)


def site_name():
    """The portal's name (``SITE_NAME``) in the active language, where the catalogues know
    it (they know the default name)."""
    return gettext(settings.WAGTAIL_SITE_NAME)


def description(page):
    """A sentence or two about ``page``, as plain text, for ``<meta name="description">``."""
    for name in ("search_description", "introduction", "listing_summary", "abstract", "bio"):
        if text := plain(getattr(page, name, ""), DESCRIPTION_LENGTH):
            return text
    return ""


def canonical_url(page, language):
    """The page's own absolute address in ``language`` (its locale's)."""
    return reader_url(page, language, translate=False)


def image(page):
    """(absolute URL, width, height, alt) of the preview image."""
    field = getattr(page, "social_image_field", None) if page is not None else None
    picture = getattr(page, field, None) if field else None
    if picture is not None:
        rendition = picture.get_rendition("fill-1200x630")
        return absolute_url(rendition.url), rendition.width, rendition.height, picture.title
    width, height = DEFAULT_IMAGE_SIZE
    return absolute_url(static(DEFAULT_IMAGE)), width, height, site_name()


def og_locale(language):
    """The Open Graph locale of a language (``es`` is ``es_LA``)."""
    return OG_LOCALES.get(language, language)
