"""``manage.py refresh_facet_keys``: write again the facet keys of every publication, and
count their totals again (PostgreSQL)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Recompute the facet keys the library listing counts (library/facets.py) for every "
        "publication, and write those that changed. Saving a publication and moving or "
        "deleting a theme keep them true; run this after editing relations in bulk SQL. On "
        "PostgreSQL it also counts the facet totals again (triggers keep them; a restore "
        "with triggers disabled would not)."
    )

    def handle(self, *args, **options):
        from library.facets import on_totals, recount_totals, refresh_facet_keys
        from library.models import PublicationPage

        total = PublicationPage.objects.count()
        changed = refresh_facet_keys(PublicationPage.objects.all())
        self.stdout.write(f"{changed} of {total} publications had stale facet keys.")
        if on_totals(recount_totals):
            self.stdout.write("Facet totals counted again.")
