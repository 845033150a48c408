"""What the events app hands to the layers below: the admin's event types, the home page's
upcoming events, its pages in the site search and its demo content."""

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events import demo as events_demo
from portal.datetimes import time_zone
from portal.index_pages import index_page
from portal.reader_urls import reader_path

from .entries import upcoming_entries, visible_event_pages
from .models import EventIndexPage, EventPage, EventType


class EventTypeViewSet(SnippetViewSet):
    """Event types as snippets (conference, training, study tour…)."""

    model = EventType
    icon = "date"
    menu_label = _("Event types")
    menu_order = 252
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(EventTypeViewSet)


@hooks.register("portal_home_sections")
def upcoming_events(request, locale):
    """The home page's section of the next three entries of the calendar the reader may see
    (events, webinars and community events; none when the language has no calendar)."""
    index = index_page(request, EventIndexPage, locale)
    if index is None:
        return None
    items = [
        {
            "title": entry.title,
            "url": entry.url,
            "summary": entry.summary,
            "meta": " · ".join(
                part
                for part in (
                    date_format(entry.local_start, "DATE_FORMAT"),
                    str(entry.kind_label),
                    entry.location,
                )
                if part
            ),
        }
        for entry in upcoming_entries(request.user, locale, count=3, relations=False)
    ]
    return {
        "title": _("Upcoming events"),
        "url": index.url,
        "more_label": _("All events"),
        "items": items,
        "pillar": "connect",
    }


@hooks.register("library_organisation_sections")
def organisation_events(request, profile):
    """An organisation profile's section of the upcoming events it organises, as the reader
    may see them, soonest first."""
    events = (
        visible_event_pages(request.user, profile.locale)
        .filter(organisers=profile.organisation_id, end__gte=timezone.now())
        .order_by("start")[:10]
    )
    code = profile.locale.language_code
    return {
        "title": _("Upcoming events"),
        "items": [
            {
                "title": event.title,
                "url": reader_path(event, code),
                # The day it starts on the organiser's clock.
                "meta": date_format(
                    event.start.astimezone(time_zone(event.time_zone) or dt.UTC), "DATE_FORMAT"
                ),
            }
            for event in events
        ],
    }


@hooks.register("register_search_model")
def search_events():
    """Registers event pages with the site search (type ``events``)."""
    return {"model": EventPage, "label": _("Events"), "type": "events"}


@hooks.register("register_demo_content", order=46)
def load_events_demo(command):
    """The demo calendar and its events (after the apps whose organisations and terms they
    use, and whose webinars and community events the calendar lists)."""
    return events_demo.load(command)
