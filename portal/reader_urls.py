"""The URL of a page for a reader: one rule for pages, listings, feeds, emails, calendars,
the sitemap and the API.

A page has one URL per language it is translated into. A reader of language L gets the
page's live translation in L where there is one, else the page's path under L's prefix
(``/es/<path of the source page>``), which :func:`portal.i18n.serve` answers with the source
page marked as a fallback: the reader keeps their interface language and never meets a 404.

Paths are worked out from ``url_path`` (the first segment is the locale's home page, which
the language prefix replaces), so a listing pays no query per item. Absolute URLs start
with ``BASE_URL`` (``settings.WAGTAILADMIN_BASE_URL``), never with the host of a request:
an email, a feed or an API answer names the portal's public address wherever it runs.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from portal.locales import default_locale, locale_for, locales_by_code


def absolute_url(path):
    """``path`` below the portal's public address (``BASE_URL``); full URLs unchanged."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def request_locale(request, language):
    """The ``Locale`` of ``language`` or ``None``: every locale read once per request
    (``portal.locales``), and kept on ``request`` too (a request a test made)."""
    if request is None:
        return locale_for(language)
    locales = getattr(request, "portal_locales", None)
    if locales is None:
        locales = request.portal_locales = locales_by_code()
    return locales.get(language) or locale_for(language)


def reader_path(page, language=None, *, translate=True, request=None):
    """The path of ``page`` for a reader of ``language`` (the active language by default).

    With ``translate`` the page's live translation in that language is looked up (one query
    when ``page`` is in another language); callers holding the reader's translations
    already (listings after :func:`portal.i18n.localized_pages`) pass ``translate=False``.
    ``request`` is accepted for the templates that pass it (the locales are read once per
    request whoever asks, ``portal.locales``).
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if translate:
        locale = request_locale(request, language)
        if locale is not None and page.locale_id != locale.pk:
            translated = page.get_translation_or_none(locale)
            if (
                translated is not None
                and translated.live
                and not getattr(translated, "alias_of_id", None)
            ):
                page = translated
    parts = page.url_path.strip("/").split("/", 1)
    relative = parts[1] + "/" if len(parts) > 1 else ""
    return f"/{language}/{relative}"


def reader_url(page, language=None, *, translate=True, suffix=""):
    """The absolute URL of ``page`` (and ``suffix``, a routable sub-path such as
    ``announcements/4/``) for a reader of ``language``: see :func:`reader_path`."""
    return absolute_url(reader_path(page, language, translate=translate) + suffix)


def page_at(address):
    """The live page a reader's address of the portal names, or ``None``: the inverse of
    :func:`reader_path`, for forms where people paste a link (``/es/noticias/x/``, or the
    full address under ``BASE_URL``). A fallback path (a source page under another
    language's prefix) names the source page; another site's address, a sub-route of a
    page and an unknown language name nothing."""
    parts = urlsplit((address or "").strip())
    if parts.scheme not in ("", "http", "https") or (
        parts.netloc and parts.netloc != urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    ):
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    languages = {code for code, _name in settings.LANGUAGES}
    if not segments or segments[0] not in languages:
        return None
    locale = locale_for(segments[0])
    if locale is None:
        return None
    relative = "".join(f"{segment}/" for segment in segments[1:])
    # The locale's home page is at depth 2 (below the root); its slug is not in the path.
    pages = Page.objects.live().filter(depth=2 + len(segments) - 1)
    if relative:
        pages = pages.filter(url_path__endswith="/" + relative)
    for candidate in (locale, default_locale()):
        page = pages.filter(locale=candidate).first()
        if page is not None:
            return page.specific
    return None


def annotate(pages, language=None):
    """Set ``reader_url`` (a path) on each of ``pages``, which are the reader's
    translations already: templates link with ``{% firstof page.reader_url page.url %}``."""
    for page in pages:
        page.reader_url = reader_path(page, language, translate=False)
    return pages
