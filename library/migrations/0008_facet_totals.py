"""Formerly: facet totals per language and audience (``library_facettotal``), kept by
triggers on the publications.

They went with the listing's read model (0009, 0010): on a new database this migration only
records the (unmanaged) model that 0010 deletes; on one that has the table and triggers,
0010 drops them. Going backwards it removes them if present.
"""

from django.db import migrations, models

PUBLICATIONS = "library_publicationpage"
TRIGGERS = (
    "library_facet_totals_insert",
    "library_facet_totals_delete",
    "library_facet_totals_update",
    "library_facet_totals_truncate",
)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {PUBLICATIONS}")
        cursor.execute("DROP FUNCTION IF EXISTS library_facet_totals_changed()")
        cursor.execute("DROP FUNCTION IF EXISTS library_facet_total_keys(text, text, text[])")
        cursor.execute("DROP TABLE IF EXISTS library_facettotal")


class Migration(migrations.Migration):
    dependencies = [("library", "0007_publication_search_document")]

    operations = [
        migrations.CreateModel(
            name="FacetTotal",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("language", models.CharField(max_length=12)),
                ("audience", models.CharField(max_length=32)),
                ("key", models.TextField()),
                ("n", models.IntegerField()),
            ],
            options={"db_table": "library_facettotal", "managed": False},
        ),
        migrations.RunPython(migrations.RunPython.noop, drop, elidable=False),
    ]
