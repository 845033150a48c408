"""Email the translation dashboard's counts to the editors who asked for them; run weekly
(on Mondays) from the scheduler."""

from django.core.management.base import BaseCommand

from portal.translation_status import send_weekly_reports


class Command(BaseCommand):
    """``manage.py send_translation_report``."""

    help = "Email the weekly translation report to the editors who asked for it."

    def handle(self, *args, **options):
        """Sends the weekly translation reports and reports how many were sent."""
        sent = send_weekly_reports()
        self.stdout.write(f"Sent {sent} translation report(s).")
