"""PostgreSQL text search configurations for the portal's languages (no-op elsewhere).

``portal_english``, ``portal_spanish`` and ``portal_french`` fold accents with ``unaccent``
before the language's Snowball stemmer (without stop words since 0006); ``portal_simple``
folds accents without stemming (the site search's configuration). The ``unaccent`` extension
ships with PostgreSQL's contrib package and is a trusted extension (PostgreSQL 13+), so the
migrating role needs no superuser rights.
"""

from django.db import migrations

CONFIGS = {
    "portal_english": ("english", "english_stem"),
    "portal_spanish": ("spanish", "spanish_stem"),
    "portal_french": ("french", "french_stem"),
    "portal_simple": ("simple", "simple"),
}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, (parent, dictionary) in CONFIGS.items():
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
            f"asciiword, asciihword, hword_asciipart, word, hword, hword_part "
            f"WITH unaccent, {dictionary}",
        ]
    for statement in statements:
        schema_editor.execute(statement)


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations, elidable=False)]
