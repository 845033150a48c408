"""What a translation shares with its source, and what translators translate.

**The rule.** Every relation to a translatable snippet (the taxonomy: themes, regions,
countries; the library's document types, organisations and document languages; webinar
speakers) points at the *source-language row* (the default locale's) in every translation,
and a term's own relations (a theme's parent, a country's region) do too. A translation
never re-points them: a Spanish publication is filed under the same rows as the English one,
so it is listed, filtered, counted and scheduled exactly alike. Readers see each term's label
in their language through ``portal.labels.term_label``; editors choose among the
source rows, labelled in their own language (``portal.terms``).

Every translatable model of the portal declares ``translatable_fields`` (wagtail-localize's
public API) with :func:`translated` for what readers read in their language, and
:func:`synchronized` for what is the same in every language (relations, dates, time zones,
identifiers, settings, files). ``tests/test_translations.py`` checks every model against
this rule, field by field.

**Keeping translations in step.** :func:`sync_translations` copies a source's synchronised
fields to its existing translations. It runs when a source page is published and when a
source snippet is saved (the handlers below, connected in ``portal.apps``), so a recording
added to the English webinar is on the Spanish and French pages at once, without waiting for
a translator.
"""

from django.conf import settings
from django.db import models, transaction
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from portal.locales import default_locale


def translated(*names):
    """Fields translators translate (text readers read)."""
    return [TranslatableField(name) for name in names]


def synchronized(*names, overridable=False):
    """Fields copied from the source to every translation.

    Not overridable unless said: a translator cannot re-file a page under other terms or
    move a session to another time zone. Images and links a translation may localise (a
    Spanish cover, a Spanish version elsewhere) pass ``overridable=True``.
    """
    return [SynchronizedField(name, overridable=overridable) for name in names]


# Page's own editable fields (wagtail-localize leaves out go_live_at, expire_at and owner).
PAGE_FIELDS = translated("title", "slug", "seo_title", "search_description") + synchronized(
    "show_in_menus"
)


def source_language():
    """The language code of the source locale (Wagtail's default), without a query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def is_term_model(model):
    """Whether ``model`` is a translatable snippet (not a page): a relation to it must point
    at source-language rows."""
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


def synchronized_fields(model):
    """The ``SynchronizedField`` declarations of ``model`` (its translatable fields, minus
    what translators translate)."""
    return [f for f in get_translatable_fields(model) if isinstance(f, SynchronizedField)]


def copy_synchronized(source, target):
    """Copy ``source``'s synchronised fields onto ``target`` (unsaved): plain and foreign-key
    fields, parental many-to-many relations and child relations (through modelcluster)."""
    for declared in synchronized_fields(type(source)):
        field = declared.get_field(type(target))
        if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
            source.copy_child_relation(field.name, target)
        elif isinstance(field, ParentalManyToManyField):
            setattr(target, field.name, list(getattr(source, field.name).all()))
        elif field.many_to_many:
            continue  # a taggit manager: its rows are the ``tagged_items`` child relation
        else:
            setattr(target, field.attname, getattr(source, field.attname))


def is_source(instance):
    """Whether ``instance`` is the original its translations were made from.

    The original is the row wagtail-localize made its translation source from; an object
    never submitted for translation counts as the original when it is in the default locale.
    """

    sources = TranslationSource.objects.filter(object_id=instance.translation_key)
    locale_ids = list(sources.values_list("locale_id", flat=True)[:1])
    if locale_ids:
        return locale_ids[0] == instance.locale_id
    return instance.locale_id == default_locale().pk


def sync_translations(instance):
    """Give every existing translation of the source ``instance`` its synchronised fields.

    Pages: each translation gets a new revision with the source's values; one that was live
    with nothing pending is published, one with a draft in progress keeps the change in that
    draft for its editor to publish. The translation source wagtail-localize keeps is brought
    up to date too, so a translator's next publish starts from the same values instead of
    putting back the old ones. Snippets are saved in place. Returns the translations updated.
    """
    if not is_source(instance):
        return []
    translations = list(
        type(instance)
        ._default_manager.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
    )
    if not translations:
        return []
    with transaction.atomic():
        _update_translation_source(instance)
        for translation in translations:
            if isinstance(instance, Page):
                _sync_page(instance, translation)
            else:
                copy_synchronized(instance, translation)
                translation.save()
    return translations


def _update_translation_source(instance):

    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is not None:
        source.update_from_db()


def _sync_page(source, translation):
    if translation.alias_of_id:
        return  # an alias follows its original by itself
    pending = translation.has_unpublished_changes
    target = translation.get_latest_revision_as_object() if pending else translation
    copy_synchronized(source, target)
    revision = target.save_revision(clean=False, log_action=True)
    if translation.live and not pending:
        revision.publish()


def on_page_published(sender, instance, **kwargs):
    """``page_published``: a source page's translations follow its synchronised fields."""
    sync_translations(instance.specific)


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    """``post_save`` of any model: a source snippet's translations follow it."""
    if raw or not is_term_model(type(instance)) or not hasattr(instance, "translatable_fields"):
        return
    sync_translations(instance)
