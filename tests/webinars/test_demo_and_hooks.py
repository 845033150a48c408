"""Demo content loads twice without changes; the home section and site search see webinars."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.formats import date_format
from wagtail import hooks

from webinars import demo
from webinars.models import Registration, WebinarPage, WebinarSeriesPage


def test_demo_is_idempotent_and_has_past_outputs_and_upcoming_sessions(
    home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)
    counts = (
        WebinarPage.objects.count(),
        WebinarSeriesPage.objects.count(),
        Registration.objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)
    assert counts == (
        WebinarPage.objects.count(),
        WebinarSeriesPage.objects.count(),
        Registration.objects.count(),
    )
    en = WebinarPage.objects.filter(locale__language_code="en")
    mena = en.get(slug="social-protection-in-mena-since-the-arab-uprisings")
    assert mena.questions.filter(asker="Pascal Annycke").exists()
    assert mena.presentations.get().document.file.read(5) == b"%PDF-"
    assert sum(1 for w in en if w.status() == "upcoming") >= 4
    assert WebinarSeriesPage.objects.filter(locale__language_code="es").count() == 3


def test_demo_pages_render_offline(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)
    mena = WebinarPage.objects.get(
        slug="social-protection-in-mena-since-the-arab-uprisings", locale__language_code="en"
    )
    html = client.get(mena.url).content.decode()
    assert "youtube-nocookie.com/embed/" in html
    assert "Pascal Annycke" in html and "Markus Loewe answers:" in html
    assert client.get("/es/webinars/").status_code == 200


def test_home_section_lists_upcoming_webinars(client, upcoming, past):
    html = client.get("/en/").content.decode()
    assert "Upcoming webinars" in html
    assert "Financial inclusion" in html
    assert "Overview" not in html.split("Upcoming webinars")[1]


@pytest.mark.parametrize("address", ["/en/", "/en/webinars/", "/es/webinars/"])
def test_webinar_cards_show_the_host_s_clock_and_utc_for_the_reader_s_own_time(
    client, upcoming, address
):
    """Without JavaScript a card gives the host's time and city and the time in UTC; portal.js
    turns the UTC line (``time[data-local]``) into the reader's own time and zone."""
    soup = BeautifulSoup(client.get(address).content, "html.parser")
    card = next(c for c in soup.select(".card") if "Financial inclusion" in c.get_text())
    host, reader = card.select(".session-time time")
    start = upcoming.starts_at
    assert host["datetime"] == reader["datetime"] == start.isoformat()
    new_york = start.astimezone(ZoneInfo("America/New_York"))
    with translation.override(address[1:3]):
        assert host.get_text() == date_format(new_york, "j M Y, H:i")
        assert reader.get_text() == date_format(start.astimezone(dt.UTC), "j M Y, H:i") + " UTC"
    city = "New York" if address.startswith("/en/") else "Nueva York"
    assert city in card.select_one(".session-time").get_text()
    assert reader["data-local"] == "short"
    label = "In your time zone:" if address.startswith("/en/") else "En su huso horario:"
    assert reader["data-local-label"] == label


def test_webinar_models_are_registered_for_site_search():
    entries = []
    for fn in hooks.get_hooks("register_search_model"):
        result = fn()
        entries.extend(result if isinstance(result, list | tuple) else [result])
    models = {entry["model"] for entry in entries}
    assert {WebinarPage, WebinarSeriesPage} <= models
    fields = {f.field_name for f in WebinarPage.search_fields}
    assert {"audience", "locale_id", "abstract"} <= fields


def test_spanish_index_lists_untranslated_sessions_too(client, upcoming, past, locales):
    html = client.get("/es/webinars/").content.decode()
    assert "Financial inclusion" in html and "Overview" in html
