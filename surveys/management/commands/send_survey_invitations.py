"""Invite members to the surveys that have opened; run every hour from the scheduler."""

from django.core.management.base import BaseCommand

from surveys.tasks import send_due_invitations


class Command(BaseCommand):
    """``manage.py send_survey_invitations``."""

    help = (
        "Email the members of each community whose survey has opened since the last run "
        "(surveys created to open on a later day), as each member's preference says."
    )

    def handle(self, *args, **options):
        """Sends the invitations and reports how many surveys opened."""
        opened = send_due_invitations()
        self.stdout.write(f"Invited the members of {opened} survey(s) that opened.")
