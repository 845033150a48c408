"""Demo content of the events app: the calendar in English, Spanish and French, its kinds of
event and the events of ``events.demo_events``, each first written in one language and
translated into the other two through wagtail-localize, as a translator would.

Events point at the source-language taxonomy rows and library organisations the other apps'
demos made (terms it does not find are left out). The calendar also lists the demo webinars
and community events, which their own apps make. Running it twice changes nothing: the
index, each type and each event are looked up first, and existing translations are left
as they are.
"""

import datetime as dt

from library.models import Organisation
from portal.datetimes import wall_clock_to_utc
from portal.demo_utils import demo_index_pages, ensure_locales, segment, translate_instance
from portal.models import Country, HomePage, Region, Theme
from portal.slugs import slug_for

from .demo_events import EVENT_TYPES, EVENTS, INDEX
from .models import EventIndexPage, EventPage, EventType


def load(command):
    """Load the calendar, its event types and its events in the three languages."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return []
    indexes = load_index_pages(home, locales)
    types = load_event_types(locales)
    made = sum(load_event(data, indexes, types, locales) for data in EVENTS)
    if command is not None:
        command.stdout.write(f"  events: {len(EVENTS)} events, {made} pages or translations made")
    return []


def load_index_pages(home, locales):
    """The calendar under the English home page and its Spanish and French translations:
    ``{language code: index page}``."""
    return demo_index_pages(home, locales, EventIndexPage, "events", INDEX)


def load_event_types(locales):
    """The kinds of event in English with their Spanish and French names: ``{slug: row}``."""
    types = {}
    for slug, en, es, fr in EVENT_TYPES:
        row = EventType.objects.filter(locale=locales["en"], slug=slug).first()
        if row is None:
            row = EventType.objects.create(locale=locales["en"], slug=slug, name=en)
        for code, name in (("es", es), ("fr", fr)):
            if not row.has_translation(locales[code]):
                translate_instance(row, code, {en: name})
        types[slug] = row
    return types


def _body(text):
    return f"<p>{segment(text)}</p>"


def _instant(parts, zone):
    return wall_clock_to_utc(dt.datetime(*parts), zone)


def load_event(data, indexes, types, locales):
    """One event in the language it was written in, then its translations; returns how many
    pages it made (0 on a second run)."""
    code = data["locale"]
    title, summary, body, venue, city = data["text"][code]
    slug = slug_for(title, "event")
    index = indexes[code]
    page = EventPage.objects.child_of(index).filter(slug=slug).first()
    made = 0
    en = locales["en"]
    if page is None:
        page = EventPage(
            title=title,
            slug=slug,
            summary=summary,
            body=_body(body),
            venue=venue,
            city=city,
            event_type=types.get(data["type"]),
            start=_instant(data["start"], data["time_zone"]),
            end=_instant(data["end"], data["time_zone"]),
            time_zone=data["time_zone"],
            attendance_mode=data["mode"],
            registration_url=data["registration_url"],
            country=Country.objects.filter(locale=en, iso_code=data["country"]).first()
            if data["country"]
            else None,
        )
        page.themes = list(Theme.objects.filter(locale=en, slug__in=data["themes"]))
        page.regions = list(Region.objects.filter(locale=en, slug__in=data["regions"]))
        page.organisers = list(Organisation.objects.filter(locale=en, slug__in=data["organisers"]))
        index.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    for other, (other_title, other_summary, other_body, other_venue, other_city) in data[
        "text"
    ].items():
        if other == code or page.has_translation(locales[other]):
            continue
        strings = {
            segment(title): segment(other_title),
            segment(page.slug): slug_for(other_title, page.slug),
            segment(summary): segment(other_summary),
            segment(body): segment(other_body),
        }
        if venue:
            strings[segment(venue)] = segment(other_venue)
        if city:
            strings[segment(city)] = segment(other_city)
        translate_instance(page, other, strings)
        made += 1
    return made
