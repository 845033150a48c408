"""Each language's index pages (the library, the webinars, the communities…), which the home
page's sections and many other pages link to.

Kept apart from ``portal.i18n``, which imports Wagtail's views, so that models may use it.
"""

from django.core.cache import cache

from portal.generation import KEEP_SECONDS, generation


def index_page(request, model, locale):
    """The first live ``model`` page of ``locale`` (an app's index page, which the home
    page's sections and others link to), or None.

    The index pages of a language are kept together in the cache under the site's content
    generation (``portal.generation``, which any save or delete of content moves
    on), so a page that links to several sections costs one cache read rather than a query
    per section; and once per request (``request`` may be None outside one).
    """
    label = model._meta.label_lower
    memo = request.__dict__.setdefault("portal_index_pages", {}) if request is not None else {}
    if locale.pk not in memo:
        key = f"index-pages:{generation()}:{locale.pk}"
        memo[locale.pk] = {"key": key, "pages": cache.get(key) or {}}
    found = memo[locale.pk]
    if label not in found["pages"]:
        found["pages"][label] = model.objects.live().filter(locale=locale).order_by("path").first()
        cache.set(found["key"], found["pages"], KEEP_SECONDS)
    return found["pages"][label]
