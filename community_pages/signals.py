"""Signal handlers: forget memoised rights on change; invitations follow sign-up."""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from community_pages.models import Membership, WorkingGroupMembership
from community_pages.services import accept_invitations_for_email
from portal.access import invalidate


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
@receiver(post_save, sender=WorkingGroupMembership)
@receiver(post_delete, sender=WorkingGroupMembership)
def forget_rights(**kwargs):
    """A membership changed: forget the memoised rights."""
    invalidate()


@receiver(email_confirmed)
def join_invited_communities(request, email_address, **kwargs):
    """An invitation for someone without an account leads through sign-up into the community."""
    accept_invitations_for_email(email_address.user, email_address.email)


@receiver(user_logged_in)
def join_invited_communities_on_login(request, user, **kwargs):
    """After logging in from an invitation link: join every community invited to at the
    user's verified addresses."""
    token = request.session.pop("community_invitation", None) if request else None
    if not token:
        return
    for address in EmailAddress.objects.filter(user=user, verified=True):
        accept_invitations_for_email(user, address.email)
