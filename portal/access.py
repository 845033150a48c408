"""The portal's one access policy.

Every surface that shows content (page serving, listings, search, autocomplete, the API,
the sitemap, feeds, the OAI-PMH interface, calendar files, file downloads, emails) asks
this module whether a reader may see it. Nothing else decides.

Content declares who may read it with one denormalised, indexed field, ``audience``
(see ``portal.models.pages.RestrictedMixin``), recomputed on every save:

* ``"public"``: anyone;
* ``"members"``: logged-in members only (members-only publications);
* ``"removed"``: content a moderator removed: nobody but superusers;
* any other value belongs to an *audience source* an app registers with the
  ``register_audiences`` Wagtail hook (``community_pages`` registers its communities' and
  working groups' audiences, ``c<pk>``, ``cm<pk>`` and ``g<pk>``).

An audience source is an object with two methods:

* ``audience_of(obj)``: the audience ``obj`` belongs to by this source's rules, or ``None``
  when the source does not govern it (the first source that answers decides);
* ``readable(user)``: the source's audiences ``user`` may read.

A reader's rights are the set of audiences they may read (:func:`readable_audiences`),
worked out at query time, so a change of rights (a membership, a privacy setting) takes
effect at once everywhere: listings and the database engine filter ``audience__in`` in SQL,
and search engines filter on the same field (it is a ``FilterField`` on every restricted
model). The set is memoised on the user object until a source calls :func:`invalidate`.

Staff (people with access to the Wagtail admin) moderate the platform: the sources give
them every audience. Superusers read everything, removed content included.

Wagtail documents (``/documents/<id>/<name>``) have no audience of their own: a document
is read by whoever may read a live page whose live content uses it, and by staff
(:func:`document_audiences`, :func:`can_read_document`). Images are not covered: Wagtail
serves them as renditions under the public media URL (the README lets the proxy serve
``images/`` and ``original_images/``), so an image in restricted content is reachable by
anyone who has its URL. They illustrate pages; confidential material belongs in documents
or community files, which this policy guards. Checking every rendition would put each
image tag behind a view and lose the proxy's caching for little.

Functions take a Django user (possibly anonymous) and never raise for unknown content
types: content that declares no restriction is public.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from modelcluster.models import get_all_child_relations
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, get_page_models

from portal.generation import kept
from portal.request_memo import forget, remember

PUBLIC = "public"
MEMBERS = "members"
# Content a moderator removed: nobody reads it any more (superusers aside).
REMOVED = "removed"

AUDIENCES_HOOK = "register_audiences"


def audience_sources():
    """The registered audience sources, in hook order (``register_audiences``).

    Each hook function returns one source (see the module's docstring).
    """
    return [fn() for fn in hooks.get_hooks(AUDIENCES_HOOK)]


def is_member(user):
    """A logged-in, active account: what "members only" means on this portal."""
    return bool(user and user.is_authenticated and user.is_active)


def is_staff(user):
    """Platform staff: they see every audience to moderate the platform."""
    return bool(is_member(user) and (user.is_staff or user.is_superuser))


def is_superuser(user):
    """An active superuser: reads everything, removed content included."""
    return bool(user is not None and getattr(user, "is_superuser", False) and user.is_active)


def has_field(model, name):
    """Does ``model`` have a field called ``name`` (the audience, live, locale fields)?"""
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# Bumped whenever a source's rights change (a membership, a privacy setting), so the
# per-user memo below never outlives a change.
_generation = [0]


def invalidate():
    """Forget every memoised set of readable audiences (after a change of rights)."""
    _generation[0] += 1


def readable_audiences(user):
    """Every audience ``user`` may read, for ``audience__in`` filters (SQL and search).

    Public, members (for logged-in members) and each source's readable audiences; memoised
    on the user object until the next :func:`invalidate`.
    """
    memo = getattr(user, "_portal_audiences", None) if user is not None else None
    if memo is not None and memo[0] == _generation[0]:
        return memo[1]
    audiences = [PUBLIC]
    if is_member(user):
        audiences.append(MEMBERS)
    for source in audience_sources():
        audiences.extend(source.readable(user))
    if user is not None:
        try:
            user._portal_audiences = (_generation[0], audiences)
        except AttributeError:
            pass
    return audiences


def audience_for(obj):
    """The audience a piece of content belongs to, from its own fields.

    Removed content (``removed``) is :data:`REMOVED`; then the first registered source
    that governs ``obj`` decides; then members-only content (``members_only``) is
    :data:`MEMBERS`; everything else is :data:`PUBLIC`.
    """
    if getattr(obj, "removed", False):
        return REMOVED
    for source in audience_sources():
        audience = source.audience_of(obj)
        if audience:
            return audience
    if getattr(obj, "members_only", False):
        return MEMBERS
    return PUBLIC


def can_read_audience(user, audience):
    """May ``user`` read content of ``audience``?"""
    if audience in (None, "", PUBLIC):
        return True
    if is_superuser(user):
        return True
    return audience in readable_audiences(user)


def can_view_page(user, page):
    """May ``user`` read ``page`` (a specific page instance)?"""
    page = page.specific if hasattr(page, "specific") else page
    audience = getattr(page, "audience", None) or audience_for(page)
    return can_read_audience(user, audience)


def visible_queryset(queryset, user):
    """Filter any queryset of a model with an ``audience`` field down to what ``user`` reads."""
    if is_superuser(user):
        return queryset
    return queryset.filter(audience__in=readable_audiences(user))


def visible_pages(queryset, user):
    """Filter a page queryset down to what ``user`` may see.

    For a queryset of one concrete page model with an ``audience`` field the filter runs in
    the database; for mixed (base ``Page``) querysets each restricted page model contributes
    one subquery of the ids it hides from this reader.
    """
    if is_superuser(user):
        return queryset
    if has_field(queryset.model, "audience"):
        return visible_queryset(queryset, user)
    audiences = readable_audiences(user)
    for page_model in restricted_page_models():
        queryset = queryset.exclude(
            pk__in=page_model.objects.exclude(audience__in=audiences).values("pk")
        )
    return queryset


VIEW_RESTRICTIONS = "portal.access.view_restrictions"


def _view_restricted_pages():
    """The pages under a Wagtail view restriction (their path and depth), kept in the cache
    under the site's content generation (``portal.generation.kept``, where every worker
    shares the cache), which saving or deleting a restriction (or any page) moves on, as it
    does for the anonymous pages the page cache keeps."""
    found = kept(
        "view-restrictions",
        lambda: list(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
        decides_access=True,
    )
    return [Page(path=path, depth=depth) for path, depth in found]


def public_pages(queryset):
    """``queryset`` without the pages under a Wagtail view restriction (password, groups or
    login): Wagtail's ``PageQuerySet.public()``, with the restrictions read once per request
    (``portal.request_memo``) instead of once per listing."""
    restricted = remember(VIEW_RESTRICTIONS, _view_restricted_pages)
    condition = Q()
    for page in restricted:
        condition &= ~queryset.descendant_of_q(page, inclusive=True)
    return queryset.filter(condition)


def forget_view_restrictions(**kwargs):
    """``post_save``/``post_delete`` receiver: a view restriction changed in this request."""
    forget(VIEW_RESTRICTIONS)


def restricted_page_models():
    """The concrete page models that declare an ``audience`` of their own."""
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
    if is_superuser(user):
        return {}
    return {"audience__in": readable_audiences(user)}


# -- documents ------------------------------------------------------------------------


def document_audiences(document):
    """The audiences of the live pages whose live content uses ``document``.

    The uses are Wagtail's reference index: rich text links, document blocks, foreign keys
    (a webinar's recording) and the inline objects of pages (a webinar's presentations, a
    publication's files). Wagtail indexes a page from its row, not from its latest revision,
    and a draft lives in a revision only, so a live page's references are those of its live
    content and a draft's new links are no use. The index leaves three things open, settled
    here:

    * a page that is not live (a member's submission under review, an unpublished or
      expired page) is no use, nor is a page behind a Wagtail view restriction (the portal
      does not use them; such a page's files are for staff);
    * an inline object removed when a revision is published can stay in the index (Wagtail
      indexes the page before modelcluster deletes the object), so a reference from an
      inline object counts only while that object exists;
    * references from objects other than pages (snippets) do not count: no snippet that
      readers see links to documents, and an unknown use must never make a file public.

    With a task worker (``TASKS_BACKEND``), Wagtail writes the index in the worker: a new use
    counts, and a removed one stops counting, once the worker has run (a file just published
    is refused until then; one just taken off stays as readable as it was a moment before).

    The empty set means that no published content uses the document: staff only. Queries:
    one for the references, one per kind of inline object among them, two for the live
    pages (view restrictions, pages) and one per restricted page type among those, whatever
    the number of uses.
    """
    references = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("content_type_id", "object_id", "model_path", "content_path")
    )
    page_ids = set()
    inline = defaultdict(dict)  # inline model -> {inline object's pk: its page's pk}
    for content_type_id, object_id, model_path, content_path in references:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue  # a page type that no longer exists
        relation = _inline_relation(model, model_path)
        if relation is None:
            page_ids.add(int(object_id))
        else:
            inline[relation.related_model][content_path.split(".")[1]] = int(object_id)
    for model, pages_by_item in inline.items():
        existing = model.objects.filter(pk__in=list(pages_by_item)).values_list("pk", flat=True)
        page_ids.update(pages_by_item[str(pk)] for pk in existing)
    if not page_ids:
        return frozenset()
    by_type = defaultdict(list)
    for pk, content_type_id in (
        public_pages(Page.objects.live())
        .filter(pk__in=page_ids)
        .values_list("pk", "content_type_id")
    ):
        by_type[content_type_id].append(pk)
    audiences = set()
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if has_field(model, "audience"):
            audiences.update(model.objects.filter(pk__in=pks).values_list("audience", flat=True))
        else:
            audiences.add(PUBLIC)  # as in visible_pages: a page type without one is public
    return frozenset(audiences)


def _inline_relation(model, model_path):
    """The child relation of ``model`` a reference's ``model_path`` goes through, if any."""
    name, _dot, rest = model_path.partition(".")
    if not rest.startswith("item."):
        return None
    for relation in get_all_child_relations(model):
        if relation.get_accessor_name() == name:
            return relation
    return None


def can_read_document(user, document, audiences=None):
    """May ``user`` download ``document`` through Wagtail's document URL?

    Staff read every document, those no published content uses included; anyone else
    reads it when they may read one of the live pages that use it. ``audiences``, when
    given, are the document's :func:`document_audiences` (saves working them out twice).
    """
    if is_staff(user):
        return True
    if audiences is None:
        audiences = document_audiences(document)
    return any(can_read_audience(user, audience) for audience in audiences)
