"""Outside a community's pages: the invitation link, and renewing a member's feed links."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from community_pages import services
from community_pages.calendar import renew_feed_token
from community_pages.models import Invitation


def invitation_view(request, token):
    """The link in an invitation email: sign up or log in, then join."""
    invitation = Invitation.objects.filter(token=token).select_related("community").first()
    if invitation is None:
        raise Http404
    community = invitation.community
    locale = Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()
    target = community.get_translation_or_none(locale) if locale else None
    target = target or community
    if not request.user.is_authenticated:
        request.session["community_invitation"] = token
        known = EmailAddress.objects.filter(email__iexact=invitation.email).exists()
        return TemplateResponse(
            request,
            "community_pages/invitation.html",
            {"invitation": invitation, "community": target, "has_account": known},
        )
    verified = EmailAddress.objects.filter(
        user=request.user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise PermissionDenied
    if invitation.accepted_at is None:
        try:
            services.accept_invitation(request.user, invitation)
            messages.success(request, _("Welcome! You are now a member of this community."))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(target.get_url(request))


@login_required
@require_POST
def renew_feed_links(request):
    """The profile page's button: the member's feed links are replaced, the old ones are dead."""
    renew_feed_token(request.user)
    messages.success(
        request,
        _(
            "Your old feed links no longer work. Subscribe again with the new links below in "
            "your calendar and your feed reader."
        ),
    )
    return redirect("portal:profile")
