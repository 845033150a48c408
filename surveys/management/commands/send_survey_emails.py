"""A survey's emails when it opens and when it closes; run every hour from the scheduler."""

from django.core.management.base import BaseCommand

from surveys.tasks import send_survey_emails


class Command(BaseCommand):
    """``manage.py send_survey_emails``."""

    help = (
        "Invite the members of each community whose survey has opened since the last run "
        "(surveys created to open on a later day), and tell the creator (and the respondents, "
        "when they may read the results) of each survey that has closed, as each member's "
        "preference says."
    )

    def handle(self, *args, **options):
        """Sends the emails and reports how many surveys opened and closed."""
        opened, closed = send_survey_emails()
        self.stdout.write(f"{opened} survey(s) opened, {closed} closed: their emails are sent.")
