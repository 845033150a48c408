"""Tell members of new results of their saved searches; run every hour from the scheduler."""

from django.core.management.base import BaseCommand

from portal.saved_searches import send_search_alerts


class Command(BaseCommand):
    """``manage.py send_search_alerts``."""

    help = (
        "Email members the new results of the saved searches that are due (hourly, daily "
        "into the digest, or weekly, as each chose), never an empty email."
    )

    def handle(self, *args, **options):
        """Sends the alerts and reports how many were sent or queued."""
        told = send_search_alerts()
        self.stdout.write(f"Sent or queued {told} saved-search alert(s).")
