"""Remind communities' administrators of requests to join that wait; run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from community_pages.health import send_reminders


class Command(BaseCommand):
    """``manage.py send_community_reminders``."""

    help = (
        "Email the administrators of each community (not archived) whose requests to join "
        "have waited more than COMMUNITY_REQUEST_WAIT_DAYS days (14 by default), each in "
        "their language, listing those requests with a link to the Manage community page; "
        "at most once in that many days per community, never with nothing to list. "
        "Exit status 0."
    )

    def handle(self, *args, **options):
        """Sends the reminders and reports how many communities and administrators."""
        communities, told = send_reminders()
        days = settings.COMMUNITY_REQUEST_WAIT_DAYS
        self.stdout.write(
            f"{communities} community(ies) with requests waiting over {days} days: "
            f"{told} administrator(s) reminded."
        )
