"""The portal's one access policy.

Every surface that shows content (page serving, listings, search, autocomplete, the API,
the sitemap, feeds, calendar files, file downloads, emails) asks this module whether a
reader may see it. Nothing else decides.

Content declares who may read it with one denormalised, indexed field, ``audience``
(see ``portal.models.pages.RestrictedMixin``), recomputed on every save:

* ``"public"``: anyone;
* ``"members"``: logged-in members only (members-only publications);
* ``"c<pk>"``: governed by community ``<pk>``'s privacy setting and the reader's membership.

A reader's rights are the set of audiences they may read (``readable_audiences``), worked
out at query time, so a change of a community's privacy setting takes effect at once
everywhere: listings and the database engine filter ``audience__in`` in SQL, and search
engines filter on the same field (it is a ``FilterField`` on every restricted model).

Functions take a Django user (possibly anonymous) and never raise for unknown content
types: content that declares no restriction is public.
"""

from django.core.exceptions import FieldDoesNotExist

PUBLIC = "public"
MEMBERS = "members"


def community_audience(community_pk):
    """The audience of content governed by a community."""
    return f"c{community_pk}"


def is_member(user):
    """A logged-in, active account: what "members only" means on this portal."""
    return bool(user and user.is_authenticated and user.is_active)


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def readable_community_audiences(user):
    """Audiences ``c<pk>`` of the communities whose content ``user`` may read.

    Online communities extend this (their privacy settings and memberships decide).
    """
    return []


def readable_audiences(user):
    """Every audience ``user`` may read, for ``audience__in`` filters (SQL and search)."""
    audiences = [PUBLIC]
    if is_member(user):
        audiences.append(MEMBERS)
    audiences.extend(readable_community_audiences(user))
    return audiences


def audience_for(obj):
    """The audience a piece of content belongs to, from its own fields.

    Content inside a community declares ``governing_community_id`` (a property or field);
    members-only content declares ``members_only``.
    """
    community_id = getattr(obj, "governing_community_id", None)
    if community_id:
        return community_audience(community_id)
    if getattr(obj, "members_only", False):
        return MEMBERS
    return PUBLIC


def can_read_audience(user, audience):
    if audience in (None, "", PUBLIC):
        return True
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return True
    return audience in readable_audiences(user)


def can_view_page(user, page):
    """May ``user`` read ``page`` (a specific page instance)?"""
    page = page.specific if hasattr(page, "specific") else page
    audience = getattr(page, "audience", None) or audience_for(page)
    return can_read_audience(user, audience)


def visible_queryset(queryset, user):
    """Filter any queryset of a model with an ``audience`` field down to what ``user`` reads."""
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return queryset
    return queryset.filter(audience__in=readable_audiences(user))


def visible_pages(queryset, user):
    """Filter a page queryset down to what ``user`` may see.

    For a queryset of one concrete page model with an ``audience`` field the filter runs in
    the database; for mixed (base ``Page``) querysets each restricted page model contributes
    one subquery of the ids it hides from this reader.
    """
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return queryset
    if _has_field(queryset.model, "audience"):
        return visible_queryset(queryset, user)
    audiences = readable_audiences(user)
    for page_model in _restricted_page_models():
        queryset = queryset.exclude(
            pk__in=page_model.objects.exclude(audience__in=audiences).values("pk")
        )
    return queryset


def _restricted_page_models():
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if not model._meta.abstract and "audience" in {f.name for f in model._meta.local_fields}
    ]


def search_filters(user):
    """Filters a search engine applies for ``user``: ``{"audience__in": [...]}``.

    Every searchable restricted model indexes ``audience`` as a ``FilterField``; models
    without it are public. Superusers get no restriction.
    """
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return {}
    return {"audience__in": readable_audiences(user)}
