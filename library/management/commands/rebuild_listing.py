"""``manage.py rebuild_listing``: write every entry of the library's read model again."""

from django.core.management.base import BaseCommand

from library.indexing import rebuild


class Command(BaseCommand):
    """``manage.py rebuild_listing``."""

    help = (
        "Write again every library listing entry (library.ListingEntry: one row per "
        "publication and listing language, with its facet keys and analysed text). Saving a "
        "publication and moving or deleting a theme keep the entries true; run this after a "
        "migration that creates them, after loading publications in bulk SQL, or after "
        "changing the text analysis."
    )

    def handle(self, *args, **options):
        """Writes every listing entry again and reports how many were written."""

        written = rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{written} listing entries written."))
