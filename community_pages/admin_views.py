"""Wagtail admin: inactive communities, pending requests, archive and revive in one action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.models import CommunityPage, Membership
from portal.access import is_staff


def community_health(request):
    """Every community with its last activity, inactivity flag and pending-request count."""
    if not is_staff(request.user):
        raise PermissionDenied
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("archive", "revive"):
                community = CommunityPage.objects.get(pk=request.POST.get("community"))
                services.set_archived(community, action == "archive")
                messages.success(request, _("The community has been updated."))
            elif action in ("approve", "reject"):
                membership = Membership.objects.select_related("community").get(
                    pk=request.POST.get("membership")
                )
                decide = services.approve if action == "approve" else services.reject
                decide(request.user, membership.community, membership.pk)
                messages.success(request, _("The request has been decided."))
            else:
                raise PermissionDenied
        except (CommunityPage.DoesNotExist, Membership.DoesNotExist, ValueError) as error:
            raise PermissionDenied from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("community_health")
    communities = (
        CommunityPage.objects.annotate(
            pending=Count("memberships", filter=Q(memberships__status=Membership.Status.PENDING)),
            members=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)),
        )
        .select_related("locale")
        .order_by("last_activity_at")
    )
    communities = [c for c in communities if c.canonical_pk == c.pk]
    pending = (
        Membership.objects.filter(status=Membership.Status.PENDING)
        .select_related("user", "community")
        .order_by("created_at")
    )
    return TemplateResponse(
        request,
        "community_pages/admin/health.html",
        {"communities": communities, "pending": pending},
    )
