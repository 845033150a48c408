"""Report inactive communities and old pending requests (for a scheduler)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from community_pages import services


class Command(BaseCommand):
    """``manage.py report_inactive_communities [--fail-on-findings]``."""

    help = (
        "List communities with no new discussion, comment, file or event for over a year (with "
        "their pending-request count) and requests to join waiting for more than "
        "COMMUNITY_REQUEST_WAIT_DAYS days (14 by default). Exit status 0; with "
        "--fail-on-findings, exit status 1 when there is something to report."
    )

    def add_arguments(self, parser):
        """Adds ``--fail-on-findings``: exit with status 1 when anything is reported."""
        parser.add_argument(
            "--fail-on-findings",
            action="store_true",
            help="Exit with status 1 when anything is reported (for monitoring).",
        )

    def handle(self, *args, **options):
        """Lists the inactive communities and the requests waiting too long."""
        inactive = services.inactive_communities()
        old = list(services.old_pending_requests())
        self.stdout.write(f"Inactive communities: {len(inactive)}")
        for community in inactive:
            last = community.last_activity_at or community.first_published_at
            state = "archived" if community.archived else "active"
            self.stdout.write(
                f"  {community.title} (#{community.pk}, {state}): last activity "
                f"{last:%Y-%m-%d}, {community.pending} pending request(s)"
            )
        days = settings.COMMUNITY_REQUEST_WAIT_DAYS
        self.stdout.write(f"Requests to join waiting for more than {days} days: {len(old)}")
        for membership in old:
            self.stdout.write(
                f"  {membership.user.email} → {membership.community.title} "
                f"since {membership.created_at:%Y-%m-%d}"
            )
        if options["fail_on_findings"] and (inactive or old):
            raise SystemExit(1)
