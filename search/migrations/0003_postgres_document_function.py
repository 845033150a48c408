"""PostgreSQL: the ``portal_document(title, body)`` function (``title || body``), no-op
elsewhere.

The portal's own search compiler matched index entries through it, and library 0007's
trigger copied documents with it; both are gone (0006 here, library 0010), so on a new
database this migration creates nothing. Backwards it removes the function if present.
"""

from django.db import migrations

def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS portal_document(tsvector, tsvector)")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_postgres_match_indexes")]

    operations = [migrations.RunPython(migrations.RunPython.noop, drop, elidable=False)]
