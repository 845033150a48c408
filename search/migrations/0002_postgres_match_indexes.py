"""PostgreSQL indexes for matching at scale (no-op elsewhere).

* Wagtail's database backend matches ``title || body`` of the index entries: without an
  index on that expression, every search reads every entry of the model searched.
* The header box's autocomplete matches word prefixes of page titles with accents folded
  (``portal_simple``, see 0001): an index on that expression answers it without ranking
  every page whose title shares a prefix.
"""

from django.db import migrations

from portal.postgres import on_postgresql

INDEXES = {
    "portal_indexentry_title_body": "wagtailsearch_indexentry USING gin ((title || body))",
    "portal_page_title_words": (
        "wagtailcore_page USING gin (to_tsvector('portal_simple'::regconfig, title))"
    ),
}


@on_postgresql
def create_indexes(cursor):
    for name, definition in INDEXES.items():
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


@on_postgresql
def drop_indexes(cursor):
    for name in INDEXES:
        cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_postgres_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "__first__"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
