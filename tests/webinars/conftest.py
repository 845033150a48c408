import datetime as dt

import pytest
from django.utils import timezone

from webinars.factories import (
    SpeakerFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)


@pytest.fixture
def webinar_index(home):
    return WebinarIndexPageFactory(parent=home)


@pytest.fixture
def series(webinar_index):
    return WebinarSeriesPageFactory(
        parent=webinar_index, title="Gender and social protection", slug="gender"
    )


@pytest.fixture
def upcoming(series):
    start = (timezone.now() + dt.timedelta(days=10)).replace(second=0, microsecond=0)
    webinar = WebinarPageFactory(
        parent=series,
        title="Financial inclusion",
        slug="financial-inclusion",
        starts_at=start,
        time_zone="America/New_York",
        capacity=3,
    )
    webinar.speaker_roles.create(speaker=SpeakerFactory(name="Rana Jawad"), role="moderator")
    webinar.save()  # child relations of a cluster are written when the page is saved
    return webinar


@pytest.fixture
def past(series):
    start = timezone.now() - dt.timedelta(days=30)
    return WebinarPageFactory(
        parent=series,
        title="Overview",
        slug="overview",
        starts_at=start,
        time_zone="Europe/Paris",
        recording_url="https://www.youtube.com/watch?v=abcdefghijk",
        summary="<p>What was said.</p>",
    )
