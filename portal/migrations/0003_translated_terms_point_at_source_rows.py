"""Translated terms point at the source-language rows (a theme's parent, a country's region).

Before ``translatable_fields`` were declared, wagtail-localize re-pointed these relations to
the translated rows when a term was translated. The rule is now one row per term everywhere
(``portal.translation``); this brings existing rows in line. Written with literal values:
migrations do not import the portal's code.
"""

from django.conf import settings
from django.db import migrations


def repoint(apps, model_name, field):
    Locale = apps.get_model("wagtailcore", "Locale")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return
    model = apps.get_model("portal", model_name)
    related = model._meta.get_field(field).related_model
    source_rows = dict(
        related.objects.filter(locale=source).values_list("translation_key", "pk")
    )
    stray = model.objects.exclude(**{f"{field}__isnull": True}).exclude(
        **{f"{field}__locale": source}
    )
    for row in stray.select_related(field):
        target = source_rows.get(getattr(row, field).translation_key)
        if target is not None:
            model.objects.filter(pk=row.pk).update(**{f"{field}_id": target})


def forwards(apps, schema_editor):
    repoint(apps, "Theme", "parent")
    repoint(apps, "Country", "region")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_notification_kind_reports"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
