"""Pages that link to a page, shown on it: "shown both ways" without importing upwards.

An app whose pages point at pages of apps below it (a programme at the publications, webinar
series and communities about it) registers a ``portal_page_backlinks`` hook; the pages
pointed at render ``{% page_backlinks page %}`` (``portal_tags``), which asks every hook.

A hook is called with ``(request, page)`` and returns ``None`` or a section
``{"title": str, "items": [{"title": str, "url": str}]}`` listing only what the reader may
see (the access policy's ``visible_pages`` on live, public pages), in the reader's language.
"""

from wagtail import hooks

BACKLINKS_HOOK = "portal_page_backlinks"


def page_backlinks(request, page):
    """The sections of pages linking to ``page`` that the reader of ``request`` may see, in
    hook order; sections without items are left out."""
    sections = []
    for fn in hooks.get_hooks(BACKLINKS_HOOK):
        section = fn(request, page)
        if section and section.get("items"):
            sections.append(section)
    return sections
