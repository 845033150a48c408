"""PostgreSQL: facet keys become a ``text[]`` array (``unnest`` counts them about twice as
fast as ``jsonb`` elements), with a GIN index for the listing's ``&&`` filters. Elsewhere
the column stays JSON text: only the field's class changes."""

from django.db import migrations

import library.facets

INDEX = "library_publication_facet_keys_gin"
TABLE = "library_publicationpage"


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def to_array(apps, schema_editor):
    _run(
        schema_editor,
        [
            f"DROP INDEX IF EXISTS {INDEX}",
            # ALTER … USING takes no subquery: a temporary function reads the elements.
            "CREATE FUNCTION pg_temp.portal_facet_keys(jsonb) RETURNS text[] "
            "LANGUAGE sql IMMUTABLE AS 'SELECT ARRAY(SELECT jsonb_array_elements_text($1))'",
            f"ALTER TABLE {TABLE} ALTER COLUMN facet_keys TYPE text[] "
            "USING pg_temp.portal_facet_keys(facet_keys)",
            "DROP FUNCTION pg_temp.portal_facet_keys(jsonb)",
            f"CREATE INDEX {INDEX} ON {TABLE} USING gin (facet_keys)",
        ],
    )


def to_json(apps, schema_editor):
    _run(
        schema_editor,
        [
            f"DROP INDEX IF EXISTS {INDEX}",
            f"ALTER TABLE {TABLE} ALTER COLUMN facet_keys TYPE jsonb USING to_jsonb(facet_keys)",
            f"CREATE INDEX {INDEX} ON {TABLE} USING gin (facet_keys)",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("library", "0005_publication_facet_keys_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="publicationpage",
                    name="facet_keys",
                    field=library.facets.FacetKeysField(
                        blank=True,
                        default=list,
                        editable=False,
                        help_text="Every term the publication is filed under, for counting facets.",
                        verbose_name="facet keys",
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(to_array, to_json, elidable=False)],
        )
    ]
