"""Factories for webinar pages and speakers, used by tests, benchmarks and demo content."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from portal.factories import locale

from .models import Speaker, WebinarIndexPage, WebinarPage, WebinarSeriesPage


class WebinarIndexPageFactory(wagtail_factories.PageFactory):
    """A webinars index page (test factory)."""

    class Meta:
        model = WebinarIndexPage

    title = "Webinars"
    slug = "webinars"


class WebinarSeriesPageFactory(wagtail_factories.PageFactory):
    """A webinar series page (test factory)."""

    class Meta:
        model = WebinarSeriesPage

    title = factory.Sequence(lambda n: f"Series {n}")
    introduction = "A webinar series."
    overview = "<p>Why this series.</p>"


class WebinarPageFactory(wagtail_factories.PageFactory):
    """A webinar; pass ``starts_at`` (aware) and ``time_zone`` to schedule it."""

    class Meta:
        model = WebinarPage

    title = factory.Sequence(lambda n: f"Webinar {n}")
    introduction = "A session."
    time_zone = "UTC"
    duration_minutes = 90

    @classmethod
    def _create(cls, model_class, *args, starts_at=None, **kwargs):
        zone_name = kwargs.get("time_zone", "UTC")
        starts_at = starts_at or timezone.now() + dt.timedelta(days=7)
        local = starts_at.astimezone(__import__("zoneinfo").ZoneInfo(zone_name))
        kwargs.setdefault("start_date", local.date())
        kwargs.setdefault("start_time", local.time().replace(second=0, microsecond=0))
        return super()._create(model_class, *args, **kwargs)


class SpeakerFactory(factory.django.DjangoModelFactory):
    """An English speaker (test factory)."""

    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    organisation = "IPC-IG"
    job_title = "Researcher"
    locale = factory.LazyFunction(lambda: locale("en"))
