"""The portal's one access policy.

Every surface that shows content (page serving, listings, search, autocomplete, the API,
the sitemap, feeds, calendar files, file downloads, emails) asks this module whether a
reader may see it. Nothing else decides.

Content declares its restrictions through fields that are cheap to filter and to index:

* ``members_only`` (bool) on a page model: only logged-in members may see it.
* community ownership (added with online communities): content inside a community follows
  the community's privacy setting and the reader's membership.

Functions take a Django user (possibly anonymous) and never raise for unknown content
types: content that declares no restriction is public.
"""

from django.core.exceptions import FieldDoesNotExist


def is_member(user):
    """A logged-in, active account: what "members only" means on this portal."""
    return bool(user and user.is_authenticated and user.is_active)


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def can_view_page(user, page):
    """May ``user`` read ``page`` (a specific page instance)?"""
    page = page.specific if hasattr(page, "specific") else page
    if getattr(page, "members_only", False) and not is_member(user):
        return False
    return True


def visible_pages(queryset, user):
    """Filter a page queryset down to what ``user`` may see.

    For a queryset of one concrete page model with a ``members_only`` field the filter runs
    in the database; for mixed (base ``Page``) querysets restricted pages are excluded by
    type: every page model with ``members_only`` contributes one subquery.
    """
    if is_member(user):
        return queryset
    model = queryset.model
    if _has_field(model, "members_only"):
        return queryset.filter(members_only=False)
    for restricted in _members_only_subqueries():
        queryset = queryset.exclude(pk__in=restricted)
    return queryset


def _members_only_subqueries():
    """One subquery per page model with a ``members_only`` field: the ids it hides."""
    from wagtail.models import get_page_models

    return [
        page_model.objects.filter(members_only=True).values("pk")
        for page_model in get_page_models()
        if "members_only" in {f.name for f in page_model._meta.local_fields}
    ]


def search_visibility_filters(user):
    """Field values a search engine filters on for ``user`` (see the search service).

    Returns a dict of filter-field name to allowed value; empty means "no restriction".
    """
    if is_member(user):
        return {}
    return {"members_only": False}
