"""Formerly GIN indexes on Wagtail's index entries and on page titles for the portal's own
search compiler; that compiler is gone (Wagtail's database engine is used as it is), so this
migration does nothing, and 0006 drops the indexes from databases that have them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_postgres_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "__first__"),
    ]

    operations = []
