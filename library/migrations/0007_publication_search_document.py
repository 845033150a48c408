"""PostgreSQL: a copy of each publication's match document in its own row.

``search_document`` holds ``strip(title || body)`` of the publication's index entry: the
document the database search engine matches, without the positions and weights that
plain-text matching never reads. A trigger on Wagtail's index entries keeps it in step
(whatever writes or deletes an entry: a save, ``update_index``, a rebuild), and the engine
matches the library listing against it through a GIN index, so a broad query's facets are
counted in one table, without reading the wide index entries or joining them. The column is
not a model field (the ORM never writes it); the migration fills it from the entries already
there. No-op elsewhere.
"""

from django.db import migrations

from portal.postgres import on_postgresql

TABLE = "library_publicationpage"
COLUMN = "search_document"
INDEX = "library_publication_search_document_gin"
FUNCTION = "library_copy_search_document"
TRIGGER = "library_copy_search_document"
ENTRIES = "wagtailsearch_indexentry"
PUBLICATION_TYPE = (
    "SELECT id FROM django_content_type WHERE app_label = 'library' AND model = 'publicationpage'"
)


def copy_from_index(cursor):
    """Fill the column from the publications' index entries."""
    cursor.execute(
        f"UPDATE {TABLE} AS t SET {COLUMN} = strip(portal_document(e.title, e.body)) "
        f"FROM {ENTRIES} e WHERE e.content_type_id = ({PUBLICATION_TYPE}) "
        "AND e.object_id = t.page_ptr_id::text"
    )


@on_postgresql
def add(cursor):
    cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector")
    copy_from_index(cursor)
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({COLUMN})")
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE publication integer := ({PUBLICATION_TYPE});
        BEGIN
            IF OLD.content_type_id = publication AND (TG_OP = 'DELETE'
                OR (OLD.content_type_id, OLD.object_id)
                IS DISTINCT FROM (NEW.content_type_id, NEW.object_id)) THEN
                UPDATE {TABLE} SET {COLUMN} = NULL WHERE page_ptr_id = OLD.object_id::bigint;
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.content_type_id = publication THEN
                UPDATE {TABLE} SET {COLUMN} = strip(portal_document(NEW.title, NEW.body))
                WHERE page_ptr_id = NEW.object_id::bigint;
            END IF;
            RETURN NULL;
        END $$
        """
    )
    cursor.execute(
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF "
        f"title, body, content_type_id, object_id ON {ENTRIES} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
    )


@on_postgresql
def drop(cursor):
    cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {ENTRIES}")
    cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0006_publication_facet_keys_array"),
        ("portal_search", "0003_postgres_document_function"),
    ]

    operations = [migrations.RunPython(add, drop, elidable=False)]
