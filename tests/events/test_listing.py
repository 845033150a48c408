"""The calendar's views: upcoming entries of the three sources merged, the month view, the
archive, filters combined across views with counts, times in both zones, bad parameters, and
a constant number of queries."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.entries import CalendarFilters, calendar_entries, upcoming_window


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".event-list .card-title a")]


def test_upcoming_view_merges_events_webinars_and_community_events_soonest_first(client, calendar):
    assert titles(client.get("/en/events/")) == [
        "Care policies and cash transfers",
        "Gender community call",
        "Regional conference on gender and social protection",
        "Shock-responsive social protection workshop",
    ]


def test_members_see_members_only_events_and_their_private_communities_events(
    client, calendar, private_member
):
    anonymous = titles(client.get("/en/events/"))
    client.force_login(private_member)
    member = titles(client.get("/en/events/"))
    # Positive control: the member sees both; anonymous readers see neither.
    assert "Members' briefing on registries" in member
    assert "Registry managers' meeting" in member
    assert "Members' briefing on registries" not in anonymous
    assert "Registry managers' meeting" not in anonymous


def test_a_member_of_no_community_does_not_see_private_community_events(client, calendar, member):
    client.force_login(member)
    listed = titles(client.get("/en/events/"))
    assert "Members' briefing on registries" in listed  # members-only: any member
    assert "Registry managers' meeting" not in listed


def test_filters_combine_theme_region_and_type(client, calendar):
    assert titles(client.get("/en/events/?theme=gender")) == [
        "Care policies and cash transfers",
        "Gender community call",
        "Regional conference on gender and social protection",
    ]
    # Webinars have no region: the region filter keeps events and community events.
    assert titles(client.get("/en/events/?theme=gender&region=latin-america-caribbean")) == [
        "Gender community call",
        "Regional conference on gender and social protection",
    ]
    assert titles(
        client.get("/en/events/?theme=gender&region=latin-america-caribbean&type=conference")
    ) == ["Regional conference on gender and social protection"]
    assert titles(client.get("/en/events/?type=webinar")) == ["Care policies and cash transfers"]
    assert titles(client.get("/en/events/?type=community-event")) == ["Gender community call"]


def test_the_region_filter_finds_an_event_by_its_host_country(client, calendar):
    assert titles(client.get("/en/events/?region=sub-saharan-africa")) == [
        "Shock-responsive social protection workshop"
    ]


def test_type_options_count_the_entries_of_the_other_filters(client, calendar):
    page = soup(client.get("/en/events/?theme=gender&type=conference"))
    options = {o["value"]: o.get_text() for o in page.select("#filter-type option") if o["value"]}
    assert options == {
        "conference": "Conference (1)",
        "webinar": "Webinar (1)",
        "community-event": "Community event (1)",
    }
    assert page.select_one('#filter-type option[value="conference"]').has_attr("selected")


def test_archive_lists_past_entries_newest_first_with_the_filters(client, calendar, event, now):
    event("An older training", now - dt.timedelta(days=400))
    assert titles(client.get("/en/events/archive/")) == ["Last year's forum", "An older training"]
    assert titles(client.get("/en/events/archive/?theme=gender")) == ["Last year's forum"]
    assert "Last year's forum" not in titles(client.get("/en/events/"))


def test_archive_is_paginated(client, calendar_index, event, now):
    calendar_index.per_page = 2
    calendar_index.save_revision().publish()
    for day in range(1, 6):
        event(f"Past {day}", now - dt.timedelta(days=day * 10))
    page = client.get("/en/events/archive/?page=3")
    assert titles(page) == ["Past 5"]
    assert "Page 3 of 3" in page.content.decode()
    assert titles(client.get("/en/events/archive/?page=99")) == ["Past 5"]
    assert titles(client.get("/en/events/archive/?page=abc")) == ["Past 1", "Past 2"]


def test_month_view_lists_each_day_of_the_month_with_links_to_the_months_around(
    client, calendar_index, event
):
    start = dt.datetime(2027, 2, 10, 14, 0, tzinfo=dt.UTC)  # 09:00 in Bogotá
    event("Regional conference", start, hours=50, time_zone="America/Bogota")
    event("March workshop", dt.datetime(2027, 3, 2, 8, 0, tzinfo=dt.UTC))
    page = soup(client.get("/en/events/?month=2027-02&type=&theme="))
    assert page.select_one("#month-heading").get_text() == "February 2027"
    days = [h.select_one("time")["datetime"] for h in page.select(".event-day h3")]
    assert days == ["2027-02-10", "2027-02-11", "2027-02-12"]
    assert "March workshop" not in page.get_text()
    assert page.select_one('a[rel="prev"]')["href"] == "/en/events/?month=2027-01"
    assert page.select_one('a[rel="next"]')["href"] == "/en/events/?month=2027-03"


def test_month_links_keep_the_filters(client, calendar):
    page = soup(client.get("/en/events/?month=2027-01&theme=gender&region=latin-america-caribbean"))
    assert page.select_one('a[rel="next"]')["href"] == (
        "/en/events/?theme=gender&region=latin-america-caribbean&month=2027-02"
    )
    assert page.select_one('input[name="month"]')["value"] == "2027-01"


def test_an_entry_shows_its_organisers_clock_and_the_instant_for_the_readers_zone(
    client, calendar_index, event
):
    start = dt.datetime(2027, 2, 10, 14, 0, tzinfo=dt.UTC)
    event("Regional conference", start, time_zone="America/Bogota")
    card = soup(client.get("/en/events/")).select_one(".event-card")
    when = card.select_one(".event-when")
    assert "Wednesday 10 February 2027, 09:00" in when.get_text()
    assert "Bogotá (UTC-05:00)" in when.get_text()
    local = card.select_one("time[data-local]")  # portal.js writes the reader's zone here
    assert local["datetime"] == "2027-02-10T14:00:00+00:00"
    assert "14:00 UTC" in local.get_text()


@pytest.mark.parametrize(
    "query",
    [
        "month=2026-13",
        "month=0000-01",
        "month=junk",
        "theme=no-such-theme",
        "region=%00",
        "type=party",
        "page=-1",
        "month=2027-02&type=nope&theme=nope&region=nope",
    ],
)
def test_bad_parameters_are_ignored_with_a_message_never_an_error(client, calendar, query):
    for path in ("/en/events/", "/en/events/archive/", "/en/events/calendar/"):
        assert client.get(f"{path}?{query}").status_code == 200, path


def test_an_impossible_month_says_so_and_shows_upcoming_events(client, calendar):
    page = soup(client.get("/en/events/?month=2026-13&theme=nonsense"))
    notices = page.select_one(".event-notices").get_text()
    assert "“2026-13” is not a month" in notices
    assert "No theme is called “nonsense”" in notices
    assert page.select_one("#entries-heading").get_text() == "Upcoming events"
    assert len(titles(client.get("/en/events/?theme=nonsense"))) == 4


def test_spanish_calendar_reads_in_spanish_with_terms_labelled_in_spanish(
    client, calendar, translate
):
    source = calendar["bogota"]
    translate(
        source,
        "es",
        {
            source.title: "Conferencia regional sobre género y protección social",
            source.slug: "conferencia-regional-genero",
        },
    )
    page = soup(client.get("/es/eventos/?theme=gender&region=latin-america-caribbean"))
    cards = page.select(".event-card")
    spanish = next(c for c in cards if "Conferencia regional" in c.get_text())
    assert spanish.select_one("a")["href"] == "/es/eventos/conferencia-regional-genero/"
    assert "Conferencia" in spanish.select_one(".tag").get_text()
    assert "Género" in spanish.select_one(".event-terms").get_text()
    assert "Próximos eventos" in page.get_text()
    # The translation points at the English rows: filtered exactly like its source.
    translation = source.get_translation(source.locale.__class__.objects.get(language_code="es"))
    assert list(translation.specific.themes.all()) == list(source.themes.all())
    assert translation.specific.start == source.start


def test_an_event_not_yet_translated_is_listed_in_its_own_language(client, calendar):
    page = soup(client.get("/fr/evenements/"))
    link = next(
        a for a in page.select(".card-title a") if a.get_text().startswith("Regional conference")
    )
    assert link["lang"] == "en"
    # The source page under the French prefix: served with the "not yet translated" notice.
    assert link["href"] == "/fr/events/regional-conference-on-gender-and-social-protection/"
    assert client.get(link["href"]).status_code == 200


def test_event_page_shows_when_where_who_and_how_to_take_part(client, calendar):
    page = soup(client.get(calendar["bogota"].url))
    assert page.select_one("h1").get_text() == calendar["bogota"].title
    assert "Bogotá (UTC-05:00)" in page.select_one(".event-when").get_text()
    facts = page.select_one(".event-facts").get_text()
    assert "Bogotá, Colombia" in facts and "International Labour Organization" in facts
    assert page.select_one('a[href$="/calendar/"]').get_text() == "Add to my calendar (.ics)"


def test_members_only_event_page_is_not_served_to_anonymous_readers(client, calendar, member):
    briefing = calendar["briefing"]
    client.force_login(member)
    assert client.get(briefing.url).status_code == 200
    client.logout()
    assert client.get(briefing.url).status_code in (302, 403, 404)
    assert client.get(briefing.url + "calendar/").status_code in (302, 403, 404)


def test_calendar_entries_filters_directly(calendar, locales, terms):
    filters = CalendarFilters(theme=terms["gender"])
    entries = calendar_entries(AnonymousUser(), locales["en"], filters, upcoming_window())
    assert {e.kind for e in entries} == {"event", "webinar", "community-event"}


# The whole page, its frame included (menus, languages, the reader).
QUERIES = 50


def _add_entries(terms, event, webinar, communities, community_event, now, first, count):
    for number in range(first, first + count):
        start = now + dt.timedelta(days=number + 1)
        event(
            f"Event {number}",
            start,
            themes=[terms["gender"], terms["registries"]],
            countries=[terms["colombia"]],
            organisers=[terms["ilo"]],
            event_type=terms["conference"],
        )
        webinar(f"Webinar {number}", start, themes=[terms["gender"]])
        community_event(communities["open"], f"Call {number}", start)
        # One of each kind in the past, for the archive.
        event(f"Past event {number}", now - dt.timedelta(days=number + 2), themes=[terms["gender"]])
        webinar(f"Past webinar {number}", now - dt.timedelta(days=number + 2))
        community_event(
            communities["open"], f"Past call {number}", now - dt.timedelta(days=number + 2)
        )


@pytest.mark.parametrize(
    "path", ["/en/events/?theme=gender", "/en/events/?month={month}", "/en/events/archive/"]
)
def test_calendar_queries_do_not_grow_with_the_number_of_entries(
    client,
    terms,
    event,
    webinar,
    communities,
    community_event,
    now,
    path,
    django_assert_max_num_queries,
):
    path = path.format(month=now.strftime("%Y-%m"))
    counts = []
    for first, count in ((0, 1), (1, 6)):
        _add_entries(terms, event, webinar, communities, community_event, now, first, count)
        client.get(path)  # label maps and the frame's caches are filled on the first view
        with CaptureQueriesContext(connection) as queries:
            with django_assert_max_num_queries(QUERIES):
                assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
