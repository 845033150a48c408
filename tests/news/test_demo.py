"""The demo news: a section and nine articles in each language, written in three languages and
translated into the others, filed under the portal's terms; loading twice changes nothing."""

import pytest
from django.core.management.base import OutputWrapper
from wagtail import hooks
from wagtail.models import Page

from news import demo
from news.demo_articles import ARTICLES
from news.models import NewsArticlePage, NewsIndexPage
from news.wagtail_hooks import load_news_demo
from portal import demo as portal_demo
from portal.factories import CountryFactory, StandardPageFactory, ThemeFactory
from portal.models import NavigationMenu, Region


class Command:
    """What a loader needs of the management command: somewhere to write."""

    def __init__(self, stream):
        self.stdout = OutputWrapper(stream)


@pytest.fixture
def terms(locales):
    """The few terms the Bolivian article is filed under (the portal's demo makes them all)."""
    region = Region.objects.create(
        name="Latin America and the Caribbean", slug="latin-america-caribbean", locale=locales["en"]
    )
    return {
        "theme": ThemeFactory(name="Social pensions", slug="social-pensions"),
        "country": CountryFactory(name="Bolivia", iso_code="BO", region=region),
        "region": region,
    }


@pytest.fixture
def loaded(home, terms, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)


def test_demo_is_trilingual_and_idempotent(loaded, django_capture_on_commit_callbacks, tmp_path):
    counts = {
        code: NewsArticlePage.objects.live().filter(locale__language_code=code).count()
        for code in ("en", "es", "fr")
    }
    assert counts == {"en": len(ARTICLES), "es": len(ARTICLES), "fr": len(ARTICLES)}
    assert 8 <= len(ARTICLES) <= 10
    assert {a["locale"] for a in ARTICLES} == {"en", "es", "fr"}
    assert NewsIndexPage.objects.live().count() == 3
    pages = Page.objects.count()
    with open(tmp_path / "out.txt", "w") as stream:
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(Command(stream))
    assert Page.objects.count() == pages
    assert "0 pages or translations made" in (tmp_path / "out.txt").read_text()


def test_demo_articles_read_natively_and_are_filed_under_source_terms(client, loaded, terms):
    spanish = NewsArticlePage.objects.get(
        locale__language_code="es", title="Bolsa Família cumple veinte años"
    )
    english = spanish.get_translation(spanish.locale.__class__.objects.get(language_code="en"))
    assert english.title == "Bolsa Família turns twenty"
    assert "UN Women" in str(english.body) and "ONU Mujeres" in str(spanish.body)
    assert english.date == spanish.date
    bolivia = NewsArticlePage.objects.get(locale__language_code="fr", title__startswith="Renta")
    assert list(bolivia.themes.all()) == [terms["theme"]]
    assert list(bolivia.regions.all()) == [terms["region"]]  # the country's region, added
    assert "pension non contributive" in bolivia.summary
    html = client.get("/fr/actualites/").content.decode()
    assert "Renta Dignidad : une pension" in html
    assert client.get("/es/noticias/?theme=social-pensions").status_code == 200


def test_news_demo_loads_after_the_apps_it_links_to():
    loaders = hooks.get_hooks("register_demo_content")
    position = loaders.index(load_news_demo)  # order 50
    # Only the communities' linking of announcements to the news (order 55) comes after, the
    # surveys (order 60), which link to no news, and the usage figures (order 90), which
    # count the pages every app made.
    after = [fn.__name__ for fn in loaders[position + 1 :]]
    assert after == [
        "link_announcements_to_public_versions",
        "load_surveys_demo",
        "load_usage_demo",
    ]


def test_the_demo_main_menu_links_to_the_news(home, locales, django_capture_on_commit_callbacks):
    for slug in ("about", "how-to-use-the-portal", "privacy-and-terms"):
        StandardPageFactory(parent=home, slug=slug)
    with django_capture_on_commit_callbacks(execute=True):
        index = demo.load_index_pages(home, locales)["en"]
        portal_demo.load_menus(locales, home)
    main = NavigationMenu.objects.get(locale=locales["en"], slot="main")
    assert index.pk in portal_demo.menu_page_ids(main.items)
    learn = next(block.value for block in main.items if block.value["label"] == "Learn")
    assert [link["page"].pk for link in learn["links"]] == [index.pk]
