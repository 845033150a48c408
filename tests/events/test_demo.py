"""The demo calendar: an index and nine events in each language, written in three languages
and translated into the others, filed under the portal's terms; loading twice changes
nothing; a Spanish reader can subscribe to upcoming events on gender in Latin America."""

import datetime as dt

import icalendar
import pytest
from django.core.management.base import OutputWrapper
from wagtail import hooks
from wagtail.models import Locale, Page

from events import demo
from events.demo_events import EVENTS
from events.models import EventIndexPage, EventPage, EventType
from events.wagtail_hooks import load_events_demo
from library.factories import OrganisationFactory
from portal import demo as portal_demo
from portal.factories import CountryFactory, StandardPageFactory, ThemeFactory
from portal.models import NavigationMenu, Region


class Command:
    """What a loader needs of the management command: somewhere to write."""

    def __init__(self, stream):
        self.stdout = OutputWrapper(stream)


@pytest.fixture
def terms(locales):
    """The few terms the Bogotá conference is filed under (the portal's demo makes them all)."""
    region = Region.objects.create(
        name="Latin America and the Caribbean", slug="latin-america-caribbean", locale=locales["en"]
    )
    return {
        "gender": ThemeFactory(name="Gender", slug="gender"),
        "colombia": CountryFactory(name="Colombia", iso_code="CO", region=region),
        "region": region,
        "un-women": OrganisationFactory(name="UN Women", slug="un-women"),
    }


@pytest.fixture
def loaded(home, terms, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)


def test_demo_is_trilingual_and_idempotent(loaded, django_capture_on_commit_callbacks, tmp_path):
    counts = {
        code: EventPage.objects.live().filter(locale__language_code=code).count()
        for code in ("en", "es", "fr")
    }
    assert counts == {"en": len(EVENTS), "es": len(EVENTS), "fr": len(EVENTS)}
    assert {e["locale"] for e in EVENTS} == {"en", "es", "fr"}
    assert EventIndexPage.objects.live().count() == 3
    assert EventType.objects.filter(locale__language_code="es", slug="study-tour").get().name == (
        "Visita de estudio"
    )
    pages = Page.objects.count()
    with open(tmp_path / "out.txt", "w") as stream:
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(Command(stream))
    assert Page.objects.count() == pages
    assert "0 pages or translations made" in (tmp_path / "out.txt").read_text()


def test_demo_events_read_natively_and_are_filed_under_source_terms(loaded, terms):
    en = Locale.objects.get(language_code="en")
    spanish = EventPage.objects.get(
        locale__language_code="es", title__startswith="Conferencia regional sobre protección"
    )
    english = spanish.get_translation(en)
    assert english.title.startswith("Regional conference on social protection and gender")
    assert spanish.city == "Bogotá" and spanish.time_zone == "America/Bogota"
    assert english.start == spanish.start and english.time_zone == spanish.time_zone
    assert list(spanish.themes.all()) == [terms["gender"]]
    assert list(spanish.regions.all()) == [terms["region"]]
    assert list(spanish.organisers.all()) == [terms["un-women"]]
    french = spanish.get_translation(Locale.objects.get(language_code="fr"))
    assert "travail de soins" in french.summary


def test_a_spanish_reader_subscribes_to_upcoming_events_on_gender_in_latin_america(client, loaded):
    response = client.get("/es/eventos/calendar/?theme=gender&region=latin-america-caribbean")
    assert response.status_code == 200
    parsed = icalendar.Calendar.from_ical(response.content)
    summaries = [str(item["summary"]) for item in parsed.walk("VEVENT")]
    # The Panama workshop ended three weeks ago: a subscription keeps the last month.
    assert sorted(summaries) == [
        "Conferencia regional sobre protección social y género en América Latina y el Caribe",
        "Taller regional sobre cuidados y protección social",
    ]
    bogota = next(e for e in parsed.walk("VEVENT") if str(e["summary"]).startswith("Conferencia"))
    assert bogota["dtstart"].params["TZID"] == "America/Bogota"
    assert bogota.decoded("dtstart") == dt.datetime(2027, 2, 23, 14, 0, tzinfo=dt.UTC)
    page = client.get("/es/eventos/?theme=gender&region=latin-america-caribbean")
    assert "Suscribirse a este calendario" in page.content.decode()
    assert "Conferencia regional sobre protección social" in page.content.decode()


def test_events_demo_loads_after_the_apps_it_links_to_and_before_the_news():
    loaders = hooks.get_hooks("register_demo_content")
    orders = {fn.__name__: index for index, fn in enumerate(loaders)}
    assert loaders.index(load_events_demo) > orders["load_webinars_demo"]
    assert loaders.index(load_events_demo) < orders["load_news_demo"]


def test_the_demo_main_menu_links_to_the_calendar(
    home, locales, django_capture_on_commit_callbacks
):
    for slug in ("about", "how-to-use-the-portal", "privacy-and-terms"):
        StandardPageFactory(parent=home, slug=slug)
    with django_capture_on_commit_callbacks(execute=True):
        index = demo.load_index_pages(home, locales)["en"]
        portal_demo.load_menus(locales, home)
    main = NavigationMenu.objects.get(locale=locales["en"], slot="main")
    assert index.pk in portal_demo.menu_page_ids(main.items)
