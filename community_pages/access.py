"""The portal's one access policy.

Every surface that shows content (page serving, listings, search, autocomplete, the API,
the sitemap, feeds, the OAI-PMH interface, calendar files, file downloads, emails) asks
this module whether a reader may see it. Nothing else decides.

Content declares who may read it with one denormalised, indexed field, ``audience``
(see ``portal.models.pages.RestrictedMixin``), recomputed on every save:

* ``"public"``: anyone;
* ``"members"``: logged-in members only (members-only publications);
* ``"c<pk>"``: governed by community ``<pk>``'s privacy setting and the reader's membership
  (open communities: anyone; every other setting: the community's active members);
* ``"cm<pk>"``: the active members of community ``<pk>`` whatever its setting (files);
* ``"g<pk>"``: the members of working group ``<pk>`` (and its community's administrators).

Staff (people with access to the Wagtail admin) and superusers read every audience: they
moderate the platform. The richer per-community questions (see in the directory, read,
join, request, post, moderate, manage) are answered by :func:`rights` and the ``can_*``
functions below, from the community's setting and one membership lookup.

A reader's rights are the set of audiences they may read (``readable_audiences``), worked
out at query time, so a change of a community's privacy setting takes effect at once
everywhere: listings and the database engine filter ``audience__in`` in SQL, and search
engines filter on the same field (it is a ``FilterField`` on every restricted model).

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
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex

PUBLIC = "public"
MEMBERS = "members"
# Content a moderator removed: nobody reads it any more (superusers aside).
REMOVED = "removed"


def community_audience(community_pk):
    """The audience of content governed by a community."""
    return f"c{community_pk}"


def members_audience(community_pk):
    """The audience of a community's members-only material (files), whatever its setting."""
    return f"cm{community_pk}"


def group_audience(group_pk):
    """The audience of a working group's content."""
    return f"g{group_pk}"


def is_member(user):
    """A logged-in, active account: what "members only" means on this portal."""
    return bool(user and user.is_authenticated and user.is_active)


def has_field(model, name):
    """Does ``model`` have a field called ``name`` (the audience, live, locale fields)?"""
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def is_staff(user):
    """Platform staff: they see every community to moderate the platform."""
    return bool(is_member(user) and (user.is_staff or user.is_superuser))


# Bumped whenever a membership, a working-group membership or a privacy setting changes,
# so the per-user memo below never outlives a change (see community_pages.signals).
_generation = [0]


def invalidate():
    """Forget every memoised set of readable audiences (after a change of rights)."""
    _generation[0] += 1


def readable_community_audiences(user):
    """Audiences of community content ``user`` may read: ``c<pk>``, ``cm<pk>``, ``g<pk>``.

    Open communities' ``c<pk>`` for everyone; ``c<pk>`` and ``cm<pk>`` of the communities
    the user is an active member of; ``g<pk>`` of their working groups (and of every working
    group of the communities they administer); everything for staff. Memoised on the user
    object until the next change of rights.
    """
    memo = getattr(user, "_community_audiences", None) if user is not None else None
    if memo is not None and memo[0] == _generation[0]:
        return memo[1]
    audiences = _compute_community_audiences(user)
    if user is not None:
        try:
            user._community_audiences = (_generation[0], audiences)
        except AttributeError:
            pass
    return audiences


def _compute_community_audiences(user):
    from community_pages.models import CommunityPage, Membership, Privacy, WorkingGroup

    if is_staff(user):
        pks = list(CommunityPage.objects.values_list("pk", flat=True))
        groups = list(WorkingGroup.objects.values_list("pk", flat=True))
        return (
            [community_audience(pk) for pk in pks]
            + [members_audience(pk) for pk in pks]
            + [group_audience(pk) for pk in groups]
        )
    audiences = [
        community_audience(pk)
        for pk in CommunityPage.objects.filter(privacy=Privacy.OPEN).values_list("pk", flat=True)
    ]
    if not is_member(user):
        return audiences
    memberships = list(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "community_id", "role"
        )
    )
    if not memberships:
        return audiences
    member_of = [pk for pk, _role in memberships]
    admin_of = [pk for pk, role in memberships if role == Membership.Role.ADMIN]
    for pk in member_of:
        audiences += [community_audience(pk), members_audience(pk)]
    groups = WorkingGroup.objects.filter(community_id__in=member_of).filter(
        models_q_member_or_admin(user, admin_of)
    )
    audiences += [group_audience(pk) for pk in groups.values_list("pk", flat=True).distinct()]
    return audiences


