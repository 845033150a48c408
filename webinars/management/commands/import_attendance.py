"""Import a conferencing tool's attendance report for one webinar."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from webinars.attendance import import_attendance
from webinars.models import WebinarPage


class Command(BaseCommand):
    """``manage.py import_attendance <webinar> <csv_file>``."""

    help = (
        "Record who attended a webinar from the CSV attendance report of a conferencing tool. "
        "Rows are matched to registrations by email; attendees who never registered are recorded and listed, malformed rows are listed. "
        "Exits with status 1 if any row was malformed."
    )

    def add_arguments(self, parser):
        """Adds the webinar (page id or slug) and the CSV file's path."""
        parser.add_argument("webinar", help="The webinar's page id or slug.")
        parser.add_argument("csv_file", help="Path of the CSV file.")

    def handle(self, *args, **options):
        """Imports the file and lists the unmatched and malformed rows; exits with status 1 if
        any row was malformed."""
        key = options["webinar"]
        qs = (
            WebinarPage.objects.filter(pk=key)
            if key.isdigit()
            else WebinarPage.objects.filter(slug=key)
        )
        webinar = qs.order_by("locale_id").first()
        if webinar is None:
            raise CommandError(f"No webinar with id or slug {key!r}.")
        path = Path(options["csv_file"])
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        report = import_attendance(webinar, path.read_bytes())
        self.stdout.write(f"Webinar: {webinar.title}")
        self.stdout.write(f"Attendees recorded: {report.matched} new, {report.already} updated")
        if report.absent:
            self.stdout.write(f"Registrants listed as not attending (left out): {report.absent}")
        for line, email in report.unmatched:
            self.stdout.write(f"  line {line}: {email} attended without registering (recorded)")
        for line, reason in report.malformed:
            self.stderr.write(f"  line {line}: {reason}")
        if report.malformed:
            raise SystemExit(1)
