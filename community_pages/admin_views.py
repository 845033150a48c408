"""Wagtail admin: community health (activity over time, inactive communities, requests that
wait) and what staff do from it: archive or revive, decide requests in bulk, remind the
administrators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community_pages import health, services
from community_pages.models import CommunityPage, Membership
from portal.access import is_staff
from portal.params import parse_int, text_param

# How many requests one bulk decision may name (a page never lists more).
MAX_DECISIONS = 500


def community_health(request):
    """Every community with its activity per month, last content, inactivity flag and
    pending requests (flagged when they wait too long); the actions staff take from it."""
    if not is_staff(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _act(request)
    show = text_param(request.GET, "show", "all")
    if show not in health.FILTERS:
        show = "all"
    return TemplateResponse(
        request,
        "community_pages/admin/health.html",
        {
            "rows": health.community_rows(request, show),
            "pending": health.pending_requests(show),
            "show": show,
            "filters": [
                ("all", _("All communities")),
                ("inactive", _("Inactive")),
                ("waiting", _("With requests waiting")),
            ],
            "wait_days": health.request_wait().days,
        },
    )


def _act(request):
    action = request.POST.get("action")
    back = reverse("community_health")
    if show := request.POST.get("show"):
        back += f"?show={show}" if show in health.FILTERS else ""
    if action in ("approve", "reject"):
        _decide(request, action)
        return redirect(back)
    community = CommunityPage.objects.filter(
        pk=parse_int(request.POST.get("community"), minimum=1)
    ).first()
    if community is None or action not in ("archive", "revive", "remind"):
        raise PermissionDenied
    if action == "remind":
        _remind(request, community.canonical)
    else:
        services.set_archived(community, action == "archive")
        messages.success(request, _("The community has been updated."))
    return redirect(back)


def _decide(request, action):
    """Approve or reject every request named (``membership``, one or many), each through
    ``services`` in its own transaction: one that cannot be decided is reported and the
    others stand."""
    ids = request.POST.getlist("membership")[:MAX_DECISIONS]
    wanted = [number for value in ids if (number := parse_int(value, minimum=1)) is not None]
    found = {
        membership.pk: membership
        for membership in Membership.objects.filter(pk__in=wanted).select_related("community")
    }
    decide = services.approve if action == "approve" else services.reject
    decided, refused = 0, []
    for number in wanted:
        membership = found.get(number)
        if membership is None:
            refused.append(_("No such request."))
            continue
        try:
            decide(request.user, membership.community, membership.pk)
        except (PermissionDenied, ValidationError) as error:
            refused.append(" ".join(getattr(error, "messages", None) or [str(error)]))
        else:
            decided += 1
    refused += [_("No such request.")] * (len(ids) - len(wanted))
    if not ids:
        messages.warning(request, _("Choose at least one request."))
    if decided:
        text = (
            ngettext("%(count)d request approved.", "%(count)d requests approved.", decided)
            if action == "approve"
            else ngettext("%(count)d request rejected.", "%(count)d requests rejected.", decided)
        )
        messages.success(request, text % {"count": decided})
    if refused:
        reasons = " ".join(sorted(set(refused)))
        messages.error(
            request,
            ngettext(
                "%(count)d request could not be decided: %(reasons)s",
                "%(count)d requests could not be decided: %(reasons)s",
                len(refused),
            )
            % {"count": len(refused), "reasons": reasons},
        )


def _remind(request, community):
    listed, told = health.remind_now(community, request.user)
    if not listed:
        messages.warning(
            request,
            ngettext(
                "No request has waited more than %(days)d day: no reminder was sent.",
                "No request has waited more than %(days)d days: no reminder was sent.",
                health.request_wait().days,
            )
            % {"days": health.request_wait().days},
        )
    elif not told:
        messages.warning(
            request, _("The community has no administrator to remind: nothing was sent.")
        )
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d administrator reminded of the requests waiting.",
                "%(count)d administrators reminded of the requests waiting.",
                told,
            )
            % {"count": told},
        )
