"""The library's read model: ``ListingEntry``, one row per publication and listing language.

The entries are written by ``library.indexing`` (``manage.py rebuild_listing`` for the
publications that exist; ``library.apps`` runs it after ``migrate`` on a small database).
On PostgreSQL the listing's filters and text matching are answered by two GIN indexes,
which Django declares for PostgreSQL only, so they are created here (nothing elsewhere).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import library.facets

GIN_INDEXES = {
    "library_listing_facet_keys": "facet_keys",
    "library_listing_search_vector": "search_vector",
}


def create_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name, column in GIN_INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON library_listingentry USING gin ({column})"
            )


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in GIN_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("library", "0008_facet_totals")]

    operations = [
        migrations.CreateModel(
            name="ListingEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=12)),
                ("in_own_language", models.BooleanField(default=True)),
                ("audience", models.CharField(default="public", max_length=32)),
                ("title", models.CharField(max_length=255)),
                ("year", models.PositiveSmallIntegerField()),
                ("publication_date", models.DateField(blank=True, null=True)),
                ("first_published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "facet_keys",
                    library.facets.FacetKeysField(blank=True, default=list, size=None),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
                ),
                ("title_words", models.TextField(blank=True, default="")),
                ("words", models.TextField(blank=True, default="")),
                (
                    "publication",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="listing_entries",
                        to="library.publicationpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "listing entry",
                "verbose_name_plural": "listing entries",
                "indexes": [
                    models.Index(
                        fields=["language", "audience", "-year", "-publication_date"],
                        name="library_listing_newest",
                    ),
                    models.Index(fields=["language", "title"], name="library_listing_title"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("publication", "language"), name="library_listing_entry_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(create_gin_indexes, drop_gin_indexes, elidable=False),
    ]
