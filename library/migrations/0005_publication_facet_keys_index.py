"""PostgreSQL: a GIN index on the facet keys, which the library's filters match (no-op
elsewhere: SQLite filters through the relation tables)."""

from django.db import migrations

from portal.postgres import on_postgresql

INDEX = "library_publication_facet_keys_gin"


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
