"""Communities' part of the access policy (the core is ``portal.access``).

Community content belongs to one of three audiences, registered with the core through the
``register_audiences`` hook (``community_pages.wagtail_hooks``) as :class:`CommunityAudiences`:

* ``"c<pk>"``: governed by community ``<pk>``'s privacy setting and the reader's membership
  (open communities: anyone; every other setting: the community's active members);
* ``"cm<pk>"``: the active members of community ``<pk>`` whatever its setting (files);
* ``"g<pk>"``: the members of working group ``<pk>`` (and its community's administrators).

Staff read every community's audiences: they moderate the platform. The richer
per-community questions (see in the directory, read, join, request, post, moderate,
manage) are answered by :func:`rights` and the ``can_*`` functions below, from the
community's setting and one membership lookup.
"""

from django.db.models import Q

from community_pages.models import CommunityPage, Membership, Privacy, WorkingGroup
from portal.access import is_member, is_staff
from portal.generation import kept


def open_communities():
    """The pks of the open communities' pages (every translation), which anyone reads.

    The same for every reader, so kept in the cache under the site's content generation
    (``portal.generation.kept``, where every worker shares the cache): saving a community
    page, hence changing its privacy (``CommunityPage.save`` sets every translation's),
    moves the generation on, as it does for the anonymous pages the page cache keeps.
    """
    return kept(
        "open-communities",
        lambda: list(
            CommunityPage.objects.filter(privacy=Privacy.OPEN).values_list("pk", flat=True)
        ),
        decides_access=True,
    )


def community_audience(community_pk):
    """The audience of content governed by a community."""
    return f"c{community_pk}"


def members_audience(community_pk):
    """The audience of a community's members-only material (files), whatever its setting."""
    return f"cm{community_pk}"


def group_audience(group_pk):
    """The audience of a working group's content."""
    return f"g{group_pk}"


class CommunityAudiences:
    """The audience source of communities and working groups (see ``portal.access``)."""

    def audience_of(self, obj):
        """The audience of content inside a community, from its own fields, or None.

        Content declares ``governing_working_group_id`` (a working group's),
        ``members_only_community_id`` (members only whatever the setting) or
        ``governing_community_id`` (a property or field), checked in that order.
        """
        group_id = getattr(obj, "governing_working_group_id", None)
        if group_id:
            return group_audience(group_id)
        members_of = getattr(obj, "members_only_community_id", None)
        if members_of:
            return members_audience(members_of)
        community_id = getattr(obj, "governing_community_id", None)
        if community_id:
            return community_audience(community_id)
        return None

    def readable(self, user):
        """Audiences of community content ``user`` may read: ``c<pk>``, ``cm<pk>``, ``g<pk>``.

        Open communities' ``c<pk>`` for everyone; ``c<pk>`` and ``cm<pk>`` of the
        communities the user is an active member of; ``g<pk>`` of their working groups (and
        of every working group of the communities they administer); everything for staff.
        """
        if is_staff(user):
            pks = list(CommunityPage.objects.values_list("pk", flat=True))
            groups = list(WorkingGroup.objects.values_list("pk", flat=True))
            return (
                [community_audience(pk) for pk in pks]
                + [members_audience(pk) for pk in pks]
                + [group_audience(pk) for pk in groups]
            )
        audiences = [community_audience(pk) for pk in open_communities()]
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
            Q(memberships__user=user) | Q(community_id__in=admin_of)
        )
        audiences += [group_audience(pk) for pk in groups.values_list("pk", flat=True).distinct()]
        return audiences


AUDIENCES = CommunityAudiences()


# -- per-community questions ------------------------------------------------------------


class Rights:
    """Everything one reader may do in one community, worked out with one query.

    ``membership`` is the reader's Membership row (any status) or None.
    """

    def __init__(self, user, community):
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

    def owns(self, item):
        """Is the reader the author of ``item`` (a discussion, comment or file)?"""
        return (
            self.user is not None
            and self.user.is_authenticated
            and (item.author_id == self.user.pk)
        )

    def may_change(self, item):
        """Edit or remove ``item`` (a discussion, comment or file): its author while they may
        post in the community, and the community's moderators."""
        return (self.owns(item) and self.post) or self.moderate

    def may_report(self, item):
        """Offer to report ``item`` to the administrators: members, on others' posts."""
        return self.report and not self.owns(item)


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
