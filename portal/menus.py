"""The main navigation and the footer as every page shows them, kept in the cache per
language until content changes.

A menu's links point at pages in the reader's language, so resolving them costs a query
per link and its rich footer text more: on every page of the site, the same answer. Here a
menu is resolved once per language into plain labels and addresses (and the footer's HTML)
and kept under the site's content generation (``portal.generation``), which
any save or delete of content moves on: an editor's change to a menu, a page's title, slug,
move or translation shows at the next request.
"""

from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from portal.generation import generation
from portal.models import NavigationMenu
from portal.reader_urls import reader_path

KEEP_SECONDS = 24 * 3600  # an older generation's entries simply expire


def link(value, language):
    """``{"label", "href"}`` of a ``LinkBlock`` value for a reader of ``language``: a portal
    page in that language, a named view, or the URL as written."""
    href = value.get("url") or ""
    if value.get("page"):
        href = reader_path(value["page"], language)
    elif value.get("view"):
        try:
            href = reverse(value["view"])
        except NoReverseMatch:
            href = ""
    return {"label": value.get("label") or "", "href": href}


def resolve(menu, language):
    """The menu as plain data: ``{"items": [...], "footer_text": html}``; an item is a
    link, or a group ``{"label", "links": [links]}``."""
    items = []
    for item in menu.items:
        if item.block_type == "group":
            links = [link(value, language) for value in item.value["links"]]
            items.append({"label": item.value["label"], "links": links})
        else:
            items.append(link(item.value, language))
    footer = expand_db_html(menu.footer_text) if menu.footer_text else ""
    return {"items": items, "footer_text": footer}


def menu_for(slot):
    """The menu of ``slot`` in the active language (``None`` when there is none), from the
    cache while the content is unchanged."""
    language = translation.get_language()
    key = f"menu:{generation()}:{slot}:{language}"
    kept = cache.get(key)
    if kept is None:
        menu = NavigationMenu.for_slot(slot)
        kept = {"menu": resolve(menu, language) if menu else None}
        cache.set(key, kept, KEEP_SECONDS)
    menu = kept["menu"]
    if menu is not None:
        menu = {**menu, "footer_text": mark_safe(menu["footer_text"])}  # noqa: S308 - the editor's rich text, as |richtext renders it
    return menu
