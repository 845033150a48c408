"""PostgreSQL: the ``portal_document(title, body)`` function (``title || body``), no-op
elsewhere.

The portal's own search compiler matched index entries through it; that compiler is gone and
0006 drops the GIN index this migration used to create. The function itself is still created
because library migration 0007, which depends on this one, fills and keeps its
``search_document`` column with it; 0006 drops it once no other function calls it.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION portal_document(title tsvector, body tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
SET search_path = pg_catalog
AS $$ SELECT title || body $$
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS portal_document(tsvector, tsvector)")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_postgres_match_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
