"""PostgreSQL: a narrow table of the index entries' titles, kept by a trigger.

The portal's compiler finds the best title matches of a query to rank (``candidates``). Read
from Wagtail's index entries, a broad query (a word in a fifth of 100,000 titles) reads the
wide rows of most of the index; read from ``portal_search_titleentry`` (entry id, content
type, object id, title vector, title norm) it reads a table about a seventh the size. A trigger on
the entries copies every insert, update and delete, whatever makes it (a save,
``update_index``, a rebuild, Wagtail's refresh of title norms). No-op elsewhere.
"""

import django.contrib.postgres.search
from django.db import migrations, models

from portal.postgres import on_postgresql

TABLE = "portal_search_titleentry"
ENTRIES = "wagtailsearch_indexentry"
FUNCTION = "portal_copy_title_entry"


@on_postgresql
def create(cursor):
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (entry_id integer PRIMARY KEY, "
        "content_type_id integer NOT NULL, object_id varchar(50) NOT NULL, "
        "title tsvector NOT NULL, title_norm double precision NOT NULL)"
    )
    cursor.execute(
        f"INSERT INTO {TABLE} SELECT id, content_type_id, object_id, title, title_norm "
        f"FROM {ENTRIES} ON CONFLICT (entry_id) DO NOTHING"
    )
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_title ON {TABLE} USING gin (title)")
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {TABLE} WHERE entry_id = OLD.id;
            ELSE
                INSERT INTO {TABLE} VALUES
                    (NEW.id, NEW.content_type_id, NEW.object_id, NEW.title, NEW.title_norm)
                ON CONFLICT (entry_id) DO UPDATE SET
                    content_type_id = EXCLUDED.content_type_id,
                    object_id = EXCLUDED.object_id,
                    title = EXCLUDED.title,
                    title_norm = EXCLUDED.title_norm;
            END IF;
            RETURN NULL;
        END $$
        """
    )
    cursor.execute(
        f"CREATE TRIGGER {FUNCTION} AFTER INSERT OR DELETE OR UPDATE OF "
        f"title, title_norm, content_type_id, object_id ON {ENTRIES} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
    )


@on_postgresql
def drop(cursor):
    cursor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON {ENTRIES}")
    cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_postgres_document_function")]

    operations = [
        migrations.CreateModel(
            name="TitleEntry",
            fields=[
                ("entry_id", models.IntegerField(primary_key=True, serialize=False)),
                ("content_type_id", models.IntegerField()),
                ("object_id", models.CharField(max_length=50)),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("title_norm", models.FloatField()),
            ],
            options={"db_table": "portal_search_titleentry", "managed": False},
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
