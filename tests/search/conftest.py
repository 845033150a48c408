"""Fixtures of the search tests: a few pages in three languages, public and restricted."""

import pytest
from wagtail.models import Page

from portal.factories import StandardPageFactory
from portal.models import HomePage


def make_page(parent, title, introduction="", live=True, **kwargs):
    page = StandardPageFactory(
        parent=parent, title=title, introduction=introduction, locale=parent.locale, **kwargs
    )
    if not live:
        page.unpublish()
    return page


@pytest.fixture
def homes(home, locales):
    return {code: HomePage.objects.get(locale=locales[code]) for code in ("en", "es", "fr")}


@pytest.fixture
def pages(homes):
    """Spanish, English and French pages about social protection."""
    es, en, fr = homes["es"], homes["en"], homes["fr"]
    return {
        "es_proteccion": make_page(
            es, "Protección social en América Latina", "Un panorama de la protección social."
        ),
        "es_plural": make_page(
            es,
            "Sistemas de pensiones",
            "Las protecciones sociales y las pensiones no contributivas.",
        ),
        "en_cash": make_page(
            en,
            "Cash transfers in Brazil",
            "Evidence from Bolsa Família. Themes: Cash transfers, Transferencias monetarias, "
            "Transferts monétaires.",
        ),
        "en_policy": make_page(en, "Social protection policies", "How countries design policies."),
        "fr_protection": make_page(
            fr, "Les systèmes de protection sociale", "Les régimes sociaux au Sénégal."
        ),
        "en_draft": make_page(en, "Draft about pensions", "Secret draft pensiones", live=False),
    }


@pytest.fixture
def all_pages(pages):
    return Page.objects.live().specific()


@pytest.fixture
def restricted(homes):
    """Members-only content (a webinar series page: restricted, not registered by its app yet)."""
    from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory

    index = WebinarIndexPageFactory(parent=homes["en"], locale=homes["en"].locale)
    public = WebinarSeriesPageFactory(
        parent=index,
        locale=index.locale,
        title="Open series on pensions",
        introduction="Public talks about pensions.",
    )
    secret = WebinarSeriesPageFactory(
        parent=index,
        locale=index.locale,
        title="Closed series members-only-canary",
        introduction="Pensions members-only-canary discussion.",
        members_only=True,
    )
    secret.save_revision().publish()
    return {"public": public, "secret": secret}


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
