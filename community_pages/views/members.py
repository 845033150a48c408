"""A community's members and working groups (members join and leave groups here)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect

from community_pages import services
from community_pages.forms import WorkingGroupForm
from community_pages.models import Membership, WorkingGroup
from community_pages.views.frame import deny, post_only, reader_rights, render, section_url


def member_list(request, community):
    """The active members, administrators first (members and staff)."""
    if not reader_rights(request, community).read_members_only:
        return deny(request)
    members = (
        Membership.objects.filter(
            community_id=community.canonical_pk, status=Membership.Status.ACTIVE
        )
        .select_related("user", "user__profile")
        .order_by("-role", "user__last_name", "user__first_name")
    )
    return render(request, community, "community_pages/members.html", {"members": members})


def working_group_list(request, community):
    """The working groups with their sizes; administrators add groups here."""
    rights = reader_rights(request, community)
    if not rights.read_members_only:
        return deny(request)
    form = None
    if rights.manage and not community.archived:
        form = WorkingGroupForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            services.add_working_group(request.user, community, data["name"], data["description"])
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied
    groups = WorkingGroup.objects.filter(community_id=community.canonical_pk).annotate(
        size=Count("memberships"),
        mine=Count("memberships", filter=Q(memberships__user_id=request.user.pk or 0)),
    )
    return render(
        request,
        community,
        "community_pages/working_groups.html",
        {"groups": groups, "form": form},
    )


def _group(community, item_id):
    return get_object_or_404(WorkingGroup, pk=item_id, community_id=community.canonical_pk)


def working_group_join(request, community, item_id):
    """Join a working group (POST; members who may post)."""
    refused = post_only(request)
    if refused:
        return refused
    services.join_working_group(request.user, _group(community, item_id))
    return redirect(section_url(request, community, "working_groups"))


def working_group_leave(request, community, item_id):
    """Leave a working group (POST)."""
    refused = post_only(request)
    if refused:
        return refused
    services.leave_working_group(request.user, _group(community, item_id))
    return redirect(section_url(request, community, "working_groups"))
