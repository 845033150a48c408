"""Send the daily digest emails; run once a day from the scheduler."""

from django.core.management.base import BaseCommand

from portal.notifications import send_daily_digests


class Command(BaseCommand):
    """``manage.py send_digests``."""

    help = "Send every member with queued notifications their daily digest email."

    def handle(self, *args, **options):
        """Sends the daily digests and reports how many were sent."""
        sent = send_daily_digests.call()
        self.stdout.write(f"Sent {sent} digest email(s).")
