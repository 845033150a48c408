"""Questions and answers are translated with their session: each row gets a locale (its
page's) and a translation key, shared by the rows of a page's translations that stand at the
same place as the source's, so wagtail-localize matches them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def keys_and_locales(apps, schema_editor):
    WebinarQuestion = apps.get_model("webinars", "WebinarQuestion")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.order_by("pk").first()
    groups = {}
    for row in WebinarQuestion.objects.select_related("page").order_by("page_id", "sort_order", "pk"):
        page = row.page
        groups.setdefault(page.translation_key, {}).setdefault(page.pk, (page, []))[1].append(row)
    for pages in groups.values():
        # The source: the default-locale page if there is one, else the earliest.
        ordered = sorted(
            pages.values(),
            key=lambda item: (item[0].locale_id != getattr(default, "pk", None), item[0].pk),
        )
        source_rows = ordered[0][1]
        for page, rows in ordered:
            for position, row in enumerate(rows):
                row.locale_id = page.locale_id
                row.translation_key = (
                    source_rows[position].translation_key
                    if page is not ordered[0][0] and position < len(source_rows)
                    else uuid.uuid4()
                )
                row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("webinars", "0003_plural_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="webinarquestion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="webinarquestion",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(keys_and_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="webinarquestion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="webinarquestion",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="webinarquestion",
            unique_together={("translation_key", "locale")},
        ),
    ]
