"""A series' organisers and partners become links to organisation profiles.

The free-text lists (names separated by commas) are read once: each name is matched with an
organisation of the taxonomy by its name or acronym in any language (the link goes to the
source-language row, as every taxonomy link of the portal does); a name that matches none
becomes a new organisation, so no organiser is lost.
"""

import uuid

import modelcluster.fields
from django.conf import settings
from django.db import migrations
from django.utils.text import slugify


def _source_row(Organisation, row, source_locale):
    if source_locale is None or row.locale_id == source_locale.pk:
        return row
    return (
        Organisation.objects.filter(
            translation_key=row.translation_key, locale=source_locale
        ).first()
        or row
    )


def _organisation(Organisation, name, source_locale, cache):
    key = name.casefold()
    if key in cache:
        return cache[key]
    row = next(
        (
            o
            for o in Organisation.objects.all()
            if key in (o.name.casefold(), (o.acronym or "").casefold())
        ),
        None,
    )
    if row is None:
        base = slugify(name)[:110] or "organisation"
        slug, n = base, 1
        while Organisation.objects.filter(slug=slug, locale=source_locale).exists():
            n += 1
            slug = f"{base}-{n}"
        row = Organisation.objects.create(
            name=name[:200], slug=slug, locale=source_locale, translation_key=uuid.uuid4()
        )
    row = _source_row(Organisation, row, source_locale)
    cache[key] = row
    return row


def link_organisations(apps, schema_editor):
    """Turns each series' organisers and partners text into links."""
    Series = apps.get_model("webinars", "WebinarSeriesPage")
    Organisation = apps.get_model("library", "Organisation")
    Locale = apps.get_model("wagtailcore", "Locale")
    source_locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    cache = {}
    for series in Series.objects.exclude(organisers="", partners=""):
        for text, relation in (
            (series.organisers, "organisations"),
            (series.partners, "partner_organisations"),
        ):
            names = [part.strip() for part in (text or "").split(",") if part.strip()]
            rows = [_organisation(Organisation, name, source_locale, cache) for name in names]
            # The relation's own table: a parental relation held in memory would need a save.
            through = getattr(Series, relation).through
            through.objects.bulk_create(
                [through(webinarseriespage_id=series.pk, organisation_id=row.pk) for row in rows],
                ignore_conflicts=True,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0014_oai_tombstone"),
        ("webinars", "0005_follow_email_sent"),
    ]

    operations = [
        migrations.AddField(
            model_name="webinarseriespage",
            name="organisations",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Organisations that run the series (their profiles list it).",
                related_name="organised_series",
                to="library.organisation",
                verbose_name="organisers",
            ),
        ),
        migrations.AddField(
            model_name="webinarseriespage",
            name="partner_organisations",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Partner organisations of the series (their profiles list it).",
                related_name="partnered_series",
                to="library.organisation",
                verbose_name="partners",
            ),
        ),
        migrations.RunPython(link_organisations, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="webinarseriespage",
            name="organisers",
        ),
        migrations.RemoveField(
            model_name="webinarseriespage",
            name="partners",
        ),
    ]
