"""Tell members what is new in what they follow; run every hour from the scheduler."""

from django.core.management.base import BaseCommand

from portal.following import send_follow_updates


class Command(BaseCommand):
    """``manage.py send_follow_updates``."""

    help = (
        "Email every member what is new in what they follow since they were last told "
        "(or queue it for their daily digest, as each chose)."
    )

    def handle(self, *args, **options):
        """Tells the members and reports how many were told."""
        told = send_follow_updates()
        self.stdout.write(f"Told {told} member(s) of what is new in what they follow.")
