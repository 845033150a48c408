"""Scheduler entry point: remind registrants of sessions starting soon (safe to run often)."""

from django.core.management.base import BaseCommand

from webinars.tasks import send_webinar_reminders


class Command(BaseCommand):
    """``manage.py send_webinar_reminders [--hours N]``."""

    help = (
        "Email a reminder to everyone registered for a webinar that starts within the next "
        "--hours hours (default 24). Each registrant is reminded once, however often this runs."
    )

    def add_arguments(self, parser):
        """Adds ``--hours``: how far ahead to look (24 by default)."""
        parser.add_argument("--hours", type=int, default=24, help="How far ahead to look.")

    def handle(self, *args, **options):
        """Sends the reminders due and reports how many were sent."""
        sent = send_webinar_reminders.call(hours_before=options["hours"])
        self.stdout.write(self.style.SUCCESS(f"Reminders sent: {sent}"))
