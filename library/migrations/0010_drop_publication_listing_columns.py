"""The listing's former machinery goes: ``listed_in`` and ``facet_keys`` on the publications
(now on ``ListingEntry``), and on PostgreSQL the facet totals' table and triggers (0008) and
the ``search_document`` column with its trigger on Wagtail's index entries (0007).

Backwards the two columns come back empty (``manage.py rebuild_listing`` of that version
filled them); the triggers and totals are not recreated.
"""

from django.db import migrations

PUBLICATIONS = "library_publicationpage"
TRIGGERS = {
    "library_facet_totals_insert": PUBLICATIONS,
    "library_facet_totals_delete": PUBLICATIONS,
    "library_facet_totals_update": PUBLICATIONS,
    "library_facet_totals_truncate": PUBLICATIONS,
    "library_copy_search_document": "wagtailsearch_indexentry",
}
FUNCTIONS = (
    "library_facet_totals_changed()",
    "library_facet_total_keys(text, text, text[])",
    "library_copy_search_document()",
    "portal_document(tsvector, tsvector)",  # portal_search 0003's, which that trigger called
)


def drop_machinery(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for trigger, table in TRIGGERS.items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for function in FUNCTIONS:
            cursor.execute(f"DROP FUNCTION IF EXISTS {function}")
        cursor.execute("DROP TABLE IF EXISTS library_facettotal")
        cursor.execute(f"ALTER TABLE {PUBLICATIONS} DROP COLUMN IF EXISTS search_document")


class Migration(migrations.Migration):
    dependencies = [("library", "0009_listing_entries")]

    operations = [
        migrations.RunPython(drop_machinery, migrations.RunPython.noop, elidable=False),
        migrations.DeleteModel(name="FacetTotal"),
        migrations.RemoveField(model_name="publicationpage", name="facet_keys"),
        migrations.RemoveField(model_name="publicationpage", name="listed_in"),
    ]
