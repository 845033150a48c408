"""Make sure an administrator account exists, and say how to log in."""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from portal.models import MemberProfile


class Command(BaseCommand):
    """``manage.py ensure_admin``."""

    help = (
        "Create the administrator account if it does not exist (email from ADMIN_EMAIL, "
        "password from ADMIN_PASSWORD; defaults admin@example.org / admin for local use)."
    )

    def handle(self, *args, **options):
        """Creates the ``admin`` superuser if missing, verifies its email, gives it a profile and
        says how to log in."""
        email = os.environ.get("ADMIN_EMAIL", "admin@example.org")
        password = os.environ.get("ADMIN_PASSWORD", "admin")
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None:
            user = User.objects.create_superuser(
                "admin", email, password, first_name="Portal", last_name="Administrator"
            )
            self.stdout.write(self.style.SUCCESS("Created the administrator account."))
            shown_password = password
        else:
            shown_password = "(unchanged)"
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        MemberProfile.objects.get_or_create(user=user)
        self.stdout.write(
            f"Administrator: log in at /admin/ as 'admin' or at /en/accounts/login/ as "
            f"{user.email}, password {shown_password}"
        )
