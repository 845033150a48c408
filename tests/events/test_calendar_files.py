"""The calendar files, read as calendar programs read them (icalendar and vobject): a
subscription for any filter, one event's "add to calendar" file; each event at its instant on
its organiser's clock, under one UID in every language, the sources' own UIDs for webinars
and community events, and nothing an anonymous reader may not see."""

import datetime as dt

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup

from portal.calendars import uid
from portal.reader_urls import absolute_url


def read(response):
    """``{uid: (summary, start)}`` as vobject reads the file, checked against icalendar."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content.decode()
    parsed = vobject.readOne(content)
    assert parsed.method.value == "PUBLISH"
    events = {
        str(item.uid.value): (str(item.summary.value), item.dtstart.value)
        for item in getattr(parsed, "vevent_list", [])
    }
    other = icalendar.Calendar.from_ical(response.content)
    assert {
        str(item["uid"]): item.decoded("dtstart").astimezone(dt.UTC)
        for item in other.walk("VEVENT")
    } == {key: start.astimezone(dt.UTC) for key, (_summary, start) in events.items()}
    return events


def test_subscription_of_a_filter_holds_its_entries_of_every_source(client, calendar):
    events = read(client.get("/en/events/calendar/?theme=gender"))
    assert sorted(summary for summary, _start in events.values()) == [
        "Care policies and cash transfers",
        "Gender community call",
        "Regional conference on gender and social protection",
    ]


def test_subscription_keeps_a_month_of_the_past_only(client, calendar, event, now):
    event("Last week's training", now - dt.timedelta(days=7))
    summaries = {summary for summary, _start in read(client.get("/en/events/calendar/")).values()}
    assert "Last week's training" in summaries
    assert "Last year's forum" not in summaries  # ended forty days ago


def test_spanish_subscription_to_gender_in_latin_america(client, calendar, translate):
    source = calendar["bogota"]
    translate(source, "es", {source.title: "Conferencia regional sobre género"})
    response = client.get("/es/eventos/calendar/?theme=gender&region=latin-america-caribbean")
    events = read(response)
    assert {summary for summary, _start in events.values()} == {
        "Conferencia regional sobre género",
        "Gender community call",
    }
    calendar_file = vobject.readOne(response.content.decode())
    assert "Género" in calendar_file.contents["x-wr-calname"][0].value


def test_an_event_is_at_its_instant_on_its_organisers_clock(client, calendar_index, event):
    start = dt.datetime(2027, 7, 10, 14, 0, tzinfo=dt.UTC)  # 09:00 in Bogotá
    page = event("Regional conference", start, time_zone="America/Bogota")
    response = client.get("/en/events/calendar/")
    assert "DTSTART;TZID=America/Bogota:20270710T090000" in response.content.decode()
    [(summary, read_start)] = read(response).values()
    assert summary == "Regional conference"
    assert read_start.replace(tzinfo=None) == dt.datetime(2027, 7, 10, 9, 0)
    assert read_start.astimezone(dt.UTC) == page.start


def test_summer_time_events_read_at_their_instant(client, calendar_index, event):
    summer = dt.datetime(2027, 6, 15, 8, 0, tzinfo=dt.UTC)  # 10:00 in Geneva (CEST)
    winter = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)  # 10:00 in Geneva (CET)
    event("Summer forum", summer, time_zone="Europe/Zurich")
    event("Winter forum", winter, time_zone="Europe/Zurich")
    for _summary, start in read(client.get("/en/events/calendar/")).values():
        assert start.replace(tzinfo=None).time() == dt.time(10, 0)


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_uids_are_the_same_in_every_language_and_reuse_the_sources_uids(
    client, calendar, translate, language
):
    source = calendar["bogota"]
    translate(source, "es", {source.title: "Conferencia regional sobre género"})
    slug = {"en": "events", "es": "eventos", "fr": "evenements"}[language]
    events = read(client.get(f"/{language}/{slug}/calendar/"))
    assert uid("event", source.translation_key) in events
    assert uid("webinar", calendar["webinar"].translation_key) in events
    assert uid("community-event", calendar["open_event"].pk) in events


def test_webinar_and_community_uids_match_their_own_calendars(client, calendar, communities):
    ours = read(client.get("/en/events/calendar/"))
    webinars = read(client.get("/en/webinars/calendar/"))
    webinar_uid = uid("webinar", calendar["webinar"].translation_key)
    assert webinar_uid in webinars and webinar_uid in ours
    event = calendar["open_event"]
    community_file = read(client.get(f"/en/communities/gender/calendar/{event.pk}/ics/"))
    assert list(community_file) == [uid("community-event", event.pk)]
    assert set(community_file) <= set(ours)


def test_subscriptions_never_hold_what_anonymous_readers_may_not_see(
    client, calendar, private_member
):
    client.force_login(private_member)  # shared by calendar programs: anonymous, whoever asks
    assert titles_in_listing(client) >= {"Members' briefing on registries"}
    summaries = {s for s, _ in read(client.get("/en/events/calendar/")).values()}
    assert "Care policies and cash transfers" in summaries  # positive control
    assert "Members' briefing on registries" not in summaries
    assert "Registry managers' meeting" not in summaries
    for query in ("type=community-event", "type=training", "theme=social-registries"):
        summaries = {s for s, _ in read(client.get(f"/en/events/calendar/?{query}")).values()}
        assert not summaries & {"Members' briefing on registries", "Registry managers' meeting"}


def titles_in_listing(client):
    soup = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select(".event-list .card-title a")}


def test_each_view_links_to_the_subscription_of_its_filters(client, calendar):
    for path in ("/en/events/", "/en/events/archive/", "/en/events/?month=2027-01"):
        separator = "&" if "?" in path else "?"
        page = BeautifulSoup(
            client.get(f"{path}{separator}theme=gender&type=webinar").content, "html.parser"
        )
        link = page.select_one(".event-subscribe a.button")
        assert link.get_text() == "Subscribe to this calendar"
        expected = absolute_url("/en/events/calendar/?theme=gender&type=webinar")
        assert link["href"] == expected.replace("http://", "webcal://").replace(
            "https://", "webcal://"
        )
        alternate = page.select_one('link[rel="alternate"][type="text/calendar"]')
        assert alternate["href"] == expected


def test_add_to_calendar_file_of_one_event(client, calendar, translate):
    source = calendar["bogota"]
    response = client.get(source.url + "calendar/")
    assert response["Content-Disposition"].startswith("attachment;")
    events = read(response)
    assert list(events) == [uid("event", source.translation_key)]
    vevent = vobject.readOne(response.content.decode()).vevent
    assert vevent.url.value == absolute_url(source.url)
    assert "Bogotá" in vevent.location.value
    spanish = translate(source, "es", {source.title: "Conferencia regional sobre género"})
    spanish_events = read(client.get(spanish.url + "calendar/"))
    assert list(spanish_events) == list(events)
