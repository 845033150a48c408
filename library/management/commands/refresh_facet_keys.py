"""``manage.py refresh_facet_keys``: write again the facet keys of every publication."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Recompute the facet keys the library listing counts (library/facets.py) for every "
        "publication, and write those that changed. Saving a publication and moving or "
        "deleting a theme keep them true; run this after editing relations in bulk SQL."
    )

    def handle(self, *args, **options):
        from library.facets import refresh_facet_keys
        from library.models import PublicationPage

        total = PublicationPage.objects.count()
        changed = refresh_facet_keys(PublicationPage.objects.all())
        self.stdout.write(f"{changed} of {total} publications had stale facet keys.")
