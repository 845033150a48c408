"""Helpers the demo content of every app uses: locales and translations via wagtail-localize."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

from portal import saved_searches
from portal.following import kinds
from portal.slugs import slug_for

DEMO_PASSWORD = "demo-portal-2026"


def ensure_locales():
    """The three content locales exist (English first, the default)."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return {code: Locale.objects.get(language_code=code) for code, _n in settings.LANGUAGES}


@transaction.atomic
def translate_instance(instance, language_code, strings):
    """Translate a page or translatable snippet through wagtail-localize, as a translator would.

    ``strings`` maps source segments to their translation; segments left out (proper names,
    codes) keep the source text; a page whose title is translated gets a slug made from the
    translated title unless ``strings`` gives one. Returns the translated instance (published for pages).
    Running it again updates the same translation instead of creating another.
    """
    if isinstance(instance, Page) and instance.title in strings and instance.slug not in strings:
        # A translator gives the page an address in its language (/es/biblioteca/).
        strings = {**strings, instance.slug: slug_for(strings[instance.title], instance.slug)}
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    up_to_date = not created and all(
        entry.msgstr == strings.get(entry.msgid, entry.msgid) for entry in po
    )
    if up_to_date and instance.has_translation(locale):
        return instance.get_translation(locale)  # a second run changes nothing
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po, translation_type="manual")
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def segment(text):
    """A plain-text field as wagtail-localize lists it among a page's segments (the key and
    value :func:`translate_instance` takes for it)."""
    return StringValue.from_plaintext(text).data


def demo_index_pages(home, locales, model, slug, texts):
    """An app's index page under the English home page, as ``model`` titled and introduced
    by ``texts["en"]`` (``(title, introduction)``) at ``slug``, and its Spanish and French
    translations from ``texts["es"]`` and ``texts["fr"]``: ``{language code: index page}``.
    Running it again changes nothing."""
    title, introduction = texts["en"]
    index = model.objects.filter(locale=locales["en"]).first()
    if index is None:
        index = model(title=title, slug=slug, introduction=introduction)
        home.add_child(instance=index)
        index.save_revision().publish()
    indexes = {"en": index}
    for code in ("es", "fr"):
        translated_title, translated_introduction = texts[code]
        if not index.has_translation(locales[code]):
            translate_instance(
                index,
                code,
                {
                    segment(title): segment(translated_title),
                    segment(index.slug): slug_for(translated_title, index.slug),
                    segment(introduction): segment(translated_introduction),
                },
            )
        indexes[code] = index.get_translation(locales[code])
    return indexes


# The demo member whose timeline ("My portal") shows following at work.
DEMO_FOLLOWER = "lucia.fernandez@example.org"


def demo_follow(kind_name, obj, email=DEMO_FOLLOWER):
    """The demo member ``email`` follows ``obj`` (a thing of the registered kind
    ``kind_name``), once, whatever the number of loads."""
    user = get_user_model().objects.filter(email=email).first()
    if user is not None and obj is not None:
        kind = kinds()[kind_name]
        kind.set(user, kind.key_of(obj), True)


def demo_saved_search(scope_name, params, language, frequency, email=DEMO_FOLLOWER, days=0):
    """The demo member ``email`` saved the search of ``params`` (a query string) in the
    registered scope ``scope_name``, once, with alerts at ``frequency``; results of the last
    ``days`` days count as new, so the saved searches page has some to show."""
    user = get_user_model().objects.filter(email=email).first()
    scope = saved_searches.scopes().get(scope_name)
    if user is None or scope is None:
        return None
    saved, created = saved_searches.save(user, scope, saved_searches.query_dict(params), language)
    if created:
        saved.frequency = frequency
        saved.new_since = timezone.now() - timedelta(days=days)
        saved.save(update_fields=["frequency", "new_since"])
    return saved
