"""django-allauth adapter: usernames from emails, a profile for every new member."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # Members log in with their email; the username is an internal, unique handle.
        if not user.username:
            user.username = f"m-{uuid.uuid4().hex[:12]}"

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from portal.models import MemberProfile

            MemberProfile.objects.get_or_create(
                user=user,
                defaults={"preferred_language": translation.get_language() or "en"},
            )
        return user

    def get_email_confirmation_url(self, request, emailconfirmation):
        # Keep the reader's language in the link they receive.
        return super().get_email_confirmation_url(request, emailconfirmation)
