"""A community's home page and its public feed."""

from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone

from community_pages import feeds
from community_pages.models import (
    Announcement,
    CommunityEvent,
    CommunityFile,
    Membership,
    Thread,
    WorkingGroup,
)
from community_pages.views.frame import community_frame, content
from portal.access import visible_pages, visible_queryset


def community_home(request, community):
    """The community's home: about (everyone who sees the page) and sections per rights."""
    if request.method == "POST":
        return HttpResponseNotAllowed(["GET"])
    frame = community_frame(request, community)
    rights = frame["rights"]
    canonical_pk = community.canonical_pk
    memberships = Membership.objects.filter(community_id=canonical_pk)
    related = community.related_communities.live().filter(locale_id=community.locale_id)
    context = {
        "page": community,
        "self": community,
        **frame,
        "admins": memberships.filter(status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN)
        .select_related("user")
        .order_by("user__last_name"),
        "member_count": memberships.filter(status=Membership.Status.ACTIVE).count(),
        "related": list(visible_pages(related, request.user)),
        "themes": list(community.themes.all()),
        "regions": list(community.regions.all()),
        "sponsors": list(community.sponsor_organisations.all()),
        "partners": list(community.partner_organisations.all()),
        "feed_url": feeds.feed_url_for(request, community, rights),
    }
    if rights.read:
        context["announcements"] = list(
            content(Announcement, community).select_related("author")[:3]
        )
        context["threads"] = list(
            visible_queryset(content(Thread, community), request.user)
            .filter(removed=False)
            .select_related("author")[:5]
        )
        context["events"] = list(
            content(CommunityEvent, community).filter(end__gte=timezone.now())[:3]
        )
    if rights.read_members_only:
        context["file_count"] = content(CommunityFile, community).count()
        context["working_groups"] = list(
            WorkingGroup.objects.filter(community_id=canonical_pk).annotate(
                size=Count("memberships")
            )
        )
    if rights.manage:
        context["pending_count"] = memberships.filter(status=Membership.Status.PENDING).count()
    return TemplateResponse(request, community.get_template(request), context)


def public_feed(request, community):
    """The public RSS feed (what anonymous readers may read); members have their own."""
    return feeds.public_feed(request, community)
