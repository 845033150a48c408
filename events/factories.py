"""Factories for the events app's pages and event types, used by tests."""

import datetime as dt

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, EventType
from portal.factories import locale


class EventTypeFactory(factory.django.DjangoModelFactory):
    """An English event type (test factory; reused by slug)."""

    class Meta:
        model = EventType
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Event type {n}")
    slug = factory.Sequence(lambda n: f"event-type-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """An events calendar page (test factory)."""

    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"


class EventPageFactory(wagtail_factories.PageFactory):
    """A two-day event in Nairobi time, a year ahead by default (test factory);
    ``terms={"themes": [...], "organisers": [...]}`` files it."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "Practitioners meet to compare what works."
    body = "<p>The programme, the audience and practical details.</p>"
    time_zone = "Africa/Nairobi"
    start = factory.Sequence(
        lambda n: dt.datetime(2027, 6, 1, 6, 0, tzinfo=dt.UTC) + dt.timedelta(days=n)
    )
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=8))
    attendance_mode = "in_person"
    venue = "United Nations Office at Nairobi, Gigiri"
    city = "Nairobi"

    @factory.post_generation
    def terms(obj, create, extracted, **kwargs):
        """``terms={"themes": [...], "regions": [...], ...}`` then save once."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            setattr(obj, name, values)
        obj.save()
