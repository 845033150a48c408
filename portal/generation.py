"""The site's content generation: a number that moves on whenever content changes.

Anything worked out from content and the same for every reader (anonymous pages, menus,
index pages, the open communities, view restrictions) is kept in the cache under the
current generation, so a change is seen at the next request. ``portal.page_cache`` says
which rows move it (it connects the receivers) and keeps pages under it. This module
imports no model, so that the access policy and the models may use it.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "pagecache:generation"
# An older generation's entries simply expire.
KEEP_SECONDS = 24 * 3600


def generation():
    """The site's content generation: kept pages of an older one are never served."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        current = time.time_ns()
        if not cache.add(GENERATION_KEY, current, None):
            current = cache.get(GENERATION_KEY) or current
    return current


def kept(name, compute, *, decides_access=False):
    """``compute()`` (never ``None``), kept in the cache as ``name`` under the current
    generation: worked out again once content has changed.

    What ``decides_access`` (who may read what) is kept only where every process serving
    pages shares the cache (``ACCESS_KEPT_IN_CACHE``): with a cache of each process's own,
    a privacy change made in one would not reach the others. Else it is computed each time.
    """
    if decides_access and not settings.ACCESS_KEPT_IN_CACHE:
        return compute()
    key = f"{name}:{generation()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, KEEP_SECONDS)
    return found


def content_changed():
    """Forget every kept page: now, and again when the transaction commits (a page made in
    between, from rows without the change, is not kept under the new generation)."""

    def bump():
        cache.set(GENERATION_KEY, time.time_ns(), None)

    bump()
    transaction.on_commit(bump)
