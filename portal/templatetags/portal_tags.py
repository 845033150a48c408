"""Template tags for the layout: menus, language switcher, hreflang, localized links."""

import nh3
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal import backlinks, following, i18n, menus, saved_searches, sharing
from portal.i18n import locale_codes
from portal.labels import term_label as taxonomy_term_label
from portal.locales import active_locale
from portal.reader_urls import absolute_url, reader_path
from portal.time_zones import zone_city as time_zone_city

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's entries for the current page or view."""
    return i18n.language_links(context["request"], _context_page(context))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """The current page's hreflang alternates (none outside a page)."""
    page = _context_page(context)
    if page is None:
        return []
    return i18n.alternate_links(context["request"], page)


@register.simple_tag
def navigation_menu(slot):
    """The menu of ``slot`` in the active language, resolved and kept (``portal.menus``)."""
    return menus.menu_for(slot)


@register.simple_tag(takes_context=True)
def link_url(context, value):
    """URL of a LinkBlock value, following the reader's language for portal pages."""
    return menus.link(value, context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE)["href"]


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """The page's path under the reader's language prefix."""
    return reader_path(page, context.get("LANGUAGE_CODE"), request=context.get("request"))


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page's path in the reader's language."""
    code = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    return f"/{code}/"


@register.filter
def zone_city(zone_name):
    """``America/Sao_Paulo`` as the reader names it (``São Paulo``), in the active language."""
    return time_zone_city(zone_name)


@register.filter
def term_label(term):
    """The label of a taxonomy term in the active language (its translation if it has one)."""
    return taxonomy_term_label(term)


def _context_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def is_fallback(context):
    """True when the page is shown in its source language because no translation exists."""
    request = context.get("request")
    page = _context_page(context)
    if page is None or request is None:
        return False
    return getattr(request, "translation_fallback", False) or bool(_other_language(context))


def _other_language(context):
    """The language of the context page's text when it is not the reader's, else ""."""
    page = _context_page(context)
    request = context.get("request")
    if page is None or request is None:
        return ""
    code = i18n.content_language(request, page)
    if not code or code == (context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE):
        return ""
    return code


@register.simple_tag(takes_context=True)
def page_lang(context):
    """` lang="en"` on the elements holding a page's own text when the page is shown in
    another language's interface (a fallback): screen readers then pronounce it right."""
    code = _other_language(context)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag(takes_context=True)
def item_language(context, item):
    """The language of a listed item's text when it differs from the reader's, else ""."""
    code = i18n.content_language(context.get("request"), item)
    if code and code != (context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE):
        return code
    return ""


@register.inclusion_tag("portal/includes/language_tag.html", takes_context=True)
def language_tag(context, item):
    """A visible tag naming the language of a listed item written in another language."""
    return {"code": item_language(context, item)}


@register.inclusion_tag("portal/includes/sharing_meta.html", takes_context=True)
def sharing_meta(context):
    """Canonical link, description, Open Graph and Twitter card tags (``portal.sharing``).

    A fallback page (shown in its source language under another language's URL) names its
    source page as canonical and is not indexed a second time."""
    page = _context_page(context)
    request = context.get("request")
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    site_name = sharing.site_name()
    if page is not None:
        page_language = locale_codes(request).get(page.locale_id, language)
        canonical = sharing.canonical_url(page, page_language)
        title = page.seo_title or page.title
        fallback = request is not None and is_fallback(context)
    else:
        page_language = language
        canonical = absolute_url(request.path if request is not None else "/")
        title, fallback = site_name, False
    image_url, width, height, alt = sharing.image(page)
    return {
        "canonical": canonical,
        "noindex": fallback,
        "title": title,
        "description": sharing.description(page) if page is not None else "",
        "site_name": site_name,
        "og_type": "website" if page is None or page.depth <= 2 else "article",
        "og_locale": sharing.og_locale(page_language),
        "og_alternates": [
            sharing.og_locale(code) for code, _name in settings.LANGUAGES if code != page_language
        ],
        "image_url": image_url,
        "image_width": width,
        "image_height": height,
        "image_alt": alt,
    }


@register.filter(is_safe=True)
def squash(text):
    """``text`` on one line, runs of white space made one space (page titles)."""
    return " ".join(str(text).split())


@register.filter
def marked_only(html):
    """A search engine's highlight (``<mark>`` around the matched words) as safe markup:
    every other tag is dropped and the text stays escaped."""
    return mark_safe(nh3.clean(str(html or ""), tags={"mark"}, attributes={}))


@register.inclusion_tag("portal/includes/page_backlinks.html", takes_context=True)
def page_backlinks(context, page):
    """The sections of pages that link to ``page`` (``portal.backlinks``), each a heading
    and the links the reader may follow."""
    return {"sections": backlinks.page_backlinks(context["request"], page)}


@register.inclusion_tag("portal/includes/follow_button.html", takes_context=True)
def follow_button(context, kind_name, obj, title=""):
    """A button to follow ``obj`` (of the registered kind ``kind_name``) or stop, a form
    that works without JavaScript; a link to log in for anonymous readers."""
    kind = following.kinds()[kind_name]
    key = kind.key_of(obj)
    user = context["request"].user
    return {
        "request": context["request"],
        "user": user,
        "kind": kind_name,
        "key": key,
        "title": title or str(obj),
        "following": following.is_following(user, kind_name, key),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def machine_time(value):
    """A ``<time datetime>`` value: ISO 8601 to the second (HTML allows no microseconds)."""
    return value.isoformat(timespec="seconds") if value else ""


@register.inclusion_tag("portal/includes/save_search_button.html", takes_context=True)
def save_search_button(context, scope_name, params):
    """A button to save the search whose results the page shows (``params``: its query
    string), or a link to it among the member's saved searches; a link to log in for
    anonymous readers. Nothing when there is nothing to save."""
    request = context["request"]
    scope = saved_searches.scopes()[scope_name]
    normalised = scope.normalise(saved_searches.query_dict(params))
    language = active_locale().language_code
    return {
        "request": request,
        "user": request.user,
        "scope": scope_name,
        "params": normalised,
        "saved": saved_searches.is_saved(request.user, scope_name, normalised, language),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("portal/includes/chart.html")
def chart(chart):
    """An SVG chart with its numbers in a table beside it (``portal.charts.Chart``)."""
    return {"chart": chart}
