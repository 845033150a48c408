"""The site's locales, read once per request instead of once per lookup.

A page's links, menus, language switcher, hreflang alternates and listings each ask which
``Locale`` row a language code is (Wagtail's ``Locale.get_active()`` and
``Locale.objects.get_for_language()`` read it from the database every time): a home page
asked about ten times. Here every locale is read in one query per request
(``portal.request_memo``; every call outside a request reads them), and again after a
locale is saved or deleted.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale

from portal.request_memo import forget, remember

MEMO = "portal.locales"


def _read():
    rows = list(Locale.objects.all())
    return {
        "by_code": {locale.language_code: locale for locale in rows},
        "by_pk": {locale.pk: locale for locale in rows},
        "codes": {locale.pk: locale.language_code for locale in rows},
    }


def _rows():
    return remember(MEMO, _read)


def _forget(**kwargs):
    forget(MEMO)


def locale_for(code):
    """The ``Locale`` of language ``code`` (``es``, or ``es-mx`` falling back to ``es``),
    or ``None`` when the site has no such language."""
    by_code = _rows()["by_code"]
    if code in by_code:
        return by_code[code]
    base = (code or "").split("-")[0]
    return by_code.get(base)


def active_locale():
    """The locale of the active language, else the default language's (as Wagtail's
    ``Locale.get_active``)."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE) or default_locale()


def default_locale():
    """The locale of the site's default language (``LANGUAGE_CODE``); as Wagtail's
    ``Locale.get_default``, it raises ``Locale.DoesNotExist`` when there is none."""
    locale = locale_for(settings.LANGUAGE_CODE)
    if locale is None:
        raise Locale.DoesNotExist(f"no locale for {settings.LANGUAGE_CODE}")
    return locale


def locales_by_code():
    """{language code: ``Locale``} of every locale."""
    return _rows()["by_code"]


def locales_by_pk():
    """{locale pk: ``Locale``} of every locale."""
    return _rows()["by_pk"]


def locale_codes():
    """{locale pk: language code} of every locale."""
    return _rows()["codes"]


def connect():
    """Read the locales again after a locale is saved or deleted during a request."""
    post_save.connect(_forget, sender=Locale, dispatch_uid="portal_locales_save")
    post_delete.connect(_forget, sender=Locale, dispatch_uid="portal_locales_delete")
