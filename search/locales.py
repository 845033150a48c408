"""A small cache of locale ids to language codes (indexing asks for it for every object)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

_CODES = {}


def language_code_for_locale_id(locale_id):
    """The language code of a locale id; one query per process for the whole table."""
    if locale_id not in _CODES:
        _CODES.clear()
        _CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _CODES.get(locale_id)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _forget_locales(**kwargs):
    _CODES.clear()
