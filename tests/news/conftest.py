"""Fixtures of the news tests: a news section in each language and a few articles."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from portal.demo_utils import translate_instance
from portal.factories import ThemeFactory
from portal.models import Region


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """``translate(instance, code, strings)`` through wagtail-localize, published when its
    transaction commits, as in real use."""

    def run(instance, code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_instance(instance, code, strings)

    return run


@pytest.fixture
def news_index(home, locales, translate):
    """The English news index, with its Spanish and French translations."""
    index = NewsIndexPageFactory(parent=home, introduction="What is new on the portal.")
    index.save_revision().publish()  # as editors do: a translation starts from a revision
    translate(index, "es", {"News": "Noticias"})
    translate(index, "fr", {"News": "Actualités"})
    return index


@pytest.fixture
def themes(locales, translate):
    """Two English themes, the first translated into Spanish."""
    cash = ThemeFactory(name="Cash transfers", slug="cash-transfers")
    translate(cash, "es", {"Cash transfers": "Transferencias monetarias"})
    return {"cash": cash, "pensions": ThemeFactory(name="Social pensions", slug="pensions")}


@pytest.fixture
def regions(locales):
    """Two English regions."""
    return {
        "latam": Region.objects.create(
            name="Latin America and the Caribbean", slug="latin-america", locale=locales["en"]
        ),
        "africa": Region.objects.create(
            name="Sub-Saharan Africa", slug="sub-saharan-africa", locale=locales["en"]
        ),
    }


@pytest.fixture
def article(news_index):
    """``article(title, date, themes=[...], regions=[...], **fields)``: a published article."""

    def make(title, date=None, themes=(), regions=(), **fields):
        page = NewsArticlePageFactory(
            parent=news_index,
            title=title,
            date=date,
            terms={"themes": list(themes), "regions": list(regions)},
            **fields,
        )
        page.save_revision().publish()  # as editors do: the article has a publication date
        return page

    return make


@pytest.fixture
def articles(article, themes, regions):
    """Three public articles on different days and a members-only one, newest last made."""
    return [
        article(
            "Bolsa Família turns twenty",
            datetime.date(2023, 10, 20),
            themes=[themes["cash"]],
            regions=[regions["latam"]],
        ),
        article(
            "Renta Dignidad reaches every older person",
            datetime.date(2024, 3, 1),
            themes=[themes["pensions"]],
            regions=[regions["latam"]],
        ),
        article(
            "Ethiopia's PSNP in its fifth phase",
            datetime.date(2024, 6, 5),
            themes=[themes["cash"]],
            regions=[regions["africa"]],
            image=ImageFactory(),
        ),
        article("Members' briefing", datetime.date(2024, 7, 1), members_only=True),
    ]