def models_q_member_or_admin(user, admin_of):
    from django.db.models import Q

    return Q(memberships__user=user) | Q(community_id__in=admin_of)


def readable_audiences(user):
    """Every audience ``user`` may read, for ``audience__in`` filters (SQL and search)."""
    audiences = [PUBLIC]
    if is_member(user):
        audiences.append(MEMBERS)
    audiences.extend(readable_community_audiences(user))
    return audiences


def audience_for(obj):
    """The audience a piece of content belongs to, from its own fields.

    Content inside a community declares ``governing_community_id`` (a property or field),
    ``members_only_community_id`` (members only whatever the setting) or
    ``governing_working_group_id``; members-only content declares ``members_only``.
    """
    if getattr(obj, "removed", False):
        return REMOVED
    group_id = getattr(obj, "governing_working_group_id", None)
    if group_id:
        return group_audience(group_id)
    members_of = getattr(obj, "members_only_community_id", None)
    if members_of:
        return members_audience(members_of)
    community_id = getattr(obj, "governing_community_id", None)
    if community_id:
        return community_audience(community_id)
    if getattr(obj, "members_only", False):
        return MEMBERS
    return PUBLIC


def can_read_audience(user, audience):
    """May ``user`` read content of ``audience``?"""
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
    if has_field(queryset.model, "audience"):
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
        Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", "content_type_id")
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


# -- per-community questions ------------------------------------------------------------


class Rights:
    """Everything one reader may do in one community, worked out with one query.

    ``membership`` is the reader's Membership row (any status) or None.
    """

    def __init__(self, user, community):
        from community_pages.models import Membership, Privacy

        self.user = user
        self.community = community
        self.staff = is_staff(user)
        self.membership = None
        if is_member(user):
            self.membership = Membership.objects.filter(
                user=user, community_id=community.canonical_pk
            ).first()
        status = self.membership.status if self.membership else None
        privacy = community.privacy
        archived = community.archived
        self.is_member = status == Membership.Status.ACTIVE
        self.is_admin = self.is_member and self.membership.role == Membership.Role.ADMIN
        self.is_pending = status == Membership.Status.PENDING
        self.is_invited = status == Membership.Status.INVITED
        self.is_rejected = status == Membership.Status.REJECTED
        logged_in = is_member(user)
        self.see_in_directory = privacy != Privacy.HIDDEN or self.is_member or self.staff
        self.read = privacy == Privacy.OPEN or self.is_member or self.staff
        self.read_members_only = self.is_member or self.staff
        self.join = (
            logged_in
            and not archived
            and privacy in (Privacy.PUBLIC, Privacy.OPEN)
            and not self.is_member
        )
        self.request = (
            logged_in
            and not archived
            and privacy == Privacy.SEMI_PRIVATE
            and not self.is_member
            and not self.is_pending
        )
        self.accept_invitation = logged_in and not archived and self.is_invited
        self.cancel_request = logged_in and self.is_pending
        self.post = self.is_member and not archived
        self.moderate = self.is_admin or self.staff
        self.manage = self.is_admin or self.staff
        self.leave = self.is_member
        # Members tell the administrators about a post (archived communities included).
        self.report = self.is_member


def rights(user, community):
    """A :class:`Rights` for ``user`` in ``community`` (a CommunityPage, any translation)."""
    return Rights(user, community)


def can_see_in_directory(user, community):
    """Listed in the directory: every setting but hidden; hidden to its members (and staff)."""
    return rights(user, community).see_in_directory


def can_read(user, community):
    """May ``user`` read the community's content (announcements, discussions, pages, events)?"""
    return rights(user, community).read


def can_join(user, community):
    """Join without approval (public and open communities, not archived)."""
    return rights(user, community).join


def can_request(user, community):
    """Ask to join (semi-private communities, not archived, no pending request)."""
    return rights(user, community).request


def can_post(user, community):
    """Start discussions, comment, upload: active members of a community that is not archived."""
    return rights(user, community).post


def can_report(user, community):
    """Report a discussion or comment to the administrators: the community's active members."""
    return rights(user, community).report


def can_moderate(user, community):
    """Remove others' posts: community administrators and staff."""
    return rights(user, community).moderate


def can_manage(user, community):
    """Approve, invite, remove, promote, announce: community administrators and staff."""
    return rights(user, community).manage
