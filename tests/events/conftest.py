"""Fixtures of the events tests: the calendar in each language, terms, and entries of the
three sources (event pages, webinar sessions, community events), dated from now."""

import datetime as dt

import pytest
from django.utils import timezone

from community_pages.factories import (
    CommunityEventFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory, EventTypeFactory
from library.factories import OrganisationFactory
from portal.demo_utils import translate_instance
from portal.factories import CountryFactory, ThemeFactory
from portal.models import Region
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """``translate(instance, code, strings)`` through wagtail-localize, published when its
    transaction commits, as in real use."""

    def run(instance, code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_instance(instance, code, strings)

    return run


@pytest.fixture
def now():
    """The present, to the minute (entries are dated from it)."""
    return timezone.now().replace(second=0, microsecond=0)


@pytest.fixture
def calendar_index(home, locales, translate):
    """The English calendar, with its Spanish and French translations."""
    index = EventIndexPageFactory(parent=home, introduction="Where practitioners meet.")
    index.save_revision().publish()
    translate(index, "es", {"Events": "Eventos", "events": "eventos"})
    translate(index, "fr", {"Events": "Événements", "events": "evenements"})
    return index


@pytest.fixture
def terms(locales, translate):
    """Themes, regions, countries, event types and organisations (English rows; gender and
    the conference type translated into Spanish)."""
    latam = Region.objects.create(
        name="Latin America and the Caribbean", slug="latin-america-caribbean", locale=locales["en"]
    )
    africa = Region.objects.create(
        name="Sub-Saharan Africa", slug="sub-saharan-africa", locale=locales["en"]
    )
    gender = ThemeFactory(name="Gender", slug="gender")
    translate(gender, "es", {"Gender": "Género"})
    conference = EventTypeFactory(name="Conference", slug="conference")
    translate(conference, "es", {"Conference": "Conferencia"})
    return {
        "latam": latam,
        "africa": africa,
        "gender": gender,
        "registries": ThemeFactory(name="Social registries", slug="social-registries"),
        "colombia": CountryFactory(name="Colombia", iso_code="CO", region=latam),
        "kenya": CountryFactory(name="Kenya", iso_code="KE", region=africa),
        "conference": conference,
        "training": EventTypeFactory(name="Training", slug="training"),
        "ilo": OrganisationFactory(name="International Labour Organization", slug="ilo"),
    }


@pytest.fixture
def event(calendar_index):
    """``event(title, start, hours=8, **fields)``: a published event page of the calendar;
    ``themes``, ``regions``, ``countries``, ``organisers`` are lists of terms."""

    def make(title, start, hours=8, themes=(), regions=(), countries=(), organisers=(), **kw):
        page = EventPageFactory(
            parent=calendar_index,
            title=title,
            start=start,
            end=start + dt.timedelta(hours=hours),
            terms={
                "themes": list(themes),
                "regions": list(regions),
                "countries": list(countries),
                "organisers": list(organisers),
            },
            **kw,
        )
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def webinar_index(home):
    """The English webinars section."""
    return WebinarIndexPageFactory(parent=home)


@pytest.fixture
def webinar(webinar_index):
    """``webinar(title, starts_at, **fields)``: a published session of the webinars index."""

    def make(title, starts_at, themes=(), **fields):
        page = WebinarPageFactory(parent=webinar_index, title=title, starts_at=starts_at, **fields)
        if themes:
            page.themes = list(themes)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def communities(home, terms):
    """An open community on gender in Latin America and a private one."""
    directory = CommunityIndexPageFactory(parent=home)
    open_community = CommunityPageFactory(
        parent=directory, title="Gender and protection", slug="gender", privacy="open"
    )
    open_community.themes = [terms["gender"]]
    open_community.regions = [terms["latam"]]
    open_community.save_revision().publish()
    private = CommunityPageFactory(
        parent=directory, title="Registry managers", slug="registries", privacy="private"
    )
    private.save_revision().publish()
    return {"open": open_community, "private": private}


@pytest.fixture
def community_event(communities):
    """``community_event(community, title, start, hours=2, **fields)``: a community event."""

    def make(community, title, start, hours=2, **fields):
        return CommunityEventFactory(
            community=community,
            title=title,
            start=start,
            end=start + dt.timedelta(hours=hours),
            **fields,
        )

    return make


@pytest.fixture
def calendar(now, terms, event, webinar, communities, community_event):
    """One entry of each kind ahead, a members-only event, a private community's event and
    a past conference; returns them by name."""
    made = {
        "bogota": event(
            "Regional conference on gender and social protection",
            now + dt.timedelta(days=10),
            hours=30,
            time_zone="America/Bogota",
            attendance_mode="hybrid",
            city="Bogotá",
            country=terms["colombia"],
            event_type=terms["conference"],
            themes=[terms["gender"]],
            organisers=[terms["ilo"]],
        ),
        "nairobi": event(
            "Shock-responsive social protection workshop",
            now + dt.timedelta(days=20),
            country=terms["kenya"],
            event_type=terms["training"],
        ),
        "briefing": event(
            "Members' briefing on registries",
            now + dt.timedelta(days=5),
            members_only=True,
            event_type=terms["training"],
        ),
        "past": event(
            "Last year's forum",
            now - dt.timedelta(days=40),
            event_type=terms["conference"],
            themes=[terms["gender"]],
            regions=[terms["latam"]],
        ),
        "webinar": webinar(
            "Care policies and cash transfers",
            now + dt.timedelta(days=3),
            themes=[terms["gender"]],
            time_zone="America/Sao_Paulo",
        ),
        "open_event": community_event(
            communities["open"], "Gender community call", now + dt.timedelta(days=7)
        ),
        "private_event": community_event(
            communities["private"], "Registry managers' meeting", now + dt.timedelta(days=4)
        ),
    }
    return made


@pytest.fixture
def private_member(member, communities):
    """``member``, made an active member of the private community."""
    MembershipFactory(community=communities["private"], user=member)
    return member
