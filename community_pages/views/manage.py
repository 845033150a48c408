"""The administrators' "Manage community" page: requests, invitations, members, reports,
community pages. Each form posts an ``action``; each action is one function below."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import DecisionForm, InviteForm, ResourcePageForm
from community_pages.models import Membership
from community_pages.views.frame import deny, reader_rights, render
from portal.params import clean_lines, parse_int


def _reason(request):
    form = DecisionForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def _membership_id(request):
    """The ``membership`` the form names (None if none); anything but a number is refused."""
    value = request.POST.get("membership")
    if not value:
        return None
    membership_id = parse_int(value)
    if membership_id is None:
        raise PermissionDenied
    return membership_id


def approve(request, community):
    """Approve a request to join (with an optional reason to the member)."""
    services.approve(request.user, community, _membership_id(request), _reason(request))


def reject(request, community):
    """Reject a request to join (with an optional reason to the member)."""
    services.reject(request.user, community, _membership_id(request), _reason(request))


def remove(request, community):
    """Remove a member from the community."""
    services.remove(request.user, community, _membership_id(request))


def promote(request, community):
    """Make a member an administrator."""
    services.set_role(request.user, community, _membership_id(request), Membership.Role.ADMIN)


def demote(request, community):
    """Make an administrator a member again."""
    services.set_role(request.user, community, _membership_id(request), Membership.Role.MEMBER)


def _decide_report(request, community, remove):
    report_id = parse_int(request.POST.get("report", ""))
    if report_id is None:
        raise PermissionDenied
    comment = clean_lines(request.POST.get("comment", ""), max_length=1000)
    services.close_report(request.user, community, report_id, comment, remove=remove)


def remove_reported(request, community):
    """Remove a reported post and close its reports (with an optional comment to the
    reporters and the poster)."""
    _decide_report(request, community, remove=True)


def keep_reported(request, community):
    """Keep a reported post and close its reports (with an optional comment to the
    reporters)."""
    _decide_report(request, community, remove=False)


def invite(request, community):
    """Invite someone by email address."""
    form = InviteForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Please enter a valid email address."))
    services.invite(request.user, community, form.cleaned_data["email"])


def add_page(request, community):
    """Publish a community page; the administrator is taken to it."""
    form = ResourcePageForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Please give the page a title and some text."))
    page = services.add_resource_page(request.user, community, **form.cleaned_data)
    messages.success(request, _("The community page has been published."))
    return redirect(page.get_url(request))


ACTIONS = {
    "approve": approve,
    "reject": reject,
    "remove": remove,
    "promote": promote,
    "demote": demote,
    "remove_reported": remove_reported,
    "keep_reported": keep_reported,
    "invite": invite,
    "add_page": add_page,
}


def manage(request, community):
    """The pending queue, invitations, members and reports; POST runs one action."""
    if not reader_rights(request, community).manage:
        return deny(request)
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action"))
        if action is None:
            raise PermissionDenied
        try:
            response = action(request, community)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        if response is not None:
            return response
        messages.success(request, _("Done."))
        return redirect(request.path)
    memberships = Membership.objects.filter(community_id=community.canonical_pk).select_related(
        "user"
    )
    open_reports, closed_reports = services.reports_for(community)
    return render(
        request,
        community,
        "community_pages/manage.html",
        {
            "pending": memberships.filter(status=Membership.Status.PENDING).order_by("created_at"),
            "invited": community.canonical.invitations.filter(accepted_at__isnull=True),
            "members": memberships.filter(status=Membership.Status.ACTIVE).order_by(
                "-role", "user__last_name"
            ),
            "open_reports": open_reports,
            "closed_reports": closed_reports,
            "invite_form": InviteForm(),
            "page_form": ResourcePageForm(),
            "decision_form": DecisionForm(),
        },
    )
