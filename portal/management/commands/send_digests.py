"""Send the digest emails: the daily one once a day, the weekly one (``--weekly``) once a
week, from the scheduler."""

from django.core.management.base import BaseCommand

from portal.notifications import send_daily_digests, send_weekly_digests


class Command(BaseCommand):
    """``manage.py send_digests [--weekly]``."""

    help = (
        "Send every member with queued notifications their daily digest email (with "
        "--weekly: their weekly digest), grouped by kind."
    )

    def add_arguments(self, parser):
        """``--weekly``: the weekly digests instead of the daily ones."""
        parser.add_argument("--weekly", action="store_true", help="Send the weekly digests.")

    def handle(self, *args, **options):
        """Sends the digests and reports how many were sent."""
        if options["weekly"]:
            sent = send_weekly_digests.call()
            self.stdout.write(f"Sent {sent} weekly digest email(s).")
        else:
            sent = send_daily_digests.call()
            self.stdout.write(f"Sent {sent} digest email(s).")
