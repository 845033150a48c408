"""Formerly a trigger-kept copy of the index entries' titles (``portal_search_titleentry``)
for the portal's own search compiler; that compiler is gone, so this migration only records
the unmanaged model in the migration state (0006 deletes it, and drops the table and trigger
from databases that have them)."""

import django.contrib.postgres.search
from django.db import migrations, models


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
    ]
