"""PostgreSQL: a GIN index on the facet keys, which the library's filters match (no-op
elsewhere: SQLite filters through the relation tables)."""

import functools

from django.db import migrations

INDEX = "library_publication_facet_keys_gin"


def on_postgresql(operation):
    """``operation(cursor)`` as a ``RunPython`` function that runs it with a cursor of the
    migrated database when that is PostgreSQL, and does nothing elsewhere (frozen copy of
    what was ``portal.postgres.on_postgresql``: a migration does not import live code)."""

    @functools.wraps(operation)
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            operation(cursor)

    return run


@on_postgresql
def create_index(cursor):
    cursor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON library_publicationpage USING gin (facet_keys)"
    )


@on_postgresql
def drop_index(cursor):
    cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("library", "0004_publication_facet_keys")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
