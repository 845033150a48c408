"""A community's sponsors and partners become links to organisation profiles.

The free-text list (a name, a role and a website per organisation) is read once on every page
of every language: each name is matched with an organisation of the taxonomy by its name or
acronym in any language (the link goes to the source-language row, as every taxonomy link of
the portal does); a name that matches none becomes a new organisation, with the website the
list gave, so no sponsor or partner is lost. The same matching as webinars' migration 0006,
kept here because a migration is frozen.
"""

import uuid

import modelcluster.fields
from django.conf import settings
from django.db import migrations
from django.utils.text import slugify


def _organisation(Organisation, entry, source_locale, cache):
    name = (entry.get("name") or "").strip()
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
            name=name[:200],
            slug=slug,
            website=(entry.get("url") or "")[:200],
            locale=source_locale,
            translation_key=uuid.uuid4(),
        )
    elif source_locale is not None and row.locale_id != source_locale.pk:
        row = (
            Organisation.objects.filter(
                translation_key=row.translation_key, locale=source_locale
            ).first()
            or row
        )
    cache[key] = row
    return row


def link_organisations(apps, schema_editor):
    """Turns each community's sponsors and partners into links, by their role."""
    Community = apps.get_model("community_pages", "CommunityPage")
    Organisation = apps.get_model("library", "Organisation")
    Locale = apps.get_model("wagtailcore", "Locale")
    source_locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    relations = {
        "sponsor": Community.sponsor_organisations.through,
        "partner": Community.partner_organisations.through,
    }
    cache = {}
    for community in Community.objects.all():
        for block in community.partners.raw_data:
            entry = block.get("value") or {}
            if not (entry.get("name") or "").strip():
                continue
            row = _organisation(Organisation, entry, source_locale, cache)
            # The relation's own table: a parental relation held in memory would need a save.
            through = relations.get(entry.get("role"), relations["partner"])
            through.objects.get_or_create(communitypage_id=community.pk, organisation_id=row.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("community_pages", "0009_portal_view_choices"),
        ("library", "0015_organisation_profiles"),
    ]

    operations = [
        migrations.AddField(
            model_name="communitypage",
            name="partner_organisations",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Organisations that contribute to the community (their profiles list it).",
                related_name="partnered_communities",
                to="library.organisation",
                verbose_name="partners",
            ),
        ),
        migrations.AddField(
            model_name="communitypage",
            name="sponsor_organisations",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Organisations that found and fund the community (their profiles list it).",
                related_name="sponsored_communities",
                to="library.organisation",
                verbose_name="sponsors",
            ),
        ),
        migrations.RunPython(link_organisations, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="communitypage",
            name="partners",
        ),
    ]
