"""``manage.py import_publications FILE``: bulk import of publications (CSV or JSON)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.importer import Importer, read_rows


class Command(BaseCommand):
    """``manage.py import_publications <file> [--quiet-progress]``."""

    help = (
        "Import publications from a CSV or JSON file into the library. Rows are matched on "
        "their 'identifier' (and locale): new ones are created, changed ones updated, "
        "unchanged ones left alone; rows that cannot be imported are reported with the "
        "reason. Exits with status 1 when any row was rejected. See library/importer.py "
        "for the columns."
    )

    def add_arguments(self, parser):
        """Adds the file (CSV or JSON) and ``--quiet-progress``."""
        parser.add_argument("file", help="Path to a .csv or .json file.")
        parser.add_argument(
            "--quiet-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(self, *args, file, quiet_progress=False, **options):
        """Imports the file and reports the rows created, updated, unchanged and rejected (with
        why); fails if any row was rejected."""

        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            rows = read_rows(path)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        report = Importer(path.parent).run(rows, progress=None if quiet_progress else self.progress)
        if not quiet_progress and rows:
            self.stdout.write("")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected"
        )
        for number, identifier, reason in report.rejected:
            self.stdout.write(
                self.style.ERROR(f"  row {number} ({identifier or 'no identifier'}): {reason}")
            )
        if report.rejected:
            raise CommandError(f"{len(report.rejected)} row(s) rejected.")

    def progress(self, done, total):
        """Redraws the progress bar: ``done`` of ``total`` rows."""
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
