"""Formerly: a ``search_document`` column on the publications, kept by a trigger on Wagtail's
search index entries.

Both went with the listing's read model (0009, 0010): on a new database this migration does
nothing; on one that has them, 0010 drops them. Going backwards it removes them if present.
"""

from django.db import migrations

TABLE = "library_publicationpage"
TRIGGER = "library_copy_search_document"
ENTRIES = "wagtailsearch_indexentry"


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {ENTRIES}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
        cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_document")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0006_publication_facet_keys_array"),
        ("portal_search", "0003_postgres_document_function"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, drop, elidable=False)]
