"""PostgreSQL: a copy of each publication's match document in its own row.

The database search engine writes ``strip(title || body)`` of a publication's index entry
into ``search_document`` whenever it indexes the publication
(``search.backends.database.copy_documents``), and matches the library listing against it
through a GIN index: a broad query's facets are then counted in one table, without reading
the wide index entries or joining them. The column is not a model field (the ORM never
writes it); the migration fills it from the entries already there. No-op elsewhere.
"""

from django.db import migrations

TABLE = "library_publicationpage"
COLUMN = "search_document"
INDEX = "library_publication_search_document_gin"


def copy_from_index(cursor):
    """Fill the column from the publications' index entries."""
    cursor.execute(
        f"UPDATE {TABLE} AS t SET {COLUMN} = strip(portal_document(e.title, e.body)) "
        "FROM wagtailsearch_indexentry e JOIN django_content_type c "
        "ON c.id = e.content_type_id AND c.app_label = 'library' "
        "AND c.model = 'publicationpage' WHERE e.object_id = t.page_ptr_id::text"
    )


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector")
        copy_from_index(cursor)
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({COLUMN})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0006_publication_facet_keys_array"),
        ("portal_search", "0003_postgres_document_function"),
    ]

    operations = [migrations.RunPython(add, drop, elidable=False)]
