"""The library app's configuration, and its listing entries written after ``migrate``."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# ``migrate`` writes the listing entries itself up to this many publications; above it the
# platform team runs ``manage.py rebuild_listing`` (it prints its progress).
REBUILD_AFTER_MIGRATE_UP_TO = 5000


def fill_listing_after_migrate(sender, using, verbosity=1, stdout=None, **kwargs):
    """A database whose publications have no listing entries (one just migrated to the read
    model) gets them, when it is small enough to do it now."""
    from django.db import connections

    from library.models import ListingEntry, PublicationPage

    if ListingEntry._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the read model
    manager = PublicationPage.objects.using(using)
    if ListingEntry.objects.using(using).exists() or not manager.exists():
        return
    count = manager.count()
    if count > REBUILD_AFTER_MIGRATE_UP_TO:
        if verbosity and stdout is not None:
            stdout.write(f"{count} publications have no listing entries: run rebuild_listing.")
        return
    from library.indexing import rebuild

    rebuild()


class LibraryConfig(AppConfig):
    """The library app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "library"
    label = "library"
    verbose_name = _("Library")

    def ready(self):
        """Connects the library's signal handlers and the listing's filling after ``migrate``."""
        from library import signals  # noqa: F401

        post_migrate.connect(fill_listing_after_migrate, sender=self)
