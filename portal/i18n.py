"""Language switching and fallbacks for pages that are not translated yet.

A page has one URL per language it is translated into. Where a translation is missing, the
reader still gets a URL under their language prefix (``/es/<path of the source page>``):
:func:`serve` finds no Spanish page there, serves the source page instead and the template
shows a notice. The reader keeps the Spanish interface and never meets a 404.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from portal.locales import active_locale
from portal.locales import locale_codes as site_locale_codes
from portal.reader_urls import reader_path, reader_url


def language_links(request, page=None):
    """Entries for the language switcher: the same page (or view) in every language, with
    the reader's sub-page (a routable page's section), filters, search terms and page
    number kept."""
    current = translation.get_language()
    query = request.META.get("QUERY_STRING", "")
    suffix = _routed_suffix(request, page) if page is not None else ""
    translations = page_translations(request, page) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            other = translations.get(code)
            translated = other is not None
            shown = other if translated and other.live and not other.alias_of_id else page
            url = reader_path(shown, code, translate=False)
            if url:
                url = url + suffix + (f"?{query}" if query else "")
        else:
            url = translate_url(request.get_full_path(), code)
            translated = True
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or f"/{code}/",
                "current": code == current,
                "translated": translated,
            }
        )
    return links


def _routed_suffix(request, page):
    """What follows ``page``'s own URL in the request's path (``discussions/12/`` of a
    community's thread), so that the switcher leads to the same section in another
    language."""
    own = reader_path(page)
    path = request.path
    own_path = urlsplit(own).path
    if own_path and path.startswith(own_path):
        return path[len(own_path) :]
    return ""


def localized_pages(pages, locale=None):
    """Each of ``pages`` as its live translation in ``locale`` (the active one by default)
    where there is one, else the page itself, in the same order and specific: what a page
    links to (a webinar's community, its related pages) reads in the reader's language. One
    query for the translations, one per page type for their specific rows."""
    pages = [page for page in pages if page is not None]
    locale = locale or active_locale()
    wanted = {page.translation_key for page in pages if page.locale_id != locale.pk}
    found = {}
    if wanted:
        translations = Page.objects.live().filter(translation_key__in=wanted, locale=locale)
        found = {page.translation_key: page for page in translations.specific()}
    return [
        page.specific if page.locale_id == locale.pk else found.get(page.translation_key, page)
        for page in pages
    ]


def localized_page(page, locale=None):
    """One page in the reader's language (see :func:`localized_pages`), or None."""
    return localized_pages([page], locale)[0] if page is not None else None


def locale_codes(request):
    """{locale pk: language code}, read once per request (listings mark items with their
    language without a query per item), kept on ``request`` too (a request a test made)."""
    if request is None:
        return site_locale_codes()
    codes = getattr(request, "portal_locale_codes", None)
    if codes is None:
        codes = request.portal_locale_codes = site_locale_codes()
    return codes


def content_language(request, item):
    """The language an item's text is written in (a page's or translatable item's locale),
    or None for items without one."""
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return None
    return locale_codes(request).get(locale_id)


def page_translations(request, page):
    """{language code: page} of ``page`` and all its translations, live or not, read in one
    query once per request and page (the language switcher and hreflang both ask)."""
    kept = request.__dict__.setdefault("portal_translations", {})
    if page.translation_key not in kept:
        codes = site_locale_codes()
        rows = Page.objects.filter(translation_key=page.translation_key).only(
            "locale_id", "url_path", "live", "alias_of_id", "translation_key"
        )
        kept[page.translation_key] = {codes.get(row.locale_id): row for row in rows}
    return kept[page.translation_key]


def alternate_links(request, page):
    """hreflang alternates: only real translations that are live, at ``BASE_URL``."""
    links = []
    for code, other in sorted(page_translations(request, page).items(), key=_language_order):
        if other.live:
            links.append({"code": code, "url": reader_url(other, code, translate=False)})
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    if default:
        links.append({"code": "x-default", "url": default["url"]})
    return links


def _language_order(item):
    codes = [code for code, _name in settings.LANGUAGES]
    return codes.index(item[0]) if item[0] in codes else len(codes)


def serve(request, path):
    """Wagtail's page serving, with the source-language page as fallback instead of a 404."""
    try:
        return wagtail_serve(request, path)
    except Http404:
        page, args, kwargs = _find_fallback(request, path)
        if page is None:
            raise
    request.translation_fallback = True
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if result is not None:
            return result
    return page.serve(request, *args, **kwargs)


def _find_fallback(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None, None, None
    components = [c for c in path.split("/") if c]
    active = active_locale()
    roots = (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .exclude(locale=active)
        .select_related("locale")
    )
    # The default language first: it is the source of most content.
    roots = sorted(roots, key=lambda r: r.locale.language_code != settings.LANGUAGE_CODE)
    for root in roots:
        try:
            page, args, kwargs = root.specific.route(request, components)
        except Http404:
            continue
        return page, args, kwargs
    return None, None, None
