"""The listing's counts as a PostgreSQL materialised view (``library.ListingCount``).

Made from ``library_listingentry`` alone, with the unique index ``REFRESH MATERIALIZED VIEW
CONCURRENTLY`` needs; other databases get nothing (the model is not managed, and their
counts are made from the entries). Imports no application code.
"""

from django.db import migrations, models

CREATE = """
CREATE MATERIALIZED VIEW library_listingcount AS
    SELECT e.language, e.audience, k.key, COUNT(*)::integer AS entries
    FROM library_listingentry e, unnest(e.facet_keys || ARRAY['']::text[]) AS k(key)
    GROUP BY e.language, e.audience, k.key;
CREATE UNIQUE INDEX library_listingcount_unique
    ON library_listingcount (language, audience, key);
"""
DROP = "DROP MATERIALIZED VIEW IF EXISTS library_listingcount;"


def create_view(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_view(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0010_drop_publication_listing_columns"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingCount",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "language",
                        "audience",
                        "key",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("language", models.CharField(max_length=12)),
                ("audience", models.CharField(max_length=32)),
                ("key", models.TextField()),
                ("entries", models.PositiveIntegerField()),
            ],
            options={
                "verbose_name": "listing count",
                "verbose_name_plural": "listing counts",
                "db_table": "library_listingcount",
                "managed": False,
            },
        ),
        migrations.RunPython(create_view, drop_view),
    ]
