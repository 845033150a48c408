"""PostgreSQL: a GIN index on the facet keys, which the library's filters match (no-op
elsewhere: SQLite filters through the relation tables)."""

from django.db import migrations

INDEX = "library_publication_facet_keys_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON library_publicationpage USING gin (facet_keys)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("library", "0004_publication_facet_keys")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
