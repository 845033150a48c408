"""Joining and leaving a community: one POST endpoint, one function per action."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import RequestForm
from community_pages.views.frame import reader_rights, render
from portal import ratelimits


def welcome():
    """The message of a new member."""
    return _("Welcome! You are now a member of this community.")


def join(request, community, rights):
    """Join a public or open community at once."""
    services.join(request.user, community)
    return welcome()


def ask(request, community, rights):
    """Ask to join a semi-private community, with an optional message."""
    form = RequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    services.request_membership(request.user, community, message)
    return _("Your request has been sent to the community's administrators.")


def accept(request, community, rights):
    """Accept the invitation sent to the reader's address."""
    invitation = None
    if rights.accept_invitation:
        invitation = community.canonical.invitations.filter(
            email__iexact=request.user.email, accepted_at__isnull=True
        ).first()
    if invitation is None:
        services.refuse_membership(
            request.user, community, _("You have no invitation to this community.")
        )
    services.accept_invitation(request.user, invitation)
    return welcome()


def cancel(request, community, rights):
    """Withdraw a request to join."""
    services.cancel_request(request.user, community)
    return _("Your request to join has been withdrawn.")


def leave(request, community, rights):
    """Leave the community."""
    services.leave(request.user, community)
    return _("You have left the community.")


# The form's ``action`` field names one of these; each returns the message of success.
ACTIONS = {"join": join, "request": ask, "accept": accept, "cancel": cancel, "leave": leave}
LIMITED = {"join", "request"}


def membership(request, community):
    """POST only: join, ask to join, accept an invitation, withdraw a request, leave."""
    if request.method != "POST":
        return redirect(community.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(community.get_url(request))
    action = ACTIONS.get(request.POST.get("action"))
    if action is None:
        raise PermissionDenied
    if request.POST["action"] in LIMITED and not ratelimits.allow(request, "community_join"):
        # The request form comes back with the message the reader wrote.
        return render(
            request,
            community,
            "community_pages/refused.html",
            {"request_form": RequestForm(request.POST), "refused": ratelimits.refused_message()},
            status=ratelimits.TOO_MANY_REQUESTS,
        )
    try:
        messages.success(request, action(request, community, reader_rights(request, community)))
    except ValidationError as error:
        # A second click finds the reader already in: news, not a failure.
        already = getattr(error, "code", None) in ("already_member", "request_pending")
        level = messages.INFO if already else messages.ERROR
        messages.add_message(request, level, " ".join(error.messages))
    return redirect(community.get_url(request))
