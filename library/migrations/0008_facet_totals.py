"""PostgreSQL: how many publications each language's listing holds under each facet key,
per audience, kept by triggers on the publications (``library.models.FacetTotal``).

A broad text query matches most of the library ("pension" matches 83,000 of 97,000
publications); counting the facets of its matches means counting nearly a million keys. With
these totals the listing counts the few publications that do *not* match and subtracts them
(``library.listing.facet_counts``).

The triggers write *changes*, never update a total in place: an insert or delete adds one
row per (language, audience, key) it changes, an update adds the difference between the old
and new row. No write ever waits for another to update the same total; the listing sums the
rows, and ``library.facets.compact_totals`` folds them after each change. The update trigger
runs only when the columns the totals read change (``listed_in``, ``audience``,
``facet_keys``), so the many other writes to a publication's row cost nothing. No-op
elsewhere.
"""

from django.db import migrations, models

from portal.postgres import on_postgresql

from library.facets import TOTALS_KEYS as KEYS
from library.facets import TOTALS_TABLE as TABLE
from library.facets import recount_totals

PUBLICATIONS = "library_publicationpage"
CHANGED = "library_facet_totals_changed"  # the trigger function
TRIGGERS = {
    "library_facet_totals_insert": "AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT",
    "library_facet_totals_delete": "AFTER DELETE ON {t} REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT",
    "library_facet_totals_update": "AFTER UPDATE OF listed_in, audience, facet_keys ON {t} "
    "FOR EACH ROW WHEN (OLD.listed_in IS DISTINCT FROM NEW.listed_in "
    "OR OLD.audience IS DISTINCT FROM NEW.audience "
    "OR OLD.facet_keys IS DISTINCT FROM NEW.facet_keys)",
    "library_facet_totals_truncate": "AFTER TRUNCATE ON {t} FOR EACH STATEMENT",
}


def _changes(rows, sign):
    """The changes a set of publication rows (a transition table) makes to the totals."""
    return (
        f"INSERT INTO {TABLE} (language, audience, key, n) SELECT k.language, k.audience, "
        f"k.key, {sign}COUNT(*) FROM {rows} r, {KEYS}(r.listed_in, r.audience, r.facet_keys) k "
        "GROUP BY 1, 2, 3;"
    )


@on_postgresql
def create(cursor):
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (id bigint GENERATED ALWAYS AS IDENTITY "
        "PRIMARY KEY, language varchar(12) NOT NULL, audience varchar(32) NOT NULL, "
        "key text NOT NULL, n integer NOT NULL)"
    )
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {KEYS}(listed text, audience_of text, keys text[])
        RETURNS TABLE (language text, audience text, key text)
        LANGUAGE sql IMMUTABLE AS $$
            SELECT l, audience_of, k
            FROM unnest(string_to_array(btrim(listed), ' ')) AS l, unnest(keys) AS k
            WHERE l <> ''
        $$
        """
    )
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {CHANGED}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                {_changes("new_rows", "")}
            ELSIF TG_OP = 'DELETE' THEN
                {_changes("old_rows", "-")}
            ELSIF TG_OP = 'TRUNCATE' THEN
                DELETE FROM {TABLE};
            ELSE
                INSERT INTO {TABLE} (language, audience, key, n)
                SELECT language, audience, key, SUM(n) FROM (
                    SELECT k.*, 1 AS n
                    FROM {KEYS}(NEW.listed_in, NEW.audience, NEW.facet_keys) k
                    UNION ALL
                    SELECT k.*, -1 AS n
                    FROM {KEYS}(OLD.listed_in, OLD.audience, OLD.facet_keys) k
                ) AS change GROUP BY 1, 2, 3 HAVING SUM(n) <> 0;
            END IF;
            RETURN NULL;
        END $$
        """
    )
    for name, when in TRIGGERS.items():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {PUBLICATIONS}")
        cursor.execute(
            f"CREATE TRIGGER {name} {when.format(t=PUBLICATIONS)} "
            f"EXECUTE FUNCTION {CHANGED}()"
        )
    recount_totals(cursor)


@on_postgresql
def drop(cursor):
    for name in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {PUBLICATIONS}")
    cursor.execute(f"DROP FUNCTION IF EXISTS {CHANGED}()")
    cursor.execute(f"DROP FUNCTION IF EXISTS {KEYS}(text, text, text[])")
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("library", "0007_publication_search_document")]

    operations = [
        migrations.CreateModel(
            name="FacetTotal",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("language", models.CharField(max_length=12)),
                ("audience", models.CharField(max_length=32)),
                ("key", models.TextField()),
                ("n", models.IntegerField()),
            ],
            options={"db_table": "library_facettotal", "managed": False},
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
