"""Email the moderators what waits for their decision (for a daily scheduler)."""

from django.core.management.base import BaseCommand

from insights.moderation import send_digest


class Command(BaseCommand):
    """``manage.py send_moderation_digest``."""

    help = (
        "Email each moderator (staff, reviewers of submitted publications, administrators "
        "of communities with requests or reports waiting), in their language, what waits "
        "for their decision: counts per kind and the oldest items. Nobody with nothing "
        "waiting is emailed. Run daily. Exit status 0, or 1 if an email could not be sent."
    )

    def handle(self, *args, **options):
        """Sends the emails and says how many were sent."""
        sent, failed = send_digest()
        self.stdout.write(f"Moderation emails sent: {sent}")
        if failed:
            self.stderr.write(f"Moderation emails that could not be sent: {failed}")
            raise SystemExit(1)
