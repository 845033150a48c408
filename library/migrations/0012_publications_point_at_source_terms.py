"""Publications point at the source-language rows of the taxonomy.

Before ``translatable_fields`` were declared, translating a publication through
wagtail-localize re-pointed its document type to the translated row, so the translation
dropped out of its type's facet and filter; and the admin offered every locale's rows, so a
translation could be filed under a translated theme or organisation. The rule is now one row
per term everywhere (``portal.translation``); this brings existing publications in line.
Written with literal values: migrations do not import the portal's code.
"""

from django.conf import settings
from django.db import migrations

MANY = ["organisations", "languages", "themes", "countries", "regions"]


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return
    publication = apps.get_model("library", "PublicationPage")

    def source_rows(model):
        return dict(model.objects.filter(locale=source).values_list("translation_key", "pk"))

    doc_type = publication._meta.get_field("document_type").related_model
    types = source_rows(doc_type)
    stray = publication.objects.exclude(document_type__isnull=True).exclude(
        document_type__locale=source
    )
    for pk, key in stray.values_list("pk", "document_type__translation_key"):
        if key in types:
            publication.objects.filter(pk=pk).update(document_type_id=types[key])

    for name in MANY:
        field = publication._meta.get_field(name)
        through, term = field.remote_field.through, field.related_model
        term_column = field.m2m_reverse_field_name()
        page_column = field.m2m_field_name()
        rows = source_rows(term)
        for link in through.objects.exclude(**{f"{term_column}__locale": source}).values(
            "pk", f"{page_column}_id", f"{term_column}__translation_key"
        ):
            target = rows.get(link[f"{term_column}__translation_key"])
            if target is None:
                continue
            page_id = link[f"{page_column}_id"]
            exists = through.objects.filter(
                **{f"{page_column}_id": page_id, f"{term_column}_id": target}
            ).exists()
            if exists:
                through.objects.filter(pk=link["pk"]).delete()
            else:
                through.objects.filter(pk=link["pk"]).update(**{f"{term_column}_id": target})


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0011_listing_counts"),
        ("portal", "0003_translated_terms_point_at_source_rows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
