"""PostgreSQL: the site search moves to Wagtail's database engine as it is (no-op elsewhere).

* What the portal's own compiler needed goes: the GIN indexes of 0002 and 0003 on Wagtail's
  index entries and page titles, the trigger on ``wagtailsearch_indexentry`` that kept
  ``portal_search_titleentry`` (0004), its function and the table; the ``TitleEntry`` model
  leaves the migration state. ``portal_document`` goes too, unless another function still
  calls it (library 0007's trigger does until the library's migrations drop it; this
  migration runs after that one, so a fresh database never misses the function).
* ``portal_english``, ``portal_spanish`` and ``portal_french`` stem without stop words, as the
  library's Python analysis (``search.text``) does, so both databases drop no word of a query
  or a document: each gets a Snowball dictionary without a stop-word list.

Backwards, only the stock stemmers come back: the old search machinery is not recreated.
"""

from django.db import migrations

LANGUAGES = ("english", "spanish", "french")
MAPPED = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

DROP_OLD_SEARCH = [
    "DROP INDEX IF EXISTS portal_indexentry_title_body",
    "DROP INDEX IF EXISTS portal_page_title_words",
    "DROP INDEX IF EXISTS portal_indexentry_document",
    "DROP TRIGGER IF EXISTS portal_copy_title_entry ON wagtailsearch_indexentry",
    "DROP FUNCTION IF EXISTS portal_copy_title_entry()",
    "DROP TABLE IF EXISTS portal_search_titleentry",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (
            SELECT 1 FROM pg_proc
            WHERE position('portal_document(' IN prosrc) > 0 AND proname <> 'portal_document'
        ) THEN
            DROP FUNCTION IF EXISTS portal_document(tsvector, tsvector);
        END IF;
    END $$
    """,
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP_OLD_SEARCH:
        schema_editor.execute(statement)
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE TEXT SEARCH DICTIONARY portal_{language}_stem "
            f"(TEMPLATE = snowball, Language = {language})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION portal_{language} ALTER MAPPING FOR {MAPPED} "
            f"WITH unaccent, portal_{language}_stem"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION portal_{language} ALTER MAPPING FOR {MAPPED} "
            f"WITH unaccent, {language}_stem"
        )
        schema_editor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS portal_{language}_stem")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0005_pending_index_updates"),
        # Its trigger calls portal_document: see the docstring.
        ("library", "0007_publication_search_document"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.DeleteModel(name="TitleEntry"),
    ]
