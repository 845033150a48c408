"""The admin's Moderation screen: everything waiting for the reader's decision, oldest first.

Requests to join are approved or rejected, and reported posts removed or kept, from here through the
communities' own services (their rules, their records and their emails); submissions link
to Wagtail's edit page, where its workflow actions (approve, reject, with a comment) are.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community_pages import services
from community_pages.models import Membership, Report
from insights.moderation import KINDS, counts, may_moderate, waiting_for
from portal.params import clean_lines, parse_int

COMMENT_LENGTH = 1000


def _decide(request):
    """Carry out the POSTed decision; return the message to show (and whether it failed)."""
    action = request.POST.get("action", "")
    comment = clean_lines(request.POST.get("comment", ""), max_length=COMMENT_LENGTH)
    pk = parse_int(request.POST.get("item", ""), minimum=1)
    try:
        if action in ("approve", "reject"):
            membership = (
                Membership.objects.select_related("community").filter(pk=pk).first()
                if pk is not None
                else None
            )
            if membership is None:
                return _("This request to join no longer exists."), True
            decide = services.approve if action == "approve" else services.reject
            decide(request.user, membership.community, membership.pk, reason=comment)
            if action == "approve":
                return _("The request has been approved and the member told."), False
            return _("The request has been rejected and the member told."), False
        if action in ("remove", "keep"):
            report = (
                Report.objects.select_related("community").filter(pk=pk).first()
                if pk is not None
                else None
            )
            if report is None:
                return _("This report no longer exists."), True
            services.close_report(
                request.user, report.community, report.pk, comment, remove=action == "remove"
            )
            if action == "remove":
                return _("The post has been removed; the poster and the reporters are told."), False
            return _("The post has been kept; the reporters are told."), False
    except (PermissionDenied, ValidationError) as error:
        text = " ".join(getattr(error, "messages", None) or [str(error)])
        return text or _("You cannot decide this."), True
    return _("Unknown action."), True


@require_http_methods(["GET", "POST"])
def moderation_queue(request):
    """What waits for the reader's decision (``?kind=`` one kind), with its counts."""
    if not may_moderate(request.user):
        raise PermissionDenied
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    if request.method == "POST":
        text, failed = _decide(request)
        (messages.error if failed else messages.success)(request, text)
        url = reverse("insights_moderation")
        return redirect(f"{url}?kind={kind}" if kind else url)
    waiting = counts(request.user)
    return TemplateResponse(
        request,
        "insights/moderation/queue.html",
        {
            "items": waiting_for(request.user, [kind] if kind else None),
            "kinds": [(key, label, waiting[key]) for key, label in KINDS.items()],
            "kind": kind,
            "total": sum(waiting.values()),
        },
    )
