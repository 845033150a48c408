"""Where the calendar reaches readers besides its views: the home page's upcoming events, the
site search, the API and the sitemap; a members-only event and a private community's event
reach none of them anonymously."""

import datetime as dt

from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser

from events.wagtail_hooks import search_events
from portal.reader_urls import absolute_url
from search import service

HIDDEN = ("Members' briefing on registries", "Registry managers' meeting")


def home_section(client, path="/en/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    [section] = [s for s in soup.select(".home-section") if "Upcoming events" in s.get_text()]
    return section


def test_home_page_shows_the_next_three_entries_the_reader_may_see(
    client, calendar, private_member
):
    section = home_section(client)
    assert [a.get_text(strip=True) for a in section.select("h3 a, h4 a")] == [
        "Care policies and cash transfers",
        "Gender community call",
        "Regional conference on gender and social protection",
    ]
    assert section.select_one(".more-link")["href"] == "/en/events/"
    client.force_login(private_member)
    member_titles = [a.get_text(strip=True) for a in home_section(client).select("h3 a, h4 a")]
    # Positive control: the member's next three include both hidden entries.
    assert set(HIDDEN) <= set(member_titles)


def test_site_search_finds_events_and_not_what_the_reader_may_not_see(calendar, member):
    assert search_events()["type"] == "events"
    anonymous = AnonymousUser()
    found = service.search("conference gender", anonymous, "en", types=["events"])
    assert [hit.title for hit in found.hits] == [
        "Regional conference on gender and social protection"
    ]
    assert service.search("briefing", member, "en", types=["events"]).total == 1  # control
    assert service.search("briefing", anonymous, "en").total == 0


def test_api_lists_public_events_with_their_fields(client, calendar):
    response = client.get("/api/v2/pages/?type=events.EventPage&fields=*")
    assert response.status_code == 200, response.content
    items = {item["title"]: item for item in response.json()["items"]}
    assert HIDDEN[0] not in items
    bogota = items["Regional conference on gender and social protection"]
    assert bogota["time_zone"] == "America/Bogota"
    assert bogota["attendance_mode"] == "hybrid"
    assert bogota["event_type"] == {"key": "conference", "name": "Conference"}
    assert bogota["themes"] == [{"key": "gender", "name": "Gender"}]
    assert bogota["country"] == {"key": "CO", "name": "Colombia"}
    assert bogota["organisers"] == [{"key": "ilo", "name": "International Labour Organization"}]
    assert bogota["regions"] == [
        {"key": "latin-america-caribbean", "name": "Latin America and the Caribbean"}
    ]
    start = dt.datetime.fromisoformat(bogota["start"])
    assert start == calendar["bogota"].start


def test_sitemap_lists_the_calendar_and_public_events_only(client, calendar):
    xml = client.get("/sitemap.xml").content.decode()
    assert absolute_url("/en/events/") in xml
    assert absolute_url(calendar["bogota"].url) in xml  # positive control
    assert calendar["briefing"].slug not in xml
