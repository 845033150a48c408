"""Pages that anonymous readers see, served from the cache until the content changes.

Most readers are anonymous and read the same pages. :class:`AnonymousPageCacheMiddleware`
keeps each page an anonymous reader is sent (its whole response: pages, listings, facet
views, search results, feeds, the API) under its full address, which carries the language,
and answers the next anonymous reader of that address from the cache.

Nothing personal is ever kept or served:

- a request that carries the session cookie (a member, or anyone the site has state for) or
  the messages cookie is never answered from the cache, and what it gets is never kept;
- a response that sets a cookie (a page with a form carries a CSRF token and sets its
  cookie), says ``private``/``no-store``/``no-cache``, varies on anything but ``Cookie``,
  streams (files), or is not a 200 is never kept.

**Purge.** Every kept page is filed under the site's *generation*, which moves on whenever
content changes: any row of the portal's, Wagtail's or the taxonomy's models saved or deleted
(a page published, unpublished, moved or deleted; a term, a menu, a membership or a
community's privacy changed), at once and again when the transaction commits. A page shows
much more than itself (menus, related items, counts, a community's members), so the whole
site moves on together: an anonymous reader never gets a page older than the last change.
Rows that never change what a page shows (sessions, log entries, revisions of drafts, task
results, search-index rows) and a member's ``last_login`` do not move it. Pages that change
with time alone (an upcoming session becoming past) are kept at most
``PAGE_CACHE_SECONDS``.

**Headers.** Kept pages say ``Cache-Control: public, max-age=0, s-maxage=N`` and ``Vary:
Cookie``, so a reverse proxy or CDN may keep them too (for ``N`` seconds, or until
``wagtail.contrib.frontend_cache`` purges them: see the README) while browsers check back;
``ConditionalGetMiddleware`` (just above in ``MIDDLEWARE``) answers that check with ``304``
from the ETag. Responses to a request with the session cookie say ``private`` unless a
view chose its own header.

A deploy moves on too: keys carry a digest of the portal's own files (:func:`release`), so
pages kept by the previous release are not served by the new one.

The generation lives in the default cache, so every worker must share it: the page cache is
on by default only when that cache is Redis (``REDIS_URL``); ``PAGE_CACHE_SECONDS`` sets it
(0 turns it off).
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import (
    cc_delim_re,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from wagtail.models import Page

from portal import usage
from portal.generation import content_changed, generation
from portal.models.usage import DailyCount

# The portal's own apps (labels: ``portal`` imports none of them).
PORTAL_APPS = {
    "portal",
    "community_pages",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "portal_search",
}
# Larger responses (a long export) are not worth a cache slot.
MAX_KEPT_BYTES = 2 * 1024 * 1024
HEADER = "X-Page-Cache"

# Models whose rows never change what a page shows.
IGNORED_MODELS = {
    # Members' own bookkeeping, never on a page anyone else reads.
    "portal.savedsearch",
    # Page views and file downloads counted for staff (portal.usage) are DailyCount rows:
    # no page shows them (see ignored()).
    "portal.pendingnotification",
    "admin.logentry",
    "sessions.session",
    "contenttypes.contenttype",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailsearch.indexentry",
    "wagtailusers.userprofile",
    "portal.follow",  # a member's own; anonymous pages never show it
    # Answers to surveys: members only, never on an anonymous page.
    "surveys.surveyresponse",
    "surveys.surveyrespondent",
    "django_tasks_database.dbtaskresult",
    "django_tasks_db.dbtaskresult",
}


def page_cache_seconds():
    """How long an anonymous page is kept (0: the page cache is off)."""
    return settings.PAGE_CACHE_SECONDS


def on_row_changed(sender, instance=None, **kwargs):
    """``post_save``/``post_delete``/``m2m_changed`` receiver: content changed, unless the
    row is of a model that never changes what a page shows (the menus kept per language,
    ``portal.menus``, follow the generation too, page cache on or off)."""
    if kwargs.get("raw"):
        return
    if kwargs.get("action", "post_")[:5] != "post_":  # m2m_changed's pre_add, pre_remove…
        return
    if instance is None or ignored(type(instance)):
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return
    content_changed()


def anonymous_request(request):
    """May ``request`` be answered from, and kept in, the page cache?"""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def keepable(response):
    """May ``response``, sent to an anonymous reader, be kept for the next one?"""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_KEPT_BYTES:
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & {"private", "no-store", "no-cache"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= {"", "cookie"}


# What a release of the portal is made of: a deploy that changes any of these files (a
# template, a catalogue, code, a stylesheet) no longer reads pages the previous one kept.
RELEASE_SUFFIXES = (".py", ".html", ".txt", ".mo", ".css", ".js", ".svg")


@functools.cache
def release():
    """A digest of the portal's own files (names, sizes, modification times), worked out once
    per process: every worker of one deploy gets the same."""
    digest = hashlib.sha256()
    for label in sorted(PORTAL_APPS):
        folder = Path(apps.get_app_config(label).path)
        for path in sorted(folder.rglob("*")):
            if path.suffix in RELEASE_SUFFIXES and path.is_file():
                status = path.stat()
                name = path.relative_to(folder.parent)
                digest.update(f"{name}:{status.st_size}:{status.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def page_key(request, current):
    """The cache key of the page at ``request``'s full address under generation ``current``
    and this release of the portal."""
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"pagecache:{release()}:{current}:{address}"


class AnonymousPageCacheMiddleware:
    """Answers anonymous readers from the page cache and keeps what they are sent (see the
    module's docstring for what is never kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        """The kept page, else the view's response (kept when it may be)."""
        seconds = page_cache_seconds()
        if not seconds:
            return self.get_response(request)
        if not anonymous_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header(
                "Cache-Control"
            ):
                patch_cache_control(response, private=True)
            return response
        key = page_key(request, generation())
        kept = cache.get(key)
        if kept is not None:
            kept[HEADER] = "hit"
            usage.count_view(request, kept)
            return kept
        response = self.get_response(request)
        if keepable(response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            patch_vary_headers(response, ("Cookie",))
            set_response_etag(response)
            response[HEADER] = "miss"
            cache.set(key, response, seconds)
        return response


# Deleting rows of these apps' models (pages through ``wagtailcore.Page``) moves the site on.
CONTENT_APPS = PORTAL_APPS | {"auth", "taggit", "wagtailimages", "wagtaildocs"}
# Copies and counters the apps write themselves, often in bulk after a change that moved
# the site on already: their deletes are left to Django's fast path (a listener would make
# Django fetch and signal each row, changing when other listeners see them).
DERIVED_MODELS = {
    "library.listingentry",
    "library.listingcount",
    "library.downloadcount",
    "library.oaitombstone",
    "portal.pendingnotification",
    "webinars.followemailsent",
}


def ignored(model):
    """Does a row of ``model`` never change what a page shows?"""
    return model._meta.label_lower in IGNORED_MODELS or issubclass(model, DailyCount)


def delete_senders():
    """The models whose deletes move the site on: every page, and the content apps' own."""
    models = [Page]
    for model in apps.get_models():
        label = model._meta.label_lower
        if (
            model._meta.app_label in CONTENT_APPS
            and not issubclass(model, Page)
            and label not in DERIVED_MODELS
            and not ignored(model)
        ):
            models.append(model)
    return models


def connect():
    """Connects :func:`on_row_changed` to every model's saves and many-to-many changes, and
    to the deletes of :func:`delete_senders`."""
    post_save.connect(on_row_changed, dispatch_uid="portal_page_cache_save")
    m2m_changed.connect(on_row_changed, dispatch_uid="portal_page_cache_m2m")
    for model in delete_senders():
        uid = f"portal_page_cache_delete_{model._meta.label_lower}"
        post_delete.connect(on_row_changed, sender=model, dispatch_uid=uid)
