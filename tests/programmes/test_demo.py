"""The demo programmes: a section and ten profiles in each language, written in English and
translated into Spanish and French, filed under the English taxonomy and linked to the demo
pages about them; loading twice changes nothing."""

import pytest
from bs4 import BeautifulSoup
from django.core.management.base import OutputWrapper
from wagtail import hooks
from wagtail.models import Page

from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from portal import demo as portal_demo
from portal.factories import CountryFactory, StandardPageFactory, ThemeFactory
from portal.models import NavigationMenu, Region
from programmes import demo
from programmes.demo_programmes import PROGRAMMES
from programmes.models import ProgrammeIndexPage, ProgrammePage, ProgrammeType
from programmes.wagtail_hooks import load_programmes_demo


class Command:
    """What a loader needs of the management command: somewhere to write."""

    def __init__(self, stream):
        self.stdout = OutputWrapper(stream)


@pytest.fixture
def terms(locales):
    """The few terms the Bolivian profile is filed under (the portal's demo makes them all)."""
    region = Region.objects.create(
        name="Latin America and the Caribbean", slug="latin-america-caribbean", locale=locales["en"]
    )
    return {
        "theme": ThemeFactory(name="Social pensions", slug="social-pensions"),
        "country": CountryFactory(name="Bolivia", iso_code="BO", region=region),
        "region": region,
    }


@pytest.fixture
def publication(home):
    """A public publication on Renta Dignidad, and a members-only draft on it."""
    library = LibraryIndexPageFactory(parent=home)
    PublicationPageFactory(
        parent=library,
        title="Borrador interno: evaluación de medio término de Renta Dignidad",
        members_only=True,
    )
    return PublicationPageFactory(
        parent=library, title="Renta Dignidad y el consumo de los hogares con personas mayores"
    )


@pytest.fixture
def loaded(home, terms, publication, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)


def test_demo_is_trilingual_and_idempotent(loaded, django_capture_on_commit_callbacks, tmp_path):
    counts = {
        code: ProgrammePage.objects.live().filter(locale__language_code=code).count()
        for code in ("en", "es", "fr")
    }
    assert counts == {"en": len(PROGRAMMES), "es": len(PROGRAMMES), "fr": len(PROGRAMMES)}
    assert len(PROGRAMMES) >= 10
    assert ProgrammeIndexPage.objects.live().count() == 3
    assert ProgrammeType.objects.filter(locale__language_code="fr").count() == 7
    # Every text of every profile is translated, rich text included.
    for page in ProgrammePage.objects.filter(locale__language_code__in=["es", "fr"]):
        source = page.get_translation(page.locale.get_default())
        for name in ("introduction", "legal_basis", "benefit_description", "targeting_method"):
            assert getattr(page, name) != getattr(source, name), (page.title, name)
    pages = Page.objects.count()
    with open(tmp_path / "out.txt", "w") as stream:
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(Command(stream))
    assert Page.objects.count() == pages
    assert "0 pages or translations made" in (tmp_path / "out.txt").read_text()


def test_demo_profiles_read_natively_and_keep_the_english_taxonomy(client, loaded, terms, locales):
    spanish = ProgrammePage.objects.get(locale=locales["es"], title="Renta Dignidad")
    english = spanish.get_translation(locales["en"])
    assert "pensión no contributiva universal" in spanish.introduction
    assert "persona mayor" in str(spanish.benefit_description)
    assert "funeral" in str(english.benefit_description)
    assert spanish.programme_type == english.programme_type
    assert spanish.programme_type.locale == locales["en"]
    assert list(spanish.countries.all()) == [terms["country"]]
    assert list(spanish.regions.all()) == [terms["region"]]  # the country's region, added
    assert [row.figure for row in spanish.coverage_figures.all()] == [1_100_000]
    # Its institution, shown on its page.
    [institution] = spanish.implementing_institutions.all()
    assert institution.slug == "gestora-bolivia"
    page = client.get(english.url).content.decode()
    assert "Public Long-Term Social Security Manager (Bolivia)" in page
    french = client.get("/fr/programmes/?type=social-pension")
    assert "Renta Dignidad" in french.content.decode()
    soup = BeautifulSoup(french.content, "html.parser")
    assert "Pension sociale (1)" in [
        a.get_text(" ", strip=True) for a in soup.select(".facet-type a")
    ]
    listed = [a.get_text(strip=True) for a in soup.select(".programme-list .card-title a")]
    assert listed == ["Renta Dignidad"]


def test_renta_dignidad_links_to_the_public_publication_on_it(client, loaded, publication):
    english = ProgrammePage.objects.get(locale__language_code="en", title="Renta Dignidad")
    assert [link.related_page_id for link in english.related_pages.all()] == [publication.pk]
    assert "Renta Dignidad" in client.get(publication.url).content.decode()


def test_demo_loads_after_the_apps_it_links_to_and_before_the_news():
    loaders = hooks.get_hooks("register_demo_content")
    orders = {}  # the first loader of each app: the one that loads its content
    for index, fn in enumerate(loaders):
        orders.setdefault(getattr(fn, "__module__", ""), index)
    position = loaders.index(load_programmes_demo)
    assert position > orders["library.wagtail_hooks"]
    assert position > orders["webinars.wagtail_hooks"]
    assert position > orders["community_pages.wagtail_hooks"]
    assert position < orders["news.wagtail_hooks"]


def test_the_demo_main_menu_links_to_the_programmes(
    home, locales, django_capture_on_commit_callbacks
):
    for slug in ("about", "how-to-use-the-portal", "privacy-and-terms"):
        StandardPageFactory(parent=home, slug=slug)
    with django_capture_on_commit_callbacks(execute=True):
        index = demo.load_index_pages(home, locales)["en"]
        portal_demo.load_menus(locales, home)
    main = NavigationMenu.objects.get(locale=locales["en"], slot="main")
    assert index.pk in portal_demo.menu_page_ids(main.items)
